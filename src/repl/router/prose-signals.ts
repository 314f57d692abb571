// Evidence that the words after the command word are prose: function words (English and a few
// other languages), contractions, sentence punctuation, commas between words, non-ASCII
// letters, adverbs, participles, capitalised words. Only unquoted words count: quoted strings
// are arguments (`git commit -m "fix the bug"`).

import type { Evidence } from './evidence.js';
import { hasNonAsciiLetter, isAdverb, requestVerbBase } from './first-word.js';
import type { LexWord } from './lex-line.js';
import { FOREIGN_FUNCTION_WORDS, REQUEST_VERBS, STRONG_FUNCTION_WORDS, WEAK_FUNCTION_WORDS } from './word-lists.js';

const PROSE_WORD = /^[(\u00AB"'`]?([A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F'\u2019-]*)([)\u00BB"'`]?)([,.;:!?]?)[)"'`]?$/;
const CONTRACTION = /^[A-Za-z]+['\u2019](s|t|re|ve|ll|d|m)$/i;
const ARTICLES = new Set(['a', 'an', 'the']);
const CJK = /[\u3040-\u30FF\u3400-\u9FFF\uAC00-\uD7AF]/;
const PARTICIPLE_EXCEPTIONS = new Set(['string', 'strings', 'thing', 'things', 'nothing', 'something', 'anything', 'everything', 'during']);

/** A prose-looking word: its letters, lowercased, and the punctuation stuck to its end. */
interface ProseWord {
  readonly lower: string;
  readonly raw: string;
  readonly trailing: string;
  readonly followedByWord: boolean;
}

/** The unquoted words that read as words of a language, in order. */
function proseWords(words: readonly LexWord[]): ProseWord[] {
  const out: ProseWord[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word.wholeQuoted || word.expands || word.escaped || word.glob) continue;
    const match = PROSE_WORD.exec(word.text);
    if (!match) continue;
    const next = words[i + 1];
    out.push({
      lower: match[1]!.toLowerCase(),
      raw: match[1]!,
      trailing: match[3]!,
      followedByWord: next !== undefined && /^[A-Za-z\u00C0-\u024F]{2}|^I$/.test(next.text),
    });
  }
  return out;
}

/** Function words, English and foreign, and the weaker prepositions and quantifiers. */
function weighFunctionWords(prose: readonly ProseWord[]): Evidence[] {
  const evidence: Evidence[] = [];
  const strong: string[] = [];
  const foreign: string[] = [];
  const weakSeen: string[] = [];
  let strongWeight = 0;
  let foreignWeight = 0;
  let weakWeight = 0;
  for (const word of prose) {
    // A function word reads as prose when a word follows it ("to the", "all files").
    const full = word.followedByWord ? 1 : 0.35;
    // Only a capital I is the pronoun, and only a lowercase a the article, mid-line.
    if (word.raw === 'i' || word.raw === 'A') continue;
    if (STRONG_FUNCTION_WORDS.has(word.lower)) {
      strong.push(word.lower);
      strongWeight += (ARTICLES.has(word.lower) ? 2 : 1.5) * full;
    } else if (FOREIGN_FUNCTION_WORDS.has(word.lower)) {
      foreign.push(word.lower);
      foreignWeight += 2 * full;
    } else if (WEAK_FUNCTION_WORDS.has(word.lower)) {
      weakSeen.push(word.lower);
      weakWeight += full;
    }
  }
  if (strong.length > 0) {
    evidence.push({ weight: -Math.min(6, strongWeight), note: `function words ${quoteList(strong)}`, signal: 'function-words' });
  }
  if (foreign.length > 0) {
    evidence.push({ weight: -Math.min(6, foreignWeight), note: `function words of another language ${quoteList(foreign)}` });
  }
  if (weakSeen.length > 0) evidence.push({ weight: -Math.min(3, weakWeight), note: `prepositions or quantifiers ${quoteList(weakSeen)}` });
  return evidence;
}

/**
 * Prose evidence over `words`, the words after the command word. `englishCommand` says the
 * command word is itself an English word (`which`, `find`), so a verb later in the line may be
 * the verb of a sentence ("which process uses port 8080").
 */
export function weighProse(words: readonly LexWord[], englishCommand: boolean): Evidence[] {
  const evidence: Evidence[] = [];
  const prose = proseWords(words);
  evidence.push(...weighFunctionWords(prose));

  const contraction = prose.find((w) => CONTRACTION.test(w.raw));
  if (contraction) evidence.push({ weight: -3, note: `the apostrophe in \`${contraction.raw}\`` });

  const last = prose[prose.length - 1];
  const lastWord = words[words.length - 1];
  if (last && lastWord && last.trailing && '.!?'.includes(last.trailing) && lastWord.text.endsWith(last.trailing)) {
    evidence.push({ weight: -2.5, note: `ends a sentence with \`${last.trailing}\`` });
  }
  const commas = prose.filter((w) => w.trailing === ',' && w.followedByWord).length;
  if (commas > 0) evidence.push({ weight: -Math.min(2, commas), note: 'commas between words' });

  const adverbs = prose.filter((w) => isAdverb(w.lower));
  if (adverbs.length > 0) evidence.push({ weight: -1, note: `the adverb \`${adverbs[0]!.raw}\`` });

  const participles = prose.filter((w, i) => i > 0 && isParticiple(w.lower));
  if (participles.length > 0) evidence.push({ weight: -Math.min(1, 0.5 * participles.length), note: `the participle \`${participles[0]!.raw}\`` });

  // "to" before a verb is an infinitive ("a script to parse json", "how to undo").
  const infinitive = prose.findIndex((w, i) => w.lower === 'to' && prose[i + 1] !== undefined && REQUEST_VERBS.has(prose[i + 1]!.lower));
  if (infinitive >= 0) evidence.push({ weight: -1, note: `the infinitive \`to ${prose[infinitive + 1]!.raw}\`` });

  // A verb in the third person mid-line ("which process uses port 8080"); a last word is more
  // likely a plural object ("yarn global add requests").
  const verbs = prose.filter((w, i) => {
    const base = requestVerbBase(w.lower);
    return englishCommand && i > 0 && i < prose.length - 1 && base !== '' && base !== w.lower;
  });
  if (verbs.length > 0) evidence.push({ weight: -1, note: `the verb \`${verbs[0]!.raw}\`` });

  const capitals = prose.filter((w) => /^[A-Z][a-z]+$/.test(w.raw)).length;
  if (capitals > 0) evidence.push({ weight: -Math.min(1.2, 0.4 * capitals), note: 'capitalised words' });

  if (prose.some((w) => hasNonAsciiLetter(w.raw)) || words.some((w) => !w.wholeQuoted && CJK.test(w.text))) {
    evidence.push({ weight: -2, note: 'letters outside ASCII' });
  }
  return evidence;
}

/** `-ing` and `-ed` forms of at least six letters (`running`, `sorted`), not `string` or `speed`. */
function isParticiple(lower: string): boolean {
  if (lower.length < 6 || PARTICIPLE_EXCEPTIONS.has(lower)) return false;
  return lower.endsWith('ing') || (lower.endsWith('ed') && !lower.endsWith('eed'));
}

function quoteList(items: string[]): string {
  return [...new Set(items)].slice(0, 3).map((w) => `\`${w}\``).join(', ');
}
