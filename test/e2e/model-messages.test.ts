// Messages when a model stops, typed as a person would: a configured Ollama that stops answering is
// named, with its cause and what to do, never "no model is set up … install Ollama".

import { describe, expect, it } from 'vitest';
import { useFlowShell } from '../support/flow-shell.js';
import { plan } from '../support/plan-reply.js';

const flow = useFlowShell();
const menu = /\[n\] cancel\s+\(Enter: (run|cancel)\)/;

describe('when the configured model stops', () => {
  it('names the tier, the cause and what to do; never the setup help', async () => {
    const s = await flow.start([{ kind: 'reply', json: plan('ls -la') }]);
    s.type('list everything here\r');
    await s.waitFor(menu);
    s.type('n');
    await s.waitFor(/nlsh-test:~# list everything here$/m);
    await flow.server().close();
    const since = s.mark();
    s.type('\x15show the disk usage of this folder\r');
    // The tier by its name, the cause, and what to do next.
    await s.waitSince(since, /^nl-sh: .*\bsmall\b.*(not running|refused|not answering).*(ollama serve|nl-sh --doctor)/m);
    await s.waitSince(since, /nlsh-test:~# show the disk usage of this folder$/m);
    expect(s.textSince(since)).not.toMatch(/no model is set up|Install Ollama|see above/);
  });
});
