import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { gitIntegration } from '../../src/integrations/index.js';
import { availableOrFailInCi } from '../support/require-in-ci.js';
import { ctxWith, git, gitAvailable, roomyBudget, tempDir, writeFiles } from './support.js';

const haveGit = availableOrFailInCi(gitAvailable(), 'git');
const work = tempDir('git');
const env = { PATH: process.env.PATH, HOME: work.dir, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
const factsIn = (dir: string) => gitIntegration.context(ctxWith(dir, env), roomyBudget());

// A repository with one commit on main, and a clone of it (so the clone's main has an upstream).
function makeRepo(name: string): string {
  const dir = join(work.dir, name);
  writeFiles(dir, { 'a.txt': 'one\n' });
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '.');
  git(dir, 'commit', '-q', '-m', 'first');
  return dir;
}

// Two branches that both change a.txt, so rebasing or merging one onto the other stops.
function conflicting(name: string): string {
  const dir = makeRepo(name);
  git(dir, 'checkout', '-q', '-b', 'feature');
  writeFileSync(join(dir, 'a.txt'), 'feature\n');
  git(dir, 'commit', '-q', '-am', 'feature change');
  git(dir, 'checkout', '-q', 'main');
  writeFileSync(join(dir, 'a.txt'), 'main\n');
  git(dir, 'commit', '-q', '-am', 'main change');
  return dir;
}

const failing = (fn: () => unknown): void => {
  try {
    fn();
  } catch {
    // git exits non-zero when it stops for a conflict: that is the state under test.
  }
};

describe.runIf(haveGit)('git integration (real git)', () => {
  let clone = '';
  beforeAll(() => {
    const origin = makeRepo('origin');
    clone = join(work.dir, 'clone');
    git(work.dir, 'clone', '-q', origin, clone);
  });
  afterAll(() => work.cleanup());

  it('reports the branch, its upstream and a clean tree', async () => {
    expect(await factsIn(clone)).toEqual({ 'git branch': 'main', 'git upstream': 'origin/main (up to date)', 'git changes': 'clean' });
  });

  it('counts changed and untracked files and commits ahead of the upstream', async () => {
    writeFileSync(join(clone, 'a.txt'), 'changed\n');
    git(clone, 'commit', '-q', '-am', 'ahead');
    writeFileSync(join(clone, 'a.txt'), 'dirty\n');
    writeFiles(clone, { 'new-1.txt': 'x', 'new-2.txt': 'y' });
    const facts = await factsIn(clone);
    expect(facts['git upstream']).toBe('origin/main (ahead 1, behind 0)');
    expect(facts['git changes']).toBe('1 changed, 2 untracked');
    expect(facts['git changed files']).toBe('a.txt, new-1.txt, new-2.txt');
  });

  it('lists changed paths (spaces, renames) and says how many did not fit', async () => {
    writeFiles(clone, Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`file number ${i}.txt`, 'x'])));
    git(clone, 'mv', 'a.txt', 'renamed a.txt');
    const facts = await factsIn(clone);
    expect(facts['git changed files']).toMatch(/^renamed a\.txt, file number 0\.txt, file number 1\.txt, .* \(and \d+ more\)$/);
    expect((facts['git changed files'] ?? '').length).toBeLessThanOrEqual(160);
  });

  it('works from a subdirectory and says when there is no upstream', async () => {
    const dir = makeRepo('local');
    writeFiles(dir, { 'sub/deep/x.txt': 'x' });
    const facts = await factsIn(join(dir, 'sub', 'deep'));
    expect(facts).toMatchObject({ 'git branch': 'main', 'git upstream': 'none', 'git changes': '1 untracked' });
  });

  it('names a rebase in progress, with the branch being rebased and the step', async () => {
    const dir = conflicting('rebasing');
    git(dir, 'checkout', '-q', 'feature');
    failing(() => git(dir, 'rebase', '-q', 'main'));
    const facts = await factsIn(dir);
    expect(facts['git in progress']).toMatch(/^rebase of feature onto [0-9a-f]{12} \(step 1 of 1\)$/);
    expect(facts['git branch']).toMatch(/^detached at [0-9a-f]{12}$/);
    expect(facts['git changes']).toBe('1 conflicted');
  });

  it('names a merge in progress with its message', async () => {
    const dir = conflicting('merging');
    failing(() => git(dir, 'merge', '-q', 'feature'));
    const facts = await factsIn(dir);
    expect(facts['git in progress']).toBe("merge (Merge branch 'feature')");
    expect(facts['git branch']).toBe('main');
  });

  it('reports a detached HEAD by its commit', async () => {
    const dir = makeRepo('detached');
    const head = git(dir, 'rev-parse', 'HEAD').trim();
    git(dir, 'checkout', '-q', '--detach');
    expect((await factsIn(dir))['git branch']).toBe(`detached at ${head.slice(0, 12)}`);
  });

  it('follows a worktree .git file to its git directory', async () => {
    const dir = makeRepo('main-tree');
    const tree = join(work.dir, 'linked-tree');
    git(dir, 'worktree', 'add', '-q', '-b', 'side', tree);
    expect((await factsIn(tree))['git branch']).toBe('side');
  });

  it('is not relevant outside a repository, nor when git is not installed', async () => {
    const outside = join(work.dir, 'plain');
    writeFiles(outside, { 'x.txt': 'x' });
    expect(await gitIntegration.detect(ctxWith(outside, env))).toBe(false);
    expect(await gitIntegration.detect(ctxWith(clone, env))).toBe(true);
    expect(await gitIntegration.detect(ctxWith(clone, { ...env, PATH: join(work.dir, 'no-bin') }))).toBe(false);
  });

  it('keeps the file facts when git status does not answer in time', async () => {
    const budget = { deadline: performance.now(), signal: AbortSignal.abort() };
    expect(await gitIntegration.context(ctxWith(clone, env), budget)).toEqual({ 'git branch': 'main' });
  });

  it('marks its facts stale after a git command only', () => {
    expect(gitIntegration.onCommandDone?.({ words: ['git', 'checkout', 'x'], status: 0, cwd: clone })).toBe('stale');
    expect(gitIntegration.onCommandDone?.({ words: ['ls'], status: 0, cwd: clone })).toBe('unchanged');
  });
});
