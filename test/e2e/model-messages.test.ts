// Messages when a model stops, typed as a person would: a configured Ollama that stops answering is
// named, with its cause and what to do, never "no model is set up … install Ollama".

import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { makeHome, nlshBin, shellEnv, testBashrc, testPrompt } from '../support/fixtures.js';
import { startFakeOllama, type FakeOllamaServer } from '../support/fake-ollama-server.js';
import { useFlowShell } from '../support/flow-shell.js';
import { plan } from '../support/plan-reply.js';
import { startInPty, type PtyDriver } from '../support/pty-driver.js';

const flow = useFlowShell();
const menu = /\[n\] cancel\s+\(Enter: (run|cancel)\)/;

describe('when the configured model stops', () => {
  it('names the tier, the cause and what to do; never the setup help', async () => {
    const s = await flow.start([{ kind: 'reply', json: plan('ls -la') }]);
    s.type('list everything here\r');
    await s.waitFor(menu);
    {
      const since = s.mark();
      s.type('n');
      await s.waitSince(since, /nlsh-test:~# list everything here$/m);
    }
    await flow.server().close();
    const since = s.mark();
    s.type('\x15show the disk usage of this folder\r');
    // The tier by its name, the cause, and what to do next.
    await s.waitSince(since, /^nl-sh: .*\bsmall\b.*(not running|refused|not answering).*(ollama serve|nl-sh --doctor)/m);
    await s.waitSince(since, /nlsh-test:~# show the disk usage of this folder$/m);
    expect(s.textSince(since)).not.toMatch(/no model is set up|install Ollama|--model pull|see above/i);
  });
});

describe('when the default Ollama (no config file, found through OLLAMA_HOST) stops', () => {
  let server: FakeOllamaServer | undefined;
  let home: ReturnType<typeof makeHome> | undefined;
  let sh: PtyDriver | undefined;
  afterEach(async () => {
    sh?.kill();
    await server?.close();
    home?.cleanup();
  });

  it('says the model that answered is not reachable now, with the cause, never how to install one', async () => {
    server = await startFakeOllama({ script: { models: ['qwen2.5-coder:7b'], chat: [{ kind: 'reply', json: plan('ls -la') }] } });
    home = makeHome({ '.bashrc': testBashrc });
    mkdirSync(join(home.home, '.run'), { mode: 0o700, recursive: true });
    sh = startInPty(nlshBin, [], { env: shellEnv(home.home, { OLLAMA_HOST: server.url }), cwd: home.home, cols: 200 });
    const s = sh;
    await s.waitFor(testPrompt);
    s.type('list everything here\r');
    await s.waitFor(menu);
    {
      const since = s.mark();
      s.type('n');
      await s.waitSince(since, /nlsh-test:~# list everything here$/m);
    }
    await server.close();
    server = undefined;
    const since = s.mark();
    s.type('\x15show the disk usage of this folder\r');
    await s.waitSince(since, /^nl-sh: .*\blocal\b.*(not running|refused).*(ollama serve|nl-sh --doctor)/m);
    await s.waitSince(since, /nlsh-test:~# show the disk usage of this folder$/m);
    expect(s.textSince(since)).not.toMatch(/no model is set up|install Ollama|--model pull|see above/i);
  });
});
