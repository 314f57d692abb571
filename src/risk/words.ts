// Shell words as nl-sh sees them before anything runs: the literal value after quote removal
// when it is knowable, the glob pattern it would expand, and the code text to re-parse when
// the word is handed to another shell. Expansions that cannot be known make the value unknown.

import type { SyntaxNode } from './parse/bash-parser.js';
import type { Content } from './content.js';
import { hasBraceExpansion } from './braces.js';

export { expandBraces } from './braces.js';

/** One argument word of a command. */
export interface Word {
  /** The source text. */
  text: string;
  /** The value after quote removal and known expansions; undefined when only known at run time. */
  value: string | undefined;
  /** The value as a pathname pattern (quoted glob characters escaped), when `value` is known. */
  pattern: string | undefined;
  /** Unquoted glob characters are present. */
  glob: boolean;
  /** Unquoted braces that bash would expand (`{a,b}`, `{1..3}`). */
  braces: boolean;
  /** Text to re-parse when the word is code for another shell: quotes removed, expansions kept as written. */
  code: string;
  /** What the command and process substitutions inside produced, in order. */
  outputs: Content[];
  /** When the whole word is `<(...)`: what the substitution's file would contain. */
  processFile: Content | undefined;
  /** The word contains an expansion (`$X`, `$(...)`, `${X}`), known or not. */
  expands: boolean;
  /**
   * The words bash makes of this one after word splitting (unquoted expansions split on IFS; a
   * word that was only an empty unquoted expansion disappears). Undefined when the value or IFS
   * is only known at run time.
   */
  fields: string[] | undefined;
}

/** What evaluating a word may ask of the walker. */
export interface WordEnv {
  /** The value of a variable, or undefined when it is only known at run time. */
  lookup(name: string): string | undefined;
  /** Walk a `$(...)`, backtick or `<(...)`/`>(...)` node and say what it outputs. */
  substitute(node: SyntaxNode): Content;
  /** The elements of an array (`a=(x y)`, `set -- x y` for `@`), or undefined when not known. */
  lookupArray?(name: string): string[] | undefined;
  /** `${!name}`: the value of the variable `name` names (bash evaluates a subscript in it). */
  indirect?(name: string): string | undefined;
  /** `${name@P}`: the value is expanded like a prompt. */
  prompt?(name: string): void;
  /** Arithmetic text written in the line (`$((...))`, a subscript, an offset). */
  arithmetic?(text: string): void;
  /** Text inside an expansion the grammar left unparsed (`${x#$(cmd)}`, `${x:+\`cmd\`}`): bash expands it. */
  unparsed?(text: string): void;
}

/** A word made from plain text (for synthetic arguments). */
export function literalWord(text: string): Word {
  return { text, value: text, pattern: escapeGlob(text), glob: false, braces: false, code: text, outputs: [], processFile: undefined, expands: false, fields: [text] };
}

/** A word whose value is only known at run time (arguments xargs appends, `{}` in find); `source` says where it comes from. */
export function runtimeWord(text: string, source?: Content): Word {
  const from: Content = source && source.kind !== 'none' ? source : { kind: 'generated', from: text };
  return { text, value: undefined, pattern: undefined, glob: false, braces: false, code: `$(${text})`, outputs: [from], processFile: undefined, expands: true, fields: undefined };
}

/** A piece of a word's value: `split` when it came from an unquoted expansion; `boundary` ends a word (between `"${a[@]}"` elements). */
interface Segment {
  text: string;
  split: boolean;
  boundary?: boolean;
}

interface Parts {
  value: string | undefined;
  /** The value in pieces, when known. */
  segments: Segment[] | undefined;
  pattern: string;
  glob: boolean;
  braces: boolean;
  code: string;
  expands: boolean;
}

