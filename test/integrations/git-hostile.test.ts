// A hostile repository (unpacked from an archive, or planted by a sandboxed command) must not run
// anything when nl-sh gathers git context or a plugin runs a vetted git argv: each row configures
// a program git could run and asserts that its marker file never appears, while the facts stay right.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { chmodSync, closeSync, constants, cpSync, existsSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gitIntegration } from '../../src/integrations/index.js';
import { defaultRunner } from '../../src/integrations/plugins/plugin-host-fns.js';
import { availableOrFailInCi } from '../support/require-in-ci.js';
import { ctxWith, git, gitAvailable, roomyBudget, tempDir, writeFiles } from './support.js';

const haveGit = availableOrFailInCi(gitAvailable(), 'git');
const work = tempDir('git-hostile');
const env = { PATH: process.env.PATH, HOME: work.dir, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
const factsIn = (dir: string) => gitIntegration.context(ctxWith(dir, env), roomyBudget());

// A program that leaves a line in `marker` and passes its stdin through (a working clean filter).
function program(name: string, marker: string): string {
  const file = join(work.dir, `${name}.sh`);
  writeFileSync(file, `#!/bin/sh\necho "$0 $*" >> '${marker}'\nexec cat\n`);
  chmodSync(file, 0o755);
  return file;
}

// One commit on main, then a.txt changed: the facts to keep are the branch and `a.txt` changed.
function makeRepo(dir: string): string {
  writeFiles(dir, { 'a.txt': 'one\n' });
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '.');
  git(dir, 'commit', '-q', '-m', 'first');
  writeFileSync(join(dir, 'a.txt'), 'two\n');
  return dir;
}

// A partial clone missing a tree that `git status` needs, so git fetches it from the promisor remote.
function promisorRepo(root: string): string {
  const dir = makeRepo(root);
  writeFiles(dir, { 'sub/f.txt': 'f\n' });
  git(dir, 'add', 'sub');
  git(dir, 'commit', '-q', '-m', 'second');
  const tree = git(dir, 'rev-parse', 'HEAD:sub').trim();
  rmSync(join(dir, '.git', 'objects', tree.slice(0, 2), tree.slice(2)));
  rmSync(join(dir, '.git', 'index'));
  git(dir, 'config', 'core.repositoryformatversion', '1');
  git(dir, 'config', 'extensions.partialClone', 'origin');
  return dir;
}

// git's absolute path on PATH, as a caller might pass it.
const gitPath = (): string => execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();

const appendConfig = (file: string, text: string): void => writeFileSync(file, text, { flag: 'a' });

interface Row {
  name: string;
  /** Builds the hostile repository under `root`, naming `evil` as the program; returns the cwd. */
  plant(root: string, evil: string): string;
  /** The facts that must still be reported (status may fail, e.g. for a missing tree). */
  facts: Record<string, string>;
}

const changed = { 'git branch': 'main', 'git changes': '1 changed', 'git changed files': 'a.txt' };

