// The one file reader: regular files only, never blocking, and a size cap that says so.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { closeSync, constants, mkdirSync, mkdtempSync, openSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readBytesSafe, readFileSafe, readFileSafeSync } from '../src/read-file.js';

const root = mkdtempSync(join(tmpdir(), 'nlsh-read-'));
const fifo = join(root, 'fifo');
const dir = join(root, 'dir');
const big = join(root, 'big');
const small = join(root, 'small');
const link = join(root, 'link');

beforeAll(() => {
  execFileSync('mkfifo', [fifo]);
  mkdirSync(dir);
  writeFileSync(big, 'x'.repeat(5000) + 'END');
  writeFileSync(small, 'hello\n');
  symlinkSync(small, link);
});
// A reader still blocked on the FIFO is released by opening it for writing.
afterAll(() => {
  try {
    closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK));
  } catch {
    // nobody was waiting on it
  }
  rmSync(root, { recursive: true, force: true });
});

describe('readFileSafe', () => {
  it.each([
    ['a FIFO', fifo, 'not-a-file', /a FIFO/],
    ['a directory', dir, 'not-a-file', /a directory/],
    ['/dev/zero', '/dev/zero', 'not-a-file', /a device/],
    ['an over-cap file', big, 'too-large', /larger than 4 KiB/],
    ['a missing file', join(root, 'none'), 'missing', /no such file/],
  ])('refuses %s at once, sync and async', async (_what, path, problem, message) => {
    const started = performance.now();
    const a = await readFileSafe(path, { maxBytes: 4096 });
    const s = readFileSafeSync(path, { maxBytes: 4096 });
    expect(performance.now() - started).toBeLessThan(1000);
    for (const r of [a, s]) {
      expect(r).toMatchObject({ ok: false, problem });
      if (!r.ok) {
        expect(r.message).toMatch(message);
        expect(r.message.startsWith(path)).toBe(true);
        expect(r.message).not.toContain('\n');
      }
    }
  });

  it('reads a regular file, through a symlink unless told not to', async () => {
    expect(await readFileSafe(link, { maxBytes: 100 })).toEqual({ ok: true, value: 'hello\n', truncated: false });
    expect(readFileSafeSync(link, { maxBytes: 100 })).toEqual({ ok: true, value: 'hello\n', truncated: false });
    expect(await readFileSafe(link, { maxBytes: 100, noFollow: true })).toMatchObject({ ok: false, problem: 'not-a-file' });
  });

  it('gives the head or the tail of an over-cap file when asked', async () => {
    expect(await readFileSafe(big, { maxBytes: 4, overCap: 'head' })).toEqual({ ok: true, value: 'xxxx', truncated: true });
    expect(await readFileSafe(big, { maxBytes: 4, overCap: 'tail' })).toEqual({ ok: true, value: 'xEND', truncated: true });
    expect(readFileSafeSync(big, { maxBytes: 4, overCap: 'tail' })).toEqual({ ok: true, value: 'xEND', truncated: true });
    const bytes = await readBytesSafe(big, { maxBytes: 10_000 });
    expect(bytes.ok && bytes.value.length).toBe(5003);
  });

  it('reads /proc files, whose size says 0', () => {
    const r = readFileSafeSync('/proc/self/status', { maxBytes: 64 * 1024 });
    expect(r.ok && r.value).toMatch(/^Name:/);
  });

  it('refuses a /proc file past the cap although its size says 0', () => {
    expect(readFileSafeSync('/proc/self/status', { maxBytes: 10 })).toMatchObject({ ok: false, problem: 'too-large' });
  });
});
