// Keys while nl-sh owns the terminal: escape sequences stay whole, lines are edited, Ctrl-C is watched.

import { describe, expect, it } from 'vitest';
import { createKeyInput, splitKeys } from '../../src/flow/key-input.js';
import type { TerminalLease } from '../../src/repl/line-decision.js';

function fakeLease(): { lease: TerminalLease; send(s: string): void; written: string[] } {
  let listener: ((d: Buffer) => void) | undefined;
  const written: string[] = [];
  return {
    lease: { write: (t) => void written.push(t), onInput: (l) => (listener = l), size: () => ({ cols: 80, rows: 24 }) },
    send: (s) => listener?.(Buffer.from(s)),
    written,
  };
}

describe('splitKeys', () => {
  it.each([
    ['abc', ['a', 'b', 'c']],
    ['\x1b[A', ['\x1b[A']],
    ['r\x1b[1;5Cx', ['r', '\x1b[1;5C', 'x']],
    ['\x1bOP', ['\x1bOP']],
    ['\x1b', ['\x1b']],
    ['é✓', ['é', '✓']],
    ['\x03\r', ['\x03', '\r']],
  ])('%j', (data, keys) => {
    expect(splitKeys(data)).toEqual(keys);
  });
});

describe('createKeyInput', () => {
  it('drops the keys typed before a choice was shown, and says how many', async () => {
    const t = fakeLease();
    const keys = createKeyInput(t.lease);
    t.send('r');
    t.send('a');
    expect(keys.discardPending()).toBe(2);
    t.send('n');
    expect(await keys.key()).toBe('n');
  });

  it('never answers with what comes inside a bracketed paste', async () => {
    const t = fakeLease();
    const keys = createKeyInput(t.lease);
    t.send('\x1b[200~ryes\r\x1b[201~');
    t.send('x');
    expect(await keys.key()).toBe('x');
    expect(keys.takePasted()).toBe(5);
    expect(keys.takePasted()).toBe(0);
  });

  it('keys typed before anyone asks wait in order', async () => {
    const t = fakeLease();
    const keys = createKeyInput(t.lease);
    t.send('ab');
    expect(await keys.key()).toBe('a');
    expect(await keys.key()).toBe('b');
  });

  it('reads an echoed line with backspace and Ctrl-U', async () => {
    const t = fakeLease();
    const keys = createKeyInput(t.lease);
    const line = keys.line();
    t.send('onlx\x7fy in s\x15only in src\r');
    expect(await line).toBe('only in src');
    expect(t.written.join('')).toContain('only in src');
  });

  it('Esc or Ctrl-C abandons a line', async () => {
    const t = fakeLease();
    const keys = createKeyInput(t.lease);
    const a = keys.line();
    t.send('ye\x1b');
    expect(await a).toBeUndefined();
    const b = keys.line();
    t.send('x\x03');
    expect(await b).toBeUndefined();
  });

  it('Ctrl-C goes to the watcher while one is set, and to the reader after', async () => {
    const t = fakeLease();
    const keys = createKeyInput(t.lease);
    let cancelled = 0;
    const stop = keys.watchCancel(() => cancelled++);
    t.send('\x03');
    expect(cancelled).toBe(1);
    stop();
    t.send('\x03');
    expect(cancelled).toBe(1);
    expect(await keys.key()).toBe('\x03');
  });
});

describe('discardBeforeQuestion', () => {
  it('drops typed and pasted keys together, and counts both', async () => {
    const t = fakeLease();
    const keys = createKeyInput(t.lease);
    t.send('r');
    t.send('\x1b[200~yes\r\x1b[201~');
    expect(keys.discardBeforeQuestion()).toBe(5);
    expect(keys.takePasted()).toBe(0);
    t.send('n');
    expect(await keys.key()).toBe('n');
  });
});
