// nl-sh-sandbox (share/bash/integration.bash) hands the command's aliases and functions to the
// sandbox's bash: only those it uses (and what they call), parsed under the user's shell options,
// never through argv. Here the "sandbox" is a wrapper that records its argv size and runs the rest.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/fixtures.js';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** Run `setup` in a bash that has read the integration, then `nl-sh-sandbox command`. */
function sandboxed(setup: string, command: string): { out: string; argvBytes: number } {
  dir = mkdtempSync(join(tmpdir(), 'nlsh-defs-'));
  const wrapper = join(dir, 'wrapper');
  writeFileSync(wrapper, `#!/bin/bash\nn=0; for a; do n=$((n + \${#a})); done; echo "$n" > "${dir}/argv-bytes"; exec "$@"\n`, { mode: 0o755 });
  const script = `. ${repoRoot}share/bash/integration.bash\n__nlsh_dir=${dir}\n${setup}\n__nlsh_wrap=('${wrapper}')\nnl-sh-sandbox "$1"`;
  const out = execFileSync('bash', ['-c', script, 'bash', command], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir, __NLSH_NORC: '1' } });
  return { out, argvBytes: Number(readFileSync(join(dir, 'argv-bytes'), 'utf8')) };
}

describe('nl-sh-sandbox definitions', () => {
  it('passes the functions the command uses and those they call, through aliases, and no others', () => {
    const setup = `f1() { f2 "$@"; }\nf2() { f3 "$@"; }\nf3() { echo "f3:$1"; }\nunrelated() { :; }\nalias a='f1'\nalias other='echo no'`;
    const { out } = sandboxed(setup, 'a x; declare -F; alias');
    expect(out).toMatch(/^f3:x$/m);
    expect(out).toMatch(/^declare -f f1\ndeclare -f f2\ndeclare -f f3\n/m);
    expect(out).not.toMatch(/unrelated|other/);
    expect(out).toMatch(/^alias a='f1'$/m);
  });

  it('passes a function far bigger than one argv string may be, and not through argv', () => {
    const setup = `eval "big() { $(for i in $(seq 6000); do printf 'echo line-%05d-padding-padding-padding >/dev/null; ' $i; done) echo big-ran; }"\nfor i in $(seq 300); do eval "pad$i() { echo $(printf '%0500d' 0); }"; done`;
    const { out, argvBytes } = sandboxed(setup, 'big');
    expect(out).toBe('big-ran\n');
    expect(argvBytes).toBeLessThan(200);
  });

  it("parses definitions under the user's options: extglob on, or on when the function was defined", () => {
    const on = sandboxed('shopt -s extglob\nm() { case $1 in @(a|b)) echo ab ;; *) echo other ;; esac; }', 'm a; m c');
    expect(on.out).toBe('ab\nother\n');
    // As in the user's own bash: the definition parses; with extglob off the pattern matches nothing.
    const off = sandboxed('shopt -s extglob\nm() { case $1 in @(a|b)) echo ab ;; *) echo other ;; esac; }\nshopt -u extglob', 'm b; shopt -q extglob || echo extglob-off');
    expect(off.out).toBe('other\nextglob-off\n');
  });

  it("runs the command under the user's set -o options, without interactive ones", () => {
    const { out } = sandboxed('set -o pipefail -o noclobber', 'false | true; echo "status=$?"; echo "$-"');
    expect(out).toMatch(/^status=1\n/);
    expect(out).toMatch(/^[^\n]*C[^\n]*$/m);
    expect(out).not.toMatch(/^[^\n]*[mH][^\n]*\n$/);
  });
});
