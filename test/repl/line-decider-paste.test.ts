// The decider with a pasted block, over fakes: a block of shell commands runs as typed (the
// typed-ahead rest reaches bash); a block with a line for the model, or one that does not parse,
// goes to the chooser with its typed-ahead rest taken, and nothing runs.

import { beforeAll, describe, expect, it } from 'vitest';
import { createLineDecider } from '../../src/repl/line-decider.js';
import type { LineContext, LineDecision } from '../../src/repl/line-decision.js';
import type { PastedBlock } from '../../src/repl/pasted-block.js';
import { DEFAULT_ROUTE_CONFIG } from '../../src/repl/router/index.js';
import { loadBashParser, type BashParser } from '../../src/risk/index.js';
import { fakeTypeOf } from './router/fake-facts.js';

let parser: BashParser;
beforeAll(async () => {
  parser = await loadBashParser();
});

function decider(withParser = true) {
  const pasted: PastedBlock[] = [];
  const requests: string[] = [];
  const parts = createLineDecider({
    config: DEFAULT_ROUTE_CONFIG,
    parser: () => (withParser ? parser : undefined),
    parserLoaded: async () => undefined,
    onRequest: (_ctx, _route, text) => {
      requests.push(text);
      return { verb: 'drop' };
    },
    setOfferPending: () => undefined,
    onPaste: async (_ctx, block) => {
      pasted.push(block);
      return { verb: 'drop' };
    },
  });
  return { ...parts, pasted, requests };
}

function context(line: string, typedAhead = ''): LineContext & { taken: () => boolean } {
  let taken = false;
  return {
    line,
    typedAhead,
    takeTypedAhead: () => void (taken = true),
    taken: () => taken,
    firstWordType: fakeTypeOf(line.trim().split(/\s/, 1)[0] ?? ''),
    path: '/usr/bin:/bin',
    continuation: false,
    cwd: '/home/u',
    facts: async (words) => words.map(fakeTypeOf),
    definitions: async () => '',
    takeTerminal: () => {
      throw new Error('the decider never takes the terminal');
    },
    runContained: async () => ({ verb: 'drop' }),
  };
}

const decide = async (d: ReturnType<typeof decider>, ctx: LineContext): Promise<LineDecision> => d.decide(ctx);

describe('a pasted block at the decider', () => {
  it('shell commands only (bracketed): runs as typed', async () => {
    const d = decider();
    expect(await decide(d, context('ls\nfor f in a b; do\n  echo $f\ndone'))).toEqual({ verb: 'run' });
    expect(d.pasted).toEqual([]);
  });

  it('shell commands only (typed ahead): runs the line and leaves the rest for bash', async () => {
    const d = decider();
    const ctx = context('ls', 'pwd\recho hi\r');
    expect(await decide(d, ctx)).toEqual({ verb: 'run' });
    expect(ctx.taken()).toBe(false);
  });

  it('an English line among them: the chooser, the typed-ahead rest taken, no request made', async () => {
    const d = decider();
    const ctx = context('touch up the readme', 'ls\rpwd\r');
    expect(await decide(d, ctx)).toEqual({ verb: 'drop' });
    expect(ctx.taken()).toBe(true);
    expect(d.requests).toEqual([]);
    expect(d.pasted[0]?.commands.map((c) => [c.text, c.route])).toEqual([
      ['touch up the readme', 'nl'],
      ['ls', 'shell'],
      ['pwd', 'shell'],
    ]);
  });

  it('a block that does not parse goes to the chooser even when every line looks like a command', async () => {
    const d = decider();
    await decide(d, context('echo $(\nls'));
    expect(d.pasted[0]?.parsed).toBe(false);
  });

  it('before the parser has loaded: the chooser, never a run', async () => {
    const d = decider(false);
    expect(await decide(d, context('ls\npwd'))).toEqual({ verb: 'drop' });
    expect(d.pasted[0]?.parsed).toBe(false);
  });

  it('one line with nothing typed ahead is routed as before', async () => {
    const d = decider();
    expect(await decide(d, context('ls -l'))).toEqual({ verb: 'run' });
    await decide(d, context('touch up the readme'));
    expect(d.requests).toEqual(['touch up the readme']);
  });

  it('typed-ahead keys that edit (Ctrl-U, arrows) are typing, not a paste: the line is routed alone', async () => {
    const d = decider();
    const ctx = context('touch up the readme', '\x15echo ok\r');
    await decide(d, ctx);
    expect(d.pasted).toEqual([]);
    expect(d.requests).toEqual(['touch up the readme']);
    expect(ctx.taken()).toBe(false);
  });

  it('a continuation line runs as typed whatever follows it', async () => {
    const d = decider();
    expect(await decide(d, { ...context('done', 'touch up the readme\r'), continuation: true })).toEqual({ verb: 'run' });
  });
});
