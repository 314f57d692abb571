// Evidence that a line is written in bash's syntax rather than in prose: options, pipes and
// lists between commands, redirections, expansions, substitutions, escapes, globs, braces,
// paths, `key=value` words and argument-shaped tokens (`file.txt`, `host:port`, `my-app`).

import type { Evidence } from './evidence.js';
import type { LexWord } from './lex-line.js';
import type { CommandSegment, LineShape } from './line-shape.js';

const FLAG = /^--?[A-Za-z0-9][\w.=,:/@%+-]*$/;
const PATH = /^(~|\.{1,2}\/|\/[\w.-])/;
const KEY_VALUE = /^[A-Za-z_][\w.-]*=\S/;
const NUMBERISH = /^\d+(\.\d+)?[A-Za-z%]{0,3}$/;

/** Options, paths and argument-shaped words of one command's arguments. */
function weighArguments(args: readonly LexWord[], evidence: Evidence[]): void {
  let flags = 0;
  let firstFlag = '';
  let paths = 0;
  let shaped = 0;
  let firstShaped = '';
  let expansions = 0;
  let substitution = false;
  let escape = false;
  let glob = false;
  let quoted = false;
  let keyValue = '';
  let braces = false;
  let symbol = '';
  for (const word of args) {
    const text = word.text;
    if (word.substitutes) substitution = true;
    else if (word.expands) expansions += word.wholeQuoted ? 0.4 : 1;
    if (word.escaped) escape = true;
    if (word.quoted) quoted = true;
    if (word.wholeQuoted) continue;
    if (/^[.%@+=:{}~^-]+$/.test(text)) {
      symbol ||= text;
      continue;
    }
    if (FLAG.test(text)) {
      flags++;
      firstFlag ||= text;
      continue;
    }
    if (word.glob && /[*?]/.test(text)) glob = true;
    if (/\{[^}]*[,.][^}]*\}|^\{\}$/.test(text)) braces = true;
    if (PATH.test(text)) {
      paths++;
      continue;
    }
    if (!keyValue && KEY_VALUE.test(text)) {
      keyValue = text;
      continue;
    }
    if (isArgumentShaped(text)) {
      shaped++;
      firstShaped ||= text;
    }
  }
  if (flags > 0) evidence.push({ weight: Math.min(5, 2.5 + 0.5 * flags), note: `option \`${firstFlag}\`` });
  if (substitution) evidence.push({ weight: 3, note: 'a command substitution' });
  if (expansions > 0) evidence.push({ weight: Math.min(3, 1.5 * expansions), note: 'variable expansions' });
  if (escape) evidence.push({ weight: 2.5, note: 'backslash escapes' });
  if (keyValue) evidence.push({ weight: 1.5, note: `the setting \`${keyValue}\`` });
  if (braces) evidence.push({ weight: 1.5, note: 'brace syntax' });
  if (paths > 0) evidence.push({ weight: Math.min(2.5, 0.5 + 0.75 * paths), note: 'paths' });
  if (symbol) evidence.push({ weight: 1.5, note: `the bare \`${symbol}\`` });
  if (glob) evidence.push({ weight: 1, note: 'a glob' });
  if (quoted) evidence.push({ weight: 0.5, note: 'quoted arguments' });
  if (shaped > 0) evidence.push({ weight: Math.min(2.5, shaped), note: `argument-shaped \`${firstShaped}\`` });
}

/** Words a person writes only as an argument: `file.txt`, `host:8080`, `user@host`, `my_app`, `v2`. */
function isArgumentShaped(text: string): boolean {
  const core = text.replace(/[,;]$/, '');
  if (/^\d+$/.test(core)) return false;
  if (/^[A-Za-z]+[.!?]$/.test(core)) return false;
  return /[A-Za-z0-9]\.[A-Za-z0-9]|[:@%=+_#]|[a-z][0-9]|[0-9][a-z]|^[a-z0-9]+(-[a-z0-9]+){2,}$|^[a-z]+[A-Z]/.test(core);
}

/** How each joined command starts: a known command or a program-shaped word, not prose. */
function weighJoiners(shape: LineShape, looksLikeCommand: (segment: CommandSegment) => boolean, evidence: Evidence[]): void {
  let chained = 0;
  let firstJoiner = '';
  for (const segment of shape.segments.slice(1)) {
    const j = segment.joiner;
    if ((j === '|' || j === '|&' || j === '&&' || j === '||' || j === ';') && looksLikeCommand(segment)) {
      chained++;
      firstJoiner ||= j;
    }
  }
  if (chained > 0) {
    const weight = Math.min(6, (firstJoiner === ';' ? 2 : 3.5) + 1.5 * (chained - 1));
    evidence.push({ weight, note: `commands joined with \`${firstJoiner}\`` });
  }
  if (shape.trailingJoiner && shape.trailingJoiner !== ';') {
    evidence.push({ weight: 3, note: `ends with \`${shape.trailingJoiner}\`, so bash reads on` });
  }
  if (shape.joiners[0] === '(' && shape.lexed.tokens[0]?.kind === 'op') {
    evidence.push({ weight: 2, note: 'starts a subshell' });
  }
}

/** Redirections: strong when the target is a file or a descriptor, none for `> 10MB`. */
function weighRedirects(shape: LineShape, evidence: Evidence[]): void {
  let best = 0;
  let note = '';
  for (const segment of shape.segments) {
    for (const { op, target } of segment.redirects) {
      let weight: number;
      if (op.startsWith('<<')) weight = 4;
      else if (!target) weight = 1;
      else if (/[&\d]/.test(op) || /^(&|\/dev\/)/.test(target.text)) weight = 4;
      else if (NUMBERISH.test(target.text)) weight = 0;
      else if (/[./$~]/.test(target.text) || target.quoted) weight = 3;
      else weight = 2;
      if (weight > best) {
        best = weight;
        note = `the redirection \`${op}${target ? ` ${target.text}` : ''}\``;
      }
    }
  }
  if (best > 0) evidence.push({ weight: best, note });
}

/** Shell-syntax evidence for a line, its command segments' arguments included. */
export function weighShellSyntax(shape: LineShape, looksLikeCommand: (segment: CommandSegment) => boolean): Evidence[] {
  const evidence: Evidence[] = [];
  const args: LexWord[] = [];
  for (const segment of shape.segments) {
    args.push(...segment.words.slice(segment.lead < 0 ? segment.words.length : segment.lead + 1));
  }
  weighArguments(args, evidence);
  weighJoiners(shape, looksLikeCommand, evidence);
  weighRedirects(shape, evidence);
  if (shape.lexed.trailingBackslash) evidence.push({ weight: 3, note: 'a trailing backslash continues the line' });
  return evidence;
}
