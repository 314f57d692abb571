// After "command not found" (exit 127): a near-miss correction, or an offer to ask the model.

import { describe, expect, it } from 'vitest';
import { suggestForNotFound, type NotFoundFacts } from '../../../src/repl/router/index.js';
import { BASH_BUILTINS } from '../../../src/repl/router/bash-words.js';
import { fakeTypeOf } from './fake-facts.js';

const commands = [
  ...BASH_BUILTINS,
  ...'ls git cat grep find sort make head tail python3 python node npm mkdir docker clear less gzip gunzip gist gitk sl2 lsd'.split(' '),
];
const known = new Set(commands);
const facts: NotFoundFacts = {
  typeOf: (word) => fakeTypeOf(word) || (known.has(word) ? 'file' : ''),
  commands,
};

describe('a close known command is offered as "did you mean"', () => {
  it.each([
    ['gti status', 'gti', 'git status'],
    ['sl -la', 'sl', 'ls -la'],
    ['sl', 'sl', 'ls'],
    ['pyhton3 app.py', 'pyhton3', 'python3 app.py'],
    ['gerp -r TODO src', 'gerp', 'grep -r TODO src'],
    ['mkdri build', 'mkdri', 'mkdir build'],
    ['dokcer ps', 'dokcer', 'docker ps'],
    ['claer', 'claer', 'clear'],
    ['cd..', 'cd..', 'cd ..'],
    ['ls-la', 'ls-la', 'ls -la'],
    ['sudo gti push', 'gti', 'sudo git push'],
    ['FOO=1 gti log', 'gti', 'FOO=1 git log'],
    ['ls | gerp x', 'gerp', 'ls | grep x'],
  ])('`%s`: `%s` → `%s`', (line, command, suggestion) => {
    expect(suggestForNotFound(line, facts)).toEqual({ kind: 'typo', command, suggestion });
  });
});

describe('otherwise nl-sh offers to ask the model', () => {
  it.each([
    ['frobnicate the widgets'],
    ['hepl me find large files'],
    ['xyzzy'],
    ['qz'],
    ['./missing-script.sh'],
    ['/opt/tool/bin/run'],
    ['$CMD --help'],
    ['"quoted name" arg'],
    ['ls -la'],
    [''],
  ])('`%s` offers to ask', (line) => {
    expect(suggestForNotFound(line, facts)).toEqual({ kind: 'ask' });
  });

  it('a short word is only corrected by a swap to a well-known command', () => {
    expect(suggestForNotFound('dc', facts)).toEqual({ kind: 'ask' });
    expect(suggestForNotFound('gt status', facts)).toEqual({ kind: 'ask' });
  });

  it('a well-known command beats an obscure one at the same distance', () => {
    expect(suggestForNotFound('gitt log', facts)).toEqual({ kind: 'typo', command: 'gitt', suggestion: 'git log' });
  });
});
