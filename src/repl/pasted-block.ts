// A submitted block of several lines (a paste) cut into the commands bash would read one after
// another, each with its route. Pure: the parser and the router's facts come in. A block that
// does not parse, or holds keys that are not text, is `parsed: false` and cut at its line ends
// only: then nothing of it runs without the user's choice (fail closed).

import type { BashParser } from '../risk/index.js';
import { route, type Route, type RouteFacts } from './router/index.js';

/** One command of a pasted block (one or more whole lines) and where the router sends it. */
export interface PastedCommand {
  text: string;
  route: Route;
}

/** A pasted block, cut into commands. */
export interface PastedBlock {
  /** The whole block as bash would read it, line ends as `\n`. */
  text: string;
  commands: PastedCommand[];
  /** Cut by the bash parser; false: cut at line ends only, because it did not parse. */
  parsed: boolean;
}

// Keys that edit rather than type (escape sequences, Ctrl keys, Delete): such a block is not text.
const editingKey = /[\x00-\x08\x0b-\x1f\x7f]/;

/** Whether typed-ahead keys edit (arrows, Ctrl-U...): then they are typing, not the rest of a paste. */
export function hasEditingKeys(keys: string): boolean {
  return editingKey.test(keys.replace(/\r\n?|\n|\t/g, ''));
}

/** The text of `line` and the keys typed after its Enter, as bash would read the lines; line ends as `\n`. */
export function joinTypedAhead(line: string, typedAhead: string): string {
  const text = typedAhead === '' ? line : `${line}\n${typedAhead}`;
  return text.replace(/\r\n?/g, '\n');
}

/** Whether `text` holds more than one line with something on it. */
export function isMultiLine(text: string): boolean {
  return text.split('\n').filter((l) => l.trim() !== '').length > 1;
}

/**
 * Cut `text` into the commands bash would read: each top-level statement with its whole lines,
 * so a heredoc, a quoted newline, a backslash continuation or an if/for/while block stays one
 * command, and two statements on one line stay together. Undefined when it does not parse.
 */
export function splitCommands(text: string, parser: BashParser): string[] | undefined {
  if (editingKey.test(text)) return undefined;
  const ranges = parser.withTree(text, (root) => {
    if (root.hasError) return undefined;
    return root.children.flatMap((c) => (c ? [{ start: c.startIndex, end: c.endIndex }] : []));
  });
  if (!ranges) return undefined;
  const lines: { start: number; end: number }[] = [];
  for (const r of ranges) {
    const start = text.lastIndexOf('\n', r.start - 1) + 1;
    const next = text.indexOf('\n', Math.max(r.end - 1, start));
    const end = next < 0 ? text.length : next;
    const last = lines.at(-1);
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else lines.push({ start, end });
  }
  return lines.map((l) => text.slice(l.start, l.end)).filter((t) => t.trim() !== '');
}

/** Cut `text` into commands and route each; without the parser, or when it does not parse, cut at line ends. */
export function cutPastedBlock(text: string, facts: RouteFacts): PastedBlock {
  const split = facts.parser ? splitCommands(text, facts.parser) : undefined;
  const pieces = split ?? text.split('\n').filter((l) => l.trim() !== '');
  return { text, parsed: split !== undefined, commands: pieces.map((t) => ({ text: t, route: route(t, facts).route })) };
}

/** The first word of each command, to ask bash what it is. */
export function firstWords(text: string): string[] {
  const words = text
    .split('\n')
    .map((l) => l.trimStart().split(/[\s;|&()<>]/, 1)[0] ?? '')
    .filter((w) => w !== '');
  return [...new Set(words)];
}
