// Folding a preview to the terminal's rows: the fullest form that fits, and what a folded
// preview still shows (the command, the risk) and names (what the details key shows).

import { describe, expect, it } from 'vitest';
import type { Preview } from '../../src/preview/flow-events.js';
import { fittingFold, screenRows, type PreviewFold } from '../../src/preview/fold.js';
import { renderEvent } from '../../src/preview/render-events.js';

const reason = (part: string) => ({ level: 'writes' as const, kind: 'rule' as const, part, why: 'creates files' });
const tall: Preview = {
  command: 'touch a b && touch c',
  summary: 'makes three files',
  parts: [
    { text: 'touch a b', lines: [{ subject: '', text: 'makes a and b', source: 'model' }] },
    { text: 'touch c', lines: [{ subject: '', text: 'makes c', source: 'model' }] },
  ],
  assumptions: ['the files are new'],
  toolContext: ['git branch: main'],
  risk: { level: 'writes', action: 'confirm', why: 'writes → confirm', reasons: [reason('touch a b'), reason('touch c')] },
  dryRun: { available: true, exitStatus: 0, timedOut: false, capped: false, networkSuspected: false, summary: ['created  a', 'created  b', 'created  c'], detail: [], changed: 3 },
  source: { kind: 'model', tier: 'small' },
};
const shown = (fold: PreviewFold): string => renderEvent({ kind: 'preview', preview: tall, fold }, { color: false });

describe('fittingFold', () => {
  const rowsAt = { full: 30, folded: 12, minimal: 6 } as const;
  it.each([
    [40, 'full'],
    [30, 'full'],
    [29, 'folded'],
    [12, 'folded'],
    [11, 'minimal'],
    [6, 'minimal'],
    [3, 'minimal'],
  ] as const)('%i rows: %s', (rows, fold) => {
    expect(fittingFold((f) => rowsAt[f], rows)).toBe(fold);
  });
});

describe('screenRows', () => {
  it.each([
    ['', 1],
    ['menu ', 1],
    ['a\r\n', 2],
    ['\r\x1b[K\r\na\r\nb\r\n[n] cancel ', 4],
  ] as const)('%j takes %i rows', (text, rows) => {
    expect(screenRows(text)).toBe(rows);
  });
});

describe('a folded preview', () => {
  it('keeps the command, the summary, the risk with its first reason, the dry run head and the source', () => {
    const text = shown('folded');
    for (const row of ['  touch a b && touch c\r\n', '  model: makes three files\r\n', '  risk: writes → confirm\r\n', '      `touch a b`: creates files\r\n', '  dry run: 3 file changes\r\n', '  from small'])
      expect(text).toContain(row);
  });

  it('folds the parts, assumptions, tool context, further reasons and the dry run rows, and names them', () => {
    const text = shown('folded');
    for (const hidden of ['makes a and b', 'assumes (model)', 'git branch: main', '`touch c`: creates files', 'created  a']) expect(text).not.toContain(hidden);
    expect(text).toContain("folded to fit the screen: 2 parts, 1 assumption, the tool context, 1 more reason, the dry run's files; [i] shows them");
  });

  it('is shorter than the whole preview, and the minimal one shorter still', () => {
    const rows = (fold: PreviewFold) => screenRows(shown(fold));
    expect(rows('folded')).toBeLessThan(rows('full'));
    expect(rows('minimal')).toBeLessThan(rows('folded'));
  });

  it('at its smallest still shows the command and the risk', () => {
    const text = shown('minimal');
    expect(text).toBe("\r\x1b[K\r\n  touch a b && touch c\r\n  risk: writes → confirm\r\n  folded to fit the screen: the model's summary, 2 parts, 1 assumption, the tool context, 2 reasons, the dry run; [i] shows them\r\n");
  });

  it('without a fold the preview is whole', () => {
    expect(shown('full')).toBe(renderEvent({ kind: 'preview', preview: tall }, { color: false }));
    expect(shown('full')).toContain('  touch c\r\n      makes c (model)\r\n');
  });
});
