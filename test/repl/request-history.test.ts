import { afterEach, describe, expect, it } from 'vitest';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { appendFileSync, closeSync, constants, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { appendHistory, readHistory, searchHistory, type HistoryEntry } from '../../src/repl/request-history.js';
import { repoRoot } from '../support/fixtures.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const file = () => {
  const d = mkdtempSync(join(tmpdir(), 'nlsh-hist-'));
  dirs.push(d);
  return join(d, 'state', 'history.jsonl');
};
const entry = (over: Partial<HistoryEntry>): HistoryEntry => ({ at: 1, session: 1, cwd: '/p', line: 'x', route: 'nl', ...over });

describe('request history', () => {
  it('8 concurrent sessions writing 500 entries each lose and corrupt nothing', async () => {
    const path = file();
    const writer = `
      import { appendHistory } from ${JSON.stringify(join(repoRoot, 'dist', 'repl', 'request-history.js'))};
      const id = Number(process.argv[1]);
      for (let i = 0; i < 500; i++) appendHistory(process.argv[2], { at: Date.now(), session: id, cwd: '/w', line: 'request ' + id + ' ' + i + ' ' + 'x'.repeat(i % 300), route: 'nl', command: 'ls -la', exitStatus: i % 3 });
    `;
    const node = join(repoRoot, 'node_modules', '.bin', 'node');
    await Promise.all(
      Array.from({ length: 8 }, (_, id) => new Promise<void>((resolve, reject) => {
        const child = spawn(node, ['--input-type=module', '-e', writer, String(id), path], { stdio: 'inherit' });
        child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`writer ${id} exited ${code}`))));
      })),
    );
    const entries = readHistory(path);
    expect(entries).toHaveLength(4000);
    for (let id = 0; id < 8; id++) {
      const mine = entries.filter((e) => e.session === id).map((e) => Number(e.line.split(' ')[2]));
      expect(mine).toEqual(Array.from({ length: 500 }, (_, i) => i));
    }
  }, 60_000);

  // In a child process: a reader blocked on the FIFO must not block the test runner with it.
  it('a FIFO as the history file: no entries, at once (it used to block until a writer came)', () => {
    const path = file();
    mkdirSync(dirname(path), { recursive: true });
    execFileSync('mkfifo', [path]);
    try {
      const reader = `import { readHistory } from ${JSON.stringify(join(repoRoot, 'dist', 'repl', 'request-history.js'))}; console.log(JSON.stringify(readHistory(process.argv[1])));`;
      const r = spawnSync(process.execPath, ['--input-type=module', '-e', reader, path], { encoding: 'utf8', timeout: 5000 });
      expect(r.error).toBeUndefined();
      expect(r.stdout.trim()).toBe('[]');
    } finally {
      try {
        closeSync(openSync(path, constants.O_WRONLY | constants.O_NONBLOCK));
      } catch {
        // nobody was waiting on it
      }
    }
  });

  it('a history past 16 MiB: the newest entries, the one cut at the start left out', () => {
    const path = file();
    mkdirSync(dirname(path), { recursive: true });
    const line = (i: number) => `${JSON.stringify(entry({ at: i, line: `r${i} ${'x'.repeat(1000)}` }))}\n`;
    const size = Buffer.byteLength(line(10000));
    const count = Math.ceil((17 * 1024 * 1024) / size);
    writeFileSync(path, Array.from({ length: count }, (_, i) => line(10000 + i)).join(''));
    const entries = readHistory(path);
    expect(entries.at(-1)?.at).toBe(10000 + count - 1);
    expect(entries.length).toBeLessThan(count);
    expect(entries.length).toBeGreaterThan(Math.floor((16 * 1024 * 1024) / size) - 2);
    expect(entries.every((e, i) => i === 0 || e.at === (entries[i - 1]?.at ?? 0) + 1)).toBe(true);
  });

  it('skips a damaged line and keeps the rest', () => {
    const path = file();
    appendHistory(path, entry({ line: 'first' }));
    appendFileSync(path, '{"at": 2, "line": "cut by a full dis');
    appendFileSync(path, '\n');
    appendHistory(path, entry({ line: 'second' }));
    expect(readHistory(path).map((e) => e.line)).toEqual(['first', 'second']);
  });

  it('searches by text, cwd, route and exit status, newest first', () => {
    const all = [
      entry({ at: 1, line: 'find big files', cwd: '/p', command: 'du -a', exitStatus: 0 }),
      entry({ at: 2, line: 'git status', route: 'shell', cwd: '/p/sub', exitStatus: 0 }),
      entry({ at: 3, line: 'show the logs', cwd: '/q', command: 'journalctl -n 50', exitStatus: 1 }),
    ];
    expect(searchHistory(all, { text: 'JOURNAL' }).map((e) => e.at)).toEqual([3]);
    expect(searchHistory(all, { cwd: '/p' }).map((e) => e.at)).toEqual([2, 1]);
    expect(searchHistory(all, { route: 'nl' }).map((e) => e.at)).toEqual([3, 1]);
    expect(searchHistory(all, { exitStatus: 1 }).map((e) => e.at)).toEqual([3]);
    expect(searchHistory(all, { limit: 1 }).map((e) => e.at)).toEqual([3]);
  });

  it('bounds long fields so every entry stays one small write', () => {
    const path = file();
    appendHistory(path, entry({ line: 'y'.repeat(100_000) }));
    expect(readHistory(path)[0]!.line.length).toBeLessThan(4100);
  });
});
