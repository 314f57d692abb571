// The router's lexer: words and operators as bash splits them, and what each word holds.

import { describe, expect, it } from 'vitest';
import { lexLine } from '../../../src/repl/router/lex-line.js';
import { shapeLine } from '../../../src/repl/router/line-shape.js';

const texts = (line: string): string[] => lexLine(line).tokens.map((t) => t.text);

describe('lexLine splits like bash', () => {
  it.each([
    ['ls -la', ['ls', '-la']],
    ['echo "a b" c', ['echo', '"a b"', 'c']],
    ["echo 'a | b' | wc", ['echo', "'a | b'", '|', 'wc']],
    ['a&&b||c;d&', ['a', '&&', 'b', '||', 'c', ';', 'd', '&']],
    ['cmd 2>&1 >/dev/null', ['cmd', '2>&', '1', '>', '/dev/null']],
    ['cat <<EOF', ['cat', '<<', 'EOF']],
    ['x=$(ls | wc -l)', ['x=$(ls | wc -l)']],
    ['diff <(ls a) <(ls b)', ['diff', '<(ls a)', '<(ls b)']],
    ['echo ${HOME}/x `date`', ['echo', '${HOME}/x', '`date`']],
    ['find . -exec rm {} \\;', ['find', '.', '-exec', 'rm', '{}', '\\;']],
    ['arr=(a b)', ['arr=(a b)']],
    ['(cd x && ls)', ['(', 'cd', 'x', '&&', 'ls', ')']],
    ['echo hi # a comment', ['echo', 'hi']],
    ["what's up", ["what's", 'up']],
  ])('`%s`', (line, tokens) => {
    expect(texts(line)).toEqual(tokens);
  });

  it('records what each word holds', () => {
    const [, quoted, expands, glob, escaped] = lexLine('x "a b" $HOME *.txt \\;').tokens;
    expect(quoted).toMatchObject({ quoted: true, wholeQuoted: true, expands: false });
    expect(expands).toMatchObject({ expands: true, substitutes: false });
    expect(glob).toMatchObject({ glob: true });
    expect(escaped).toMatchObject({ escaped: true });
  });

  it('reports what never closed and keeps the words after it', () => {
    expect(lexLine("what's using my cpu")).toMatchObject({ unclosed: "'" });
    expect(texts("what's using my cpu")).toEqual(["what's", 'using', 'my', 'cpu']);
    expect(lexLine('echo "abc')).toMatchObject({ unclosed: '"' });
    expect(lexLine('echo $(ls')).toMatchObject({ unclosed: '$(' });
    expect(lexLine('echo one \\')).toMatchObject({ trailingBackslash: true });
  });

  it('stays linear on long hostile input', () => {
    const hostile = `${'"'.repeat(5000)}${"'".repeat(5000)}${'$('.repeat(5000)}`;
    const started = performance.now();
    lexLine(hostile);
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe('shapeLine finds each command word', () => {
  const leads = (line: string): string[] =>
    shapeLine(line).segments.map((s) => (s.lead >= 0 ? s.words[s.lead]!.text : ''));

  it.each([
    ['sudo -u bob make install', ['make']],
    ['FOO=1 BAR=2 env -i X=3 node app.js', ['node']],
    ['nohup nice -n 10 ./job.sh &', ['./job.sh']],
    ['time make', ['make']],
    ['timeout 5s curl x', ['curl']],
    ['ls | grep x && echo ok; date', ['ls', 'grep', 'echo', 'date']],
    ['if true; then echo y; fi', ['true', 'echo', 'fi']],
    ['sudo', ['sudo']],
    ['X=1', ['']],
  ])('`%s` runs %j', (line, expected) => {
    expect(leads(line)).toEqual(expected);
  });

  it('sets redirect targets apart from arguments', () => {
    const [segment] = shapeLine('sort < in.txt > out.txt -r').segments;
    expect(segment!.words.map((w) => w.text)).toEqual(['sort', '-r']);
    expect(segment!.redirects.map((r) => [r.op, r.target?.text])).toEqual([
      ['<', 'in.txt'],
      ['>', 'out.txt'],
    ]);
  });
});
