import { beforeAll, describe, expect, it } from 'vitest';
import { loadBashParser, type BashParser } from '../../src/risk/parse/bash-parser.js';
import { commandParts, type CommandPart } from '../../src/preview/command-parts.js';

let parser: BashParser;
beforeAll(async () => {
  parser = await loadBashParser();
});

/** The parts without offsets, for compact tables. */
type Brief = Pick<CommandPart, 'text' | 'program' | 'flags'> & { wrapped?: string };
const brief = (parts: CommandPart[]): Brief[] =>
  parts.map((p) => ({ text: p.text, program: p.program, flags: p.flags, ...(p.wrapped === undefined ? {} : { wrapped: p.wrapped }) }));

const cases: [string, Brief[]][] = [
  ['ls -la | grep -i foo', [
    { text: 'ls -la', program: 'ls', flags: ['-la'] },
    { text: 'grep -i foo', program: 'grep', flags: ['-i'] },
  ]],
  ['make && rm -rf build || echo failed; pwd', [
    { text: 'make', program: 'make', flags: [] },
    { text: 'rm -rf build', program: 'rm', flags: ['-rf'] },
    { text: 'echo failed', program: 'echo', flags: [] },
    { text: 'pwd', program: 'pwd', flags: [] },
  ]],
  ['(cd /tmp && ls -l) | { sort -r; }', [
    { text: 'cd /tmp', program: 'cd', flags: [] },
    { text: 'ls -l', program: 'ls', flags: ['-l'] },
    { text: 'sort -r', program: 'sort', flags: ['-r'] },
  ]],
  ['echo "now: $(date +%s)" `whoami` <(ls -1)', [
    { text: 'echo "now: $(date +%s)" `whoami` <(ls -1)', program: 'echo', flags: [] },
    { text: 'date +%s', program: 'date', flags: [] },
    { text: 'whoami', program: 'whoami', flags: [] },
    { text: 'ls -1', program: 'ls', flags: ['-1'] },
  ]],
  ["'ls' '-l' \"--color=auto\" -\"a\" \\-x", [{ text: "'ls' '-l' \"--color=auto\" -\"a\" \\-x", program: 'ls', flags: ['-l', '--color=auto', '-a', '-x'] }]],
  ['grep -n -- -v - file', [{ text: 'grep -n -- -v - file', program: 'grep', flags: ['-n', '--'] }]],
  ['cat - -', [{ text: 'cat - -', program: 'cat', flags: [] }]],
  ['FOO=1 BAR="x y" make -j4', [{ text: 'FOO=1 BAR="x y" make -j4', program: 'make', flags: ['-j4'] }]],
  ['$CMD -x "$y"', [{ text: '$CMD -x "$y"', program: undefined, flags: ['-x'] }]],
  ['"$(which ls)" -l', [
    { text: '"$(which ls)" -l', program: undefined, flags: ['-l'] },
    { text: 'which ls', program: 'which', flags: [] },
  ]],
  ['sudo -u bob rm -rf x', [
    { text: 'sudo -u bob rm -rf x', program: 'sudo', flags: ['-u'], wrapped: 'rm' },
    { text: 'rm -rf x', program: 'rm', flags: ['-rf'] },
  ]],
  ['sudo -E -- apt-get install -y vim', [
    { text: 'sudo -E -- apt-get install -y vim', program: 'sudo', flags: ['-E', '--'], wrapped: 'apt-get' },
    { text: 'apt-get install -y vim', program: 'apt-get', flags: ['-y'] },
  ]],
  ['env -i FOO=1 -u BAR PATH=/bin sh -c "ls"', [
    { text: 'env -i FOO=1 -u BAR PATH=/bin sh -c "ls"', program: 'env', flags: ['-i', '-u'], wrapped: 'sh' },
    { text: 'sh -c "ls"', program: 'sh', flags: ['-c'] },
  ]],
  ['find . -name "*.tmp" -print0 | xargs -0 -n 1 -I {} rm -f {}', [
    { text: 'find . -name "*.tmp" -print0', program: 'find', flags: ['-name', '-print0'] },
    { text: 'xargs -0 -n 1 -I {} rm -f {}', program: 'xargs', flags: ['-0', '-n', '-I'], wrapped: 'rm' },
    { text: 'rm -f {}', program: 'rm', flags: ['-f'] },
  ]],
  ['timeout -s KILL 5s curl -sS http://x', [
    { text: 'timeout -s KILL 5s curl -sS http://x', program: 'timeout', flags: ['-s'], wrapped: 'curl' },
    { text: 'curl -sS http://x', program: 'curl', flags: ['-sS'] },
  ]],
  ['nice -n -5 nohup time -p make -j2 > log', [
    { text: 'nice -n -5 nohup time -p make -j2', program: 'nice', flags: ['-n'], wrapped: 'nohup' },
    { text: 'nohup time -p make -j2', program: 'nohup', flags: [], wrapped: 'time' },
    { text: 'time -p make -j2', program: 'time', flags: ['-p'], wrapped: 'make' },
    { text: 'make -j2', program: 'make', flags: ['-j2'] },
  ]],
  ['stdbuf -o L ionice -c 3 exec -a x command tail -f log', [
    { text: 'stdbuf -o L ionice -c 3 exec -a x command tail -f log', program: 'stdbuf', flags: ['-o'], wrapped: 'ionice' },
    { text: 'ionice -c 3 exec -a x command tail -f log', program: 'ionice', flags: ['-c'], wrapped: 'exec' },
    { text: 'exec -a x command tail -f log', program: 'exec', flags: ['-a'], wrapped: 'command' },
    { text: 'command tail -f log', program: 'command', flags: [], wrapped: 'tail' },
    { text: 'tail -f log', program: 'tail', flags: ['-f'] },
  ]],
  ['doas -u root $EDITOR /etc/hosts', [
    { text: 'doas -u root $EDITOR /etc/hosts', program: 'doas', flags: ['-u'] },
    { text: '$EDITOR /etc/hosts', program: undefined, flags: [] },
  ]],
  ['command -v git', [{ text: 'command -v git', program: 'command', flags: ['-v'] }]],
  ['sudo', [{ text: 'sudo', program: 'sudo', flags: [] }]],
  ['export -n PATH=/x; unset -f foo', [
    { text: 'export -n PATH=/x', program: 'export', flags: ['-n'] },
    { text: 'unset -f foo', program: 'unset', flags: ['-f'] },
  ]],
  ['for f in *.txt; do wc -l "$f"; done', [{ text: 'wc -l "$f"', program: 'wc', flags: ['-l'] }]],
  ['cat <<EOF | grep -c x\nx\nEOF', [
    { text: 'cat', program: 'cat', flags: [] },
    { text: 'grep -c x', program: 'grep', flags: ['-c'] },
  ]],
  ['ls "unclosed', [{ text: 'ls', program: 'ls', flags: [] }]],
  ['', []],
  ['   ', []],
  ['# just a comment', []],
  ['X=1', []],
];

