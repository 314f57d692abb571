// The command structure of a lexed line: simple commands joined by control operators, each
// with its command word found past assignments, wrappers (`sudo`, `env`, `nohup`...) and
// reserved words, and with its redirections set apart from its arguments.

import { lexLine, type LexedLine, type LexWord } from './lex-line.js';

/** One simple command of the line. */
export interface CommandSegment {
  /** The operator before this command ('' for the first). */
  readonly joiner: string;
  /** Its words, redirection targets excluded. */
  readonly words: readonly LexWord[];
  /** Index in `words` of the command word, or -1 when there is none. */
  readonly lead: number;
  /** Leading `NAME=value` words. */
  readonly assignments: number;
  /** Wrappers skipped before the command word (`sudo`, `env`, `nohup`, `time`...). */
  readonly wrappers: readonly string[];
  /** Reserved words skipped before the command word (`do`, `then`, `!`...). */
  readonly reserved: readonly string[];
  /** Its redirections, with their targets. */
  readonly redirects: readonly { op: string; target: LexWord | undefined }[];
}

/** The structure of one line. */
export interface LineShape {
  readonly lexed: LexedLine;
  readonly segments: readonly CommandSegment[];
  /** Control operators in order (`|`, `&&`, `;`...). */
  readonly joiners: readonly string[];
  /** The control operator the line ends with ('' if none): bash would read more. */
  readonly trailingJoiner: string;
  /** Starts a here-document (`<<EOF`). */
  readonly heredoc: boolean;
}

const CONTROL = new Set(['|', '|&', '||', '&&', ';', ';;', ';&', ';;&', '&', '(', ')']);
const RESERVED_PREFIX = new Set(['!', '{', '}', 'then', 'do', 'else', 'elif', 'if', 'while', 'until']);
/** Wrappers that run the following words as a command, with the options that take a value. */
const WRAPPERS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['sudo', new Set(['-u', '-g', '-C', '-D', '-h', '-p', '-r', '-t', '-U', '-T'])],
  ['doas', new Set(['-u', '-C'])],
  ['env', new Set(['-u', '-C', '-S'])],
  ['nohup', new Set<string>()],
  ['nice', new Set(['-n'])],
  ['ionice', new Set(['-c', '-n', '-p'])],
  ['time', new Set(['-f', '-o'])],
  ['command', new Set<string>()],
  ['builtin', new Set<string>()],
  ['exec', new Set(['-a'])],
  ['stdbuf', new Set(['-i', '-o', '-e'])],
  ['timeout', new Set(['-s', '-k'])],
]);

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?\+?=/;

/** True for a `NAME=value` word. */
function isAssignment(word: LexWord): boolean {
  return ASSIGNMENT.test(word.text);
}

/** Lex a line and find its simple commands. */
export function shapeLine(line: string): LineShape {
  const lexed = lexLine(line);
  const segments: CommandSegment[] = [];
  const joiners: string[] = [];
  let heredoc = false;
  let words: LexWord[] = [];
  let redirects: { op: string; target: LexWord | undefined }[] = [];
  let joiner = '';
  let pendingRedirect: { op: string; target: LexWord | undefined } | undefined;
  const close = (): void => {
    if (words.length > 0 || redirects.length > 0) segments.push(buildSegment(joiner, words, redirects));
    words = [];
    redirects = [];
  };
  for (const token of lexed.tokens) {
    if (token.kind === 'word') {
      if (pendingRedirect) {
        pendingRedirect.target = token;
        pendingRedirect = undefined;
      } else words.push(token);
      continue;
    }
    pendingRedirect = undefined;
    if (CONTROL.has(token.text)) {
      close();
      joiners.push(token.text);
      joiner = token.text;
      continue;
    }
    if (token.text.includes('<<') && !token.text.includes('<<<')) heredoc = true;
    const redirect = { op: token.text, target: undefined };
    redirects.push(redirect);
    pendingRedirect = redirect;
  }
  close();
  const last = lexed.tokens[lexed.tokens.length - 1];
  const trailingJoiner = last?.kind === 'op' && CONTROL.has(last.text) && last.text !== ')' ? last.text : '';
  return { lexed, segments, joiners, trailingJoiner, heredoc };
}

function buildSegment(
  joiner: string,
  words: LexWord[],
  redirects: { op: string; target: LexWord | undefined }[],
): CommandSegment {
  let i = 0;
  let assignments = 0;
  const wrappers: string[] = [];
  const reserved: string[] = [];
  while (i < words.length) {
    const text = words[i]!.text;
    if (isAssignment(words[i]!)) {
      assignments++;
      i++;
    } else if (RESERVED_PREFIX.has(text) && i + 1 < words.length) {
      reserved.push(text);
      i++;
    } else if (WRAPPERS.has(text) && i + 1 < words.length) {
      wrappers.push(text);
      i = skipWrapperOptions(words, i + 1, WRAPPERS.get(text)!, text);
    } else break;
  }
  const lead = i < words.length ? i : -1;
  return { joiner, words, lead, assignments, wrappers, reserved, redirects };
}

/** Skip a wrapper's options (and `env`'s assignments, `timeout`'s duration) to its command. */
function skipWrapperOptions(words: LexWord[], from: number, valued: ReadonlySet<string>, wrapper: string): number {
  let i = from;
  while (i < words.length - 1) {
    const text = words[i]!.text;
    if (text === '--') return i + 1;
    if (text.startsWith('-') && text.length > 1) {
      i += valued.has(text) ? 2 : 1;
    } else if (wrapper === 'env' && isAssignment(words[i]!)) {
      i++;
    } else if ((wrapper === 'timeout' || wrapper === 'nice') && /^\d/.test(text)) {
      i++;
    } else break;
  }
  return Math.min(i, words.length - 1);
}
