// A request typed at the prompt, against a local server speaking Ollama's protocol: the
// suggestion arrives judged by nl-sh's risk gate and waits in the buffer; nothing runs until the
// user presses Enter. Ctrl-C while planning gives the line back at once.

import { afterEach, describe, expect, it } from 'vitest';
import { makeHome, nlshBin, testBashrc } from '../support/fixtures.js';
import { startFakeOllama, type FakeOllamaServer } from '../support/fake-ollama-server.js';
import type { PtyDriver } from '../support/pty-driver.js';
import { startShellAt } from '../support/start-shell.js';

let server: FakeOllamaServer | undefined;
let home: ReturnType<typeof makeHome> | undefined;
let sh: PtyDriver | undefined;
afterEach(async () => {
  sh?.kill();
  await server?.close();
  home?.cleanup();
});

const plan = (command: string) => ({ command, explanation: `runs ${command}`, parts: [], assumptions: [], needs_network: false, needs_root: false, confidence: 0.9 });

async function shellWith(script: Parameters<typeof startFakeOllama>[0]['script']): Promise<PtyDriver> {
  server = await startFakeOllama({ script });
  home = makeHome({ '.bashrc': testBashrc, '.config/nl-sh/config.toml': `[[tiers]]\nname = "small"\nbackend = "ollama"\nmodel = "small"\nhost = "${server.url}"\n`, 'big.log': 'x'.repeat(100), 'small.log': 'y' });
  sh = await startShellAt(home.home, { cols: 200 });
  return sh;
}

describe('a request at the prompt', () => {
  it('leaves the judged suggestion in the buffer; Enter runs it and bash records it', async () => {
    const s = await shellWith({ models: ['small:latest'], chat: [{ kind: 'reply', json: plan('ls -S *.log | head -n 1') }] });
    s.type('show me the biggest log file here\r');
    await s.waitFor(/^nl-sh: runs ls -S \*\.log \| head -n 1$/m);
    await s.waitFor(/risk: read_only .*from small \(small\)\. Review it, then Enter runs it\.$/m);
    await s.waitFor(/nlsh-test:~# ls -S \*\.log \| head -n 1$/m);
    expect(s.allText()).not.toMatch(/^big\.log$/m);
    s.type('\r');
    await s.waitFor(/^big\.log$/m);
    s.type('history 2\r');
    await s.waitFor(/^\s+\d+\s+ls -S \*\.log \| head -n 1$/m);
    // nl-sh's own history has the request, its plan, tier and risk.
    s.type(`${nlshBin} --history biggest --json\r`);
    await s.waitFor(/"line":"show me the biggest log file here".*"command":"ls -S \*\.log \| head -n 1".*"tier":"small".*"risk":"read_only"/);
  });

  it('shows a destructive suggestion as destructive and does not run it', async () => {
    const s = await shellWith({ models: ['small:latest'], chat: [{ kind: 'reply', json: plan('rm -f *.log') }] });
    s.type('delete the old log files\r');
    await s.waitFor(/risk: destructive \(`rm -f \*\.log`/m);
    await new Promise((r) => setTimeout(r, 200));
    s.type('\x15ls *.log\r');
    await s.waitFor(/big\.log\s+small\.log/);
  });

  it('Ctrl-C while the model is thinking gives the line back and runs nothing', async () => {
    const s = await shellWith({ models: ['small:latest'], chat: [{ kind: 'hang', after: 'headers' }] });
    s.type('list every file in here\r');
    await s.waitFor('planning… (Ctrl-C cancels)');
    const sent = performance.now();
    s.type('\x03');
    await s.waitFor(/nlsh-test:~# list every file in here$/m);
    expect(performance.now() - sent).toBeLessThan(2000);
  });
});
