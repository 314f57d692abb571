import { describe, expect, it } from 'vitest';
import { EnterWindow, withoutHookRedraw } from '../../src/repl/enter-window.js';

const CLEAR = '\r\x1b[K';
const PROMPT = '\x1b]0;me@host: ~\x07\x1b[01;32mme@host\x1b[00m:~$ ';

describe('withoutHookRedraw', () => {
  it.each([
    ['clear, redraw, newline: only the newline', `${CLEAR}\r${PROMPT}echo hi\r\n`, 'echo hi', '\r\n'],
    ['keys echoed before the clear stay', `echo hi${CLEAR}\r${PROMPT}echo hi\r\n`, 'echo hi', 'echo hi\r\n'],
    ['a UTF-8 line', `${CLEAR}\r$ echo é\r\n`, 'echo é', '\r\n'],
  ])('%s', (_title, held, line, out) => {
    expect(withoutHookRedraw(Buffer.from(held).toString('latin1'), line)).toBe(Buffer.from(out).toString('latin1'));
  });

  it.each([
    ['a redraw of another line (a replaced command)', `${CLEAR}\r$ rm -rf x\r\n`, 'echo hi'],
    ['no clear', `\r$ echo hi\r\n`, 'echo hi'],
    ['a line on two rows (readline moves up to clear it)', `\r\x1b[K\x1b[A\x1b[K\r$ echo hi\r\n`, 'echo hi'],
    ['cursor moved back after the line', `${CLEAR}\r$ echo hi\b\bhi\r\n`, 'echo hi'],
    ['a tab (readline draws spaces)', `${CLEAR}\r$ echo\thi\r\n`, 'echo\thi'],
    ['a clear straight before the newline', `${CLEAR}\r\n`, ''],
    ['a notice line between', `${CLEAR}\rnotice\r\n$ echo hi\r\n`, 'echo hi'],
  ])('falls back on %s', (_title, held, line) => {
    expect(withoutHookRedraw(held, line)).toBeUndefined();
  });
});

describe('EnterWindow', () => {
  const window = () => {
    const written: string[] = [];
    const w = new EnterWindow((b) => written.push(b.toString('latin1')));
    return { w, written };
  };

  it('holds until the newline, then sends only it and everything after', () => {
    const { w } = window();
    w.begin();
    expect(w.pass(Buffer.from(`${CLEAR}`)).toString()).toBe('');
    w.noteRunAsTyped('ls');
    expect(w.pass(Buffer.from(`\r$ ls\r\n\x1b[?2004l\rout`)).toString()).toBe('\r\n\x1b[?2004l\rout');
    expect(w.holding).toBe(false);
    expect(w.pass(Buffer.from('more')).toString()).toBe('more');
  });

  it('passes everything through when the line did not run as typed', () => {
    const { w } = window();
    w.begin();
    w.pass(Buffer.from(CLEAR));
    expect(w.pass(Buffer.from(`\r$ ls\r\n`)).toString()).toBe(`${CLEAR}\r$ ls\r\n`);
  });

  it('keeps the typed line on screen when nl-sh takes the terminal', () => {
    const { w, written } = window();
    w.begin();
    w.pass(Buffer.from(CLEAR));
    w.keepTypedLine();
    expect(written).toEqual(['\r\n']);
    expect(w.holding).toBe(false);
  });

  it('keeps the typed line when the clear came with its carriage return', () => {
    const { w, written } = window();
    w.begin();
    w.pass(Buffer.from(`${CLEAR}\r`));
    w.keepTypedLine();
    expect(written).toEqual(['\r\n']);
  });

  it('sends unexpected held bytes as they came when nl-sh takes the terminal', () => {
    const { w, written } = window();
    w.begin();
    w.pass(Buffer.from(`${CLEAR}\x1b[A\x1b[K`));
    w.keepTypedLine();
    expect(written).toEqual([`${CLEAR}\x1b[A\x1b[K`]);
  });

  it('release sends what is held, once', () => {
    const { w, written } = window();
    w.begin();
    w.pass(Buffer.from(CLEAR));
    w.release();
    w.release();
    expect(written).toEqual([CLEAR]);
  });
});