const rows: Row[] = [
  {
    name: 'core.fsmonitor in .git/config',
    plant: (root, evil) => {
      const dir = makeRepo(root);
      git(dir, 'config', 'core.fsmonitor', evil);
      return dir;
    },
    facts: changed,
  },
  {
    name: 'core.fsmonitor in the config of a directory .git/commondir points at',
    plant: (root, evil) => {
      const dir = makeRepo(join(root, 'tree'));
      const common = join(root, 'common');
      cpSync(join(dir, '.git'), common, { recursive: true });
      appendConfig(join(common, 'config'), `[core]\n\tfsmonitor = ${evil}\n`);
      writeFileSync(join(dir, '.git', 'commondir'), `${common}\n`);
      return dir;
    },
    facts: changed,
  },
  {
    name: 'core.fsmonitor in .git/config.worktree with extensions.worktreeConfig',
    plant: (root, evil) => {
      const dir = makeRepo(root);
      git(dir, 'config', 'core.repositoryformatversion', '1');
      git(dir, 'config', 'extensions.worktreeConfig', 'true');
      writeFileSync(join(dir, '.git', 'config.worktree'), `[core]\n\tfsmonitor = ${evil}\n`);
      return dir;
    },
    facts: changed,
  },
  {
    name: 'core.fsmonitor pulled in by [include] path',
    plant: (root, evil) => {
      const dir = makeRepo(join(root, 'tree'));
      writeFileSync(join(root, 'included'), `[core]\n\tfsmonitor = ${evil}\n`);
      git(dir, 'config', 'include.path', join(root, 'included'));
      return dir;
    },
    facts: changed,
  },
  {
    name: 'a .git file (gitdir: ...) pointing at a hostile git directory',
    plant: (root, evil) => {
      const made = makeRepo(join(root, 'made'));
      const tree = join(root, 'tree');
      mkdirSync(tree);
      renameSync(join(made, '.git'), join(root, 'hostile.git'));
      renameSync(join(made, 'a.txt'), join(tree, 'a.txt'));
      writeFileSync(join(tree, '.git'), `gitdir: ${join(root, 'hostile.git')}\n`);
      appendConfig(join(root, 'hostile.git', 'config'), `[core]\n\tfsmonitor = ${evil}\n\tworktree = ${tree}\n`);
      return tree;
    },
    facts: changed,
  },
  {
    name: 'a clean filter (and a long-running filter process) named by .gitattributes',
    plant: (root, evil) => {
      writeFiles(root, { '.gitattributes': '* filter=x\n' });
      const dir = makeRepo(root);
      git(dir, 'config', 'filter.x.clean', evil);
      git(dir, 'config', 'filter.x.process', evil);
      git(dir, 'config', 'filter.x.required', 'true');
      return dir;
    },
    facts: changed,
  },
  {
    name: 'a clean filter whose name -c cannot express (an = in it): git is not run',
    plant: (root, evil) => {
      writeFiles(root, { '.gitattributes': '* filter=a=b\n' });
      const dir = makeRepo(root);
      appendConfig(join(dir, '.git', 'config'), `[filter "a=b"]\n\tclean = ${evil}\n`);
      return dir;
    },
    facts: { 'git branch': 'main' },
  },
  {
    name: 'a lazy fetch from a promisor remote through core.sshCommand (ssh allowed by protocol.ssh.allow)',
    plant: (root, evil) => {
      const dir = promisorRepo(root);
      appendConfig(join(dir, '.git', 'config'), `[core]\n\tsshCommand = ${evil}\n[remote "origin"]\n\turl = ssh://host/repo\n\tpromisor = true\n[protocol "ssh"]\n\tallow = always\n`);
      return dir;
    },
    facts: { 'git branch': 'main' },
  },
  {
    name: 'a lazy fetch from an ext:: promisor remote (ext allowed by protocol.ext.allow)',
    plant: (root, evil) => {
      const dir = promisorRepo(root);
      appendConfig(join(dir, '.git', 'config'), `[remote "origin"]\n\turl = ext::${evil} %S repo\n\tpromisor = true\n[protocol "ext"]\n\tallow = always\n`);
      return dir;
    },
    facts: { 'git branch': 'main' },
  },
  {
    name: 'a submodule whose own config names a clean filter',
    plant: (root, evil) => {
      const inner = makeRepo(join(root, 'inner'));
      git(inner, 'checkout', '-q', '--', 'a.txt');
      const dir = makeRepo(join(root, 'outer'));
      git(dir, '-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', inner, 'mod');
      git(dir, 'commit', '-q', '-m', 'mod');
      const mod = join(dir, 'mod');
      writeFileSync(join(mod, '.gitattributes'), '* filter=y\n');
      git(mod, 'config', 'filter.y.clean', evil);
      git(mod, 'config', 'core.fsmonitor', evil);
      writeFileSync(join(mod, 'a.txt'), 'changed in the submodule\n');
      return dir;
    },
    facts: { 'git branch': 'main', 'git changes': '1 changed', 'git changed files': 'a.txt' },
  },
  {
    name: 'hooks, a pager and an external diff',
    plant: (root, evil) => {
      const dir = makeRepo(root);
      for (const hook of ['post-index-change', 'reference-transaction', 'pre-auto-gc']) cpSync(evil, join(dir, '.git', 'hooks', hook));
      for (const key of ['core.pager', 'pager.status', 'diff.external', 'core.editor', 'credential.helper', 'core.askPass']) git(dir, 'config', key, evil);
      git(dir, 'config', 'status.submoduleSummary', 'true');
      return dir;
    },
    facts: changed,
  },
];

