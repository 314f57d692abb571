// The parts of a command line for the preview to explain: every simple command (wherever it sits:
// pipelines, lists, subshells, substitutions, here-doc lines) with its program, flags and
// arguments unquoted, plus a further part for the command a wrapper (sudo, env, xargs...) runs.
// Offsets are UTF-16 code units (what web-tree-sitter reports), so they index the JS string.

import type { BashParser, SyntaxNode } from '../risk/parse/bash-parser.js';

/** One simple command in a line: its program word, its flag words, and its source text. */
export interface CommandPart {
  text: string;
  start: number;
  end: number;
  /** The program, unquoted; undefined when the name is dynamic (`$cmd`). */
  program: string | undefined;
  /** Argument words starting with '-' (not '-' alone; a bare '--' is the last), as written, unquoted. For a wrapper: only its own options. */
  flags: string[];
  /** Every argument word after the program, in order, unquoted (expansions kept as written). */
  args: string[];
  /** For a wrapper (sudo, env, xargs...): the program it runs, when that is a plain word. */
  wrapped?: string;
}

/** How a wrapper's own options are read, so the word it runs can be found. */
interface WrapperSpec {
  /** Options that take the next word as their value (`-u USER`); `--opt=value` needs no entry. */
  withValue: readonly string[];
  /** Leading positional words that belong to the wrapper (timeout's DURATION). */
  positionals?: number;
  /** `NAME=value` words before the program are the wrapper's (env). */
  assignments?: boolean;
  /** Options that mean nothing is run (`command -v`). */
  noRun?: readonly string[];
}

// Commands that run another command given as their arguments. `time` is bash's keyword, but
// tree-sitter-bash parses it as a plain command name, so it is listed here too.
const wrappers: Readonly<Record<string, WrapperSpec>> = {
  sudo: { withValue: ['-u', '-g', '-p', '-C', '-D', '-r', '-t', '-U', '-T', '-R', '-h', '--user', '--group', '--prompt', '--close-from', '--chdir', '--role', '--type', '--other-user', '--command-timeout', '--chroot', '--host'], noRun: ['-l', '-v', '-k', '-K', '-V', '-e', '--list', '--validate', '--edit'] },
  doas: { withValue: ['-u', '-C'], noRun: ['-C'] },
  env: { withValue: ['-u', '-C', '-S', '--unset', '--chdir', '--split-string'], assignments: true },
  nice: { withValue: ['-n', '--adjustment'] },
  nohup: { withValue: [] },
  time: { withValue: ['-f', '-o', '--format', '--output'] },
  timeout: { withValue: ['-s', '-k', '--signal', '--kill-after'], positionals: 1 },
  xargs: { withValue: ['-n', '-L', '-P', '-I', '-s', '-d', '-E', '-a', '--max-args', '--max-lines', '--max-procs', '--max-chars', '--delimiter', '--arg-file', '--process-slot-var'] },
  command: { withValue: [], noRun: ['-v', '-V'] },
  exec: { withValue: ['-a'] },
  stdbuf: { withValue: ['-i', '-o', '-e'] },
  ionice: { withValue: ['-c', '-n', '--class', '--classdata'], noRun: ['-p', '-P', '-u', '--pid', '--pgid', '--uid'] },
};

const redirectTypes: ReadonlySet<string> = new Set(['file_redirect', 'heredoc_redirect', 'herestring_redirect']);
const wordTypes: ReadonlySet<string> = new Set([
  'word', 'number', 'string', 'raw_string', 'ansi_c_string', 'translated_string', 'concatenation', 'simple_expansion',
  'expansion', 'command_substitution', 'process_substitution', 'arithmetic_expansion', 'brace_expression',
]);

/** A word with its unquoted value; `literal` when the value has no expansion. */
interface Word {
  value: string;
  literal: boolean;
  start: number;
  end: number;
}

/** Every simple command in `source`, in source order, including those inside pipelines, lists, subshells, and command substitutions. Pure given the parser; [] on an empty line. */
export function commandParts(parser: BashParser, source: string): CommandPart[] {
  if (source.trim() === '') return [];
  const parts = parser.withTree(source, (root) => collect(root, source));
  return parts.sort((a, b) => a.start - b.start || b.end - a.end);
}

function collect(root: SyntaxNode, source: string): CommandPart[] {
  const parts: CommandPart[] = [];
  const stack: SyntaxNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as SyntaxNode;
    if (node.type === 'command') parts.push(...fromCommand(node, source));
    else if (node.type === 'declaration_command' || node.type === 'unset_command') parts.push(...fromDeclaration(node, source));
    for (const child of node.namedChildren) if (child) stack.push(child);
  }
  return parts;
}