describe('commandParts', () => {
  it.each(cases)('%j', (source, expected) => {
    expect(brief(commandParts(parser, source))).toEqual(expected);
  });

  it('gives offsets into the JS string, also after non-ASCII text', () => {
    const source = 'echo "héllo wörld 😀" | grep -v ö';
    const parts = commandParts(parser, source);
    expect(parts.map((p) => [p.start, p.end, source.slice(p.start, p.end)])).toEqual([
      [0, 21, 'echo "héllo wörld 😀"'],
      [24, 33, 'grep -v ö'],
    ]);
    expect(parts[1]?.args).toEqual(['-v', 'ö']);
  });

  it('places a wrapped command at its own substring', () => {
    const source = 'sudo -u bob rm -rf x';
    const [outer, inner] = commandParts(parser, source);
    expect([outer?.start, outer?.end]).toEqual([0, source.length]);
    expect([inner?.start, inner?.end, inner?.text]).toEqual([12, source.length, 'rm -rf x']);
    expect(outer?.args).toEqual(['-u', 'bob', 'rm', '-rf', 'x']);
    expect(inner?.args).toEqual(['-rf', 'x']);
  });

  it('unquotes arguments and keeps expansions as written', () => {
    const [part] = commandParts(parser, `printf '%s\\n' "a \\"b\\" $HOME" x\\ y $'c' "$(date)"/z`);
    expect(part?.args).toEqual(['%s\\n', 'a "b" $HOME', 'x y', 'c', '$(date)/z']);
  });
});
