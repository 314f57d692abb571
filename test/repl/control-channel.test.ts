// The control channel's FIFOs, reopened after something removed them: the new opening keeps the
// session's pinned key (a request with another key is still refused), and `current()` tells an
// opening whose FIFOs are gone or replaced from one that still holds them.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, openSync, readSync, rmSync, writeSync, closeSync, constants } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { newChannelTrust, openControlChannel } from '../../src/repl/control-channel.js';
import type { HookRequest } from '../../src/repl/hook-protocol.js';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

// What bash does: make the two FIFOs, mode 0600.
const makeFifos = (): void => {
  execFileSync('mkfifo', ['-m', '600', join(dir, 'req'), join(dir, 'rep')]);
};
// What bash's hook writes: a line request with `key`.
const sendLine = (key: string, line: string): void => {
  const fd = openSync(join(dir, 'req'), constants.O_RDWR);
  writeSync(fd, `Q\0${line}-id\0${key}\0${line}\0/bin\0/\0file\n\0`);
  closeSync(fd);
};
const until = async (cond: () => boolean): Promise<void> => {
  for (let i = 0; i < 100 && !cond(); i++) await new Promise((r) => setTimeout(r, 10));
};

describe('reopening the control channel', () => {
  it('keeps the pinned key: a request with another key is refused after the FIFOs are made again', async () => {
    dir = mkdtempSync(join(tmpdir(), 'nlsh-channel-'));
    makeFifos();
    const trust = newChannelTrust();
    const seen: HookRequest[] = [];
    let forged = 0;
    const first = openControlChannel(dir, trust, (r) => seen.push(r), () => forged++);
    expect(first.current()).toBe(true);
    sendLine('the-key', 'one');
    await until(() => seen.length === 1);
    expect(trust.key).toBe('the-key');

    rmSync(join(dir, 'req'));
    rmSync(join(dir, 'rep'));
    expect(first.current()).toBe(false);
    makeFifos();
    expect(first.current()).toBe(false);
    first.close();

    const second = openControlChannel(dir, trust, (r) => seen.push(r), () => forged++);
    expect(second.current()).toBe(true);
    sendLine('another-key', 'forged');
    sendLine('the-key', 'two');
    await until(() => seen.length === 2);
    expect(seen.map((r) => (r.kind === 'line' ? r.line : r.kind))).toEqual(['one', 'two']);
    expect(forged).toBe(1);
    // Replies carry the pinned key.
    second.reply('two-id', 'run');
    const fd = openSync(join(dir, 'rep'), constants.O_RDONLY | constants.O_NONBLOCK);
    const buf = Buffer.alloc(64);
    const n = readSync(fd, buf);
    closeSync(fd);
    expect(buf.subarray(0, n).toString()).toBe('rtwo-id\0the-key\0');
    second.close();
  });
});
