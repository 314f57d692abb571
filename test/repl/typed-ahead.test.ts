// Keys after an Enter at the prompt wait for bash's question about the line; what is left after
// the decision reaches bash, unless it would glue onto a line left in the buffer.

import { describe, expect, it } from 'vitest';
import { createTypedAheadGate, firstLineEnd } from '../../src/repl/typed-ahead.js';
import { droppedNote, settleTypedAhead } from '../../src/repl/typed-ahead-decision.js';

function gate() {
  const written: string[] = [];
  const g = createTypedAheadGate({ write: (d) => void written.push(d.toString('utf8')), holdMs: 60_000 });
  return { g, written, send: (s: string) => g.input(Buffer.from(s)) };
}

describe('firstLineEnd', () => {
  it('skips line ends inside a bracketed paste, across chunks', () => {
    expect(firstLineEnd(Buffer.from('ab\rc'), false).index).toBe(2);
    expect(firstLineEnd(Buffer.from('\x1b[200~a\nb\x1b[201~\r'), false).index).toBe(15);
    expect(firstLineEnd(Buffer.from('a\nb'), true)).toEqual({ index: -1, inPaste: true });
  });
});

describe('the typed-ahead gate', () => {
  it('passes everything before the first prompt and while a command runs', () => {
    const t = gate();
    t.send('a\rb\r');
    t.g.atPrompt(false);
    t.send('c\rd\r');
    expect(t.written.join('')).toBe('a\rb\rc\rd\r');
  });

  it('at the prompt, holds what follows an Enter until bash asks, and hands it over', () => {
    const t = gate();
    t.g.atPrompt(true);
    t.send('touch up the readme\rls\r');
    t.send('pwd\r');
    expect(t.written.join('')).toBe('touch up the readme\r');
    expect(t.g.take().toString()).toBe('ls\rpwd\r');
    expect(t.g.take().length).toBe(0);
  });

  it('a bracketed paste passes whole; its Enter after it is the line end', () => {
    const t = gate();
    t.g.atPrompt(true);
    t.send('\x1b[200~ls\npwd\x1b[201~\rx');
    expect(t.written.join('')).toBe('\x1b[200~ls\npwd\x1b[201~\r');
    expect(t.g.take().toString()).toBe('x');
  });

  it('releases held keys when bash runs the line or draws a prompt without asking', () => {
    const t = gate();
    t.g.atPrompt(true);
    t.send('\rls\rpwd\r');
    t.g.atPrompt(true);
    // Released line by line: held again after the next Enter.
    expect(t.written.join('')).toBe('\rls\r');
    t.g.atPrompt(false);
    expect(t.written.join('')).toBe('\rls\rpwd\r');
  });

  it('lets held keys go after the safety time', async () => {
    const written: string[] = [];
    const g = createTypedAheadGate({ write: (d) => void written.push(d.toString()), holdMs: 10 });
    g.atPrompt(true);
    g.input(Buffer.from('a\rb'));
    await new Promise((r) => setTimeout(r, 40));
    expect(written.join('')).toBe('a\rb');
  });
});

describe('settleTypedAhead', () => {
  const keys = (s: string) => Buffer.from(s);
  it('gives keys back after a decision that runs or drops the line', () => {
    for (const verb of ['run', 'drop'] as const) {
      const s = settleTypedAhead({ verb }, keys('ls'));
      expect(s.giveBack.toString()).toBe('ls');
      expect(s.decision.notice).toBeUndefined();
    }
  });
  it('drops them, and says how many lines, when the line is left in the buffer', () => {
    const s = settleTypedAhead({ verb: 'edit', line: 'touch up the readme' }, keys('ls\rpwd\r'));
    expect(s.giveBack.length).toBe(0);
    expect(s.decision.notice).toMatch(/dropped 2 lines typed or pasted/);
  });
  it('drops Ctrl-C and Ctrl-D, which would cancel the decided line or end the shell', () => {
    expect(settleTypedAhead({ verb: 'run' }, keys('\x03')).giveBack.length).toBe(0);
    expect(settleTypedAhead({ verb: 'drop' }, keys('\x04')).decision.notice).toMatch(/dropped 1 key /);
  });
  it('nothing typed ahead: the decision as it was', () => {
    const d = { verb: 'edit' as const, line: 'x' };
    expect(settleTypedAhead(d, keys('')).decision).toBe(d);
  });
  it('words the note', () => {
    expect(droppedNote('ab')).toMatch(/dropped 2 keys/);
    expect(droppedNote('ls\r')).toMatch(/dropped 1 line typed/);
  });
});

describe('typed ahead that clears the line first', () => {
  it('is given back after an edit: Ctrl-U removes the returned line, so nothing glues', () => {
    const s = settleTypedAhead({ verb: 'edit', line: 'list the files' }, Buffer.from('\x15echo ok\r'));
    expect(s.giveBack.toString()).toBe('\x15echo ok\r');
    expect(s.decision.notice).toBeUndefined();
  });
});
