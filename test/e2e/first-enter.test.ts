// Issue 15, points 6, 7 and 8, as the stock Debian user typing into nl-sh: requests that start
// with a word that is not a command (or an English verb that is one) reach the model on the first
// Enter; builtins followed by plain words run in bash; the preview explains `git status` by its
// subcommand and knows `continue`.

import { afterEach, describe, expect, it } from 'vitest';
import { startFakeOllama, type FakeOllamaServer } from '../support/fake-ollama-server.js';
import { fakeTierConfig } from '../support/flow-shell.js';
import { plan } from '../support/plan-reply.js';
import { makeStockHome, startAsStockUser, stockUser, type StockShell } from '../support/stock-user.js';

const user = stockUser();
const menu = /\(Enter: (run|cancel)\) ?$/m;
let server: FakeOllamaServer | undefined;
let home: ReturnType<typeof makeStockHome> | undefined;
let sh: StockShell | undefined;
afterEach(async () => {
  sh?.kill();
  await server?.close();
  home?.cleanup();
  sh = server = home = undefined;
});

async function start(commands: string[]): Promise<StockShell> {
  server = await startFakeOllama({ script: { models: ['small:latest'], chat: commands.map((c) => ({ kind: 'reply' as const, json: plan(c) })) } });
  home = makeStockHome(user, { '.config/nl-sh/config.toml': fakeTierConfig(server.url) });
  sh = await startAsStockUser(user, home.home, { cols: 160 });
  return sh;
}
const chats = (): number => server?.requests.filter((r) => r.path === '/api/chat').length ?? 0;

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
      s.type('n');
      await s.waitAfter(at, new RegExp(`${request}$`, 'm'));
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
    s.type('n');
    await s.waitAfter(at, /what changed in this repo$/m);
    at = s.mark();
    s.type('\x15list only the folders here\r');
    await s.waitAfter(at, menu);
    expect(s.since(at)).toMatch(/goes on with the next round of a loop/);
    expect(s.since(at)).not.toMatch(/unknown command|not installed/);
  });
});
