// What the command word of a line says: a path, something bash knows (alias, function,
// builtin, keyword, program on PATH), or an unknown word whose shape reads as a tool name
// (`kubectl`, `wg-quick`, `dnf5`) or as the first word of a sentence (`List`, `prints`, `what`).

import type { Evidence } from './evidence.js';
import type { CommandKind } from './route-types.js';
import {
  CLAUSE_OPENERS,
  FOREIGN_REQUEST_VERBS,
  QUESTION_OPENERS,
  REQUEST_VERBS,
  STRONG_FUNCTION_WORDS,
  WELL_KNOWN_PROGRAMS,
} from './word-lists.js';

/** How the command word reads. */
export type WordReading =
  | 'path' // ./x, /usr/bin/x, ~/bin/x
  | 'expansion' // $CMD, $(...)
  | 'known' // bash knows it and it is not an English word
  | 'known-english' // bash knows it, but it is also an English verb or question word
  | 'sentence-start' // unknown, and reads as the first word of a sentence
  | 'tool' // unknown, shaped like a program name
  | 'plain'; // unknown lowercase word

/** The reading of the command word, with its evidence. */
export interface FirstWordReading {
  readonly reading: WordReading;
  readonly evidence: Evidence;
  /** The word is the user's own alias or function. */
  readonly users?: boolean;
}

const NON_ASCII_LETTER = /[\u00C0-\u024F\u0370-\u1FFF\u3040-\u30FF\u3400-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF]/;
const ADVERB_EXCEPTIONS = new Set(['apply', 'reply', 'supply', 'family', 'assembly', 'poly', 'nightly', 'daily', 'weekly', 'monthly', 'hourly', 'yearly', 'ugly', 'early', 'italy', 'july', 'only', 'fly', 'rely']);

/** Consonant clusters an English word may start with. */
const ENGLISH_ONSETS = new Set(
  'b bl br c ch chr cl cr d dr dw f fl fr g gl gn gr h j k kl kn kr l m n p ph pl pr ps qu r rh s sc sch scr sh shr sk sl sm sn sp sph spl spr squ st str sw t th thr tr tw v w wh wr x y z'.split(' '),
);

/**
 * True when a lowercase word could be an English word by its letters alone: it has a vowel,
 * starts with a cluster English allows, and has no run of four consonants. Program names
 * often fail (`jj`, `gtop`, `tlmgr`, `vzdump`); English words pass.
 */
export function isPronounceable(lower: string): boolean {
  if (!/[aeiouy]/.test(lower)) return false;
  const onset = /^[^aeiouy]*/.exec(lower)![0];
  const cluster = onset.startsWith('qu') ? 'qu' : onset;
  if (cluster !== '' && !ENGLISH_ONSETS.has(cluster)) return false;
  return !/[^aeiouy]{4}/.test(lower);
}

/** True for an English -ly adverb (`recursively`, `interactively`), not `apply` or `nightly`. */
export function isAdverb(lower: string): boolean {
  return lower.length >= 6 && lower.endsWith('ly') && /^[a-z]+$/.test(lower) && !ADVERB_EXCEPTIONS.has(lower);
}

/** The base verb of an inflected request verb (`prints` → `print`, `copies` → `copy`), or ''. */
export function requestVerbBase(lower: string): string {
  if (REQUEST_VERBS.has(lower)) return lower;
  const candidates = [
    lower.endsWith('ies') ? `${lower.slice(0, -3)}y` : '',
    lower.endsWith('es') ? lower.slice(0, -2) : '',
    lower.endsWith('s') ? lower.slice(0, -1) : '',
  ];
  for (const base of candidates) if (base && REQUEST_VERBS.has(base)) return base;
  return '';
}

/** True when a word holds a letter outside ASCII (accented Latin, Greek, Cyrillic, CJK, Hangul). */
export function hasNonAsciiLetter(text: string): boolean {
  return NON_ASCII_LETTER.test(text);
}

