// The Enter hook and control channel, end to end: bash asks nl-sh about each line and applies
// the answer (run, replace, drop, edit, hold), and history records what actually ran.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { makeHome, repoRoot, testBashrc } from '../support/fixtures.js';
import type { PtyDriver } from '../support/pty-driver.js';
import { startShellAt } from '../support/start-shell.js';

const node = join(repoRoot, 'node_modules', '.bin', 'node');
const fixture = join(repoRoot, 'test', 'fixtures', 'hook-shell.mjs');
let home: ReturnType<typeof makeHome>;
let sh: PtyDriver | undefined;

beforeEach(() => {
  home = makeHome({ '.bashrc': testBashrc });
});
afterEach(() => {
  sh?.kill();
  home.cleanup();
});

async function startShell(): Promise<PtyDriver> {
  sh = await startShellAt(home.home, { file: node, args: [fixture] });
  return sh;
}

describe('the Enter hook', () => {
  it('runs a plain line as typed', async () => {
    const s = await startShell();
    s.type('echo plain-$((1+1))\r');
    await s.waitFor(/^plain-2$/m);
  });

  it('replaces a line, and history records the replacement', async () => {
    const s = await startShell();
    s.type('please-replace\r');
    await s.waitFor(/^REPLACED-42$/m);
    expect(s.allText()).not.toContain('command not found');
    s.type('history 1\r');
    await s.waitFor(/^\s+\d+\s+history 1$/m);
    {
      const since = s.mark();
      s.type('\x1b[A\x1b[A');
      await s.waitSince(since, /nlsh-test:~# echo REPLACED-\$\(\(6\*7\)\)$/m);
    }
  });

  it('drops a line: nothing runs', async () => {
    const s = await startShell();
    s.type('please-drop\r');
    s.type('echo after-drop\r');
    await s.waitFor(/^after-drop$/m);
    expect(s.allText()).not.toContain('please-drop: command not found');
  });

  it('leaves an edited line in the buffer without running it', async () => {
    const s = await startShell();
    {
      const since = s.mark();
      s.type('please-edit\r');
      await s.waitSince(since, /nlsh-test:~# echo edited-line$/m);
    }
    await new Promise((r) => setTimeout(r, 200));
    expect(s.allText()).not.toMatch(/^edited-line$/m);
    s.type(' more\r');
    await s.waitFor(/^edited-line more$/m);
  });

  it('gives nl-sh the type of the first word from the live bash', async () => {
    const s = await startShell();
    s.type('what-type\r');
    await s.waitFor(/^first-word-type=none$/m);
  });

  it('answers facts about other words: alias, function, builtin, keyword, file, unknown', async () => {
    const s = await startShell();
    s.type('facts greet shout cd if ls no-such-cmd\r');
    await s.waitFor(/^facts=alias,function,builtin,keyword,file,none$/m);
  });

  it('keeps keystrokes typed while nl-sh owns the terminal away from bash', async () => {
    const s = await startShell();
    s.type('please-hold\r');
    await s.waitFor('[owned] type y to continue');
    s.type('echo LEAKED\r');
    await new Promise((r) => setTimeout(r, 200));
    s.type('y');
    await s.waitFor(/^held-saw=/m);
    expect(s.allText()).not.toMatch(/^LEAKED$/m);
    expect(s.allText()).toMatch(/^held-saw=_echo_LEAKED_ry_$/m);
    s.type('echo next\r');
    await s.waitFor(/^next$/m);
  });

  it("captures the last command's output and status, rendered as text on request", async () => {
    const s = await startShell();
    s.type('printf "one\\n\\033[1mtwo\\033[0m\\n"; (exit 3)\r');
    await s.waitFor(/^two$/m);
    s.type('show-capture\r');
    await s.waitFor('captured[printf "one\\n\\033[1mtwo\\033[0m\\n"; (exit 3)](3):one|two');
  });

  it('runs a prepared sandbox line in the same bash; history records the command, not the wrapper', async () => {
    sh = await startShellAt(home.home, { file: node, args: [fixture], cols: 250 });
    const s = sh;
    s.type(`please-sandbox echo inside > made-here.txt; echo escape > /etc/nlsh-escape-test 2>/dev/null || echo BLOCKED-OUTSIDE; cat made-here.txt\r`);
    await s.waitFor(/^BLOCKED-OUTSIDE\ninside$/m);
    const { existsSync } = await import('node:fs');
    expect(existsSync('/etc/nlsh-escape-test')).toBe(false);
    expect(existsSync(`${home.home}/made-here.txt`)).toBe(true);
    s.type('history 2\r');
    await s.waitFor(/^\s+\d+\s+echo inside > made-here\.txt; echo escape > \/etc\/nlsh-escape-test .*cat made-here\.txt$/m);
    expect(s.allText()).not.toMatch(/^\s+\d+\s+.*bwrap/m);
    s.type('\x1b[A\x1b[A');
    await s.waitFor(/nlsh-test:~# echo inside > made-here\.txt;/m);
    // What the prompt line showed while it ran: the short form, not the wrapper's argv.
    expect(s.allText()).toMatch(/nlsh-test:~# nl-sh-sandbox 'echo inside > made-here\.txt;/);
    expect(s.allText()).not.toContain('--cap-drop');
  });

  it('a contained command can use the aliases and functions of ~/.bashrc', async () => {
    const s = await startShell();
    s.type('please-sandbox greet; shout contained\r');
    await s.waitFor(/^hello-from-alias\nFUNC:contained$/m);
  });

  it('handles a line with quotes, tabs and non-ASCII text intact', async () => {
    const s = await startShell();
    s.type("printf '%s|' \"a  b\" 'c\"d' héllo 你好; echo\r");
    await s.waitFor('a  b|c"d|héllo|你好|');
  });
});
