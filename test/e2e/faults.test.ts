// Faults in nl-sh's own parts or the user's setup must never lock anyone out: each case still
// ends at a working bash prompt where commands run, with at most a short line about the fault.

import { afterEach, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, writeFileSync, rmSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { makeHome, nlshBin, repoRoot, shellEnv, testBashrc } from '../support/fixtures.js';
import { startInPty, type PtyDriver } from '../support/pty-driver.js';

const cleanups: (() => void)[] = [];
let sh: PtyDriver | undefined;
afterEach(() => {
  sh?.kill();
  sh = undefined;
  for (const c of cleanups.splice(0)) c();
});

function home(files: Record<string, string>): string {
  const h = makeHome(files);
  cleanups.push(h.cleanup);
  return h.home;
}

/** A copy of the installed tree without some of its parts. */
function strippedInstall(omit: { nodeModules?: boolean; dist?: boolean }): string {
  const dir = mkdtempSync(join(tmpdir(), 'nlsh-install-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 }));
  for (const part of ['bin', 'share', 'package.json']) cpSync(join(repoRoot, part), join(dir, part), { recursive: true });
  if (!omit.dist) cpSync(join(repoRoot, 'dist'), join(dir, 'dist'), { recursive: true });
  if (!omit.nodeModules) cpSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), { recursive: true });
  return join(dir, 'bin', 'nl-sh');
}

/** Start, wait for a prompt, prove a command runs; returns the screen text before the prompt. */
async function expectWorkingPrompt(file: string, args: string[], env: Record<string, string>, prompt: RegExp): Promise<string> {
  sh = startInPty(file, args, { env, cwd: tmpdir(), cols: 250 });
  await sh.waitFor(prompt, 15_000);
  sh.type('echo works-$((40+2))\r');
  await sh.waitFor(/^works-42$/m);
  return sh.allText();
}

const userPrompt = /nlsh-test:.*# $/m;

describe('fault tolerance', () => {
  it('a config file that is not TOML: one warning line, then the prompt', async () => {
    const h = home({ '.bashrc': testBashrc, '.config/nl-sh/config.toml': 'this is = = not toml [[[\n' });
    const text = await expectWorkingPrompt(nlshBin, [], shellEnv(h), userPrompt);
    expect(text).toMatch(/^nl-sh: .*config\.toml.*using defaults$/m);
  });

  it('a config file that cannot be read (a directory): one warning line, then the prompt', async () => {
    const h = home({ '.bashrc': testBashrc });
    mkdirSync(join(h, '.config/nl-sh/config.toml'), { recursive: true });
    const text = await expectWorkingPrompt(nlshBin, [], shellEnv(h), userPrompt);
    expect(text).toMatch(/^nl-sh: .*config\.toml: not a regular file \(a directory\); using defaults$/m);
  });

  it('a config value of the wrong type: named in the warning, default used', async () => {
    const h = home({ '.bashrc': testBashrc, '.config/nl-sh/config.toml': 'capture_bytes = "lots"\n' });
    const text = await expectWorkingPrompt(nlshBin, [], shellEnv(h), userPrompt);
    expect(text).toMatch(/capture_bytes: expected a whole number.*found "lots"/);
  });

  it('missing node modules: falls back to plain bash with a one-line warning', async () => {
    const h = home({ '.bashrc': testBashrc });
    const text = await expectWorkingPrompt(strippedInstall({ nodeModules: true }), [], shellEnv(h), userPrompt);
    expect(text).toMatch(/^nl-sh: .*starting plain bash/m);
  });

  it('an unbuilt install: falls back to plain bash with a one-line warning', async () => {
    const h = home({ '.bashrc': testBashrc });
    const text = await expectWorkingPrompt(strippedInstall({ dist: true }), [], shellEnv(h), userPrompt);
    expect(text).toMatch(/^nl-sh: not built .*starting plain bash/m);
  });

  it("a user's .bashrc with a syntax error still gives a working prompt and exit statuses", async () => {
    const h = home({ '.bashrc': `${testBashrc}\nif then fi ((( \n` });
    const text = await expectWorkingPrompt(nlshBin, [], shellEnv(h), userPrompt);
    expect(text).toContain('syntax error');
    sh!.type('exit 5\r');
    expect((await sh!.exited).exitCode).toBe(5);
  });

  it("a user's .bashrc with set -u and vi mode: the hook and marks keep working", async () => {
    const h = home({ '.bashrc': `${testBashrc}\nset -u\nset -o vi\nunset PROMPT_COMMAND\n` });
    await expectWorkingPrompt(nlshBin, [], shellEnv(h), userPrompt);
    expect(sh!.allText()).not.toContain('unbound variable');
    sh!.type('echo vi-$((1+2))\x1bk');
    await sh!.waitFor(/# echo works-\$\(\(40\+2\)\)$/m);
  });

  it('a read-only HOME still gives a working prompt', async () => {
    const h = home({ '.bashrc': testBashrc });
    const env = shellEnv(h);
    const asRoot = process.getuid?.() === 0;
    const args = [...(asRoot ? ['-m'] : ['-r', '-m']), '--propagation', 'private', 'sh', '-c', 'mount --bind -o ro "$HOME" "$HOME" && touch "$HOME/x" 2>/dev/null && echo WRITABLE; exec "$0"', nlshBin];
    const text = await expectWorkingPrompt('unshare', args, env, userPrompt);
    expect(text).not.toContain('WRITABLE');
  });

  it('a HOME that does not exist still gives a working prompt', async () => {
    const env = shellEnv('/nonexistent/home');
    delete env.XDG_RUNTIME_DIR;
    await expectWorkingPrompt(nlshBin, [], env, /[$#] $/m);
  });

  it('started in a directory that no longer exists: the prompt starts at home', async () => {
    const h = home({ '.bashrc': testBashrc });
    mkdirSync(join(h, 'gone'));
    const text = await expectWorkingPrompt('sh', ['-c', `cd "$1" && rmdir "$1" && exec "$2"`, 'sh', join(h, 'gone'), nlshBin], shellEnv(h), userPrompt);
    expect(text).not.toContain('starting plain bash');
    sh!.type('pwd\r');
    await sh!.waitFor(new RegExp(`^${h}$`, 'm'));
  });

  it('an XDG_RUNTIME_DIR that is not a directory: the channel goes elsewhere and the hook works', async () => {
    const h = home({ '.bashrc': testBashrc });
    writeFileSync(join(h, 'not-a-dir'), '');
    await expectWorkingPrompt(nlshBin, [], shellEnv(h, { XDG_RUNTIME_DIR: join(h, 'not-a-dir') }), userPrompt);
  });
});
