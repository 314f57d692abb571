// The natural-language flow inside tmux, typed with send-keys and read with capture-pane as a
// person would: a request, its preview, a revision, a run, and the command on up-arrow.

import { afterEach, describe, expect, it } from 'vitest';
import { makeHome, nlshBin, shellEnv, testBashrc } from '../support/fixtures.js';
import { startFakeOllama, type FakeOllamaServer } from '../support/fake-ollama-server.js';
import { startTmux, type TmuxSession } from '../support/tmux.js';
import { fakeTierConfig } from '../support/flow-shell.js';
import { plan } from '../support/plan-reply.js';

let server: FakeOllamaServer | undefined;
let home: ReturnType<typeof makeHome> | undefined;
let t: TmuxSession | undefined;
afterEach(async () => {
  t?.kill();
  await server?.close();
  home?.cleanup();
});

describe('the flow in tmux', () => {
  it('request, preview, revise, run; up-arrow recalls the command; Ctrl-C at the menu gives the words back', async () => {
    server = await startFakeOllama({ script: { models: ['small:latest'], chat: [{ kind: 'reply', json: plan('ls -1') }, { kind: 'reply', json: plan('ls -1 -r') }, { kind: 'reply', json: plan('wc -l notes.txt') }] } });
    home = makeHome({ '.bashrc': testBashrc, '.config/nl-sh/config.toml': fakeTierConfig(server.url), 'alpha.txt': '', 'notes.txt': 'a\nb\n' });
    t = startTmux(nlshBin, { env: shellEnv(home.home), cwd: home.home, cols: 160, rows: 40 });
    await t.waitFor(/nlsh-test:~#$/m);
    t.keys('list the files here', 'Enter');
    await t.waitFor(/risk: read_only → run/);
    await t.waitFor(/\[n\] cancel {2}\(Enter: run\)$/m);
    expect(t.capture()).toMatch(/^ {6}-1 +list one file per line \(ls --help\)$/m);
    t.keys('v');
    await t.waitFor(/revise .*: $|revise .*:$/m);
    t.keys('in reverse order', 'Enter');
    await t.waitFor(/^ {2}ls -1 -r$/m);
    t.keys('Enter');
    await t.waitFor(/^notes\.txt\nalpha\.txt$/m);
    t.keys('Up');
    await t.waitFor(/nlsh-test:~# ls -1 -r$/m);
    t.keys('C-u', 'count the lines of the notes', 'Enter');
    await t.waitFor(/^ {2}wc -l notes\.txt$/m);
    t.keys('C-c');
    await t.waitFor(/nlsh-test:~# count the lines of the notes$/m);
    expect(t.capture()).not.toMatch(/^2 notes\.txt$/m);
  });
});
