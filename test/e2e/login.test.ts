// nl-sh as a login shell: `-l` and an argv[0] starting with '-' (as login(1) and sshd start
// it, with only $SHELL to find the install) read the profile files as bash would.

import { afterEach, describe, expect, it } from 'vitest';
import { makeHome, nlshBin, shellEnv } from '../support/fixtures.js';
import { startInPty, type PtyDriver } from '../support/pty-driver.js';

const profiles = {
  '.bash_profile': 'echo PROFILE-READ; PS1="login-prompt# "; . ~/.bashrc\n',
  '.bashrc': 'echo BASHRC-READ; alias ll="echo ll-alias"\n',
  '.bash_logout': 'echo LOGOUT-READ > ~/logout-ran\n',
};
let sh: PtyDriver | undefined;
let home: ReturnType<typeof makeHome> | undefined;
afterEach(() => {
  sh?.kill();
  home?.cleanup();
});

describe('login shell', () => {
  it('-l reads ~/.bash_profile (which sources ~/.bashrc) and ~/.bash_logout at exit', async () => {
    home = makeHome(profiles);
    sh = startInPty(nlshBin, ['-l'], { env: shellEnv(home.home), cwd: home.home });
    await sh.waitFor(/^login-prompt# $/m);
    expect(sh.allText()).toMatch(/PROFILE-READ\nBASHRC-READ/);
    sh.type('ll\r');
    await sh.waitFor(/^ll-alias$/m);
    sh.type('logout\r');
    expect((await sh.exited).exitCode).toBe(0);
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(`${home.home}/logout-ran`, 'utf8')).toBe('LOGOUT-READ\n');
  });

  it("argv[0] '-nl-sh' (as login(1) and sshd start a shell) is a login shell", async () => {
    home = makeHome(profiles);
    const env = shellEnv(home.home, { SHELL: nlshBin, PATH: '/usr/bin:/bin' });
    sh = startInPty('/bin/bash', ['--norc', '--noprofile', '-c', 'exec -a -nl-sh "$SHELL"'], { env, cwd: home.home });
    await sh.waitFor(/^login-prompt# $/m);
    sh.type('echo "shell=$SHELL"\r');
    await sh.waitFor(`shell=${nlshBin}`);
    expect(sh.allText()).not.toContain('starting plain bash');
  });

  it('without -l, only ~/.bashrc is read', async () => {
    home = makeHome(profiles);
    sh = startInPty(nlshBin, [], { env: shellEnv(home.home), cwd: home.home });
    await sh.waitFor('BASHRC-READ');
    await new Promise((r) => setTimeout(r, 200));
    expect(sh.allText()).not.toContain('PROFILE-READ');
  });

  it('--norc skips ~/.bashrc, -o vi reaches bash', async () => {
    home = makeHome(profiles);
    sh = startInPty(nlshBin, ['--norc', '-o', 'vi'], { env: shellEnv(home.home), cwd: home.home });
    await sh.waitFor(/[$#] $/m);
    sh.type('set -o | grep -w vi\r');
    await sh.waitFor(/^vi\s+on$/m);
    expect(sh.allText()).not.toContain('BASHRC-READ');
  });
});

describe('the native login launcher', () => {
  it('runs -c commands as plain bash, keeping a login argv[0] as -bash', async () => {
    const { spawnSync } = await import('node:child_process');
    const r = spawnSync('/bin/bash', ['--norc', '-c', `exec -a -nl-sh ${nlshBin} -c 'echo "$0"; shopt -q login_shell && echo login'`], { encoding: 'utf8', env: { PATH: '/usr/bin:/bin', HOME: '/nonexistent' } });
    expect(r.stdout).toBe('-bash\nlogin\n');
    const plain = spawnSync(nlshBin, ['-c', 'echo "$0"; shopt -q login_shell || echo not-login'], { encoding: 'utf8' });
    expect(plain.stdout).toBe('bash\nnot-login\n');
  });
});
