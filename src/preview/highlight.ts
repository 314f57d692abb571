// Syntax highlighting for the preview of a generated command: every character of the line gets a
// class from the bash syntax tree (shell keywords count as 'operator'), then the spans are drawn
// with SGR colours. Node offsets from web-tree-sitter are UTF-16 code units, as JS strings index.
// Rendering never lets a control character of the source reach the terminal raw.

import type { BashParser, SyntaxNode } from '../risk/parse/bash-parser.js';

/** What a stretch of a command is, for colouring. */
export type TokenClass = 'program' | 'builtin' | 'flag' | 'string' | 'variable' | 'substitution' | 'operator' | 'redirect' | 'comment' | 'number' | 'assignment' | 'plain';

/** One stretch of the source with its class; spans cover the whole source in order, without gaps or overlaps. */
export interface Span {
  start: number;
  end: number;
  cls: TokenClass;
}

const builtins: ReadonlySet<string> = new Set([
  '.', ':', '[', 'alias', 'bg', 'bind', 'break', 'builtin', 'caller', 'cd', 'command', 'compgen', 'complete', 'compopt',
  'continue', 'declare', 'dirs', 'disown', 'echo', 'enable', 'eval', 'exec', 'exit', 'export', 'false', 'fc', 'fg', 'getopts',
  'hash', 'help', 'history', 'jobs', 'kill', 'let', 'local', 'logout', 'mapfile', 'popd', 'printf', 'pushd', 'pwd', 'read',
  'readarray', 'readonly', 'return', 'set', 'shift', 'shopt', 'source', 'suspend', 'test', 'times', 'trap', 'true', 'type',
  'typeset', 'ulimit', 'umask', 'unalias', 'unset', 'wait',
]);

// Anonymous tokens that are control operators or reserved words (both drawn as 'operator').
const operators: ReadonlySet<string> = new Set([
  '|', '|&', '&&', '||', ';', ';;', ';&', ';;&', '&', '!', '(', ')', '{', '}', '[', ']', '[[', ']]', '((', '))',
  'if', 'then', 'else', 'elif', 'fi', 'for', 'in', 'do', 'done', 'while', 'until', 'case', 'esac', 'select', 'function',
]);

// Statements reset the colour to plain (so a command inside `$(...)` or a string is drawn afresh).
const statements: ReadonlySet<string> = new Set([
  'command', 'redirected_statement', 'pipeline', 'list', 'subshell', 'compound_statement', 'function_definition',
  'if_statement', 'while_statement', 'for_statement', 'c_style_for_statement', 'case_statement', 'negated_command',
  'declaration_command', 'unset_command',
]);

const redirects: ReadonlySet<string> = new Set(['file_redirect', 'heredoc_redirect', 'herestring_redirect']);
const quoted: ReadonlySet<string> = new Set(['string', 'raw_string', 'ansi_c_string', 'translated_string', 'heredoc_body']);
const substitutions: ReadonlySet<string> = new Set(['command_substitution', 'process_substitution', 'arithmetic_expansion']);
const argumentHolders: ReadonlySet<string> = new Set(['command', 'declaration_command', 'unset_command']);

/** Classify every character of `source` (pure given the parser). Never throws: on a parse error the erroneous region is 'plain'. */
export function highlightSpans(parser: BashParser, source: string): Span[] {
  if (source.length === 0) return [];
  const classes: TokenClass[] = new Array<TokenClass>(source.length).fill('plain');
  try {
    parser.withTree(source, (root) => visit(root, classes));
  } catch {
    classes.fill('plain');
  }
  return toSpans(classes);
}

function paint(classes: TokenClass[], node: SyntaxNode, cls: TokenClass): void {
  classes.fill(cls, Math.max(0, node.startIndex), Math.min(classes.length, node.endIndex));
}

