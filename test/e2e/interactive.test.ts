// nl-sh as a person uses it: a real pty, the user's ~/.bashrc, full-screen programs, job
// control, history, exit status, and large output, asserted on the rendered screen.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeHome, testBashrc } from '../support/fixtures.js';
import type { PtyDriver } from '../support/pty-driver.js';
import { startShellAt } from '../support/start-shell.js';

let home: ReturnType<typeof makeHome>;
let sh: PtyDriver | undefined;

beforeEach(() => {
  home = makeHome({ '.bashrc': testBashrc, 'notes.txt': Array.from({ length: 200 }, (_, i) => `line ${i + 1}`).join('\n') + '\n' });
});
afterEach(() => {
  sh?.kill();
  sh = undefined;
  home.cleanup();
});

async function startShell(): Promise<PtyDriver> {
  sh = await startShellAt(home.home);
  return sh;
}

describe('interactive nl-sh', () => {
  it('shows the prompt from ~/.bashrc and runs its alias and function', async () => {
    const s = await startShell();
    s.type('greet\r');
    await s.waitFor('hello-from-alias');
    s.type('shout a b\r');
    await s.waitFor('FUNC:a b');
    expect(s.screen()).toMatch(/^nlsh-test:~# greet\nhello-from-alias\nnlsh-test:~# shout a b\nFUNC:a b\nnlsh-test:~# $/m);
  });

  it('does not show the shell-integration marks on the screen or in the bytes', async () => {
    const s = await startShell();
    s.type('echo visible\r');
    await s.waitFor(/^visible$/m);
    const raw = s.raw().toString('latin1');
    expect(raw).not.toContain('\x1b]133;');
    expect(raw).not.toContain('\x1b]7;');
  });

  it('exit 3 ends nl-sh with status 3', async () => {
    const s = await startShell();
    s.type('exit 3\r');
    expect((await s.exited).exitCode).toBe(3);
  });

  it('Ctrl-D at an empty prompt ends nl-sh with the last status', async () => {
    const s = await startShell();
    s.type('false\r');
    await s.waitFor(/false\nnlsh-test:~# $/m);
    s.type('\x04');
    expect((await s.exited).exitCode).toBe(1);
  });

  it('Ctrl-C interrupts sleep and returns to the prompt', async () => {
    const s = await startShell();
    s.type('sleep 30; echo after-sleep $?\r');
    await new Promise((r) => setTimeout(r, 300));
    s.type('\x03');
    await s.waitFor(/\^C\nnlsh-test:~# $/m, 5000);
    expect(s.allText()).not.toMatch(/^after-sleep/m);
    s.type('echo still-here\r');
    await s.waitFor(/^still-here$/m);
  });

  it('Ctrl-Z stops a job and fg resumes it', async () => {
    const s = await startShell();
    s.type('sleep 2; echo job-finished\r');
    await new Promise((r) => setTimeout(r, 300));
    s.type('\x1a');
    await s.waitFor(/Stopped\s+sleep 2/);
    s.type('jobs\r');
    await s.waitFor(/\[1\]\+\s+Stopped/);
    s.type('fg\r');
    await s.waitFor(/^job-finished$/m, 10_000);
  });

  it('recalls the previous command with up-arrow', async () => {
    const s = await startShell();
    s.type('echo first-$((20+22))\r');
    await s.waitFor(/^first-42$/m);
    {
      const since = s.mark();
      s.type('\x1b[A');
      await s.waitSince(since, /nlsh-test:~# echo first-\$\(\(20\+22\)\)$/m);
    }
    s.type('\r');
    await s.waitFor(/first-42\n(.*\n)*first-42/);
  });

  it('opens and quits vim cleanly', async () => {
    const s = await startShell();
    s.type('vim -u NONE notes.txt\r');
    await s.waitFor(/"notes.txt" 200(L| lines)/);
    expect(s.screen()).toContain('line 1');
    s.type(':q\r');
    await s.waitFor(/nlsh-test:~# $/m);
    s.type('echo back\r');
    await s.waitFor(/^back$/m);
    expect(s.screen()).not.toContain('line 50');
  });

  it('pages with less and quits cleanly', async () => {
    const s = await startShell();
    s.type('less notes.txt\r');
    await s.waitFor(/^line 29$/m);
    s.type(' ');
    await s.waitFor(/^line 50$/m);
    s.type('q');
    s.type('echo after-less\r');
    await s.waitFor(/^after-less$/m);
  });

  it('delivers 5 MB of output intact and in order', async () => {
    const s = await startShell();
    const from = s.raw().length;
    // The markers are split in the typed line so its echo does not contain them.
    s.type("echo BEG''IN; seq 1 700000; echo EN''D\r");
    const begin = await s.waitForRaw('BEGIN\r\n', from, 20_000);
    const end = await s.waitForRaw('END\r\n', begin, 60_000);
    const body = s.raw().subarray(begin + 'BEGIN\r\n'.length, end).toString('latin1');
    const expected = Array.from({ length: 700000 }, (_, i) => `${i + 1}\r\n`).join('');
    expect(body.length).toBe(expected.length);
    expect(body === expected).toBe(true);
  }, 90_000);

  it('follows window resizes', async () => {
    const s = await startShell();
    s.resize(57, 19);
    await new Promise((r) => setTimeout(r, 100));
    s.type('echo size=$(tput cols)x$(tput lines)\r');
    await s.waitFor('size=57x19');
  });

  it('forwards a hangup to bash, which saves its history', async () => {
    const s = await startShell();
    s.type('echo remember-me-please\r');
    await s.waitFor(/^remember-me-please$/m);
    process.kill(s.pid, 'SIGHUP');
    await s.exited;
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(`${home.home}/.bash_history`, 'utf8')).toContain('echo remember-me-please');
  });
});