describe.runIf(haveGit)('git context in a hostile repository runs nothing the repository names', () => {
  afterAll(() => work.cleanup());

  it.each(rows)('$name', async ({ name, plant, facts }) => {
    const root = join(work.dir, name.replace(/[^a-z]+/gi, '-'));
    mkdirSync(root, { recursive: true });
    const marker = join(root, 'ran');
    const cwd = plant(root, program('evil', marker));
    const got = await factsIn(cwd);
    expect(existsSync(marker)).toBe(false);
    expect(got).toMatchObject(facts);
  });
});

describe.runIf(haveGit)('a FIFO where git keeps a file', () => {
  const dir = join(work.dir, 'fifo');
  const head = join(dir, '.git', 'HEAD');
  beforeAll(() => {
    mkdirSync(join(dir, '.git'), { recursive: true });
    execFileSync('mkfifo', [head]);
  });
  // A reader still blocked on the FIFO is released by opening it for writing.
  afterAll(() => {
    try {
      closeSync(openSync(head, constants.O_WRONLY | constants.O_NONBLOCK));
    } catch {
      // nobody was waiting on it
    }
  });

  it('is not read (a read would wait for a writer forever)', async () => {
    const ctx = ctxWith(dir, env);
    expect(await ctx.readFile(head)).toBeUndefined();
    expect(await gitIntegration.detect(ctx)).toBe(false);
  }, 2000);
});

describe.runIf(haveGit)('git given to the generic runner', () => {
  it('is hardened all the same', async () => {
    const root = join(work.dir, 'generic');
    const marker = join(root, 'ran');
    const dir = makeRepo(join(root, 'tree'));
    git(dir, 'config', 'core.fsmonitor', program('generic-evil', marker));
    const r = await ctxWith(dir, env).run(['git', 'status', '--porcelain'], { timeoutMs: 3000 });
    expect(existsSync(marker)).toBe(false);
    expect(r).toEqual({ ok: true, stdout: ' M a.txt\n' });
    const byPath = await ctxWith(dir, env).run([gitPath(), 'status', '--porcelain'], { timeoutMs: 3000 });
    expect(existsSync(marker)).toBe(false);
    expect(byPath).toEqual({ ok: true, stdout: ' M a.txt\n' });
  });
});

describe.runIf(haveGit)("a plugin's vetted git argv in a hostile repository runs nothing the repository names", () => {
  let dir = '';
  let marker = '';
  beforeAll(() => {
    const root = join(work.dir, 'plugin');
    marker = join(root, 'ran');
    dir = makeRepo(join(root, 'tree'));
    const evil = program('plugin-evil', marker);
    // A commit that carries a signature, so `log` asks gpg.program about it.
    const raw = git(dir, 'cat-file', 'commit', 'HEAD').replace(/^(committer .*)$/m, '$1\ngpgsig -----BEGIN PGP SIGNATURE-----\n -----END PGP SIGNATURE-----');
    writeFileSync(join(root, 'signed'), raw);
    const signed = git(dir, 'hash-object', '-t', 'commit', '-w', join(root, 'signed')).trim();
    git(dir, 'update-ref', 'refs/heads/main', signed);
    for (const key of ['core.fsmonitor', 'gpg.program', 'gpg.openpgp.program']) git(dir, 'config', key, evil);
    git(dir, 'config', 'log.showSignature', 'true');
    // Not a program, but terminal escapes in what a plugin reads back.
    git(dir, 'config', 'color.ui', 'always');
  });

  it.each([
    [['git', 'log', '-n', '1', '--format=%s'], 'first\n'],
    [['git', 'log', '-n', '1', '--format=%C(red)%s'], 'first\n'],
    [['git', 'status', '--porcelain'], ' M a.txt\n'],
    [['git', 'branch', '--show-current'], 'main\n'],
  ])('%j', async (argv, stdout) => {
    rmSync(marker, { force: true });
    const r = await defaultRunner(argv, { cwd: dir, timeoutMs: 3000, maxBytes: 64 * 1024 });
    expect(existsSync(marker)).toBe(false);
    expect(r).toEqual({ status: 0, stdout });
  });
});