/** Read the command word `word` given what bash says about it. */
export function readFirstWord(word: string, kind: CommandKind): FirstWordReading {
  const lower = word.toLowerCase();
  if (/^(\.{1,2}\/|\/|~)/.test(word)) {
    return { reading: 'path', evidence: { weight: 8, note: `\`${word}\` is a path to a program` } };
  }
  if (word.startsWith('$') || word.startsWith('`')) {
    return { reading: 'expansion', evidence: { weight: 4, note: `the command word \`${word}\` is an expansion` } };
  }
  const english = REQUEST_VERBS.has(lower) || QUESTION_OPENERS.has(lower) || CLAUSE_OPENERS.has(lower);
  if (kind !== '') {
    const what = kind === 'file' ? 'a program on PATH' : `a bash ${kind}`;
    if (kind === 'alias' || kind === 'function') {
      // The user's own vocabulary wins over English: `deploy the app to staging` calls their
      // function. The nl prefix still sends such a line to the model.
      return { reading: 'known', users: true, evidence: { weight: 6, note: `\`${word}\` is your ${kind}` } };
    }
    if (english) {
      return { reading: 'known-english', evidence: { weight: 1, note: `\`${word}\` is ${what} (and an English word)` } };
    }
    return { reading: 'known', evidence: { weight: 3, note: `\`${word}\` is ${what}` } };
  }
  if (WELL_KNOWN_PROGRAMS.has(word)) {
    const weight = english ? 0.75 : 2.5;
    return { reading: english ? 'known-english' : 'known', evidence: { weight, note: `\`${word}\` is a well-known program` } };
  }
  if (hasNonAsciiLetter(word)) {
    return { reading: 'sentence-start', evidence: { weight: -4, note: `\`${word}\` is not an ASCII word` } };
  }
  if (QUESTION_OPENERS.has(lower)) {
    return { reading: 'sentence-start', evidence: { weight: -3, note: `starts with the question word \`${word}\`` } };
  }
  if (FOREIGN_REQUEST_VERBS.has(lower)) {
    return { reading: 'sentence-start', evidence: { weight: -3, note: `starts with the verb \`${word}\`` } };
  }
  const base = requestVerbBase(lower);
  if (base && base !== lower) {
    return { reading: 'sentence-start', evidence: { weight: -3, note: `starts with the inflected verb \`${word}\`` } };
  }
  if (isAdverb(lower)) {
    return { reading: 'sentence-start', evidence: { weight: -3, note: `starts with the adverb \`${word}\`` } };
  }
  if (/^[A-Z][a-z]+([/-][a-z]+)*$/.test(word)) {
    return { reading: 'sentence-start', evidence: { weight: -3, note: `starts with the capitalised word \`${word}\`` } };
  }
  if (base) {
    return { reading: 'sentence-start', evidence: { weight: -2.5, note: `starts with the verb \`${word}\`, which is not a command here` } };
  }
  if (CLAUSE_OPENERS.has(lower)) {
    return { reading: 'sentence-start', evidence: { weight: -2, note: `starts with \`${word}\` as prose does` } };
  }
  if (STRONG_FUNCTION_WORDS.has(lower)) {
    return { reading: 'sentence-start', evidence: { weight: -2.5, note: `starts with the function word \`${word}\`` } };
  }
  if (/[0-9_.+-]/.test(word) || /[a-z][A-Z]/.test(word) || (/^[a-z]+$/.test(word) && !isPronounceable(word))) {
    return { reading: 'tool', evidence: { weight: 1.5, note: `\`${word}\` is shaped like a program name` } };
  }
  if (/^[A-Z]+$/.test(word)) {
    return { reading: 'plain', evidence: { weight: -1, note: `starts with the acronym \`${word}\`` } };
  }
  return { reading: 'plain', evidence: { weight: 0.5, note: `\`${word}\` could be a program name` } };
}