function visit(node: SyntaxNode, classes: TokenClass[]): void {
  const type = node.type;
  if (type === 'ERROR') {
    paint(classes, node, 'plain');
    return;
  }
  if (statements.has(type)) paint(classes, node, 'plain');
  else if (type === 'comment') paint(classes, node, 'comment');
  else if (quoted.has(type)) paint(classes, node, 'string');
  else if (type === 'simple_expansion' || type === 'expansion') paint(classes, node, 'variable');
  else if (substitutions.has(type)) paint(classes, node, 'substitution');
  else if (type === 'number') paint(classes, node, 'number');
  else if (type === 'test_operator') paint(classes, node, 'flag');
  else if (type === 'file_descriptor' || type === 'heredoc_start' || type === 'heredoc_end') paint(classes, node, 'redirect');
  else if (type === 'command_name') {
    paint(classes, node, builtins.has(node.text) ? 'builtin' : 'program');
    visitName(node, classes);
    return;
  }
  if (type === 'variable_assignment') {
    const name = node.childForFieldName('name');
    if (name) paint(classes, name, 'assignment');
  }
  let endOfOptions = false;
  const dupRedirect = type === 'file_redirect' && node.children.some((c) => c !== null && !c.isNamed && /&$/.test(c.type));
  for (const child of node.children) {
    if (!child) continue;
    if (!child.isNamed) {
      const cls = tokenClass(child.type, type);
      if (cls) paint(classes, child, cls);
      continue;
    }
    if (argumentHolders.has(type) && !endOfOptions && (child.type === 'word' || child.type === 'concatenation')) {
      endOfOptions = child.text === '--';
      const head = child.type === 'word' ? child : child.namedChildren[0];
      if (head?.type === 'word' && /^-./.test(head.text)) paint(classes, head, 'flag');
    }
    if (dupRedirect && (child.type === 'number' || child.type === 'word')) {
      paint(classes, child, 'redirect'); // the `1` of `2>&1`, the `-` of `>&-`
      continue;
    }
    visit(child, classes);
  }
}

/** Inside a command name only expansions and substitutions change the colour. */
function visitName(node: SyntaxNode, classes: TokenClass[]): void {
  for (const child of node.namedChildren) {
    if (!child) continue;
    if (child.type === 'simple_expansion' || child.type === 'expansion' || substitutions.has(child.type) || child.type === 'ERROR') visit(child, classes);
    else visitName(child, classes);
  }
}

function tokenClass(token: string, parent: string): TokenClass | undefined {
  if (redirects.has(parent)) return 'redirect';
  if (substitutions.has(parent)) return 'substitution';
  if (parent === 'simple_expansion' || parent === 'expansion') return 'variable';
  if (parent === 'variable_assignment') return 'assignment';
  if (parent === 'declaration_command' || parent === 'unset_command') return 'builtin';
  if (quoted.has(parent)) return undefined;
  return operators.has(token) ? 'operator' : undefined;
}

function toSpans(classes: readonly TokenClass[]): Span[] {
  const spans: Span[] = [];
  for (let i = 0; i < classes.length; i++) {
    const cls = classes[i] as TokenClass;
    const last = spans[spans.length - 1];
    if (last && last.cls === cls) last.end = i + 1;
    else spans.push({ start: i, end: i + 1, cls });
  }
  return spans;
}

const sgr: Readonly<Partial<Record<TokenClass, string>>> = {
  program: '1',
  builtin: '1',
  flag: '36',
  string: '32',
  variable: '35',
  substitution: '35',
  operator: '33',
  redirect: '33',
  comment: '2',
};

/** Render spans as text with SGR colours (`color` false: the source unchanged). Bold for program, cyan flag, green string, magenta variable/substitution, yellow operator/redirect, dim comment. Each coloured span is wrapped as ESC[..m text ESC[0m. */
export function renderHighlighted(source: string, spans: readonly Span[], color: boolean): string {
  if (!color) return visible(source);
  let out = '';
  let at = 0;
  for (const span of spans) {
    const start = Math.max(span.start, at);
    const end = Math.min(span.end, source.length);
    if (end <= start) continue;
    if (start > at) out += visible(source.slice(at, start));
    const text = visible(source.slice(start, end));
    const code = sgr[span.cls];
    out += code ? `\x1b[${code}m${text}\x1b[0m` : text;
    at = end;
  }
  return out + visible(source.slice(at));
}

/** Control characters in caret notation (`^[` for ESC, `^?` for DEL) and C1 controls as U+FFFD; tab and newline stay. */
function visible(text: string): string {
  return text.replace(/[\x00-\x08\x0b-\x1f\x7f\x80-\x9f]/g, (c) => {
    const code = c.charCodeAt(0);
    if (code === 0x7f) return '^?';
    if (code < 0x20) return `^${String.fromCharCode(code + 0x40)}`;
    return '\ufffd';
  });
}
