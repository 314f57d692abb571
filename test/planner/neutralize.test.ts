import { describe, expect, it } from 'vitest';
import { neutralizeForDisplay } from '../../src/planner/neutralize.js';

describe('neutralizeForDisplay', () => {
  it.each([
    ['a title change', 'ls\x1b]0;pwned\x07', 'ls␛]0;pwned^G'],
    ['an OSC 52 clipboard write', '\x1b]52;c;cm0gLXJmIH4=\x07', '␛]52;c;cm0gLXJmIH4=^G'],
    ['a hyperlink', '\x1b]8;;https://evil\x1b\\click\x1b]8;;\x1b\\', '␛]8;;https://evil␛\\click␛]8;;␛\\'],
    ['cursor movement hiding text', 'rm -rf ~\x1b[2K\x1b[1Gls', 'rm -rf ~␛[2K␛[1Gls'],
    ['a carriage return overwrite', 'rm -rf /\rls       ', 'rm -rf /^Mls       '],
    ['a C1 CSI', 'x\u009b31my', 'x\\x9b31my'],
    ['a bidi override', 'echo \u202Eevil', 'echo \\u202eevil'],
  ])('%s is shown inert', (_what, input, shown) => {
    const out = neutralizeForDisplay(input);
    expect(out).toBe(shown);
    expect(out).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f\u0080-\u009f]/);
  });

  it('keeps newlines, tabs and ordinary Unicode', () => {
    expect(neutralizeForDisplay('a\tb\nc 你好 é')).toBe('a\tb\nc 你好 é');
  });
});
