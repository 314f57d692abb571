import { describe, expect, it } from 'vitest';
import { OscScanner, parseMarkBody, type ScanPiece } from '../../src/repl/osc-scanner.js';

const marks = (pieces: ScanPiece[]) => pieces.flatMap((p) => ('mark' in p ? [p.mark] : []));
const text = (pieces: ScanPiece[]) => pieces.map((p) => ('bytes' in p ? p.bytes.toString('latin1') : '')).join('');

describe('parseMarkBody', () => {
  it.each([
    ['133;A', { kind: 'prompt-start' }],
    ['133;A;k=s', { kind: 'continuation-start' }],
    ['133;C', { kind: 'output-start' }],
    ['133;D;127', { kind: 'command-done', status: 127 }],
    ['133;D', { kind: 'command-done', status: 0 }],
    ['7;file://host/home/a%20b', { kind: 'cwd', path: '/home/a b' }],
    ['7;file:///tmp', { kind: 'cwd', path: '/tmp' }],
  ])('%s is a mark', (body, mark) => {
    expect(parseMarkBody(body)).toEqual(mark);
  });

  it.each(['0;window title', '133;Z', '7;http://x/y', '8;;https://example.com'])('%s is not ours', (body) => {
    expect(parseMarkBody(body)).toBeNull();
  });
});

describe('OscScanner', () => {
  it('strips marks and keeps every other byte in order', () => {
    const s = new OscScanner();
    const out = s.feed(Buffer.from('a\x1b]133;C\x07out\x1b[1mB\x1b]133;D;3\x07\x1b]7;file://h/x\x1b\\z', 'latin1'));
    expect(text(out)).toBe('aout\x1b[1mBz');
    expect(marks(out)).toEqual([{ kind: 'output-start' }, { kind: 'command-done', status: 3 }, { kind: 'cwd', path: '/x' }]);
  });

  it('leaves foreign OSC sequences (titles, hyperlinks) in the output', () => {
    const s = new OscScanner();
    const input = '\x1b]0;title\x07\x1b]8;;http://a\x07link\x1b]8;;\x07';
    expect(text(s.feed(Buffer.from(input)))).toBe(input);
  });

  it('finds a mark split at every possible position across two chunks', () => {
    const whole = Buffer.from('before\x1b]133;D;42\x07after');
    for (let cut = 0; cut <= whole.length; cut++) {
      const s = new OscScanner();
      const pieces = [...s.feed(whole.subarray(0, cut)), ...s.feed(whole.subarray(cut))];
      expect(text(pieces)).toBe('beforeafter');
      expect(marks(pieces)).toEqual([{ kind: 'command-done', status: 42 }]);
    }
  });

  it('gives back a held partial sequence on flush', () => {
    const s = new OscScanner();
    expect(text(s.feed(Buffer.from('x\x1b]13')))).toBe('x');
    expect(s.flush()?.toString()).toBe('\x1b]13');
    expect(s.flush()).toBeNull();
  });

  it('passes non-UTF-8 bytes through untouched', () => {
    const s = new OscScanner();
    const bytes = Buffer.from([0xff, 0xfe, 0x80, 0x1b, 0x5b, 0x41, 0xc3]);
    expect(Buffer.concat(s.feed(bytes).map((p) => ('bytes' in p ? p.bytes : Buffer.alloc(0))))).toEqual(bytes);
  });

  // A command's output can end in an unterminated OSC; bash's own D mark follows at once. A
  // terminal ends the first sequence at the next ESC; a scanner that reads on to the BEL takes
  // the D mark as part of the command's junk, and the run is never seen to end or fail.
  it.each(['\x1b]133;Z', '\x1b]7;file://h/x', '\x1b]0;title'])('an unterminated %j in output does not swallow the real D mark after it', (junk) => {
    const s = new OscScanner();
    const out = s.feed(Buffer.from(`out${junk}\x1b]133;D;1\x07\x1b]133;A\x07`, 'latin1'));
    expect(marks(out)).toContainEqual({ kind: 'command-done', status: 1 });
  });
});
