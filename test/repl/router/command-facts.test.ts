// What bash knows about command words: the lookup table and the one-off question to bash.

import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CommandTable, gatherBashFacts } from '../../../src/repl/router/index.js';
import { parseFacts } from '../../../src/repl/router/command-facts.js';

let dir: string;
let bin1: string;
let bin2: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nlsh-router-'));
  bin1 = join(dir, 'bin1');
  bin2 = join(dir, 'bin2');
  mkdirSync(bin1);
  mkdirSync(bin2);
  const make = (path: string, mode: number): void => {
    writeFileSync(path, '#!/bin/sh\n');
    chmodSync(path, mode);
  };
  make(join(bin1, 'kubectl'), 0o755);
  make(join(bin1, 'notes.txt'), 0o644);
  make(join(bin1, 'shadowed'), 0o644);
  make(join(bin2, 'shadowed'), 0o755);
  make(join(dir, 'run.sh'), 0o755);
  make(join(dir, 'data.csv'), 0o644);
  mkdirSync(join(dir, 'folder'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('CommandTable.typeOf answers like `type -t`', () => {
  const table = (): CommandTable =>
    new CommandTable(
      { aliases: ['ll', 'ls'], functions: ['mkcd', 'cd'], path: `${bin1}:${bin2}:relative/dir:/nonexistent` },
      { cwd: () => dir, home: dir },
    );

  it.each([
    ['ll', 'alias'],
    ['ls', 'alias'],
    ['mkcd', 'function'],
    ['if', 'keyword'],
    ['[[', 'keyword'],
    ['time', 'keyword'],
    ['cd', 'function'],
    ['echo', 'builtin'],
    ['[', 'builtin'],
    ['source', 'builtin'],
    ['kubectl', 'file'],
    ['shadowed', 'file'],
    ['notes.txt', ''],
    ['nope', ''],
    ['', ''],
    ['./run.sh', 'file'],
    ['~/run.sh', 'file'],
    ['./data.csv', ''],
    ['./folder', ''],
    ['./missing', ''],
  ])('`%s` is %j', (word, kind) => {
    expect(table().typeOf(word)).toBe(kind);
  });

  it('lists every name it knows for suggestions', () => {
    const names = table().names();
    expect(names).toEqual(expect.arrayContaining(['ll', 'mkcd', 'echo', 'kubectl', 'shadowed']));
  });

  it('follows bash as it changes directory', () => {
    let cwd = '/';
    const t = new CommandTable({ aliases: [], functions: [], path: '' }, { cwd: () => cwd });
    expect(t.typeOf('./run.sh')).toBe('');
    cwd = dir;
    expect(t.typeOf('./run.sh')).toBe('file');
  });
});

describe('parseFacts reads only what follows the markers', () => {
  it('ignores noise printed by rc files and splits the three answers', () => {
    const mark = '\u0001nl-sh-facts\u0001';
    const out = `Welcome!\nfortune says hi\n${mark}ll\nla\n${mark}mkcd\n${mark}/usr/bin:/bin`;
    expect(parseFacts(out)).toEqual({ aliases: ['ll', 'la'], functions: ['mkcd'], path: '/usr/bin:/bin' });
  });

  it('returns nothing when bash did not finish', () => {
    expect(parseFacts('Welcome!\n')).toBeUndefined();
  });
});

describe('gatherBashFacts asks an interactive bash', () => {
  it('reports the aliases, functions and PATH of the user rc, ignoring its output', async () => {
    const home = join(dir, 'home');
    mkdirSync(home, { recursive: true });
    writeFileSync(
      join(home, '.bashrc'),
      `echo "hello from bashrc"\nalias gst='git status'\ngreet() { echo hi; }\nexport PATH="${bin1}:$PATH"\n`,
    );
    const facts = await gatherBashFacts('bash', { HOME: home, PATH: '/usr/bin:/bin', TERM: 'dumb' });
    expect(facts.aliases).toContain('gst');
    expect(facts.functions).toContain('greet');
    expect(facts.path.split(':')[0]).toBe(bin1);
  });

  it('gives up after the time limit and falls back to the environment PATH', async () => {
    const home = join(dir, 'slow');
    mkdirSync(home, { recursive: true });
    writeFileSync(join(home, '.bashrc'), 'sleep 20\n');
    const started = Date.now();
    const facts = await gatherBashFacts('bash', { HOME: home, PATH: '/usr/bin:/bin' }, 300);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(facts).toEqual({ aliases: [], functions: [], path: '/usr/bin:/bin' });
  });

  it('falls back when bash cannot be started', async () => {
    const facts = await gatherBashFacts(join(dir, 'no-such-bash'), { PATH: '/bin' });
    expect(facts).toEqual({ aliases: [], functions: [], path: '/bin' });
  });
});
