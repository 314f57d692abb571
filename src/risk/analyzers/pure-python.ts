// Proving a python one-liner pure: a tokenizer and a check that every name, attribute, call and
// import is on the allow-list (literals, arithmetic, print, pure builtins, json/math/sys used as
// listed). getattr, eval, __import__, dunders, names bound to callables, strings built into
// identifiers: none of them is on the list, so none of them is pure.

import { pushMatch, allowedPrefix, closing, impure, isDunder, isOp, type PureReaderFn, type PureSets, type Token } from './pure-tokens.js';

const allowedKeywords = new Set(['for', 'in', 'if', 'else', 'elif', 'while', 'and', 'or', 'not', 'is', 'None', 'True', 'False', 'lambda', 'pass', 'break', 'continue']);
const keywords = new Set([...allowedKeywords, 'def', 'class', 'with', 'try', 'except', 'finally', 'raise', 'global', 'nonlocal', 'yield', 'return', 'async', 'await', 'del', 'assert', 'import', 'from', 'as']);
const ops = ['**=', '//=', '>>=', '<<=', '...', '**', '//', '==', '!=', '<=', '>=', '->', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', ':=', '<<', '>>'];
const openKeywords = new Set(['encoding', 'errors', 'newline']);

/** Tokens of python code, or why it cannot be read. */
function tokenizePython(code: string): Token[] | string {
  const out: Token[] = [];
  let depth = 0;
  let i = 0;
  while (i < code.length) {
    const c = code[i] as string;
    const rest = code.slice(i);
    if (c === '\\' && code[i + 1] === '\n') i += 2;
    else if (' \t\r\f'.includes(c)) i++;
    else if (c === '#') i = code.includes('\n', i) ? code.indexOf('\n', i) : code.length;
    else if (c === '\n' || c === ';') {
      if (depth === 0 || c === ';') out.push({ kind: 'end', text: c });
      i++;
    } else if (/^[rRbBuUfF]{0,2}['"]/.test(rest)) {
      const read = readString(code, i);
      if (typeof read === 'string') return read;
      out.push(...read.tokens);
      i = read.end;
    } else if (/^(\d|\.\d)/.test(rest)) i += pushMatch(out, 'num', /^\.?\d[\w.]*/.exec(rest));
    else if (/^[A-Za-z_]/.test(rest)) i += pushMatch(out, 'name', /^[A-Za-z_]\w*/.exec(rest));
    else {
      const op = ops.find((o) => rest.startsWith(o)) ?? ('()[]{},:.@=+-*/%<>&|^~'.includes(c) ? c : undefined);
      if (op === undefined) return `the character ${JSON.stringify(c)}`;
      if ('([{'.includes(op)) depth++;
      else if (')]}'.includes(op)) depth--;
      out.push({ kind: 'op', text: op });
      i += op.length;
    }
  }
  return out;
}


/** A string literal at `start`; an f-string becomes `(str + (expr) + …)` so its fields are checked as code. */
function readString(code: string, start: number): { tokens: Token[]; end: number } | string {
  const m = /^([rRbBuUfF]{0,2})('''|"""|'|")/.exec(code.slice(start)) as RegExpExecArray;
  const prefix = (m[1] ?? '').toLowerCase();
  const quote = m[2] as string;
  let i = start + m[0].length;
  let body = '';
  while (i < code.length && !code.startsWith(quote, i)) {
    if (code[i] === '\\') body += code[i++] ?? '';
    body += code[i++] ?? '';
  }
  if (i >= code.length) return 'an unterminated string';
  if (isDunder(body)) return 'a string naming a dunder';
  const end = i + quote.length;
  if (!prefix.includes('f')) return { tokens: [{ kind: 'str', text: body }], end };
  const fields = formatFields(body);
  if (typeof fields === 'string') return fields;
  const tokens: Token[] = [{ kind: 'op', text: '(' }, { kind: 'str', text: body }];
  for (const field of fields) {
    const inner = tokenizePython(field);
    if (typeof inner === 'string') return inner;
    tokens.push({ kind: 'op', text: '+' }, { kind: 'op', text: '(' }, ...inner.filter((t) => t.kind !== 'end'), { kind: 'op', text: ')' });
  }
  tokens.push({ kind: 'op', text: ')' });
  return { tokens, end };
}

/** The expressions in an f-string's `{…}` fields, without conversions and format specs. */
function formatFields(body: string): string[] | string {
  const fields: string[] = [];
  for (let i = 0; i < body.length; i++) {
    if (body.startsWith('{{', i) || body.startsWith('}}', i)) {
      i++;
      continue;
    }
    if (body[i] !== '{') continue;
    let depth = 0;
    let j = i;
    let cut = -1;
    for (; j < body.length; j++) {
      const ch = body[j] as string;
      if ('([{'.includes(ch)) depth++;
      else if (')]}'.includes(ch)) depth--;
      if (depth === 0) break;
      if (depth === 1 && cut < 0 && ((ch === '!' && body[j + 1] !== '=') || (ch === ':' && body[j + 1] !== '='))) cut = j;
    }
    if (j >= body.length) return 'an unterminated f-string field';
    if (cut >= 0 && /[{}]/.test(body.slice(cut, j))) return 'a nested f-string format field';
    fields.push(body.slice(i + 1, cut >= 0 ? cut : j));
    i = j;
  }
  return fields;
}

/** The python reader. */
export const readPython: PureReaderFn = (code, sets) => {
  const tokens = tokenizePython(code);
  if (typeof tokens === 'string') return impure(tokens);
  const statements = splitStatements(tokens);
  const aliases = new Map<string, string>();
  const modules: string[] = [];
  const body: Token[][] = [];
  for (const statement of statements) {
    const first = statement[0];
    if (first?.kind === 'name' && (first.text === 'import' || first.text === 'from')) {
      const why = readImport(statement, sets, aliases, modules);
      if (why) return impure(why);
    } else body.push(statement);
  }
  const bound = boundNames(body);
  if (typeof bound === 'string') return impure(bound);
  for (const name of [...bound, ...aliases.keys()]) if (sets.names.has(name) || (bound.has(name) && aliases.has(name)) || keywords.has(name)) return impure(`rebinds ${name}`);
  for (const statement of body) {
    const why = checkStatement(statement, sets, aliases, bound);
    if (why) return impure(why);
  }
  return { pure: true, modules };
};

function splitStatements(tokens: Token[]): Token[][] {
  const out: Token[][] = [[]];
  for (const t of tokens) {
    if (t.kind === 'end') out.push([]);
    else out[out.length - 1]?.push(t);
  }
  return out.filter((s) => s.length > 0);
}

/** `import a, b as c` / `from m import x as y`: record aliases; a reason when not allowed. */
function readImport(s: Token[], sets: PureSets, aliases: Map<string, string>, modules: string[]): string | undefined {
  const words = s.filter((t) => !isOp(t, '(') && !isOp(t, ')'));
  const dotted = (from: number): [string, number] => {
    let name = words[from]?.text ?? '';
    let i = from + 1;
    while (isOp(words[i], '.') && words[i + 1]?.kind === 'name') {
      name += `.${words[i + 1]?.text}`;
      i += 2;
    }
    return [name, i];
  };
  if (words[0]?.text === 'from') {
    const [module, at] = dotted(1);
    if (!sets.modules.has(module)) return `imports ${module}`;
    modules.push(module);
    if (words[at]?.text !== 'import') return 'an import nl-sh cannot read';
    for (let i = at + 1; i < words.length; i++) {
      const name = words[i];
      if (name?.kind !== 'name') return `imports ${name?.text ?? 'something'} from ${module}`;
      const alias = words[i + 1]?.text === 'as' ? words[(i += 2)]?.text : name.text;
      const path = `${module}.${name.text}`;
      if (allowedPrefix(path.split('.'), sets.paths) !== path.split('.').length || alias === undefined) return `uses ${path}`;
      aliases.set(alias, path);
      if (words[i + 1] !== undefined && !isOp(words[++i], ',')) return 'an import nl-sh cannot read';
    }
    return undefined;
  }
  for (let i = 1; i < words.length; ) {
    const [module, next] = dotted(i);
    if (!sets.modules.has(module) || !sets.modules.has(module.split('.')[0] ?? '')) return `imports ${module}`;
    modules.push(module);
    i = next;
    let alias = module.split('.')[0] ?? module;
    if (words[i]?.text === 'as') {
      alias = words[i + 1]?.text ?? '';
      i += 2;
      if (module.includes('.')) return `imports ${module}`;
    }
    aliases.set(alias, alias === module.split('.')[0] ? alias : module);
    if (words[i] !== undefined && !isOp(words[i++], ',')) return 'an import nl-sh cannot read';
  }
  return undefined;
}

/** Names the code binds (assignment targets, loop and lambda variables, walrus); a reason for attribute assignment. */
function boundNames(statements: Token[][]): Set<string> | string {
  const bound = new Set<string>();
  const isName = (t: Token | undefined): t is Token => t?.kind === 'name' && !keywords.has(t.text);
  for (const s of statements) {
    let depth = 0;
    let lastAssign = -1;
    for (const [i, t] of s.entries()) {
      if (t.kind === 'op' && '([{'.includes(t.text)) depth++;
      else if (t.kind === 'op' && ')]}'.includes(t.text)) depth--;
      else if (depth === 0 && t.kind === 'op' && (t.text === '=' || (t.text.endsWith('=') && t.text.length >= 2 && !['==', '!=', '<=', '>='].includes(t.text)))) lastAssign = i;
      if (isOp(t, ':=') && isName(s[i - 1])) bound.add(s[i - 1]?.text as string);
    }
    for (let i = 0; i < lastAssign; i++) {
      const t = s[i] as Token;
      if (isOp(t, '.')) return 'sets an attribute';
      if (isName(t) && !isOp(s[i - 1], '.')) bound.add(t.text);
    }
    for (let i = 0; i < s.length; i++) {
      const t = s[i] as Token;
      if (t.kind !== 'name' || (t.text !== 'for' && t.text !== 'lambda')) continue;
      const stop = t.text === 'for' ? 'in' : ':';
      for (let j = i + 1; j < s.length && s[j]?.text !== stop; j++) if (isName(s[j])) bound.add(s[j]?.text as string);
    }
  }
  return bound;
}

function checkStatement(s: Token[], sets: PureSets, aliases: Map<string, string>, bound: Set<string>): string | undefined {
  for (let i = 0; i < s.length; i++) {
    const t = s[i] as Token;
    const prev = s[i - 1];
    const next = s[i + 1];
    if (t.kind === 'op') {
      if (t.text === '@') return 'uses @';
      if (t.text === '(' && (isOp(prev, ')') || isOp(prev, ']'))) return 'calls the result of an expression';
      if (t.text !== '.') continue;
      if (next?.kind !== 'name') return 'an attribute nl-sh cannot read';
      if (isDunder(next.text)) return `uses .${next.text}`;
      if (isOp(s[i + 2], '(') && !sets.methods.has(next.text)) return `calls .${next.text}()`;
      i++;
      continue;
    }
    if (t.kind !== 'name') continue;
    if (isDunder(t.text)) return `uses ${t.text}`;
    if (keywords.has(t.text)) {
      if (!allowedKeywords.has(t.text)) return `uses ${t.text}`;
      continue;
    }
    if (isOp(next, '=')) continue;
    const alias = aliases.get(t.text);
    if (alias !== undefined) {
      const parts = alias.split('.');
      let j = i;
      while (isOp(s[j + 1], '.') && s[j + 2]?.kind === 'name') {
        parts.push(s[j + 2]?.text as string);
        j += 2;
      }
      const covered = allowedPrefix(parts, sets.paths);
      const own = alias.split('.').length;
      // A module must be used through an allowed member; a name imported from one already is one.
      const needed = sets.modules.has(alias) ? own + 1 : own;
      if (covered < needed) return `uses ${parts.slice(0, Math.max(needed, covered + 1)).join('.')}`;
      i += 2 * (covered - own);
      continue;
    }
    if (sets.names.has(t.text)) {
      if (t.text === 'open') {
        const why = checkOpen(s, i);
        if (why) return why;
      }
      continue;
    }
    if (bound.has(t.text)) {
      if (isOp(next, '(')) return `calls ${t.text}, a name bound in the code`;
      continue;
    }
    return `uses ${t.text}`;
  }
  return undefined;
}

/** `open(path)` or `open(path, 'r')` reads; any other mode or opener may write. */
function checkOpen(s: Token[], i: number): string | undefined {
  if (!isOp(s[i + 1], '(')) return 'uses open as a value';
  const end = closing(s, i + 1);
  const args: Token[][] = [[]];
  let depth = 0;
  for (let j = i + 2; j < end; j++) {
    const t = s[j] as Token;
    if (t.kind === 'op' && '([{'.includes(t.text)) depth++;
    else if (t.kind === 'op' && ')]}'.includes(t.text)) depth--;
    if (depth === 0 && isOp(t, ',')) args.push([]);
    else args[args.length - 1]?.push(t);
  }
  for (const [n, arg] of args.entries()) {
    const keyword = isOp(arg[1], '=') ? arg[0]?.text : undefined;
    if (keyword !== undefined && !openKeywords.has(keyword)) return `opens a file with ${keyword}=`;
    if (n === 1 && keyword === undefined && !(arg.length === 1 && arg[0]?.kind === 'str' && /^[rbt]*$/.test(arg[0].text))) return 'opens a file for writing (or with a mode nl-sh cannot read)';
    if (n > 1 && keyword === undefined) return 'opens a file with options nl-sh does not check';
  }
  return undefined;
}
