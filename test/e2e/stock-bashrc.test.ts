// nl-sh as a Debian desktop user runs it: the stock /etc/skel/.bashrc with bash-completion, as an
// unprivileged user (NLSH_TEST_USER in CI) with XDG_RUNTIME_DIR=/run/user/UID. After one Tab
// completion has loaded bash-completion's functions (which need extglob and are far bigger than
// one argv string may be), a sandboxed request still runs, and the user's own function works in it.

import { afterEach, describe, expect, it } from 'vitest';
import { startFakeOllama, type FakeOllamaServer } from '../support/fake-ollama-server.js';
import { fakeTierConfig } from '../support/flow-shell.js';
import { plan } from '../support/plan-reply.js';
import { makeStockHome, startAsStockUser, stockUser, type StockShell } from '../support/stock-user.js';

const user = stockUser();
let server: FakeOllamaServer | undefined;
let home: ReturnType<typeof makeStockHome> | undefined;
let sh: StockShell | undefined;
afterEach(async () => {
  sh?.kill();
  await server?.close();
  home?.cleanup();
  sh = server = home = undefined;
});

// What a user adds: a function at the end of the stock .bashrc, an alias in ~/.bash_aliases
// (which the stock .bashrc sources).
const userFiles = { '.bashrc': '\ntwice() { echo "twice:$1:$1"; }\n', '.bash_aliases': "alias shout='tr a-z A-Z'\n" };

// Each Tab completion loads more of bash-completion: `ls` its extglob-heavy helpers, `git` some
// 150 kB of functions (more than one argv string may hold).
const completions = [
  { what: 'ls --<Tab><Tab>', keys: 'ls --\t\t', shows: /--all/ },
  { what: 'git cherry<Tab><Tab>', keys: 'git cherry\t\t', shows: /cherry-pick/ },
];

describe(`the stock Debian bashrc with bash-completion, as ${user.name}`, () => {
  it.each(completions)('after $what, a sandboxed request runs and the user function and alias work in it', async ({ keys, shows }) => {
    server = await startFakeOllama({ script: { models: ['small:latest'], chat: [{ kind: 'reply', json: plan('twice hello | shout') }] } });
    home = makeStockHome(user, { ...userFiles, '.config/nl-sh/config.toml': fakeTierConfig(server.url) });
    sh = await startAsStockUser(user, home.home);
    let m = sh.mark();
    sh.type(keys);
    await sh.waitAfter(m, shows);
    sh.type('\x15');
    m = sh.mark();
    sh.type(',say hello twice with my function\r');
    await sh.waitAfter(m, /\[r\]/);
    m = sh.mark();
    sh.type('r');
    const out = await sh.waitAfter(m, new RegExp(`^TWICE:HELLO:HELLO\\n(.*\\n)*${sh.prompt.source}`, 'm'));
    expect(out).not.toMatch(/syntax error|Argument list too long|command not found/);
  });
});