/** Evaluate a word-like node (word, string, raw_string, concatenation, expansion...). */
export function evaluateWord(node: SyntaxNode, env: WordEnv): Word {
  const outputs: Content[] = [];
  const parts = evaluateParts(node, env, outputs, false);
  let processFile: Content | undefined;
  if (node.type === 'process_substitution') processFile = outputs[outputs.length - 1];
  return {
    text: node.text,
    value: parts.value,
    pattern: parts.value === undefined ? undefined : parts.pattern,
    glob: parts.glob,
    braces: parts.braces,
    code: parts.code,
    outputs,
    processFile,
    expands: parts.expands,
    fields: parts.segments === undefined ? undefined : splitFields(parts.segments, env.lookup('IFS')),
  };
}

/** The words word splitting makes (bash's rules for IFS whitespace and other IFS characters). */
function splitFields(segments: readonly Segment[], ifs: string | undefined): string[] | undefined {
  if (!segments.some((s) => s.split || s.boundary)) return [segments.map((s) => s.text).join('')];
  if (ifs === undefined) return undefined;
  const white = [...ifs].filter((c) => c === ' ' || c === '\t' || c === '\n').join('');
  const other = [...ifs].filter((c) => !white.includes(c)).join('');
  const fields: string[] = [];
  let current = '';
  let started = false;
  let pendingWhite = false;
  for (const segment of segments) {
    if (segment.boundary) {
      fields.push(current);
      current = '';
      started = true;
      pendingWhite = false;
      continue;
    }
    if (!segment.split || ifs === '') {
      if (pendingWhite && started) {
        fields.push(current);
        current = '';
      }
      pendingWhite = false;
      current += segment.text;
      started = true;
      continue;
    }
    for (const c of segment.text) {
      if (white.includes(c)) {
        pendingWhite = started;
      } else if (other.includes(c)) {
        fields.push(current);
        current = '';
        started = false;
        pendingWhite = false;
      } else {
        if (pendingWhite) {
          fields.push(current);
          current = '';
        }
        pendingWhite = false;
        current += c;
        started = true;
      }
    }
  }
  if (started) fields.push(current);
  return fields;
}

function evaluateParts(node: SyntaxNode, env: WordEnv, outputs: Content[], quoted: boolean): Parts {
  switch (node.type) {
    case 'word':
    case 'number':
    case 'extglob_pattern':
    case 'variable_name':
    case 'test_operator':
    case 'regex':
      return quoted ? quotedText(node.text) : unquotedWord(node.text);
    case 'raw_string':
      return quotedText(node.text.slice(1, -1));
    case 'brace_expression':
      // `{1..3}`: the grammar's own node for a sequence; expanded (within bounds) with the command's words.
      return quoted ? quotedText(node.text) : { ...unquotedWord(node.text), braces: true };
    case 'ansi_c_string':
      return quotedText(decodeAnsiC(node.text.slice(2, -1)));
    case 'string_content':
      return quotedText(unescapeDoubleQuoted(node.text));
    case 'string':
    case 'translated_string':
      return join(node.namedChildren, env, outputs, true);
    case 'concatenation':
      return join(node.namedChildren, env, outputs, quoted);
    case 'simple_expansion':
    case 'expansion':
      return expansion(node, env, outputs, quoted);
    case 'command_substitution':
    case 'process_substitution': {
      const out = env.substitute(node);
      outputs.push(out);
      const value = node.type === 'command_substitution' && out.kind === 'text' ? out.text.replace(/\n+$/, '') : undefined;
      return expanded(value, quoted, node.text);
    }
    default: {
      // Anything else (arithmetic, arrays): walk inside for substitutions; the value is unknown.
      if (node.type === 'arithmetic_expansion') env.arithmetic?.(node.text.replace(/^\$\(\(|\)\)$/g, ''));
      collectSubstitutions(node, env, outputs);
      return expanded(undefined, quoted, node.text);
    }
  }
}

