// nl-sh inside tmux, driven with send-keys and read with capture-pane, as a person would.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { makeHome, nlshBin, shellEnv, testBashrc } from '../support/fixtures.js';
import { startTmux, type TmuxSession } from '../support/tmux.js';

let home: ReturnType<typeof makeHome>;
let t: TmuxSession | undefined;

beforeEach(() => {
  home = makeHome({ '.bashrc': testBashrc });
});
afterEach(() => {
  t?.kill();
  home.cleanup();
});

describe('nl-sh in tmux', () => {
  it('shows the user prompt, runs an alias, and reports the exit status', async () => {
    t = startTmux(nlshBin, { env: shellEnv(home.home), cwd: home.home });
    await t.waitFor(/nlsh-test:~#$/m);
    t.keys('greet', 'Enter');
    await t.waitFor(/^hello-from-alias$/m);
    t.keys('(exit 7); echo "status=$?"', 'Enter');
    await t.waitFor(/^status=7$/m);
  });

  it('opens a new pane in the directory nl-sh cd-ed into', async () => {
    const dir = join(home.home, 'projects', 'deep dir');
    mkdirSync(dir, { recursive: true });
    t = startTmux(nlshBin, { env: shellEnv(home.home), cwd: home.home });
    await t.waitFor(/nlsh-test:~#$/m);
    t.keys(`cd ~/projects/deep\\ dir`, 'Enter');
    await t.waitFor(/nlsh-test:~\/projects\/deep dir#$/m);
    // tmux reads the cwd of the pane's foreground process: nl-sh itself must have followed bash.
    await waitForPath(t, dir);
    t.tmux('split-window', '-t', 'main', '-c', '#{pane_current_path}', `bash --norc --noprofile -c 'pwd; exec sleep 30'`);
    await t.waitFor(dir, 'main.1');
  });

  it('recalls history with the up arrow and edits it', async () => {
    t = startTmux(nlshBin, { env: shellEnv(home.home), cwd: home.home });
    await t.waitFor(/nlsh-test:~#$/m);
    t.keys('echo one-two', 'Enter');
    await t.waitFor(/^one-two$/m);
    t.keys('Up', 'BSpace', 'BSpace', 'BSpace', 'six', 'Enter');
    await t.waitFor(/^one-six$/m);
    expect(t.capture()).toMatch(/nlsh-test:~# echo one-six/);
  });

  it('runs top full-screen and returns to a working prompt', async () => {
    t = startTmux(nlshBin, { env: shellEnv(home.home), cwd: home.home });
    await t.waitFor(/nlsh-test:~#$/m);
    t.keys('top', 'Enter');
    await t.waitFor(/PID\s+USER/);
    t.keys('q');
    await t.waitFor(/nlsh-test:~#$/m);
    t.keys('echo after-top', 'Enter');
    // top leaves its last screen as it does under plain bash; the prompt works below it.
    await t.waitFor(/^after-top\nnlsh-test:~#$/m);
  });

  it('runs a nested nl-sh and a nested bash, and exits each', async () => {
    t = startTmux(nlshBin, { env: shellEnv(home.home), cwd: home.home });
    await t.waitFor(/nlsh-test:~#$/m);
    t.keys(`${nlshBin}`, 'Enter');
    t.keys('echo "depth=$SHLVL"', 'Enter');
    await t.waitFor(/^depth=\d+$/m);
    t.keys('bash --norc -i', 'Enter');
    t.keys('PS1="inner> "', 'Enter');
    await t.waitFor(/^inner>$/m);
    t.keys('exit', 'Enter');
    t.keys('exit 4', 'Enter');
    // Like any program that reads the terminal (script, ssh), an exiting inner nl-sh may have
    // read keys typed ahead of its exit, so wait for the outer prompt first.
    await t.waitFor(/exit 4\nexit\nnlsh-test:~#$/m);
    t.keys('echo "outer got $?"', 'Enter');
    await t.waitFor(/^outer got 4$/m);
  });
});

async function waitForPath(t: TmuxSession, dir: string): Promise<void> {
  const deadline = Date.now() + 5000;
  while (t.tmux('display', '-p', '-t', 'main', '#{pane_current_path}').trim() !== dir) {
    if (Date.now() > deadline) throw new Error(`pane_current_path stayed ${t.tmux('display', '-p', '-t', 'main', '#{pane_current_path}')}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
