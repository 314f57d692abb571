// The review's screen over a fake terminal: folded to its rows, the details on the key, and
// drawn again (once) after the terminal changes size while the menu waits.

import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReviewScreen, type ReviewTerminal } from '../../src/flow/review-screen.js';
import { choicesFor } from '../../src/preview/choices.js';
import type { FlowEvent, Preview } from '../../src/preview/flow-events.js';
import { screenRows } from '../../src/preview/fold.js';
import { renderEvent } from '../../src/preview/render-events.js';

const preview: Preview = {
  command: 'touch a b c',
  summary: 'makes three files',
  parts: [{ text: 'touch a b c', lines: ['a', 'b', 'c', 'd', 'e', 'f'].map((t) => ({ subject: '', text: `line ${t}`, source: 'model' as const })) }],
  assumptions: ['one', 'two', 'three'],
  risk: { level: 'writes', action: 'confirm', why: 'writes → confirm', reasons: [{ level: 'writes', kind: 'rule', part: 'touch a b c', why: 'creates files' }] },
  source: { kind: 'model', tier: 'small' },
};

// A terminal `rows` high (changeable), recording what was drawn on it.
function fakeTerminal(rows: number) {
  const size = { rows, cols: 100 };
  let resized: (() => void) | undefined;
  const drawn: FlowEvent[] = [];
  const render = (e: FlowEvent) => renderEvent(e, { color: false, cols: size.cols });
  const terminal: ReviewTerminal = {
    rows: () => size.rows,
    rowsOf: (events) => screenRows(events.map(render).join('')),
    onResize: (l) => {
      resized = l;
      return () => (resized = undefined);
    },
  };
  return { terminal, drawn, size, resize: () => resized?.(), listening: () => resized !== undefined };
}

const screenOn = (t: ReturnType<typeof fakeTerminal>) =>
  new ReviewScreen(t.terminal, (e) => t.drawn.push(e), {
    preview: () => preview,
    notes: [{ kind: 'hint', text: 'sandbox: writes only in ~' }],
    menu: (detailsFolded) => ({ hints: [], menu: choicesFor({ action: 'confirm', sandboxAvailable: true, unsandboxedAllowed: false, approvable: false, dryRunPossible: false, dryRunShown: false, reused: false, detailsFolded }) }),
  });
const folds = (drawn: FlowEvent[]) => drawn.flatMap((e) => (e.kind === 'preview' ? [e.fold] : []));
const keysOf = (menu: { choices: { key: string }[] }) => menu.choices.map((c) => c.key).join('');

afterEach(() => {
  vi.useRealTimers();
});

describe('ReviewScreen', () => {
  it('draws the whole preview when it fits, with no details key', () => {
    const t = fakeTerminal(40);
    const menu = screenOn(t).drawAll();
    expect(folds(t.drawn)).toEqual(['full']);
    expect(keysOf(menu)).not.toContain('i');
    expect(t.drawn.map((e) => e.kind)).toEqual(['preview', 'hint', 'choices']);
  });

  it('folds a preview taller than the terminal, keeping a row for the request, and offers [i]', () => {
    const t = fakeTerminal(14);
    const screen = screenOn(t);
    const menu = screen.drawAll();
    expect(folds(t.drawn)).toEqual(['folded']);
    expect(keysOf(menu)).toContain('i');
    expect(t.terminal.rowsOf(t.drawn)).toBeLessThanOrEqual(13);
    expect(keysOf(screen.drawMenu())).toContain('i');
  });

  it('the details key draws the whole preview, then a menu without [i]', () => {
    const t = fakeTerminal(14);
    const screen = screenOn(t);
    screen.drawAll();
    t.drawn.length = 0;
    const menu = screen.drawDetails();
    expect(folds(t.drawn)).toEqual(['full']);
    expect(keysOf(menu)).not.toContain('i');
  });

  it('a resize while waiting draws the screen again once, folded for the new size, and stops listening after', async () => {
    vi.useFakeTimers();
    const t = fakeTerminal(40);
    const screen = screenOn(t);
    screen.drawAll();
    t.drawn.length = 0;
    let answer: (v: string) => void = () => undefined;
    const menus: string[] = [];
    const waiting = screen.redrawOnResize(new Promise<string>((r) => (answer = r)), (m) => menus.push(keysOf(m)));
    t.size.rows = 14;
    t.resize();
    t.resize();
    t.resize();
    await vi.advanceTimersByTimeAsync(200);
    expect(folds(t.drawn)).toEqual(['folded']);
    expect(t.drawn[0]).toEqual({ kind: 'cancelled' });
    expect(menus).toEqual([expect.stringContaining('i')]);
    answer('n');
    expect(await waiting).toBe('n');
    expect(t.listening()).toBe(false);
  });

  it('a key before the resize settles cancels the redraw', async () => {
    vi.useFakeTimers();
    const t = fakeTerminal(40);
    const screen = screenOn(t);
    let answer: (v: string) => void = () => undefined;
    const waiting = screen.redrawOnResize(new Promise<string>((r) => (answer = r)), () => undefined);
    t.resize();
    answer('n');
    await waiting;
    await vi.advanceTimersByTimeAsync(200);
    expect(t.drawn).toEqual([]);
  });
});
