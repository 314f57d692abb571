// Proving a node one-liner pure: a tokenizer (strings, templates, regular expressions) and a check
// that every name, member, call and require is on the allow-list (console.log, JSON, Math, fs used
// only to read, process.argv/env read, process.stdout.write). eval, Function, globalThis, computed
// members (`x["ev"+"al"]`), `.constructor`, process.binding and tagged templates are not on it.

import { pushMatch, allowedPrefix, closing, impure, isDunder, isOp, type PureReaderFn, type PureSets, type Token } from './pure-tokens.js';

const allowedKeywords = new Set(['const', 'let', 'var', 'if', 'else', 'for', 'of', 'in', 'while', 'do', 'break', 'continue', 'return', 'function', 'typeof', 'instanceof', 'true', 'false', 'null', 'undefined', 'NaN', 'Infinity', 'void', 'switch', 'case', 'default', 'try', 'catch', 'finally', 'throw', 'new']);
const keywords = new Set([...allowedKeywords, 'eval', 'Function', 'import', 'export', 'class', 'with', 'this', 'globalThis', 'global', 'module', 'exports', 'require', 'arguments', 'async', 'await', 'yield', 'delete', 'debugger', 'super']);
const constructors = new Set(['Date', 'Set', 'Map', 'RegExp', 'Array', 'Error', 'URL']);
const forbiddenMembers = new Set(['constructor', 'prototype', 'caller', 'callee', 'call', 'apply', 'bind', 'arguments', 'mainModule', 'binding', 'dlopen']);
const regexAfter = new Set(['return', 'typeof', 'case', 'of', 'in', 'void', 'instanceof', 'new', 'else', 'do', 'throw']);
const ops = ['>>>=', '...', '===', '!==', '**=', '<<=', '>>=', '>>>', '&&=', '||=', '??=', '=>', '==', '!=', '<=', '>=', '&&', '||', '??', '?.', '++', '--', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '**', '<<', '>>'];

/** Tokens of JavaScript code, or why it cannot be read. */
function tokenizeNode(code: string): Token[] | string {
  const out: Token[] = [];
  let i = 0;
  while (i < code.length) {
    const c = code[i] as string;
    const rest = code.slice(i);
    const last = out[out.length - 1];
    if (/\s/.test(c)) i++;
    else if (rest.startsWith('//')) i = code.includes('\n', i) ? code.indexOf('\n', i) : code.length;
    else if (rest.startsWith('/*')) i = code.includes('*/', i + 2) ? code.indexOf('*/', i + 2) + 2 : code.length;
    else if (c === '"' || c === "'") {
      let j = i + 1;
      let text = '';
      while (j < code.length && code[j] !== c) text += code[j] === '\\' ? (code[++j] ?? '') && `\\${code[j++]}` : code[j++];
      if (j >= code.length) return 'an unterminated string';
      out.push({ kind: 'str', text });
      i = j + 1;
    } else if (c === '`') {
      if (last && (last.kind !== 'op' || isOp(last, ')') || isOp(last, ']'))) return 'a tagged template';
      const read = readTemplate(code, i);
      if (typeof read === 'string') return read;
      out.push(...read.tokens);
      i = read.end;
    } else if (c === '/' && startsRegex(last)) {
      const m = /^\/(?:\\.|\[(?:\\.|[^\]\\])*\]|[^/\\\n[])+\/[a-z]*/.exec(rest);
      if (!m) return 'a regular expression nl-sh cannot read';
      out.push({ kind: 'str', text: m[0] });
      i += m[0].length;
    } else if (/^(\d|\.\d)/.test(rest)) i += pushMatch(out, 'num', /^\.?\d[\w.]*/.exec(rest));
    else if (/^[A-Za-z_$]/.test(rest)) i += pushMatch(out, 'name', /^[A-Za-z_$][\w$]*/.exec(rest));
    else {
      const op = ops.find((o) => rest.startsWith(o)) ?? ('{}()[];,<>+-*/%&|^!~?:=.'.includes(c) ? c : undefined);
      if (op === undefined) return `the character ${JSON.stringify(c)}`;
      out.push({ kind: 'op', text: op });
      i += op.length;
    }
  }
  return resolveRequires(out);
}


function startsRegex(last: Token | undefined): boolean {
  if (!last) return true;
  if (last.kind === 'name') return regexAfter.has(last.text);
  return last.kind === 'op' && last.text !== ')' && last.text !== ']';
}

