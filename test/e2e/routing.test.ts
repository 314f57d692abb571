// Routing at the Enter hook, end to end: shell runs as typed, English never reaches bash, and
// a command that is not found gets a one-line offer that a blank Enter takes.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { makeHome, nlshBin, shellEnv, testBashrc } from '../support/fixtures.js';
import type { PtyDriver } from '../support/pty-driver.js';
import { startShellAt } from '../support/start-shell.js';

let home: ReturnType<typeof makeHome>;
let sh: PtyDriver | undefined;
beforeEach(() => {
  home = makeHome({ '.bashrc': `${testBashrc}\ndeploy() { echo "DEPLOY:$*"; }\n` });
});
afterEach(() => {
  sh?.kill();
  home.cleanup();
});

async function startShell(): Promise<PtyDriver> {
  sh = await startShellAt(home.home, { cols: 220 });
  return sh;
}

describe('routing in the interactive shell', () => {
  it('runs shell lines as typed, including English-looking commands', async () => {
    const s = await startShell();
    s.type('echo hello world\r');
    await s.waitFor(/^hello world$/m);
    s.type('deploy the app to staging\r');
    await s.waitFor(/^DEPLOY:the app to staging$/m);
  });

  it('leaves a request in the buffer with one line of explanation, and runs nothing', async () => {
    const s = await startShell();
    s.type('rm the old logs please\r');
    await s.waitFor(/^nl-sh: no model is set up, so the line did not run\. Run `nl-sh --model pull`.* install Ollama .*\.$/m);
    await s.waitFor(/^ +\(no model tier could answer: local: unavailable \(Ollama is not running at http:\/\/127\.0\.0\.1:47; start it with `ollama serve`/m);
    await s.waitFor(/nlsh-test:~# rm the old logs please$/m);
    expect(s.allText()).not.toContain('cannot remove');
    // The user takes it back and runs something else.
    s.type('\x15echo next\r');
    await s.waitFor(/^next$/m);
  });

  it('explains how to set up a model once per session, then briefly', async () => {
    const s = await startShell();
    s.type('show me the biggest files\r');
    await s.waitFor(/^nl-sh: no model is set up, so the line did not run/m);
    s.type('\x15list all the open ports\r');
    // Briefly, but with the cause again (the screen may have been cleared since), never "see above".
    await s.waitFor(/^nl-sh: no model available \(no model tier could answer: local: unavailable/m);
    await s.waitFor(/checks the setup\.$/m);
    expect(s.allText()).not.toContain('see above');
    expect(s.allText().match(/no model is set up, so/g)).toHaveLength(1);
  });

  it('a line typed before the first prompt is still routed, never run unrouted', async () => {
    const { startInPty } = await import('../support/pty-driver.js');
    const { nlshBin, shellEnv } = await import('../support/fixtures.js');
    sh = startInPty(nlshBin, [], { env: shellEnv(home.home), cwd: home.home, cols: 220 });
    sh.type('? typed ahead of the prompt\r');
    await sh.waitFor(/^nl-sh: no model is set up/m);
    expect(sh.allText()).not.toContain('command not found');
  });

  it('a ? line is a question and nothing runs', async () => {
    const s = await startShell();
    s.type('? why did that fail\r');
    await s.waitFor(/^nl-sh: no model is set up/m);
    expect(s.allText()).not.toContain('command not found');
  });

  it('the shell prefix forces bash', async () => {
    const s = await startShell();
    s.type('\\echo find all the files\r');
    await s.waitFor(/^find all the files$/m);
  });

  it('offers a correction after command not found; a blank Enter puts it in the buffer', async () => {
    const s = await startShell();
    s.type('gti --version\r');
    await s.waitFor(/^nl-sh: did you mean `git --version`\? Press Enter to edit it\.$/m);
    {
      const since = s.mark();
      s.type('\r');
      await s.waitSince(since, /nlsh-test:~# git --version$/m);
    }
    expect(s.allText()).not.toMatch(/^git version/m);
    s.type('\r');
    await s.waitFor(/^git version \d/m);
  });

  it('an unknown word gets the offer to ask the model, and a non-blank line dismisses it', async () => {
    const s = await startShell();
    s.type('frobnicatezz\r');
    await s.waitFor(/^nl-sh: not a command here\. Press Enter to ask the model/m);
    s.type('echo dismissed\r');
    await s.waitFor(/^dismissed$/m);
    s.type('\r');
    await new Promise((r) => setTimeout(r, 300));
    expect(s.allText()).not.toContain('no model is set up');
  });
});

describe('nl-sh --route', () => {
  it('prints one JSON object per line, using the aliases and functions of ~/.bashrc', () => {
    const input = ['ls -la', 'find all large files in my home', '? why did that fail', 'greet', 'deploy the app to staging', ''].join('\n');
    const r = spawnSync(nlshBin, ['--route'], { input, env: shellEnv(home.home), encoding: 'utf8' });
    expect(r.status).toBe(0);
    const rows = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { line: string; route: string; reason: string });
    expect(rows.map((x) => [x.line, x.route])).toEqual([
      ['ls -la', 'shell'],
      ['find all large files in my home', 'nl'],
      ['? why did that fail', 'question'],
      ['greet', 'shell'],
      ['deploy the app to staging', 'shell'],
    ]);
    for (const row of rows) expect(row.reason.length).toBeGreaterThan(5);
  });

  it('--explain prints the reasons readably', () => {
    const r = spawnSync(nlshBin, ['--route', '--explain'], { input: 'git status\nshow me the biggest files\n', env: shellEnv(home.home), encoding: 'utf8' });
    expect(r.stdout).toMatch(/^shell\s+git status\s+← .+$/m);
    expect(r.stdout).toMatch(/^nl\s+show me the biggest files\s+← .+$/m);
  });
});
