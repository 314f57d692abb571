// The launcher gives Node memory flags; a Node that does not know one of them would stop before
// nl-sh could fall back to bash, and a login shell would lock its user out. With no bundled Node,
// the launcher runs the Node recorded at setup (.node-path) with only the flags every Node >= 20
// knows: both the native launcher and its shell fallback, with the Node that runs these tests.

import { afterEach, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const repo = resolve(import.meta.dirname, '..', '..');
let root: string | undefined;
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  root = undefined;
});

// An install without node_modules/node: bin/nl-sh, dist (through a link), .node-path.
function installWith(launcher: string): string {
  root = mkdtempSync(join(tmpdir(), 'nlsh-launcher-'));
  mkdirSync(join(root, 'bin'));
  copyFileSync(launcher, join(root, 'bin', 'nl-sh'));
  symlinkSync(join(repo, 'dist'), join(root, 'dist'));
  writeFileSync(join(root, '.node-path'), `${process.execPath}\n`);
  return join(root, 'bin', 'nl-sh');
}

describe(`a launcher running the recorded Node (${process.version})`, () => {
  it.each([
    ['the native launcher', join(repo, 'bin', 'nl-sh')],
    ['the shell fallback', join(repo, 'libexec', 'nl-sh.sh')],
  ])('%s starts nl-sh, not a Node error', (_name, launcher) => {
    const bin = installWith(launcher);
    const r = spawnSync(bin, ['--version'], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: root ?? '' } });
    expect(r.stderr).not.toMatch(/bad option/);
    expect(r.stdout).toMatch(/^nl-sh \d+\.\d+\.\d+/m);
    expect(r.status).toBe(0);
  });
});
