import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { quoteArgvForBash, quoteBytesForBash, quoteForBash } from '../../../src/sandbox/index.js';

const hostile: [string, string][] = [
  ['empty', ''],
  ['plain word', 'hello'],
  ['path', '/usr/bin/env'],
  ['space', 'a b'],
  ['single quote', "it's"],
  ['only quotes', "''''"],
  ['double quotes', '"$HOME"'],
  ['command substitution', '$(touch /tmp/pwned)'],
  ['backticks', '`id`'],
  ['newline', 'line1\nline2'],
  ['carriage return and tab', 'a\r\tb'],
  ['history bang', '!!'],
  ['glob', '*.txt'],
  ['tilde', '~root'],
  ['assignment-looking', 'A=1'],
  ['brace expansion', '{a,b}'],
  ['semicolon chain', 'x; rm -rf ~'],
  ['backslashes', '\\\\n\\'],
  ['dash flag', '--rf'],
  ['escape sequences', '\x1b[31mred\x1b[0m\x07'],
  ['unicode', 'héllo wörld ✓ 日本'],
  ['lone surrogate', 'a\ud800b'],
  ['comment', '#not a comment'],
];

// Ask a real bash what the quoted word expands to (as NUL-terminated bytes).
function bashExpands(line: string): Buffer {
  const r = spawnSync('bash', ['--norc', '--noprofile', '-c', `printf '%s\\0' ${line}`]);
  return r.stdout;
}

describe('quoteForBash', () => {
  it.each(hostile)('%s round-trips through bash as one word', (_name, arg) => {
    const quoted = quoteForBash(arg);
    expect(bashExpands(quoted)).toEqual(Buffer.concat([Buffer.from(arg), Buffer.from([0])]));
  });

  it('leaves plain words bare and quotes everything else', () => {
    expect(quoteForBash('abc-1.2_/x')).toBe('abc-1.2_/x');
    expect(quoteForBash('A=1')).toBe("'A=1'");
    expect(quoteForBash("it's")).toBe("'it'\\''s'");
    expect(quoteForBash('')).toBe("''");
  });

  it('refuses NUL, which no argv can carry', () => {
    expect(() => quoteForBash('a\0b')).toThrow(/NUL/);
  });

  it('quotes a whole argv as one line bash splits back into the same words', () => {
    const argv = hostile.map(([, a]) => a);
    const out = bashExpands(quoteArgvForBash(argv));
    expect(out).toEqual(Buffer.concat(argv.flatMap((a) => [Buffer.from(a), Buffer.from([0])])));
  });
});

describe('quoteBytesForBash', () => {
  const rows: [string, Buffer][] = [
    ['invalid UTF-8', Buffer.from([0xff, 0xfe, 0x27, 0x80, 0x20, 0x24, 0x28])],
    ['latin1 text', Buffer.from('caf\xe9 \x27x\x27', 'latin1')],
    ['all bytes 1..255', Buffer.from(Array.from({ length: 255 }, (_, i) => i + 1))],
    ['plain', Buffer.from('abc')],
  ];
  it.each(rows)('%s round-trips through bash byte for byte', (_name, bytes) => {
    const line = Buffer.concat([Buffer.from("printf '%s\\0' "), quoteBytesForBash(bytes)]);
    const script = spawnSync('bash', ['--norc', '--noprofile', '-s'], { input: line, env: { ...process.env, LC_ALL: 'C' } });
    expect(script.stdout).toEqual(Buffer.concat([bytes, Buffer.from([0])]));
  });
  it('refuses NUL', () => {
    expect(() => quoteBytesForBash(Buffer.from([0x61, 0]))).toThrow(/NUL/);
  });
});
