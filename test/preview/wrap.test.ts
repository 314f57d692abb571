import { describe, expect, it } from 'vitest';
import { displayWidth, wrapLine, wrapText } from '../../src/preview/wrap.js';

describe('wrapLine', () => {
  it('breaks at spaces, never inside a word, and indents continuation rows', () => {
    expect(wrapLine('  [e] edit  [n] cancel  (Enter: cancel)', 20)).toEqual(['  [e] edit  [n]', '    cancel  (Enter:', '    cancel)']);
  });

  it('keeps a line that fits as it is, trailing space included', () => {
    expect(wrapLine('  [n] cancel ', 20)).toEqual(['  [n] cancel ']);
  });

  it('splits only a word longer than the row', () => {
    expect(wrapLine('see abcdefghijklmnop end', 10)).toEqual(['see', '  abcdefgh', '  ijklmnop', '  end']);
  });

  it('does not count colour escapes toward the width', () => {
    const bold = (t: string) => `\x1b[1m${t}\x1b[22m`;
    const line = `  ${bold('[r]')} run  ${bold('[n]')} cancel`;
    expect(wrapLine(line, 22)).toEqual([line]);
    expect(wrapLine(line, 12)).toEqual([`  ${bold('[r]')} run`, `    ${bold('[n]')}`, '    cancel']);
  });

  it('counts wide characters as two columns', () => {
    expect(displayWidth('漢字')).toBe(4);
    expect(wrapLine('ab 漢字漢字 cd', 8)).toEqual(['ab', '  漢字漢', '  字 cd']);
  });

  it('every row fits and every word survives, whatever the width', () => {
    const line = '      -S       sort by file size, largest first, then by name when equal (ls --help)';
    for (let cols = 4; cols <= 90; cols++) {
      const rows = wrapLine(line, cols);
      for (const r of rows) expect(displayWidth(r)).toBeLessThanOrEqual(cols);
      if (cols > 20) expect(rows.join(' ').split(/ +/).filter(Boolean)).toEqual(line.split(/ +/).filter(Boolean));
    }
  });
});

describe('wrapText', () => {
  it('wraps each CRLF line and keeps a leading redraw-in-place', () => {
    expect(wrapText('\r\x1b[K  one two three\r\n  four\r\n', 10)).toBe('\r\x1b[K  one two\r\n    three\r\n  four\r\n');
  });

  it('leaves text alone when the width is unknown', () => {
    expect(wrapText('a b c', undefined)).toBe('a b c');
  });
});
