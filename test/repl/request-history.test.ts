import { afterEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
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
