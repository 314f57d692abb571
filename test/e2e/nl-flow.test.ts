// The natural-language flow end to end, typed as a person would into nl-sh in a real pty,
// against a local server speaking Ollama's protocol: the preview (command, parts grounded in
// local --help, risk and reasons, dry run, source), each choice, the command running in the
// user's own bash (aliases, functions, history), and `?` questions with the last command's
// output as context.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nlshBin } from '../support/fixtures.js';
import { useFlowShell } from '../support/flow-shell.js';
import { plan } from '../support/plan-reply.js';

const flow = useFlowShell();
const shellWith = (chat: Parameters<typeof flow.start>[0], files: Record<string, string> = {}) => flow.start(chat, { 'big.log': 'x'.repeat(100), 'small.log': 'y', ...files });

const chats = () => flow.server().requests.filter((r) => r.path === '/api/chat');
const sentText = (i: number): string => JSON.stringify(chats()[i]?.body ?? null);
const menu = /\[n\] cancel\s+\(Enter: (run|cancel)\)/;
const idle = (ms = 300) => new Promise((r) => setTimeout(r, ms));

describe('the preview', () => {
  it('shows the command, its parts from local --help, the risk and the source; Enter runs a read-only command contained; up-arrow recalls it', async () => {
    const s = await shellWith([{ kind: 'reply', json: plan('ls -S *.log | head -n 1') }]);
    s.type('show me the biggest log file here\r');
    await s.waitFor(menu);
    const screen = s.screen();
    expect(screen).toMatch(/^ {2}ls -S \*\.log \| head -n 1$/m);
    expect(screen).toMatch(/^ {6}-S +sort by file size, largest first \(ls --help\)$/m);
    expect(screen).toMatch(/^ {6}-n +.*NUM.* \(head --help\)$/m);
    expect(screen).toMatch(/lists files \(nl-sh rules\)/);
    expect(screen).toMatch(/risk: read_only → run/);
    expect(screen).toMatch(/from small \(small\) · \d+\.\d s/);
    expect(screen).toMatch(/\[r\] run \(sandboxed\).*\(Enter: run\)/);
    s.type('\r');
    await s.waitFor(/^big\.log$/m);
    await s.waitFor(/nlsh-test:~# $/m);
    // bash recorded the command itself, not the sandbox wrapper and not the English.
    {
      const since = s.mark();
      s.type('\x1b[A');
      await s.waitSince(since, /nlsh-test:~# ls -S \*\.log \| head -n 1$/m);
    }
    s.type('\x15history 3\r');
    await s.waitFor(/^\s+\d+\s+ls -S \*\.log \| head -n 1$/m);
    const listed = s.screen().split('history 3').at(-1) ?? '';
    expect(listed).not.toMatch(/show me the biggest|nl-sh-sandbox/);
    // nl-sh's own history has the request, the plan, tier, risk, sandbox and exit status.
    s.type(`${nlshBin} --history biggest --json > listed.json\r`);
    const listedFile = join(flow.home(), 'listed.json');
    for (let i = 0; i < 100 && !(existsSync(listedFile) && readFileSync(listedFile, 'utf8').endsWith('\n')); i++) await idle(50);
    const entry = JSON.parse(readFileSync(join(flow.home(), 'listed.json'), 'utf8').split('\n')[0] ?? '{}');
    expect(entry).toMatchObject({ line: 'show me the biggest log file here', route: 'nl', command: 'ls -S *.log | head -n 1', tier: 'small', risk: 'read_only', decision: 'ran', exitStatus: 0 });
    expect(entry.sandbox).toMatch(/^bwrap.* \(read-only\)$/);
  });

  it('a destructive command: reasons, the dry-run summary, typed confirmation; anything but the word runs nothing', async () => {
    const s = await shellWith([{ kind: 'reply', json: plan('rm -f *.log') }]);
    s.type('delete the log files\r');
    await s.waitFor(menu);
    const screen = s.screen();
    expect(screen).toMatch(/risk: destructive → confirm-typed/);
    expect(screen).toMatch(/`\*\.log`: matches 2 paths here: big\.log, small\.log/);
    expect(screen).toMatch(/dry run: 2 file changes/);
    expect(screen).toMatch(/deleted +big\.log/);
    expect(screen).toMatch(/\(Enter: cancel\)/);
    s.type('r');
    await s.waitFor(/type yes and Enter to run it/);
    {
      const since = s.mark();
      s.type('no\r');
      await s.waitSince(since, /nlsh-test:~# delete the log files$/m);
    }
    expect(existsSync(join(flow.home(), 'big.log'))).toBe(true);
    // Enter alone at the menu cancels too.
    s.type('\r');
    await s.waitFor(menu);
    s.type('\r');
    await idle();
    expect(existsSync(join(flow.home(), 'big.log'))).toBe(true);
    s.type('\x15r');
  });

  it('typing the word runs it in the sandbox, which may write the working directory', async () => {
    const s = await shellWith([{ kind: 'reply', json: plan('rm -f *.log') }]);
    s.type('delete the log files\r');
    await s.waitFor(menu);
    s.type('r');
    await s.waitFor(/type yes and Enter to run it/);
    s.type('yes\r');
    await s.waitFor(/nlsh-test:~# $/m);
    for (let i = 0; i < 50 && existsSync(join(flow.home(), 'big.log')); i++) await idle(50);
    expect(existsSync(join(flow.home(), 'big.log'))).toBe(false);
  });

  it('a command the sandbox stops is explained by the rule that stopped it', async () => {
    // Outside /tmp: the sandbox's private /tmp would swallow a write there without an error.
    const outside = `/opt/nlsh-flow-test-${process.pid}.txt`;
    const s = await shellWith([{ kind: 'reply', json: plan(`touch ${outside}`) }]);
    s.type('make a marker file in opt\r');
    await s.waitFor(menu);
    s.type('r');
    await s.waitFor(/Read-only file system/);
    await s.waitFor(new RegExp(`^nl-sh: sandbox rule "read-only root": ${outside.replace(/[.]/g, '\\.')} is outside the writable paths`, 'm'));
    expect(existsSync(outside)).toBe(false);
  });
});

describe('the choices', () => {
  it('edit puts the command into bash for the user to change; nothing ran', async () => {
    const s = await shellWith([{ kind: 'reply', json: plan('wc -c big.log') }]);
    s.type('how big is big.log\r');
    await s.waitFor(menu);
    {
      const since = s.mark();
      s.type('e');
      await s.waitSince(since, /nlsh-test:~# wc -c big\.log$/m);
    }
    expect(s.screen()).not.toMatch(/^100 big\.log$/m);
    s.type(' small.log\r');
    await s.waitFor(/^\s*1 small\.log$/m);
  });

  it('revise sends the follow-up with the previous plan as context and shows the new plan', async () => {
    const s = await shellWith([{ kind: 'reply', json: plan('ls -la') }, { kind: 'reply', json: plan('ls -la src') }], { 'src/a.ts': '' });
    s.type('list everything\r');
    await s.waitFor(menu);
    s.type('v');
    await s.waitFor(/revise \(e\.g\. "only in src"; Esc goes back\): $/m);
    s.type('only in src\r');
    await s.waitFor(/^ {2}ls -la src$/m);
    const second = sentText(1);
    expect(second).toContain('list everything');
    expect(second).toContain('\\"command\\":\\"ls -la\\"');
    expect(second).toContain('only in src');
    s.type('\r');
    await s.waitFor(/a\.ts$/m);
    // The revised plan is recorded under the revised conversation: the original words do not
    // replay it from history (issue 15, point 3); they get their own plan back.
    s.type('list everything\r');
    await s.waitFor(/from the cache|from your history/);
    // The newest preview: the source line names where it came from, the command is above it.
    const screen = s.screen();
    const at = Math.max(screen.lastIndexOf('from the cache'), screen.lastIndexOf('from your history'));
    expect(screen.slice(at)).toMatch(/^from the cache/);
    expect([...screen.slice(0, at).matchAll(/^ {2}(ls -la(?: src)?)$/gm)].at(-1)?.[1]).toBe('ls -la');
  });

  it('cancel gives the request back and runs nothing; Ctrl-C at the menu too', async () => {
    const s = await shellWith([{ kind: 'reply', json: plan('touch made.txt') }]);
    s.type('make a file\r');
    await s.waitFor(menu);
    expect(s.screen()).toMatch(/dry run: 1 file change/);
    {
      const since = s.mark();
      s.type('n');
      await s.waitSince(since, /nlsh-test:~# make a file$/m);
    }
    s.type('\r');
    await s.waitFor(/from your history|from the cache/);
    {
      const since = s.mark();
      s.type('\x03');
      await s.waitSince(since, /nlsh-test:~# make a file$/m);
    }
    await idle();
    expect(existsSync(join(flow.home(), 'made.txt'))).toBe(false);
  });

  it('g asks the model again when the answer came from the cache', async () => {
    const s = await shellWith([{ kind: 'reply', json: plan('ls -1') }, { kind: 'reply', json: plan('ls -1 -a') }]);
    s.type('list the names here\r');
    await s.waitFor(menu);
    {
      const since = s.mark();
      s.type('n');
      await s.waitSince(since, /nlsh-test:~# list the names here$/m);
    }
    s.type('\r');
    await s.waitFor(/from the cache[\s\S]*\[g\] ask the model again/);
    s.type('g');
    await s.waitFor(/^ {2}ls -1 -a$/m);
    expect(chats()).toHaveLength(2);
    s.type('n');
  });

  it('Ctrl-C while the model is thinking gives the line back at once', async () => {
    const s = await shellWith([{ kind: 'hang', after: 'headers' }]);
    s.type('list every file in here\r');
    await s.waitFor('planning with small… (Ctrl-C cancels)');
    const sent = performance.now();
    {
      const since = s.mark();
      s.type('\x03');
      await s.waitSince(since, /nlsh-test:~# list every file in here$/m);
    }
    expect(performance.now() - sent).toBeLessThan(2000);
  });

  it('explain more streams the model\'s explanation, marked as the model\'s, then asks again', async () => {
    const s = await shellWith([{ kind: 'reply', json: plan('du -sh .') }, { kind: 'reply', text: 'du walks the tree and sums sizes.', pieces: 3 }]);
    s.type('how much space does this take\r');
    await s.waitFor(menu);
    s.type('x');
    await s.waitFor(/explanation \(model\):\s+du walks the tree and sums sizes\./);
    expect(sentText(1)).toContain('du -sh .');
    await s.waitFor(/du walks the tree[\s\S]*\[n\] cancel/);
    s.type('n');
  });

  it('copy writes the command to the clipboard with OSC 52', async () => {
    const s = await shellWith([{ kind: 'reply', json: plan('ls -1') }]);
    s.type('list names\r');
    await s.waitFor(menu);
    const from = s.raw().length;
    s.type('c');
    await s.waitForRaw(`\x1b]52;c;${Buffer.from('ls -1').toString('base64')}\x07`, from);
    await s.waitFor(/copied 5 bytes to the clipboard/);
    s.type('n');
  });

  it('always allow remembers a readable rule; the repeated request offers the earlier answer and runs it on Enter', async () => {
    const s = await shellWith([{ kind: 'reply', json: plan('touch made.txt') }]);
    s.type('make a file\r');
    await s.waitFor(menu);
    s.type('a');
    await s.waitFor(/remembered: exact "touch made\.txt" in \/.* \(in .*policy\.toml; edit or delete it there\)/);
    await s.waitFor(/nlsh-test:~# $/m);
    const policy = readFileSync(join(flow.home(), '.config/nl-sh/policy.toml'), 'utf8');
    expect(policy).toContain('[[approve]]\ncommand = "touch made.txt"\nmatch = "exact"\ncwd = ');
    s.type('make a file\r');
    await s.waitFor(/from your history: the answer given/);
    await s.waitFor(/risk: writes → run \(remembered approval \(exact\): touch made\.txt\)/);
    await s.waitFor(/\(Enter: run\)/);
    expect(chats()).toHaveLength(1);
  });
});

describe('running without the sandbox', () => {
  it('u runs it as typed, outside the sandbox, and the history says so', async () => {
    const s = await shellWith([{ kind: 'reply', json: plan('touch ../outside-u.txt') }], { 'work/keep': '' });
    s.type('cd work\r');
    await s.waitFor(/nlsh-test:~\/work# $/m);
    s.type('make a file next to this folder\r');
    await s.waitFor(menu);
    expect(s.screen()).toMatch(/\[u\] the sandbox allows writing only in ~\/work \(private \/tmp, no network\); run without it only if the command must do more/);
    s.type('u');
    await s.waitFor(/nlsh-test:~\/work# touch \.\.\/outside-u\.txt$/m);
    for (let i = 0; i < 50 && !existsSync(join(flow.home(), 'outside-u.txt')); i++) await idle(50);
    expect(existsSync(join(flow.home(), 'outside-u.txt'))).toBe(true);
    const history = join(flow.home(), '.local/state/nl-sh/history.jsonl');
    for (let i = 0; i < 50 && !readFileSync(history, 'utf8').includes('"sandbox":"none"'); i++) await idle(50);
    expect(readFileSync(history, 'utf8')).toMatch(/"command":"touch \.\.\/outside-u\.txt".*"decision":"ran","sandbox":"none","exitStatus":0/);
  });
});

describe('running in the user\'s bash', () => {
  it('a line typed ahead while a contained command runs reaches bash afterwards, and its history', async () => {
    const s = await shellWith([{ kind: 'reply', json: plan('sleep 1; echo slept') }]);
    s.type('wait a second please\r');
    await s.waitFor(menu);
    s.type('r');
    await idle();
    s.type('echo typed-ahead\r');
    await s.waitFor(/^slept$/m);
    await s.waitFor(/^typed-ahead$/m);
    s.type('history 3\r');
    await s.waitFor(/^\s+\d+\s+history 3$/m);
    expect(s.screen()).toMatch(/^\s+\d+\s+sleep 1; echo slept\n\s+\d+\s+echo typed-ahead\n/m);
  });

  it('an alias and a function from ~/.bashrc work in a generated command', async () => {
    const s = await shellWith([{ kind: 'reply', json: plan('greet; shout done') }]);
    s.type('print a greeting and then shout done\r');
    await s.waitFor(menu);
    s.type('r');
    await s.waitFor(/^hello-from-alias$/m);
    await s.waitFor(/^FUNC:done$/m);
  });
});

describe('? questions', () => {
  it('a question about a failing command sends its line, status and output; a follow-up continues the conversation', async () => {
    const s = await shellWith([
      { kind: 'reply', text: 'The file does not exist.', pieces: 2 },
      { kind: 'reply', text: 'Create it with touch.', pieces: 2 },
    ]);
    s.type('cat missing-file.txt\r');
    await s.waitFor(/No such file or directory/);
    s.type('? why did that fail\r');
    await s.waitFor(/^The file does not exist\.$/m);
    const first = sentText(0);
    expect(first).toContain('last command: cat missing-file.txt');
    expect(first).toContain('its exit status: 1');
    expect(first).toMatch(/missing-file\.txt: No such file or directory/);
    s.type('? how do I fix it\r');
    await s.waitFor(/^Create it with touch\.$/m);
    const second = chats()[1]?.body as { messages: { role: string; content: string }[] };
    const roles = second.messages.map((m) => m.role);
    expect(roles.slice(-3)).toEqual(['user', 'assistant', 'user']);
    expect(second.messages.at(-2)?.content).toBe('The file does not exist.');
    expect(existsSync(join(flow.home(), 'missing-file.txt'))).toBe(false);
  });
});
