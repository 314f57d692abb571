import { beforeAll, describe, expect, it } from 'vitest';
import { loadBashParser, type BashParser } from '../../src/risk/parse/bash-parser.js';
import { highlightSpans, renderHighlighted, type Span, type TokenClass } from '../../src/preview/highlight.js';

let parser: BashParser;
beforeAll(async () => {
  parser = await loadBashParser();
});

/** The classes of the characters of the `nth` occurrence of `needle` in `source` (deduplicated). */
function classesOf(source: string, spans: readonly Span[], needle: string, nth = 0): TokenClass[] {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = source.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`${JSON.stringify(needle)} #${nth} is not in ${JSON.stringify(source)}`);
  }
  const found = new Set<TokenClass>();
  for (let i = at; i < at + needle.length; i++) {
    const span = spans.find((s) => s.start <= i && i < s.end);
    found.add(span ? span.cls : ('missing' as TokenClass));
  }
  return [...found];
}

function expectCovers(source: string, spans: readonly Span[]): void {
  let at = 0;
  for (const span of spans) {
    expect(span.start).toBe(at);
    expect(span.end).toBeGreaterThan(span.start);
    at = span.end;
  }
  expect(at).toBe(source.length);
}

type Expect = [needle: string, cls: TokenClass, nth?: number];

const cases: [string, Expect[]][] = [
  ['ls -la | grep foo', [['ls', 'program'], ['-la', 'flag'], ['|', 'operator'], ['grep', 'program'], ['foo', 'plain'], [' ', 'plain']]],
  ['echo "$HOME" > out.txt', [['echo', 'builtin'], ['"', 'string'], ['$HOME', 'variable'], ['>', 'redirect'], ['out.txt', 'plain']]],
  ['FOO=1 make -j4 && rm -rf build # done', [['FOO', 'assignment'], ['=', 'assignment'], ['1', 'number'], ['make', 'program'], ['-j4', 'flag'], ['&&', 'operator'], ['rm', 'program'], ['-rf', 'flag'], ['build', 'plain'], ['# done', 'comment']]],
  ["find . -name '*.log' -exec rm {} \\;", [['find', 'program'], ['-name', 'flag'], ["'*.log'", 'string'], ['-exec', 'flag'], ['rm', 'plain'], ['{}', 'plain'], ['\\;', 'plain']]],
  ['cat <<EOF\nhello $USER\nEOF\n', [['cat', 'program'], ['<<EOF', 'redirect'], ['hello ', 'string'], ['$USER', 'variable'], ['EOF', 'redirect', 1]]],
  ['for f in *.txt; do wc -l "$f"; done', [['for', 'operator'], ['in', 'operator'], ['*.txt', 'plain'], ['do', 'operator'], ['wc', 'program'], ['-l', 'flag'], ['$f', 'variable'], ['done', 'operator']]],
  ['if [ -f x ]; then echo y; fi', [['if', 'operator'], ['-f', 'flag'], ['then', 'operator'], ['echo', 'builtin'], ['fi', 'operator']]],
  ['ls "unclosed', [['ls', 'program'], ['"unclosed', 'plain']]],
  ['echo $(date +%s) `whoami`', [['$(', 'substitution'], ['date', 'program'], ['+%s', 'plain'], [')', 'substitution'], ['`', 'substitution'], ['whoami', 'program']]],
  ['ls 2>&1 >/dev/null', [['2>&1', 'redirect'], ['>', 'redirect', 1], ['/dev/null', 'plain']]],
  ['$CMD -x', [['$CMD', 'variable'], ['-x', 'flag']]],
  ['export -n PATH=/x', [['export', 'builtin'], ['-n', 'flag'], ['PATH', 'assignment']]],
  ['grep -- -v file', [['--', 'flag'], ['-v', 'plain']]],
  ['curl --data="a b" -X POST', [['--data=', 'flag'], ['"a b"', 'string'], ['-X', 'flag']]],
  ['echo "héllo wörld" | grep ö', [['echo', 'builtin'], ['"héllo wörld"', 'string'], ['|', 'operator'], ['grep', 'program'], ['ö', 'plain', 1]]],
  ['echo 😀 "😀" && ls -l', [['"😀"', 'string'], ['&&', 'operator'], ['ls', 'program'], ['-l', 'flag']]],
  ['(cd /tmp; ls) | { read x; }', [['(', 'operator'], ['cd', 'builtin'], [';', 'operator'], [')', 'operator'], ['{', 'operator'], ['read', 'builtin'], ['}', 'operator']]],
];