function fromCommand(node: SyntaxNode, source: string): CommandPart[] {
  let name: Word | undefined;
  const args: Word[] = [];
  for (const child of node.namedChildren) {
    if (!child) continue;
    if (child.type === 'command_name') name = unquote(child.namedChildren[0] ?? child, source);
    else if (name && wordTypes.has(child.type)) args.push(unquote(child, source));
  }
  if (!name) return [];
  return parts(name, args, node.startIndex, node.endIndex, source);
}

/** `export`/`local`/`declare`/`readonly`/`typeset`/`unset`: builtins the grammar gives their own node. */
function fromDeclaration(node: SyntaxNode, source: string): CommandPart[] {
  const keyword = node.children.find((c): c is SyntaxNode => c !== null && !c.isNamed);
  if (!keyword) return [];
  const args = node.namedChildren
    .filter((c): c is SyntaxNode => c !== null && !redirectTypes.has(c.type) && c.type !== 'comment')
    .map((c) => (wordTypes.has(c.type) ? unquote(c, source) : { value: c.text, literal: false, start: c.startIndex, end: c.endIndex }));
  const name: Word = { value: keyword.type, literal: true, start: keyword.startIndex, end: keyword.endIndex };
  return parts(name, args, node.startIndex, node.endIndex, source);
}

/** The part for one command, then (for a wrapper) the parts of what it runs. */
function parts(name: Word, args: Word[], start: number, end: number, source: string): CommandPart[] {
  const program = name.literal ? name.value : undefined;
  const spec = program === undefined ? undefined : wrappers[program];
  const part: CommandPart = { text: source.slice(start, end), start, end, program, flags: [], args: args.map((a) => a.value) };
  if (!spec) {
    part.flags = flagsOf(args);
    return [part];
  }
  const { flags, runs } = readWrapper(spec, args);
  part.flags = flags;
  if (runs === undefined) return [part];
  const inner = args[runs] as Word;
  if (inner.literal) part.wrapped = inner.value;
  const innerEnd = Math.max(...args.slice(runs).map((a) => a.end));
  return [part, ...parts(inner, args.slice(runs + 1), inner.start, innerEnd, source)];
}

function isFlag(value: string): boolean {
  return value.startsWith('-') && value !== '-';
}

function flagsOf(args: readonly Word[]): string[] {
  const flags: string[] = [];
  for (const arg of args) {
    if (!isFlag(arg.value)) continue;
    flags.push(arg.value);
    if (arg.value === '--') break;
  }
  return flags;
}

/** A wrapper's own options, and the index of the word it runs (undefined when it runs nothing). */
function readWrapper(spec: WrapperSpec, args: readonly Word[]): { flags: string[]; runs: number | undefined } {
  const flags: string[] = [];
  let positionals = spec.positionals ?? 0;
  let options = true;
  for (let i = 0; i < args.length; i++) {
    const value = (args[i] as Word).value;
    if (options && isFlag(value)) {
      flags.push(value);
      if (spec.noRun?.includes(value)) return { flags, runs: undefined };
      if (value === '--') options = false;
      else if (spec.withValue.includes(value)) i++;
      continue;
    }
    if (options && value === '-' && spec.assignments) continue; // `env -` is `env -i`
    if (options && spec.assignments && /^[A-Za-z_][A-Za-z0-9_]*=/.test(value)) continue;
    if (positionals > 0) {
      positionals--;
      continue;
    }
    return { flags, runs: i };
  }
  return { flags, runs: undefined };
}

/** The word after quote removal; expansions and substitutions stay as written. */
function unquote(node: SyntaxNode, source: string): Word {
  const word: Word = { value: '', literal: true, start: node.startIndex, end: node.endIndex };
  append(node, source, word);
  return word;
}

function append(node: SyntaxNode, source: string, word: Word): void {
  switch (node.type) {
    case 'word':
      word.value += node.text.replace(/\\(\n|.)/g, (_m, c: string) => (c === '\n' ? '' : c));
      return;
    case 'number':
    case 'string_content':
      word.value += node.type === 'number' ? node.text : node.text.replace(/\\([$`"\\\n])/g, (_m, c: string) => (c === '\n' ? '' : c));
      return;
    case 'raw_string':
      word.value += node.text.slice(1, -1);
      return;
    case 'ansi_c_string':
      word.value += node.text.slice(2, -1);
      word.literal &&= !node.text.includes('\\');
      return;
    case 'string':
    case 'translated_string':
    case 'concatenation': {
      // Text between named children (quotes aside) is literal: concatenations have no gaps, strings may.
      const open = node.type === 'string' ? 1 : node.type === 'translated_string' ? 2 : 0;
      const close = node.type === 'concatenation' ? 0 : 1;
      let at = node.startIndex + open;
      for (const child of node.namedChildren) {
        if (!child) continue;
        if (child.startIndex > at) word.value += source.slice(at, child.startIndex);
        append(child, source, word);
        at = Math.max(at, child.endIndex);
      }
      const end = node.endIndex - close;
      if (end > at) word.value += source.slice(at, end);
      return;
    }
    default:
      word.value += node.text;
      word.literal = false;
  }
}