function join(children: readonly (SyntaxNode | null)[], env: WordEnv, outputs: Content[], quoted: boolean): Parts {
  let value: string | undefined = '';
  let segments: Segment[] | undefined = [];
  let pattern = '';
  let glob = false;
  let braces = false;
  let code = '';
  let expands = false;
  for (const child of children) {
    if (!child) continue;
    const p = evaluateParts(child, env, outputs, quoted);
    value = value === undefined || p.value === undefined ? undefined : value + p.value;
    if (segments !== undefined && p.segments !== undefined) for (const segment of p.segments) segments.push(segment);
    else segments = undefined;
    pattern += p.pattern;
    glob ||= p.glob;
    braces ||= p.braces;
    code += p.code;
    expands ||= p.expands;
  }
  // An unquoted concatenation of `{`, `a,b`, `}` words is a brace expansion.
  if (!quoted && value !== undefined && hasBraceExpansion(value)) braces = true;
  return { value, segments, pattern, glob, braces, code, expands };
}

/** The parts of an expansion's result: unquoted, it is split into words and its glob characters match files. */
function expanded(value: string | undefined, quoted: boolean, code: string): Parts {
  if (value === undefined) return { value, segments: undefined, pattern: '', glob: false, braces: false, code, expands: true };
  const glob = !quoted && /[*?[]/.test(value);
  return { value, segments: [{ text: value, split: !quoted }], pattern: glob ? value : escapeGlob(value), glob, braces: false, code, expands: true };
}

function expansion(node: SyntaxNode, env: WordEnv, outputs: Content[], quoted: boolean): Parts {
  collectSubstitutions(node, env, outputs);
  const elements = arrayElements(node, env);
  if (elements === undefined) return expanded(expansionValue(node, env), quoted, node.text);
  if (elements.kind === 'unknown') return expanded(undefined, quoted, node.text);
  const value = elements.items.join(' ');
  if (!quoted || elements.joined) return expanded(value, quoted, node.text);
  // `"${a[@]}"` and `"$@"`: one word per element.
  const segments = elements.items.flatMap((text, i) => (i === 0 ? [{ text, split: false }] : [{ text: '', split: false, boundary: true }, { text, split: false }]));
  return { value, segments, pattern: escapeGlob(value), glob: false, braces: false, code: node.text, expands: true };
}

/** `${a[@]}`, `${a[*]}`, `$@`, `$*`: the elements (`joined` for `*`), unknown elements, or undefined when not an array expansion. */
function arrayElements(node: SyntaxNode, env: WordEnv): { kind: 'known'; items: string[]; joined: boolean } | { kind: 'unknown' } | undefined {
  let name: string | undefined;
  let star = false;
  const inner = node.namedChildren.filter((c): c is SyntaxNode => c !== null);
  if (node.type === 'simple_expansion' && inner[0]?.type === 'special_variable_name' && (inner[0].text === '@' || inner[0].text === '*')) {
    name = '@';
    star = inner[0].text === '*';
  } else if (node.type === 'expansion' && node.children.length === 3 && inner[0]?.type === 'subscript') {
    const index = inner[0].namedChildren[1]?.text;
    if (index === '@' || index === '*') {
      name = inner[0].namedChildren[0]?.text;
      star = index === '*';
    }
  }
  if (name === undefined) return undefined;
  const items = env.lookupArray?.(name);
  return items === undefined ? { kind: 'unknown' } : { kind: 'known', items, joined: star };
}

const caseChanges: Readonly<Record<string, (v: string) => string>> = {
  ',,': (v) => v.toLowerCase(),
  '^^': (v) => v.toUpperCase(),
  ',': (v) => v.slice(0, 1).toLowerCase() + v.slice(1),
  '^': (v) => v.slice(0, 1).toUpperCase() + v.slice(1),
};

/** What `$x` / `${...}` yields when nl-sh can tell; every operator it does not model gives undefined. */
function expansionValue(node: SyntaxNode, env: WordEnv): string | undefined {
  const isName = (n: SyntaxNode | undefined): n is SyntaxNode => n !== undefined && (n.type === 'variable_name' || n.type === 'special_variable_name');
  if (node.type === 'simple_expansion') {
    const only = node.namedChildren[0] ?? undefined;
    return isName(only) ? env.lookup(only.text) : undefined;
  }
  const tokens = node.children.filter((c): c is SyntaxNode => c !== null).slice(1, -1);
  for (const t of tokens) {
    // A subscript is arithmetic (`${a[i]}`), unless it is `@` or `*`.
    const index = t.type === 'subscript' ? t.namedChildren[1] : undefined;
    if (index && index.text !== '@' && index.text !== '*') env.arithmetic?.(index.text);
  }
  const [first, second, third] = tokens;
  if (tokens.length === 1 && isName(first)) return env.lookup(first.text);
  if (tokens.length === 2 && first?.type === '!' && isName(second)) return env.indirect?.(second.text);
  if (tokens.length === 2 && first?.type === '#' && isName(second)) return env.lookup(second.text)?.length.toString();
  if (!isName(first) || second === undefined) return undefined;
  const change = tokens.length === 2 ? caseChanges[second.type] : undefined;
  if (change) {
    const value = env.lookup(first.text);
    return value === undefined ? undefined : change(value);
  }
  if (second.type === '@' && third?.text === 'P') env.prompt?.(first.text);
  // `${x:offset:length}`: both are arithmetic.
  if (second.type === ':') env.arithmetic?.(tokens.slice(2).filter((t) => t.type !== ':').map((t) => t.text).join(' , '));
  return undefined;
}

function collectSubstitutions(node: SyntaxNode, env: WordEnv, outputs: Content[]): void {
  for (const child of node.namedChildren) {
    if (!child) continue;
    if (child.type === 'command_substitution' || child.type === 'process_substitution') outputs.push(env.substitute(child));
    else if (child.namedChildren.length === 0 && child.type !== 'raw_string' && /\$\(|`/.test(child.text)) env.unparsed?.(child.text);
    else collectSubstitutions(child, env, outputs);
  }
}

function quotedText(value: string, code = value): Parts {
  return { value, segments: [{ text: value, split: false }], pattern: escapeGlob(value), glob: false, braces: false, code, expands: false };
}

function unquotedWord(text: string): Parts {
  let value = '';
  let pattern = '';
  let glob = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '\\') {
      const next = text[i + 1];
      i++;
      if (next === undefined || next === '\n') continue;
      value += next;
      pattern += escapeGlob(next);
      continue;
    }
    if (c === '*' || c === '?' || c === '[') glob = true;
    value += c;
    pattern += c;
  }
  const braces = hasBraceExpansion(value);
  return { value, segments: [{ text: value, split: false }], pattern, glob, braces, code: value, expands: false };
}

/** Escape glob characters so a literal matches only itself. */
export function escapeGlob(text: string): string {
  return text.replace(/[*?[\\]/g, '\\$&');
}

function unescapeDoubleQuoted(text: string): string {
  return text.replace(/\\([$`"\\\n])/g, (_m, c: string) => (c === '\n' ? '' : c));
}

/** Decode the body of a `$'...'` string. */
export function decodeAnsiC(body: string): string {
  const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"', '?': '?' };
  return body.replace(/\\(x[0-9a-fA-F]{1,2}|u[0-9a-fA-F]{1,4}|U[0-9a-fA-F]{1,8}|[0-7]{1,3}|c.|.)/g, (m, esc: string) => {
    const head = esc[0] as string;
    if (head === 'x' || head === 'u' || head === 'U') return String.fromCodePoint(parseInt(esc.slice(1), 16));
    if (/^[0-7]/.test(esc)) return String.fromCharCode(parseInt(esc, 8) & 0xff);
    if (head === 'c') return String.fromCharCode((esc.charCodeAt(1) & 0x1f) >>> 0);
    return simple[esc] ?? m;
  });
}