/** A template literal: `(str + (expr) + …)`, so its `${…}` parts are checked as code. */
function readTemplate(code: string, start: number): { tokens: Token[]; end: number } | string {
  const tokens: Token[] = [{ kind: 'op', text: '(' }, { kind: 'str', text: '' }];
  let i = start + 1;
  while (i < code.length && code[i] !== '`') {
    if (code[i] === '\\') i += 2;
    else if (code.startsWith('${', i)) {
      let depth = 1;
      let j = i + 2;
      for (; j < code.length && depth > 0; j++) {
        if (code[j] === '{') depth++;
        else if (code[j] === '}') depth--;
        else if (code[j] === '`' || code[j] === '"' || code[j] === "'") return 'a string inside a template field';
      }
      if (depth > 0) return 'an unterminated template';
      const inner = tokenizeNode(code.slice(i + 2, j - 1));
      if (typeof inner === 'string') return inner;
      tokens.push({ kind: 'op', text: '+' }, { kind: 'op', text: '(' }, ...inner, { kind: 'op', text: ')' });
      i = j;
    } else i++;
  }
  if (i >= code.length) return 'an unterminated template';
  tokens.push({ kind: 'op', text: ')' });
  return { tokens, end: i + 1 };
}

/** `require("x")` with a literal name becomes one `module` token; any other require stays a name (not pure). */
function resolveRequires(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const arg = tokens[i + 2];
    if (t.kind === 'name' && t.text === 'require' && isOp(tokens[i + 1], '(') && arg?.kind === 'str' && isOp(tokens[i + 3], ')')) {
      out.push({ kind: 'module', text: arg.text.replace(/^node:/, '') });
      i += 3;
    } else out.push(t);
  }
  return out;
}

/** The node reader. */
export const readNode: PureReaderFn = (code, sets) => {
  const tokens = tokenizeNode(code);
  if (typeof tokens === 'string') return impure(tokens);
  const roots = new Set([...sets.paths].map((p) => p.split('.')[0] as string));
  const aliases = new Map<string, string>();
  const data = new Set<string>();
  const bound = new Set<string>();
  const skip = new Set<number>();
  const why = bindNames(tokens, sets, aliases, data, bound, skip);
  if (why) return impure(why);
  for (const name of [...bound, ...aliases.keys()]) if (sets.names.has(name) || (roots.has(name) && aliases.get(name) !== name) || keywords.has(name)) return impure(`rebinds ${name}`);
  for (let i = 0; i < tokens.length; i++) {
    if (skip.has(i)) continue;
    const t = tokens[i] as Token;
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    if (t.kind === 'op') {
      if (t.text === '(' && (isOp(prev, ')') || isOp(prev, ']') || isOp(prev, '?.'))) return impure('calls the result of an expression');
      if (t.text === '[' && prev && (prev.kind !== 'op' || isOp(prev, ')') || isOp(prev, ']'))) {
        const inner = tokens.slice(i + 1, closing(tokens, i));
        const only = inner[0];
        if (inner.length !== 1 || !only || (only.kind !== 'num' && (only.kind !== 'str' || isDunder(only.text) || forbiddenMembers.has(only.text)))) return impure('reads a member chosen at run time');
        continue;
      }
      if (t.text !== '.' && t.text !== '?.') continue;
      if (next?.kind !== 'name') return impure('a member nl-sh cannot read');
      if (isDunder(next.text) || forbiddenMembers.has(next.text)) return impure(`uses .${next.text}`);
      if ((isOp(tokens[i + 2], '(') || isOp(tokens[i + 2], '?.')) && !sets.methods.has(next.text)) return impure(`calls .${next.text}()`);
      i++;
      continue;
    }
    if (t.kind === 'module') {
      const name = moduleRoot(t.text, sets);
      if (name === undefined) return impure(`requires ${t.text}`);
      if (name === '') continue;
      const step = pathStep(tokens, i, [name], sets, 2);
      if (typeof step === 'string') return impure(step);
      i = step;
      continue;
    }
    if (t.kind !== 'name') continue;
    if (isOp(next, ':') && (isOp(prev, '{') || isOp(prev, ','))) continue;
    if (keywords.has(t.text)) {
      if (!allowedKeywords.has(t.text)) return impure(`uses ${t.text}`);
      if (t.text === 'new') {
        if (next?.kind !== 'name' || !constructors.has(next.text)) return impure(`uses new ${next?.text ?? ''}`);
        i++;
      }
      continue;
    }
    const alias = aliases.get(t.text);
    if (alias !== undefined || (roots.has(t.text) && !(sets.names.has(t.text) && !isOp(next, '.')))) {
      // A module or a global root must be used through an allowed member; an imported member already is one.
      const base = (alias ?? t.text).split('.');
      const step = pathStep(tokens, i, base, sets, base.length > 1 ? base.length : 2);
      if (typeof step === 'string') return impure(step);
      i = step;
      continue;
    }
    if (sets.names.has(t.text)) continue;
    if (bound.has(t.text) || data.has(t.text)) {
      if (isOp(next, '(')) return impure(`calls ${t.text}, a name bound in the code`);
      continue;
    }
    return impure(`uses ${t.text}`);
  }
  return { pure: true, modules: [] };
};

