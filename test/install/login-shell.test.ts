// nl-sh-login-shell: enable proves the launcher works, remembers the shell the user had, adds
// nl-sh to the shells file and calls chsh; disable gives the old shell back and removes nl-sh
// from the shells file. chsh is replaced by a recording program (NLSH_CHSH) so the machine's
// real accounts are never touched; the shells file is a temporary copy (NLSH_SHELLS_FILE).

import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nlshBin, repoRoot } from '../support/fixtures.js';

let dir: string;
const script = join(repoRoot, 'scripts', 'login-shell.sh');
const run = (...args: string[]): string =>
  execFileSync('sh', [script, ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: dir, USER: 'root', XDG_STATE_HOME: join(dir, 'state'), NLSH_SHELLS_FILE: join(dir, 'shells'), NLSH_CHSH: join(dir, 'chsh') },
  });
const chshCalls = (): string[] => (existsSync(join(dir, 'chsh.log')) ? readFileSync(join(dir, 'chsh.log'), 'utf8').trim().split('\n') : []);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nlsh-login-'));
  writeFileSync(join(dir, 'shells'), '/bin/sh\n/bin/bash\n');
  writeFileSync(join(dir, 'chsh'), `#!/bin/sh\necho "$*" >> '${join(dir, 'chsh.log')}'\n`);
  chmodSync(join(dir, 'chsh'), 0o755);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('nl-sh-login-shell', () => {
  it('enable adds nl-sh to the shells file once, remembers the old shell and calls chsh', () => {
    const was = execFileSync('getent', ['passwd', 'root'], { encoding: 'utf8' }).trim().split(':').at(-1);
    expect(run('enable')).toContain(`your login shell is now ${nlshBin}`);
    run('enable');
    const shells = readFileSync(join(dir, 'shells'), 'utf8').split('\n');
    expect(shells.filter((l) => l === nlshBin)).toHaveLength(1);
    expect(chshCalls()).toEqual([`-s ${nlshBin} root`, `-s ${nlshBin} root`]);
    expect(readFileSync(join(dir, 'state/nl-sh/previous-login-shell'), 'utf8').trim()).toBe(was);
    expect(run('status')).toContain(`in ${join(dir, 'shells')}`);
  });

  it('disable gives the remembered shell back and takes nl-sh out of the shells file', () => {
    run('enable');
    writeFileSync(join(dir, 'state/nl-sh/previous-login-shell'), '/bin/sh\n');
    expect(run('disable')).toContain('your login shell is /bin/sh again');
    expect(chshCalls().at(-1)).toBe('-s /bin/sh root');
    expect(readFileSync(join(dir, 'shells'), 'utf8')).toBe('/bin/sh\n/bin/bash\n');
    expect(existsSync(join(dir, 'state/nl-sh/previous-login-shell'))).toBe(false);
  });

  it('disable without a remembered shell goes back to bash', () => {
    run('disable');
    expect(chshCalls()).toEqual(['-s /bin/bash root']);
  });

  it('an unknown word is a usage error', () => {
    expect(() => run('switch')).toThrow(/usage: nl-sh-login-shell enable\|disable\|status/);
  });
});
