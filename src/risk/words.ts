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
}

/** What evaluating a word may ask of the walker. */
export interface WordEnv {
  /** The value of a variable, or undefined when it is only known at run time. */
  lookup(name: string): string | undefined;
  /** Walk a `$(...)`, backtick or `<(...)`/`>(...)` node and say what it outputs. */
  substitute(node: SyntaxNode): Content;
}

/** A word made from plain text (for synthetic arguments). */
export function literalWord(text: string): Word {
  return { text, value: text, pattern: escapeGlob(text), glob: false, braces: false, code: text, outputs: [], processFile: undefined, expands: false };
}

/** A word whose value is only known at run time (arguments xargs appends, `{}` in find); `source` says where it comes from. */
export function runtimeWord(text: string, source?: Content): Word {
  const from: Content = source && source.kind !== 'none' ? source : { kind: 'generated', from: text };
  return { text, value: undefined, pattern: undefined, glob: false, braces: false, code: `$(${text})`, outputs: [from], processFile: undefined, expands: true };
}

interface Parts {
  value: string | undefined;
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
  };
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
      return expansion(node, env, outputs);
    case 'command_substitution':
    case 'process_substitution': {
      const out = env.substitute(node);
      outputs.push(out);
      const value = node.type === 'command_substitution' && out.kind === 'text' ? out.text.replace(/\n+$/, '') : undefined;
      return { value, pattern: value === undefined ? '' : escapeGlob(value), glob: false, braces: false, code: node.text, expands: true };
    }
    default: {
      // Anything else (arithmetic, arrays): walk inside for substitutions; the value is unknown.
      collectSubstitutions(node, env, outputs);
      return { value: undefined, pattern: '', glob: false, braces: false, code: node.text, expands: true };
    }
  }
}

function join(children: readonly (SyntaxNode | null)[], env: WordEnv, outputs: Content[], quoted: boolean): Parts {
  let value: string | undefined = '';
  let pattern = '';
  let glob = false;
  let braces = false;
  let code = '';
  let expands = false;
  for (const child of children) {
    if (!child) continue;
    const p = evaluateParts(child, env, outputs, quoted);
    value = value === undefined || p.value === undefined ? undefined : value + p.value;
    pattern += p.pattern;
    glob ||= p.glob;
    braces ||= p.braces;
    code += p.code;
    expands ||= p.expands;
  }
  // An unquoted concatenation of `{`, `a,b`, `}` words is a brace expansion.
  if (!quoted && value !== undefined && hasBraceExpansion(value)) braces = true;
  return { value, pattern, glob, braces, code, expands };
}

function expansion(node: SyntaxNode, env: WordEnv, outputs: Content[]): Parts {
  const named = node.namedChildren.filter((c): c is SyntaxNode => c !== null);
  const only = named.length === 1 ? named[0] : undefined;
  let value: string | undefined;
  if (only && (only.type === 'variable_name' || only.type === 'special_variable_name')) value = env.lookup(only.text);
  else collectSubstitutions(node, env, outputs);
  return { value, pattern: value === undefined ? '' : escapeGlob(value), glob: false, braces: false, code: node.text, expands: true };
}

function collectSubstitutions(node: SyntaxNode, env: WordEnv, outputs: Content[]): void {
  for (const child of node.namedChildren) {
    if (!child) continue;
    if (child.type === 'command_substitution' || child.type === 'process_substitution') outputs.push(env.substitute(child));
    else collectSubstitutions(child, env, outputs);
  }
}

function quotedText(value: string, code = value): Parts {
  return { value, pattern: escapeGlob(value), glob: false, braces: false, code, expands: false };
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
  return { value, pattern, glob, braces, code: value, expands: false };
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