describe('highlightSpans', () => {
  it.each(cases)('%j', (source, expectations) => {
    const spans = highlightSpans(parser, source);
    expectCovers(source, spans);
    for (const [needle, cls, nth] of expectations) {
      expect([needle, classesOf(source, spans, needle, nth)]).toEqual([needle, [cls]]);
    }
  });

  it('gives no spans for an empty line', () => {
    expect(highlightSpans(parser, '')).toEqual([]);
  });

  it('does not throw when the parser does', () => {
    const broken: BashParser = {
      withTree() {
        throw new Error('boom');
      },
    };
    expect(highlightSpans(broken, 'ls -l')).toEqual([{ start: 0, end: 5, cls: 'plain' }]);
  });

  const varied = [
    'ls', '  ls  ', 'ls -la /tmp', 'cd ~ && ls', 'echo "a $b ${c:-d} $(e f)" \'g\'', "printf '%s\\n' x", 'a=1; b=$((a + 2)); echo $b',
    'tar -czf out.tgz --exclude=node_modules .', 'git log --oneline | head -n 5', 'sudo -u bob rm -rf /x', 'find . -type f -print0 | xargs -0 rm',
    'cat <<-EOF\n\tx\n\tEOF', 'cat <<< "x" | wc -c', 'diff <(ls a) <(ls b)', 'while read -r l; do echo "$l"; done < f', 'case $x in a|b) ls;; *) pwd;; esac',
    'f() { echo hi; }; f', '[[ $a == b* && -n $c ]]', 'echo $\'\\e[31m\'', 'ls "unclosed', 'echo $(( 1 +', 'if then fi', ')(', '"', '# only a comment',
    'echo 日本語 "ünïcödé" | grep -i ü', 'echo 🎉🎉 $HOME/🎉', 'ls\nls -l\n', 'x=$(cat <<EOF\nhi\nEOF\n)', 'echo "a\\"b" \\$x', 'time nice -n 5 make -j8 2>&1 | tee log',
  ];

  it.each(varied)('covers %j without gaps', (source) => {
    const spans = highlightSpans(parser, source);
    expectCovers(source, spans);
    for (let i = 1; i < spans.length; i++) expect(spans[i]?.cls).not.toBe(spans[i - 1]?.cls);
  });

  it('indexes the JS string (UTF-16 code units), not UTF-8 bytes', () => {
    const source = 'echo "héllo wörld" 😀 | grep ö';
    const spans = highlightSpans(parser, source);
    expect(classesOf(source, spans, 'grep')).toEqual(['program']);
    expect(classesOf(source, spans, '|')).toEqual(['operator']);
    expect(classesOf(source, spans, ' 😀 ')).toEqual(['plain']);
  });
});

describe('renderHighlighted', () => {
  it.each(renderSamples())('without colour returns %j unchanged', (source) => {
    expect(renderHighlighted(source, highlightSpans(parser, source), false)).toBe(source);
  });

  it('wraps coloured spans in SGR and leaves plain text bare', () => {
    const source = 'ls -la | grep "x" # hi';
    const out = renderHighlighted(source, highlightSpans(parser, source), true);
    expect(out).toBe('\x1b[1mls\x1b[0m \x1b[36m-la\x1b[0m \x1b[33m|\x1b[0m \x1b[1mgrep\x1b[0m \x1b[32m"x"\x1b[0m \x1b[2m# hi\x1b[0m');
    expect(out.replace(/\x1b\[[0-9;]*m/g, '')).toBe(source);
  });

  it('never passes control characters of the source through raw', () => {
    const source = 'echo "\x1b[2J\x1b]0;pwned\x07" \r\b\x00 \x7f \u009b31m x\ty\nz';
    for (const color of [false, true]) {
      const out = renderHighlighted(source, highlightSpans(parser, source), color);
      const withoutOwnSgr = color ? out.replace(/\x1b\[[0-9;]*m/g, '') : out;
      expect(withoutOwnSgr).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
      expect(withoutOwnSgr).toContain('^[[2J');
      expect(withoutOwnSgr).toContain('^G');
      expect(withoutOwnSgr).toContain('^M^H^@');
      expect(withoutOwnSgr).toContain('^?');
      expect(withoutOwnSgr).toContain('\ufffd31m');
      expect(withoutOwnSgr).toContain('x\ty\nz');
    }
  });

  it('copes with spans that do not fit the source', () => {
    expect(renderHighlighted('abc', [{ start: 0, end: 10, cls: 'flag' }], true)).toBe('\x1b[36mabc\x1b[0m');
    expect(renderHighlighted('abc', [], true)).toBe('abc');
  });
});

function renderSamples(): string[] {
  return ['ls -la | grep foo', 'echo "héllo wörld" | grep ö', 'cat <<EOF\nx $y\nEOF', 'echo 🎉 $(date)', 'ls "unclosed', ''];
}
