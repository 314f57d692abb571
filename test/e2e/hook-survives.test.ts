// The Enter hook survives what the user's shell does to it, typed at the prompt as the stock
// Debian user (nl-sh issue 15, points 4 and 7): PROMPT_COMMAND assigned or ~/.bashrc re-read,
// the runtime dir removed while running, and the user's own settings (IFS, set -e/-u, traps,
// shopt). After each, a shell line prints as in bash and an English line reaches the model.
// Every wait is bounded to a few seconds and only looks at output written after its mark.

import { describe, expect, it } from 'vitest';
import { plan } from '../support/plan-reply.js';
import { useStockFlowShell } from '../support/stock-flow-shell.js';
import { startAsStockUser, type StockShell } from '../support/stock-user.js';

const flow = useStockFlowShell();
const promptAt = (where: string): RegExp => new RegExp(`${flow.user.name}@[^:\\s]+:${where}[$#] $`);
const home = promptAt('~');
const menu = /\[n\] cancel\s+\(Enter: (run|cancel)\)/;

// Type `line` and Enter; resolve with the screen from the line on once `until` shows there
// in output written after it (8 s at most: a frozen hook gives up after 6).
async function step(s: StockShell, line: string, until: RegExp, timeoutMs = 8000): Promise<string> {
  const m = s.driver.mark();
  s.type(`${line}\r`);
  await s.driver.waitSince(m, until, timeoutMs);
  return s.driver.textSince(m);
}
// The same, for a line that ends at a prompt: `line`'s output, then the prompt.
const shellLine = (s: StockShell, line: string, prompt = home): Promise<string> => step(s, line, new RegExp(`\\n(.*\\n)*?${prompt.source}`));

describe('PROMPT_COMMAND assigned by the user', () => {
  it.each([
    { how: 'typed at the prompt', setup: "PROMPT_COMMAND='echo hi'", files: {} as Record<string, string> },
    { how: 'by re-reading a ~/.bashrc that assigns it', setup: 'source ~/.bashrc', files: { '.bashrc': "\nPROMPT_COMMAND='echo hi'\n" } },
  ])('$how: nl-sh follows cd, the sandbox runs there, and ? sees the last output', async ({ setup, files }) => {
    const s = await flow.start([{ kind: 'reply', json: plan('pwd') }, { kind: 'reply', text: 'It printed marker-two.' }], files);
    expect(await shellLine(s, setup)).toMatch(/^hi$/m);
    expect(await shellLine(s, 'cd /tmp', promptAt('/tmp'))).toMatch(/^hi$/m);
    await step(s, 'show me which directory I am in', menu);
    const ran = await step(s, '', new RegExp(`^/tmp\\n(.*\\n)*?${promptAt('/tmp').source}`, 'm'));
    expect(ran).not.toMatch(/command not found/);
    await shellLine(s, 'echo marker-two', promptAt('/tmp'));
    await step(s, '? what did that print', /^It printed marker-two\.$/m);
    expect(flow.chats()[1]).toContain('last command: echo marker-two');
    expect(flow.chats()[1]).toMatch(/marker-two\\n/);
  });
});

// Each test has its own $XDG_RUNTIME_DIR: the user's real one holds other tests' sessions.
describe('the runtime dir removed while nl-sh runs', () => {
  it('the next English line and ? question still reach nl-sh: bash makes the channel again', async () => {
    const s = await flow.start([{ kind: 'reply', json: plan('echo via-model') }, { kind: 'reply', text: 'It printed via-model.' }], {}, { ownRuntimeDir: true });
    expect(await shellLine(s, 'rm -rf "$XDG_RUNTIME_DIR"/nl-sh*; ls "$XDG_RUNTIME_DIR" | grep -c nl-sh')).toMatch(/^0$/m);
    await step(s, 'show me what the model says', menu);
    await step(s, '', new RegExp(`^via-model\\n(.*\\n)*?${home.source}`, 'm'));
    await step(s, '? what did that print', /^It printed via-model\.$/m);
    expect(flow.chats()).toHaveLength(2);
    expect(s.since(0)).not.toMatch(/command not found|routing is off/);
  });

  it('when it cannot be made again, routing stops, said once; the line waits for a second Enter', async () => {
    const s = await flow.start([], {}, { ownRuntimeDir: true });
    await shellLine(s, 'rm -rf "$XDG_RUNTIME_DIR"/nl-sh*; touch "$XDG_RUNTIME_DIR"/nl-sh');
    const said = await step(s, 'show me what the model says', /routing is off for this session\. Press Enter to run the line in bash\.\n.*show me what the model says$/);
    expect(said).not.toMatch(/command not found/);
    await step(s, '', /show: command not found/);
    const again = await step(s, '? what is this', /\?: command not found/);
    expect(again).not.toMatch(/routing is off/);
    await shellLine(s, 'rm -f "$XDG_RUNTIME_DIR"/nl-sh');
  });
});

// The user's settings, each typed at the prompt of a fresh shell. A shell line's output must be
// bash's own (the same keys typed into `bash -i` as the same user); `nlsh` says what nl-sh shows
// instead where it differs on purpose (README, "Differences from bash").
const settings = [
  { setting: 'IFS=34' },
  { setting: 'set -u' },
  { setting: 'set -e' },
  { setting: 'shopt -s extglob' },
  { setting: 'set -o posix' },
  { setting: "set -o errtrace; trap 'echo ERR' ERR" },
  // bash runs a DEBUG trap before every simple command, nl-sh's calls included: Enter runs one
  // (the hook: its output overwrites the typed row, and bash redraws the line below it) and the
  // prompt two (PROMPT_COMMAND's first and last, after the line's output).
  { setting: "trap 'echo DBG' DEBUG", nlsh: ([set = [], line = []]: string[][]) => [[...set, 'DBG', 'DBG'], ['DBG', ...line, 'DBG', 'DBG']] },
  { setting: 'shopt -s nullglob failglob' },
];

// What typing `line` shows: the rendered rows from the typed line up to the next prompt.
const outputOf = async (s: StockShell, line: string): Promise<string[]> => (await shellLine(s, line)).split('\n').slice(0, -1);

describe('the hook is immune to the user\'s settings', () => {
  it.each(settings)('$setting: a shell line prints as in bash, an English line reaches the model, nothing freezes', async ({ setting, nlsh = (same: string[][]) => same }) => {
    const s = await flow.start([{ kind: 'reply', json: plan('echo planned') }]);
    const bash = await startAsStockUser(flow.user, flow.home(), { argv: ['bash', '-i'], cols: 200 });
    try {
      const fromBash = [await outputOf(bash, setting), await outputOf(bash, 'echo shell-ok')];
      const fromNlsh = [await outputOf(s, setting), await outputOf(s, 'echo shell-ok')];
      expect(fromBash[1]?.at(-1)).toBe('shell-ok');
      expect(fromNlsh).toEqual(nlsh(fromBash));
      await step(s, 'show me what the model says', menu);
      expect(flow.chats()).toHaveLength(1);
      // Cancel: the line is back in the buffer for editing; clear it.
      const m = s.driver.mark();
      s.type('n');
      await s.driver.waitSince(m, /[$#] show me what the model says$/m, 8000);
      s.type('\x15');
      expect(await outputOf(s, 'echo after-ok')).toContain('after-ok');
    } finally {
      bash.kill();
    }
  });
});
