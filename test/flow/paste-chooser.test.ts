// The paste chooser's menu and what each choice hands on. Pure.

import { describe, expect, it } from 'vitest';
import { englishRequest, pasteMenu, shellText } from '../../src/flow/paste-chooser.js';
import type { PastedBlock } from '../../src/repl/pasted-block.js';

const block = (parsed: boolean, ...commands: [string, 'shell' | 'nl' | 'question'][]): PastedBlock => ({
  text: commands.map(([t]) => t).join('\n'),
  parsed,
  commands: commands.map(([text, route]) => ({ text, route })),
});

describe('pasteMenu', () => {
  it('shell and English: run the shell commands, ask about the English, cancel (Enter)', () => {
    const menu = pasteMenu(block(true, ['ls', 'shell'], ['touch up the readme', 'nl'], ['pwd', 'shell']));
    expect(menu.choices.map((c) => `${c.key} ${c.label}`)).toEqual(['s run the 2 shell commands only', 'a ask the model about the 1 English line only', 'n cancel all']);
    expect(menu.defaultId).toBe('cancel');
  });
  it('did not parse: s runs it all as pasted', () => {
    expect(pasteMenu(block(false, ['echo $(', 'shell'], ['ls', 'shell'])).choices[0]?.label).toBe('run all 2 lines in bash, as pasted');
  });
  it('keys that edit (not text) are never offered to run', () => {
    expect(pasteMenu(block(false, ['ls\x1b[A', 'shell'], ['x', 'nl'])).choices.map((c) => c.key)).toEqual(['a', 'n']);
  });
});

describe('what the choices hand on', () => {
  const b = block(true, ['ls', 'shell'], ['touch up the readme', 'nl'], ['? why', 'question'], ['pwd', 'shell']);
  it('s: the shell commands in order', () => expect(shellText(b)).toBe('ls\npwd'));
  it('a: the English lines as one request, without `?` or the prefix', () => {
    expect(englishRequest(b, ',')).toEqual({ route: 'nl', line: 'touch up the readme\n? why', text: 'touch up the readme\nwhy' });
    expect(englishRequest(block(true, ['? why', 'question']), ',').route).toBe('question');
  });
});
