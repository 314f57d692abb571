import { describe, expect, it } from 'vitest';
import { gatherContext, type ContextSources } from '../../src/planner/context.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const sources = (over: Partial<ContextSources> = {}): ContextSources => ({
  os: async () => 'Debian GNU/Linux 12',
  shell: async () => 'bash 5.2',
  listing: async () => ['a.txt', 'src/'],
  integrations: async () => ['git branch: main'],
  tools: async () => ['git', 'jq'],
  lastCommand: async () => ({ line: 'make', status: 2, outputTail: 'error' }),
  history: async () => ['ls', 'make'],
  branch: async () => 'main',
  ...over,
});

describe('gatherContext', () => {
  it('collects every source that answers in time', async () => {
    const c = await gatherContext('/w', sources(), 50);
    expect(c).toMatchObject({ os: 'Debian GNU/Linux 12', integrations: ['git branch: main'], tools: ['git', 'jq'], lastCommand: { status: 2 }, omitted: [] });
  });

  it('waits past the budget for the last command (what a question is about), up to its grace', async () => {
    const slowLast = await gatherContext('/w', sources({ lastCommand: async () => (await sleep(150), { line: 'make', status: 2, outputTail: 'e' }) }), 20);
    expect(slowLast.lastCommand).toEqual({ line: 'make', status: 2, outputTail: 'e' });
    const started = performance.now();
    const never = await gatherContext('/w', sources({ lastCommand: () => new Promise(() => undefined) }), 20);
    expect(never.omitted).toEqual(['lastCommand']);
    expect(performance.now() - started).toBeLessThan(1500);
  });

  it('leaves out slow and failing sources, names them, and keeps to the budget', async () => {
    let toolSignal: AbortSignal | undefined;
    const started = performance.now();
    const c = await gatherContext(
      '/w',
      sources({
        integrations: async (_cwd, signal) => {
          toolSignal = signal;
          await sleep(500);
          return ['late'];
        },
        history: async () => {
          throw new Error('EACCES');
        },
      }),
      40,
    );
    const took = performance.now() - started;
    expect(took).toBeLessThan(150);
    expect(c.integrations).toBeUndefined();
    expect(c.omitted.sort()).toEqual(['history', 'integrations']);
    expect(toolSignal?.aborted).toBe(true);
    await sleep(520);
    expect(c.integrations).toBeUndefined();
  });
});
