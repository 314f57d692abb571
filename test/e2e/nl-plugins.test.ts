// User plugins in a running nl-sh: a plugin's rule raises a generated command's risk in the
// preview, its facts reach the model, and a hostile plugin next to it (an endless loop) is
// disabled with one line while the shell and the good plugin carry on.

import { describe, expect, it } from 'vitest';
import { useFlowShell } from '../support/flow-shell.js';
import { plan } from '../support/plan-reply.js';

const flow = useFlowShell();

const GOOD = `export default {
  name: 'guard',
  async context() { return { mood: 'careful' }; },
  rules() { return [{ program: 'touch', level: 'destructive', why: 'touching files is sacred here' }]; },
};
`;
const LOOP = `export default { name: 'loop', async context() { for (;;) {} } };\n`;

describe('user plugins', () => {
  it('rules raise the risk, facts reach the model, and a looping plugin is disabled with one line', async () => {
    const s = await flow.start([{ kind: 'reply', json: plan('touch made.txt') }, ...[1, 2, 3].map((i) => ({ kind: 'reply' as const, json: plan(`ls -${'l'.repeat(i)}`) }))], { '.config/nl-sh/plugins/guard.js': GOOD, '.config/nl-sh/plugins/loop.js': LOOP });
    s.type('make a file\r');
    // The gate waits for the plugins to load: their rules always apply.
    await s.waitFor(/\(Enter: cancel\)/, 15_000);
    expect(s.screen()).toMatch(/risk: destructive → confirm-typed/);
    expect(s.screen()).toMatch(/`touch made\.txt`: touching files is sacred here \(plugin guard\)/);
    {
      const since = s.mark();
      s.type('n');
      await s.waitSince(since, /nlsh-test:~# make a file$/m);
    }
    // Loaded now, the plugins give the next plan their facts; the looping one is cut off. The
    // context has a 50 ms budget that a loaded machine can miss once: up to three requests.
    let sent = '';
    for (let i = 1; i <= 3 && !sent.includes('guard mood: careful'); i++) {
      s.type(`\x15list the files please ${i}\r`);
      await s.waitFor(new RegExp(`^ {2}ls -${'l'.repeat(i)}$`, 'm'), 15_000);
      await s.waitFor(/\(Enter: run\)/);
      sent = JSON.stringify(flow.server().requests.filter((r) => r.path === '/api/chat')[i]?.body);
      s.type('n');
      await s.waitFor(new RegExp(`nlsh-test:~# list the files please ${i}$`, 'm'));
    }
    expect(sent.match(/<<tool context>>[^<]*/)?.[0] ?? 'no tool context block', sent.slice(0, 0)).toContain('guard mood: careful');
    await s.waitFor(/^nl-sh: plugin loop(\.js)?: disabled \(/m);
    expect(s.allText().match(/plugin loop(\.js)?: disabled/g)).toHaveLength(1);
    s.type('\x15echo ok-$((6*7))\r');
    await s.waitFor(/^ok-42$/m);
  });
});
