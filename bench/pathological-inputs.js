// Inputs that once made (or could make) the risk gate do super-linear work, each within the
// model's 4,000-character limit, with the least severe verdict each may get (`safe: true`:
// harmless, any verdict will do). Shared by bench/risk-bench.js and test/risk/bounded-work.test.ts.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The model's limit on a command's length. */
export const maxCommandChars = 4000;

const fit = (text) => text.slice(0, maxCommandChars);
const repeat = (unit, prefix = '', suffix = '') => prefix + unit.repeat(Math.floor((maxCommandChars - prefix.length - suffix.length) / unit.length)) + suffix;

/** Named pathological inputs; `atLeast` is the least severe acceptable level. */
export function pathologicalInputs() {
  const nested = (depth, inner) => {
    let s = inner;
    for (let i = 0; i < depth; i++) s = `echo $(${s})`;
    return s;
  };
  const calls = (n, body) => {
    const defs = [];
    for (let i = 1; i < n; i++) defs.push(`f${i}() { f${i + 1} a$RANDOM; f${i + 1} b; }`);
    defs.push(`f${n}() { ${body}; }`);
    return `${defs.join('; ')}; f1 x`;
  };
  return [
    { name: 'glob *a*a*…*b (backtracking)', cmd: repeat('*a', 'rm -f ', '*b'), atLeast: 'destructive' },
    { name: 'glob *a*a*…*b in a subdir', cmd: repeat('*a', 'rm -f deep/d1/', '*b'), atLeast: 'destructive' },
    { name: 'glob repeated 60 times', cmd: repeat(' *a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b', 'rm -f'), atLeast: 'destructive' },
    { name: 'many distinct globs', cmd: fit(`rm -f ${Array.from({ length: 700 }, (_, i) => `*${i}*`).join(' ')}`), atLeast: 'destructive' },
    { name: 'many directory globs', cmd: fit(`rm -f ${Array.from({ length: 500 }, (_, i) => `*/*/*${i % 10}`).join(' ')}`), atLeast: 'destructive' },
    { name: 'glob with classes [a-z]*[!x]?…', cmd: repeat('[a-z]*[!x]?', 'rm -f ', 'z'), atLeast: 'destructive' },
    { name: 'nested $( ) × 400', cmd: fit(nested(400, 'rm -rf /')), atLeast: 'destructive' },
    { name: 'nested subshells ( ( … ) )', cmd: `${'( '.repeat(990)}rm -rf /${' )'.repeat(990)}`, atLeast: 'destructive' },
    // Bash reads `((` as arithmetic first; nl-sh's parser cannot read this, which fails closed.
    { name: 'nested parentheses ((((…))))', cmd: `${'('.repeat(1000)}rm -rf /${')'.repeat(1000)}`, atLeast: 'writes' },
    { name: 'nested backticks via eval', cmd: fit(`eval ${'"eval '.repeat(300)}rm -rf /${'"'.repeat(300)}`), atLeast: 'destructive' },
    { name: 'pipeline of 1,000 stages', cmd: fit(`${'ls|'.repeat(999)}ls`), atLeast: 'read_only', safe: true },
    { name: 'pipeline ending in sh', cmd: `${'cat|'.repeat(990)}sh`, atLeast: 'destructive' },
    { name: '&& chain of 800', cmd: `${'ls&&'.repeat(780)}rm -rf /`, atLeast: 'destructive' },
    { name: '2,000 words', cmd: repeat(' a', 'echo'), atLeast: 'read_only', safe: true },
    { name: '2,000 words then rm', cmd: repeat(' a', 'rm -rf /', ''), atLeast: 'destructive' },
    { name: 'brace sequence {1..100000}', cmd: 'rm -f {1..100000} /etc/passwd', atLeast: 'privileged' },
    { name: 'brace sequence hides a target', cmd: 'chmod 644 x{1..100000}', atLeast: 'writes' },
    { name: 'brace product {a,b}×20', cmd: `ls ${'{a,b}'.repeat(20)}`, atLeast: 'writes' },
    { name: 'brace list of 1,000 with a system path last', cmd: fit(`chmod 644 {${Array.from({ length: 1000 }, (_, i) => `x${i}`).join(',')},/etc/shadow}`), atLeast: 'writes' },
    { name: 'unclosed brace of commas', cmd: repeat(',', 'ls {'), atLeast: 'read_only', safe: true },
    { name: 'nested braces {{{…}}}', cmd: `ls ${'{a,'.repeat(600)}b${'}'.repeat(600)}`, atLeast: 'writes' },
    { name: '${x//…} × 300', cmd: repeat(' ${x//a/b}', 'x=aaaa; echo'), atLeast: 'read_only', safe: true },
    { name: '300 here-docs', cmd: `${'cat <<E\nx\nE\n'.repeat(300)}rm -rf /`, atLeast: 'destructive' },
    { name: 'here-doc into sh with backticks', cmd: repeat('`ls` ', 'sh <<E\n', '\nrm -rf /\nE'), atLeast: 'destructive' },
    { name: 'function call tree 2^20', cmd: calls(20, 'rm -rf "$1"'), atLeast: 'destructive' },
    { name: 'function call tree 2^60', cmd: fit(calls(60, 'rm -rf "$1"')), atLeast: 'destructive' },
    { name: 'function called 500 times', cmd: repeat(' f $RANDOM;', 'f() { rm -rf "$1"; };'), atLeast: 'destructive' },
    { name: 'eval of eval × 8', cmd: `eval ${"'eval '".repeat(1)}${'eval '.repeat(8)}rm -rf /`, atLeast: 'destructive' },
    { name: 'set -- with 1,900 words', cmd: repeat(' w', 'set --', '; rm -rf "$@"'), atLeast: 'destructive' },
    { name: 'python [\\s\\S]* pairs', cmd: `python3 -c "${'urlopen(x) exec('.repeat(230)}"`, atLeast: 'writes' },
    { name: 'python unclosed string of backslashes', cmd: `python3 -c 'os.system("${'\\\\'.repeat(1900)})'`, atLeast: 'writes' },
    { name: 'node [\\s\\S]* pairs', cmd: `node -e "${'fetch( eval( '.repeat(300)}"`, atLeast: 'writes' },
    { name: 'perl system( unclosed', cmd: `perl -e '${'system("a'.repeat(480)}'`, atLeast: 'writes' },
    { name: 'sed s with backslashes', cmd: `sed -e 's/${'\\\\'.repeat(1900)}' f`, atLeast: 'read_only', safe: true },
    { name: 'sed s/// many', cmd: `sed ${"-e 's/a/b/' ".repeat(250)}f`, atLeast: 'read_only', safe: true },
    { name: 'awk pipes', cmd: `awk '{ ${'print | "'.repeat(400)} }'`, atLeast: 'writes' },
    { name: 'sql whitespace in WHERE', cmd: `psql -c "DELETE FROM t WHERE a${' '.repeat(3900)}b"`, atLeast: 'writes' },
    { name: 'sql unclosed quotes', cmd: `psql -c "SELECT '${"''".repeat(1900)}"`, atLeast: 'read_only', safe: true },
    { name: 'redirect targets × 500', cmd: repeat(' >f', 'echo x'), atLeast: 'writes' },
    { name: 'variables × 500', cmd: repeat('a=$a$a;', '', 'rm -rf $a'), atLeast: 'destructive' },
    { name: 'case arms × 500', cmd: `case x in ${'a) ls;; '.repeat(480)}*) rm -rf /;; esac`, atLeast: 'destructive' },
    { name: 'arithmetic nesting', cmd: `echo $((${'('.repeat(900)}1${')'.repeat(900)}))`, atLeast: 'read_only', safe: true },
    { name: 'xargs of xargs × 600', cmd: repeat('xargs ', 'ls | ', 'rm'), atLeast: 'destructive' },
    { name: 'find -exec × 200', cmd: repeat(' -exec rm {} \\;', 'find .'), atLeast: 'destructive' },
  ].map((c) => ({ ...c, cmd: c.cmd.slice(0, maxCommandChars) }));
}

/** A directory with `files` files spread over nested directories, names made to stress glob matching. */
export function makeGlobTree(root, files = 3000) {
  const dirs = ['.', 'deep', 'deep/d1', 'deep/d1/d2', ...Array.from({ length: 20 }, (_, i) => `sub${i}`), ...Array.from({ length: 20 }, (_, i) => `sub${i}/inner`)];
  for (const d of dirs) mkdirSync(join(root, d), { recursive: true });
  for (let i = 0; i < files; i++) {
    const dir = dirs[i % dirs.length];
    // Long runs of `a` with no `b` are the worst case for a backtracking `*a*a…*b` matcher.
    const name = i % 3 === 0 ? `${'a'.repeat(40 + (i % 60))}${i}` : i % 3 === 1 ? `file-${i}.log` : `.hidden${i}`;
    writeFileSync(join(root, dir, name), '');
  }
}
