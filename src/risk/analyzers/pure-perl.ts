// Proving a perl one-liner pure: a tokenizer for variables, strings, quote-like operators and
// regular expressions, and a check that every bareword is on the allow-list (print, split, sort…).
// Code references (`&$f`, `->`), package names (`CORE::system`), `eval`, `s///e`, `(?{ code })`,
// `@{[ … ]}` interpolation, here-docs and backticks are not on it.

import { pushMatch, impure, isOp, type PureReaderFn, type Token } from './pure-tokens.js';

const ops = ['<=>', '**=', '||=', '//=', '&&=', '...', '=~', '!~', '==', '!=', '<=', '>=', '&&', '||', '//', '..', '++', '--', '+=', '-=', '*=', '/=', '.=', '%=', '**', '<<', '>>', '=>', '->', '::'];
const regexAfterNames = new Set(['if', 'unless', 'and', 'or', 'not', 'split', 'grep', 'map', 'return', 'while', 'until', 'x']);
const paired: Record<string, string> = { '(': ')', '[': ']', '{': '}', '<': '>' };

/** Tokens of perl code, or why it cannot be read. */
function tokenizePerl(code: string): Token[] | string {
  const out: Token[] = [];
  let i = 0;
  while (i < code.length) {
    const c = code[i] as string;
    const rest = code.slice(i);
    const last = out[out.length - 1];
    let m: RegExpExecArray | null;
    if (/\s/.test(c)) i++;
    else if (c === '#') i = code.includes('\n', i) ? code.indexOf('\n', i) : code.length;
    else if ((m = /^[$@%]#?(?:[A-Za-z_]\w*|\d+|[_./\\,;!&0])/.exec(rest)) && !(c === '%' && last && !startsTerm(last))) {
      if (rest.startsWith('::', m[0].length)) return 'a package variable';
      out.push({ kind: 'name', text: m[0] });
      i += m[0].length;
    } else if (c === "'" || c === '"') {
      const part = delimited(code, i, c);
      if (typeof part !== 'object') return 'an unterminated string';
      if (c === '"' && interpolatesCode(part.text)) return 'code inside a string';
      out.push({ kind: 'str', text: part.text });
      i = part.end;
    } else if ((m = /^(qq|qw|qr|q|m|s|tr|y)\s*([^\w\s=,;)])/.exec(rest)) && !(last && isOp(last, '->'))) {
      const read = quoteLike(code, i + m[0].length - 1, m[1] as string, m[2] as string);
      if (typeof read === 'string') return read;
      out.push({ kind: 'str', text: read.text });
      i = read.end;
    } else if (c === '/' && startsTerm(last)) {
      const read = quoteLike(code, i, 'm', '/');
      if (typeof read === 'string') return read;
      out.push({ kind: 'str', text: read.text });
      i = read.end;
    } else if ((m = /^<(\$?\w*)>/.exec(rest)) && startsTerm(last)) {
      out.push({ kind: 'str', text: m[0] });
      i += m[0].length;
    } else if (rest.startsWith('<<') && /^<<\s*["'~A-Za-z]/.test(rest)) return 'a here-document';
    else if (/^\d/.test(rest)) i += pushMatch(out, 'num', /^\d[\w.]*/.exec(rest));
    else if (/^[A-Za-z_]/.test(rest)) i += pushMatch(out, 'name', /^[A-Za-z_]\w*(?:::\w+)*/.exec(rest));
    else {
      const op = ops.find((o) => rest.startsWith(o)) ?? ('{}()[];,<>+-*/%!~?:=.^|'.includes(c) ? c : undefined);
      if (op === undefined) return `the character ${JSON.stringify(c)}`;
      if (op === '->' || op === '::') return `uses ${op}`;
      out.push({ kind: 'op', text: op });
      i += op.length;
    }
  }
  return out;
}


function startsTerm(last: Token | undefined): boolean {
  if (!last) return true;
  if (last.kind === 'name') return regexAfterNames.has(last.text) || /^[a-z]+$/.test(last.text) && !last.text.startsWith('$');
  return last.kind === 'op' && last.text !== ')' && last.text !== ']' && last.text !== '}';
}

/** `@{[ … ]}` and `${ … }` run code inside an interpolating string or pattern. */
function interpolatesCode(text: string): boolean {
  return /[$@]\{|\(\?\??\{|\$\$/.test(text);
}

/** Text from `open` (its delimiter) to the matching close. */
function delimited(code: string, open: number, delimiter: string): { text: string; end: number } | undefined {
  const close = paired[delimiter] ?? delimiter;
  let depth = 1;
  let text = '';
  for (let i = open + 1; i < code.length; i++) {
    const ch = code[i] as string;
    if (ch === '\\') {
      text += ch + (code[++i] ?? '');
      continue;
    }
    if (ch === close && --depth === 0) return { text, end: i + 1 };
    if (ch === delimiter && close !== delimiter) depth++;
    text += ch;
  }
  return undefined;
}

/** q//, qq//, m//, s///, tr/// and friends; a reason when they run code (`s///e`, `(?{…})`). */
function quoteLike(code: string, at: number, op: string, delimiter: string): { text: string; end: number } | string {
  const first = delimited(code, at, delimiter);
  if (!first) return `an unterminated ${op}`;
  let end = first.end;
  let text = first.text;
  if (op === 's' || op === 'tr' || op === 'y') {
    let start = paired[delimiter] ? end : end - 1;
    while (paired[delimiter] && /\s/.test(code[start] ?? '')) start++;
    const second = delimited(code, start, paired[delimiter] ? (code[start] ?? '') : delimiter);
    if (!second) return `an unterminated ${op}`;
    end = second.end;
    text += `\u0000${second.text}`;
  }
  const flags = /^[a-z]*/.exec(code.slice(end))?.[0] ?? '';
  if (op === 's' && flags.includes('e')) return 'the s///e flag, which runs the replacement as code';
  if (op !== 'q' && op !== 'qw' && op !== 'tr' && op !== 'y' && delimiter !== "'" && interpolatesCode(text)) return `code inside ${op}`;
  return { text, end: end + flags.length };
}

/** The perl reader. */
export const readPerl: PureReaderFn = (code, sets) => {
  const tokens = tokenizePerl(code);
  if (typeof tokens === 'string') return impure(tokens);
  const modules: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.kind !== 'name' || /^[$@%]/.test(t.text)) continue;
    if (t.text === 'use' || t.text === 'no') {
      const module = tokens[i + 1]?.text ?? '';
      if (!sets.modules.has(module)) return impure(`uses the module ${module}`);
      modules.push(module);
      while (i < tokens.length && !isOp(tokens[i], ';')) i++;
      continue;
    }
    if (t.text.includes('::')) return impure(`uses ${t.text}`);
    if (sets.names.has(t.text)) continue;
    // A hash key: `$h{key}` or `key => value`.
    if ((isOp(tokens[i - 1], '{') && isOp(tokens[i + 1], '}')) || isOp(tokens[i + 1], '=>')) continue;
    return impure(`uses ${t.text}`);
  }
  return { pure: true, modules };
};
