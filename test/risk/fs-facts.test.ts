import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFsFacts, loadRiskClassifier, type FsFacts, type RiskClassifier } from '../../src/risk/index.js';

let classifier: RiskClassifier;
let dir: string;
let facts: FsFacts;

beforeAll(async () => {
  classifier = await loadRiskClassifier();
  dir = mkdtempSync(join(tmpdir(), 'nl-sh-facts-'));
  for (const f of ['a.log', 'b.log', 'c.log', 'notes.txt', 'existing.txt', '.hidden.log', 'star*.txt']) writeFileSync(join(dir, f), 'x');
  mkdirSync(join(dir, 'sub'));
  mkdirSync(join(dir, 'dest'));
  writeFileSync(join(dir, 'sub', 'x.tmp'), '');
  writeFileSync(join(dir, 'sub', 'y.tmp'), '');
  writeFileSync(join(dir, 'dest', 'notes.txt'), '');
  facts = createFsFacts({ cwd: dir, home: join(dir, 'home') });
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('createFsFacts', () => {
  it('says what exists and what is a directory', () => {
    expect(facts.exists(join(dir, 'a.log'))).toBe(true);
    expect(facts.exists(join(dir, 'nope'))).toBe(false);
    expect(facts.isDir(join(dir, 'sub'))).toBe(true);
    expect(facts.isDir(join(dir, 'a.log'))).toBe(false);
  });

  it('expands a glob in sorted order, skipping dotfiles', () => {
    expect(facts.glob('*.log', dir)).toEqual({ paths: ['a.log', 'b.log', 'c.log'], complete: true });
  });

  it('matches dotfiles when the pattern starts with a dot', () => {
    expect(facts.glob('.*.log', dir).paths).toEqual(['.hidden.log']);
  });

  it('expands across directories and absolute patterns', () => {
    expect(facts.glob('*/*.tmp', dir).paths).toEqual(['sub/x.tmp', 'sub/y.tmp']);
    expect(facts.glob(`${dir}/sub/?.tmp`, '/').paths).toEqual([`${dir}/sub/x.tmp`, `${dir}/sub/y.tmp`]);
  });

  it('treats escaped glob characters literally', () => {
    expect(facts.glob('star\\*.txt', dir).paths).toEqual(['star*.txt']);
  });

  it('stops at the count limit and says the list is incomplete', () => {
    const limited = createFsFacts({ cwd: dir, home: dir }, { maxMatches: 2, maxEntries: 1000, maxMillis: 1000 });
    expect(limited.glob('*.log', dir)).toEqual({ paths: ['a.log', 'b.log'], complete: false });
  });
});

describe('classifying with facts', () => {
  it('rm with a glob lists the files it would delete', () => {
    const a = classifier.classify('rm -f *.log', facts);
    expect(a.level).toBe('destructive');
    const fact = a.reasons.find((r) => r.kind === 'fact');
    expect(fact?.part).toBe('*.log');
    expect(fact?.why).toBe('matches 3 paths here: a.log, b.log, c.log');
  });

  it('a glob that matches nothing says so', () => {
    const a = classifier.classify('rm *.nomatch', facts);
    expect(a.reasons.some((r) => r.kind === 'fact' && r.why.startsWith('matches nothing'))).toBe(true);
  });

  it('globs follow cd earlier in the line', () => {
    const a = classifier.classify('cd sub && rm *.tmp', facts);
    expect(a.reasons.find((r) => r.kind === 'fact')?.why).toBe('matches 2 paths here: x.tmp, y.tmp');
  });

  it('> onto an existing file is destructive', () => {
    const a = classifier.classify('echo hi > existing.txt', facts);
    expect(a.level).toBe('destructive');
    expect(a.reasons[0]).toMatchObject({ kind: 'fact', part: '> existing.txt', why: 'truncates existing.txt, which exists' });
  });

  it('> onto a new file writes', () => {
    const a = classifier.classify('echo hi > fresh.txt', facts);
    expect(a.level).toBe('writes');
    expect(a.reasons.some((r) => r.why === 'creates fresh.txt (it does not exist yet)')).toBe(true);
  });

  it('facts win over the conventions: a .log that does not exist is only created', () => {
    expect(classifier.classify(': > brand-new.log', facts).level).toBe('writes');
    expect(classifier.classify(': > a.log', facts).level).toBe('destructive');
  });

  it('>> appends whether or not the file exists', () => {
    expect(classifier.classify('echo hi >> existing.txt', facts).level).toBe('writes');
  });

  it('mv onto an existing file is destructive', () => {
    const a = classifier.classify('mv notes.txt existing.txt', facts);
    expect(a.level).toBe('destructive');
    expect(a.reasons.some((r) => r.kind === 'fact' && r.why.startsWith(`${join(dir, 'existing.txt')} exists`))).toBe(true);
  });

  it('mv into a directory that already has that name is destructive', () => {
    expect(classifier.classify('mv notes.txt dest/', facts).level).toBe('destructive');
  });

  it('mv to a new name writes', () => {
    expect(classifier.classify('mv notes.txt renamed.txt', facts).level).toBe('writes');
  });

  it('mv -n never overwrites', () => {
    expect(classifier.classify('mv -n notes.txt existing.txt', facts).level).toBe('writes');
  });

  it('cp onto an existing file is destructive; onto a new one writes', () => {
    expect(classifier.classify('cp notes.txt existing.txt', facts).level).toBe('destructive');
    expect(classifier.classify('cp notes.txt copy.txt', facts).level).toBe('writes');
  });

  it('tee truncates an existing file but -a appends', () => {
    expect(classifier.classify('echo x | tee existing.txt', facts).level).toBe('destructive');
    expect(classifier.classify('echo x | tee -a existing.txt', facts).level).toBe('writes');
  });
});

describe('a fake for pure tests', () => {
  const fake: FsFacts = {
    cwd: '/project',
    home: '/home/me',
    exists: (p) => ['/project/config.json', '/home/me/.bashrc'].includes(p),
    isDir: () => false,
    glob: (pattern) => ({ paths: pattern === '*.tmp' ? ['one.tmp', 'two.tmp'] : [], complete: true }),
  };

  it('uses the injected answers', () => {
    expect(classifier.classify('cp a.json config.json', fake).level).toBe('destructive');
    expect(classifier.classify('cp a.json other.json', fake).level).toBe('writes');
    expect(classifier.classify('echo x > ~/.bashrc', fake).level).toBe('destructive');
    expect(classifier.classify('rm *.tmp', fake).reasons.find((r) => r.kind === 'fact')?.why).toBe('matches 2 paths here: one.tmp, two.tmp');
  });
});
