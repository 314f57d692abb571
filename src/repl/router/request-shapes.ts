// Three shapes of a line made only of words, decided by its first word (issue 15):
// a bash builtin with shell-word arguments is a command (`unset cur prev`); a known command
// followed by an English phrase is a request (`kill it`, `man page for tar`); an unknown topic
// word followed by words is a request (`disk space`), unless it is a typo of a command.

import { BASH_BUILTINS, BASH_KEYWORDS } from './bash-words.js';
import { isSwap } from './edit-distance.js';
import type { Evidence } from './evidence.js';
import type { LexWord } from './lex-line.js';
import type { CommandSegment, LineShape } from './line-shape.js';
import type { RouteFacts } from './route-types.js';
import {
  COMMAND_TAKING_BUILTINS,
  FOREIGN_FUNCTION_WORDS,
  NAME_TAKING_BUILTINS,
  OBJECT_PRONOUNS,
  PROSE_TAKERS,
  STRONG_FUNCTION_WORDS,
  TOPIC_WORDS,
  WEAK_FUNCTION_WORDS,
  WELL_KNOWN_PROGRAMS,
} from './word-lists.js';

/** A word bash treats as an argument: an identifier, option, number or path; nothing to expand. */
const SHELL_WORD = /^(-{1,2}[\w=.-]*|[\w.\/~%:+@=-]+)$/;
/** A word of a sentence (or a bare number). */
const PLAIN_WORD = /^([A-Za-z][A-Za-z'\u2019-]*[,.!?]?|\d+)$/;

/** The first word of a line of words only, and the words after it (wrappers such as `time` included). */
interface WordsOnly {
  readonly word: string;
  readonly args: readonly LexWord[];
}

/** The line's single simple command, when it has no redirection and no syntax. */
function wordsOnly(shape: LineShape, hasSyntax: boolean): WordsOnly | undefined {
  const head: CommandSegment | undefined = shape.segments[0];
  if (hasSyntax || shape.segments.length !== 1 || !head || head.redirects.length > 0) return undefined;
  if (head.assignments > 0 || head.words.length < 2) return undefined;
  const [first, ...args] = head.words;
  if (!first || first.quoted || first.expands) return undefined;
  return { word: first.text, args };
}

const isFunctionWord = (text: string): boolean =>
  STRONG_FUNCTION_WORDS.has(text.toLowerCase()) || FOREIGN_FUNCTION_WORDS.has(text.toLowerCase());

/** A function word opening a phrase: a word of two or more letters follows it (`the logs`, not `a b`). */
const opensPhraseAt = (args: readonly LexWord[], i: number): boolean =>
  isFunctionWord(args[i]!.text) && /^[A-Za-z]{2}/.test(args[i + 1]?.text ?? '');

/**
 * `unset cur prev`, `export foo bar`, `shift 2`, `type ls cd`: a builtin that takes names, and
 * its arguments are shell words (command names must be ones bash knows).
 */
export function builtinArgumentsEvidence(shape: LineShape, hasSyntax: boolean, facts: RouteFacts): Evidence | undefined {
  const head = shape.segments[0];
  if (!head || shape.segments.length !== 1 || head.lead !== 0) return undefined;
  const [first, ...args] = head.words;
  if (!first || args.length === 0 || facts.typeOf(first.text) !== 'builtin') return undefined;
  const namesCommands = COMMAND_TAKING_BUILTINS.has(first.text);
  if (!namesCommands && !NAME_TAKING_BUILTINS.has(first.text)) return undefined;
  if (!args.every((a) => a.wholeQuoted || a.expands || SHELL_WORD.test(a.text))) return undefined;
  if (namesCommands && !args.every((a) => a.text.startsWith('-') || facts.typeOf(a.text) !== '')) return undefined;
  const prose = (a: LexWord, i: number): boolean =>
    opensPhraseAt(args, i) || OBJECT_PRONOUNS.has(a.text.toLowerCase()) || (WEAK_FUNCTION_WORDS.has(a.text) && /^[a-z]{2}/.test(args[i + 1]?.text ?? ''));
  if (args.some((a, i) => !a.quoted && prose(a, i))) return undefined;
  return { weight: hasSyntax ? 1 : 2.5, note: `\`${first.text}\` is a bash builtin and its arguments are shell words` };
}

/**
 * A command bash knows (not the user's own alias or function) followed only by words that
 * read as an English phrase: a function word opening a phrase ("for tar", "the logs") or a
 * pronoun as the whole object ("kill it"). `find . -name x`, `kill 1234`, `man tar` stay.
 */
export function englishPhraseEvidence(shape: LineShape, hasSyntax: boolean, facts: RouteFacts): Evidence | undefined {
  const line = wordsOnly(shape, hasSyntax);
  if (!line) return undefined;
  const kind = facts.typeOf(line.word);
  if (PROSE_TAKERS.has(line.word) || kind === 'alias' || kind === 'function' || (kind === '' && !WELL_KNOWN_PROGRAMS.has(line.word))) return undefined;
  const { args } = line;
  if (!args.every((a) => !a.quoted && PLAIN_WORD.test(a.text))) return undefined;
  const opensPhrase = args.some((_, i) => opensPhraseAt(args, i));
  const pronounObject = args.length === 1 && OBJECT_PRONOUNS.has(args[0]!.text.toLowerCase());
  if (!opensPhrase && !pronounObject) return undefined;
  return { weight: -2.5, note: `the words after \`${line.word}\` read as an English phrase` };
}

/** Commands a mistyped word is checked against when bash's own list is not at hand. */
const EVERYDAY_COMMANDS = [...WELL_KNOWN_PROGRAMS, ...BASH_BUILTINS, ...BASH_KEYWORDS];

/**
 * A typo of an everyday command: two neighbouring letters swapped (`gti`, `gerp`, `mkdri`).
 * Wider edit distances match too many English words (`port` / `sort`, `space` / `strace`).
 */
function isSwappedCommand(lower: string): boolean {
  return EVERYDAY_COMMANDS.some((command) => isSwap(lower, command));
}

/** `disk space`, `memory usage`: an unknown topic word and more words, not a typo of a command. */
export function topicRequestEvidence(shape: LineShape, hasSyntax: boolean, facts: RouteFacts): Evidence | undefined {
  const line = wordsOnly(shape, hasSyntax);
  if (!line) return undefined;
  const lower = line.word.toLowerCase();
  if (!TOPIC_WORDS.has(lower) || facts.typeOf(line.word) !== '' || WELL_KNOWN_PROGRAMS.has(line.word)) return undefined;
  if (!line.args.every((a) => !a.quoted && PLAIN_WORD.test(a.text))) return undefined;
  if (isSwappedCommand(lower)) return undefined;
  return { weight: -4, note: `\`${line.word}\` is not a command, and words follow it` };
}