/** The allowed module name for a require, '' for a JSON data file, undefined when not allowed. */
function moduleRoot(name: string, sets: PureSets): string | undefined {
  if (/^\.\.?\/[^]*\.json$/.test(name)) return '';
  return sets.modules.has(name) ? name : undefined;
}

/** Follow `.a.b` after a root; the index of the last covered part, or why not allowed. */
function pathStep(tokens: Token[], i: number, base: string[], sets: PureSets, needed: number): number | string {
  const parts = [...base];
  let j = i;
  while (isOp(tokens[j + 1], '.') && tokens[j + 2]?.kind === 'name') {
    parts.push(tokens[j + 2]?.text as string);
    j += 2;
  }
  const covered = allowedPrefix(parts, sets.paths);
  if (covered < needed) return `uses ${parts.slice(0, Math.max(needed, covered + 1)).join('.')}`;
  return i + 2 * (covered - base.length);
}

/** Record declarations: aliases of allowed modules, data from JSON requires, locals; a reason for member assignment. */
function bindNames(tokens: Token[], sets: PureSets, aliases: Map<string, string>, data: Set<string>, bound: Set<string>, skip: Set<number>): string | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const next = tokens[i + 1];
    if (t.kind === 'op' && /^([-+*/%&|^]|\*\*|<<|>>|>>>|&&|\|\||\?\?)?=$/.test(t.text) || isOp(t, '++') || isOp(t, '--')) {
      const target = t.text === '++' || t.text === '--' ? (tokens[i - 1]?.kind === 'name' ? tokens[i - 1] : next) : tokens[i - 1];
      const before = tokens[tokens.indexOf(target as Token) - 1];
      if (isOp(tokens[i - 1], ']') || isOp(before, '.') || isOp(before, '?.')) {
        if (t.text === '=' && isOp(tokens[i - 1], '}')) continue;
        return 'sets a member';
      }
      if (target?.kind === 'name') bound.add(target.text);
      continue;
    }
    if (t.kind === 'name' && (t.text === 'const' || t.text === 'let' || t.text === 'var')) {
      const why = declare(tokens, i + 1, sets, aliases, data, bound, skip);
      if (why) return why;
    } else if (isOp(t, '=>')) {
      const prev = tokens[i - 1];
      if (prev?.kind === 'name') bound.add(prev.text);
      else if (isOp(prev, ')')) for (let j = i - 2; j >= 0 && !isOp(tokens[j], '('); j--) if (tokens[j]?.kind === 'name') bound.add(tokens[j]?.text as string);
    } else if (t.kind === 'name' && (t.text === 'function' || t.text === 'catch')) {
      for (let j = i + 1; j < tokens.length && !isOp(tokens[j], ')'); j++) if (tokens[j]?.kind === 'name') bound.add(tokens[j]?.text as string);
    }
  }
  return undefined;
}

/** One declaration after const/let/var: `x = require('fs')`, `{ a, b: c } = require('fs')`, or locals. */
function declare(tokens: Token[], at: number, sets: PureSets, aliases: Map<string, string>, data: Set<string>, bound: Set<string>, skip: Set<number>): string | undefined {
  const first = tokens[at];
  const end = first && isOp(first, '{') ? closing(tokens, at) : at;
  const value = tokens[end + 2];
  const after = tokens[end + 3];
  const whole = value?.kind === 'module' && !isOp(after, '.') && !isOp(after, '(') && !isOp(after, '[') && isOp(tokens[end + 1], '=');
  const module = whole ? moduleRoot(value.text, sets) : undefined;
  if (whole && module === undefined) return `requires ${value.text}`;
  if (whole) for (let j = at; j <= end + 2; j++) skip.add(j);
  if (first?.kind === 'name') {
    if (!whole) bound.add(first.text);
    else if (module === '') data.add(first.text);
    else aliases.set(first.text, module as string);
    return undefined;
  }
  for (let j = at + 1; j < end; j++) {
    const key = tokens[j];
    if (key?.kind !== 'name') continue;
    const renamed = isOp(tokens[j + 1], ':') ? tokens[j + 2] : undefined;
    const local = renamed?.kind === 'name' ? renamed.text : key.text;
    if (renamed) j += 2;
    if (!whole) bound.add(local);
    else if (module === '') data.add(local);
    else {
      const path = `${module as string}.${key.text}`;
      if (allowedPrefix(path.split('.'), sets.paths) < 2) return `uses ${path}`;
      aliases.set(local, path);
    }
  }
  return undefined;
}
