// Issue 15, points 6, 7 and 8, as the stock Debian user typing into nl-sh: requests that start
// with a word that is not a command (or an English verb that is one) reach the model on the first
// Enter; builtins followed by plain words run in bash; the preview explains `git status` by its
// subcommand and knows `continue`.

import { describe, expect, it } from 'vitest';
import { plan } from '../support/plan-reply.js';
import { useStockFlowShell } from '../support/stock-flow-shell.js';
import type { StockShell } from '../support/stock-user.js';

const flow = useStockFlowShell();
const user = flow.user;
const menu = /\(Enter: (run|cancel)\) ?$/m;

const start = (commands: string[]): Promise<StockShell> => flow.start(commands.map((c) => ({ kind: 'reply' as const, json: plan(c) })), {}, { cols: 160 });
const chats = (): number => flow.chatCount();

describe(`the first Enter, as ${user.name}`, () => {
  it('a request starting with an unknown word or an English verb reaches the model at once; bash never sees it', async () => {
    const requests = ['disk space', 'random password 20 chars', 'memory usage', 'kill it', 'man page for tar', 'time for lunch'];
    const s = await start(requests.map(() => 'true'));
    for (const [i, request] of requests.entries()) {
      const at = s.mark();
      s.type(`${request}\r`);
      await s.waitAfter(at, menu);
      expect(chats()).toBe(i + 1);
      const shown = s.since(at);
      expect(shown).not.toMatch(/command not found|No manual entry|^> /m);
      const cancelled = s.mark();
      s.type('n');
      // The request given back to the prompt, drawn after the key (the typed one stays above).
      await s.waitAfter(cancelled, new RegExp(`[$#] ${request}$`, 'm'));
      s.type('\x15');
    }
  });

  it('builtins followed by plain words run in bash and never reach the model', async () => {
    const s = await start([]);
    const at = s.mark();
    s.type('foo=1 bar=2 cur=3 prev=4\r');
    s.type('unset cur prev\r');
    s.type('export foo bar\r');
    s.type('set foo bar\r');
    s.type('echo "[$1 $2 ${cur-unset} ${prev-unset}] $(export -p | grep -c -e " foo=" -e " bar=")"\r');
    await s.waitAfter(at, /^\[foo bar unset unset\] 2$/m);
    expect(chats()).toBe(0);
  });

  it('the preview explains git status by its subcommand, and continue as a builtin', async () => {
    const s = await start(['git status', 'for f in *; do [ -d "$f" ] || continue; echo "$f"; done']);
    let at = s.mark();
    s.type('what changed in this repo\r');
    await s.waitAfter(at, menu);
    expect(s.since(at)).toMatch(/shows the working tree state/);
    expect(s.since(at)).not.toMatch(/prints git usage/);
    at = s.mark();
    s.type('n');
    await s.waitAfter(at, /[$#] what changed in this repo$/m);
    at = s.mark();
    s.type('\x15list only the folders here\r');
    await s.waitAfter(at, menu);
    expect(s.since(at)).toMatch(/goes on with the next round of a loop/);
    expect(s.since(at)).not.toMatch(/unknown command|not installed/);
  });
});
