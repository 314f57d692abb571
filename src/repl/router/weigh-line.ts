// Phases 2-4 of routing: read the line's structure (decisive shapes such as assignments, paths
// and compound commands), then weigh shell syntax, what bash knows about the command word, and
// how much the rest reads as prose. Positive totals go to bash; ties go to bash only when the
// command word looks like a command. Weights are in "strong signal" units: an option is about
// 3, a function word 1.5, a program on PATH 3, an English verb that is also a program 1.

import { strongestNotes, sumEvidence, type Evidence } from './evidence.js';
import { isPronounceable, readFirstWord, type FirstWordReading } from './first-word.js';
import type { LexWord } from './lex-line.js';
import { shapeLine, type CommandSegment, type LineShape } from './line-shape.js';
import { builtinArgumentsEvidence, englishPhraseEvidence, topicRequestEvidence } from './request-shapes.js';
import { routeByStructure } from './structure.js';
import { weighProse } from './prose-signals.js';
import type { RouteDecision, RouteFacts } from './route-types.js';
import { weighShellSyntax } from './shell-signals.js';
import { DETERMINERS, PROSE_TAKERS, SUBCOMMAND_WORDS } from './word-lists.js';


/** The weighed reading of a line: a decisive structural answer, or evidence to sum. */
export type LineWeighing =
  | { readonly decided: RouteDecision }
  | { readonly decided?: undefined; readonly evidence: readonly Evidence[]; readonly first: FirstWordReading };

/** Read and weigh a line that no override decided. */
export function weighLine(text: string, facts: RouteFacts): LineWeighing {
  const shape = shapeLine(text);
  const decisive = routeByStructure(shape);
  if (decisive) return { decided: decisive };
  const head = shape.segments[0];
  if (!head || head.lead < 0) return { decided: { route: 'shell', reason: 'no command word: bash syntax only' } };
  const word = head.words[head.lead]!.text;
  let first = readFirstWord(word, facts.typeOf(word));
  // `do a case-insensitive rename`: a reserved word before an unknown word opens a sentence.
  if (head.reserved.length > 0 && head.lead === head.reserved.length && (first.reading === 'plain' || first.reading === 'sentence-start')) {
    first = readFirstWord(head.reserved[0]!, '');
  }
  if (first.reading === 'path') return { decided: { route: 'shell', reason: first.evidence.note } };

  const evidence: Evidence[] = [first.evidence];
  const syntax = weighShellSyntax(shape, (segment) => segmentLooksLikeCommand(segment, facts));
  evidence.push(...syntax);
  if (!PROSE_TAKERS.has(word)) {
    const prose = weighProse(proseCandidates(shape), first.reading !== 'known' && first.reading !== 'tool');
    evidence.push(...prose);
    // A known command followed by nothing but words, function words among them, is a request
    // that starts with a command's name ("ls files sorted by size").
    const bare = syntax.length === 0 && head.words.length - head.lead >= 3;
    if (bare && !first.users && prose.some((e) => e.signal === 'function-words' && e.weight <= -1.5)) {
      evidence.push({ weight: -1.5, note: `only words follow \`${word}\`` });
    }
  }
  const phrase = phraseEvidence(head, first);
  if (phrase) evidence.push(phrase);
  const builtin = builtinArgumentsEvidence(shape, syntax.length > 0, facts);
  const plain = builtin ? undefined : plainObjectEvidence(shape, head, first, facts);
  const hasSyntax = syntax.length > 0;
  for (const extra of [builtin, plain, englishPhraseEvidence(shape, hasSyntax, facts), topicRequestEvidence(shape, hasSyntax, facts)]) {
    if (extra) evidence.push(extra);
  }
  // The parser's one signal pulls toward prose by PARSE_ERROR_WEIGHT, so it can only change a
  // decision that leans to bash by at most that much: parse only then (most lines never need
  // it, which keeps the per-line cost and the parser's memory churn off the hot path).
  const total = sumEvidence(evidence);
  if (total > -1e-9 && total <= PARSE_ERROR_WEIGHT + 1e-9) {
    const parseError = parseErrorEvidence(text, shape, facts);
    if (parseError) evidence.push(parseError);
  }
  return { evidence, first };
}

/** Route a line that no override decided. */
export function routeByReading(text: string, facts: RouteFacts): RouteDecision {
  const weighing = weighLine(text, facts);
  return weighing.decided ?? decide(weighing.evidence, weighing.first);
}

/** How far a parse error pulls toward prose. */
const PARSE_ERROR_WEIGHT = 1;

/** Words that may be prose: the arguments of every command in the line. */
function proseCandidates(shape: LineShape): LexWord[] {
  const words: LexWord[] = [];
  for (const segment of shape.segments) {
    words.push(...segment.words.slice(segment.lead < 0 ? segment.words.length : segment.lead + 1));
  }
  return words;
}

/** A joined part starts with something bash knows or with a program-shaped word. */
function segmentLooksLikeCommand(segment: CommandSegment, facts: RouteFacts): boolean {
  if (segment.lead < 0) return segment.assignments > 0;
  const word = segment.words[segment.lead]!.text;
  const reading = readFirstWord(word, facts.typeOf(word)).reading;
  return reading !== 'sentence-start' && reading !== 'plain';
}

/**
 * The words right after the command word: a determiner after a verb opens an English object
 * ("find all files", "view a presentation"); a subcommand after an unknown program name is the
 * shape of a CLI ("nordvpn connect", "dnf module list").
 */
function phraseEvidence(head: CommandSegment, first: FirstWordReading): Evidence | undefined {
  const next = head.words[head.lead + 1];
  const after = head.words[head.lead + 2];
  if (!next || next.quoted) return undefined;
  const lower = next.text.toLowerCase();
  const word = head.words[head.lead]!.text;
  const known = (first.reading === 'known' && !first.users) || first.reading === 'known-english';
  if (known && DETERMINERS.has(lower) && next.text !== 'A' && after && after.text.length >= 2 && !after.text.startsWith('-')) {
    return { weight: first.reading === 'known' ? -2 : -1.5, note: `\`${word} ${next.text} ...\` is a verb and its object` };
  }
  if (first.reading === 'known' && (next.text.startsWith('-') || next.expands || /^[./~%@$]/.test(next.text))) {
    return { weight: 2, note: `\`${word} ${next.text}\` starts like a command line` };
  }
  if ((first.reading === 'plain' || first.reading === 'tool') && SUBCOMMAND_WORDS.has(lower)) {
    return { weight: 1, note: `\`${word} ${next.text}\` is a program and a subcommand` };
  }
  return undefined;
}

/** Commands whose arguments are usually bare words: make targets, read's variable names. */
const BARE_WORD_TAKERS = new Set(['make', 'read']);

/**
 * An English verb that is also a command, followed only by two or more plain dictionary-like
 * words that are not commands ("find big files", "kill chrome processes"): a request. Program
 * arguments are rarely all plain words; `make`'s targets and `read`'s variable names are.
 */
function plainObjectEvidence(shape: LineShape, head: CommandSegment, first: FirstWordReading, facts: RouteFacts): Evidence | undefined {
  if (first.reading !== 'known-english' || shape.segments.length !== 1 || head.redirects.length > 0) return undefined;
  const word = head.words[head.lead]!.text;
  const args = head.words.slice(head.lead + 1);
  if (args.length < 2 || BARE_WORD_TAKERS.has(word)) return undefined;
  const plain = args.every((a) => /^[a-z]{3,}$/.test(a.text) && isPronounceable(a.text) && facts.typeOf(a.text) === '');
  return plain ? { weight: -1.5, note: `only plain words follow \`${word}\`` } : undefined;
}

/** A parse error bash would report (not an unfinished compound or a here-document) leans prose. */
function parseErrorEvidence(text: string, shape: LineShape, facts: RouteFacts): Evidence | undefined {
  if (shape.heredoc || shape.trailingJoiner || shape.lexed.trailingBackslash) return undefined;
  const { parser } = facts;
  if (parser) {
    const broken = parser.withTree(text, (root) => root.hasError);
    if (broken && !/\b(do|then|else|in)\s*$|[{(]\s*$/.test(text)) {
      return { weight: -PARSE_ERROR_WEIGHT, note: 'bash cannot parse it' };
    }
    return undefined;
  }
  if (shape.lexed.unclosed) return { weight: -0.5, note: `an unclosed \`${shape.lexed.unclosed}\`` };
  return undefined;
}

/** Turn the evidence into a decision with a reason. */
function decide(evidence: readonly Evidence[], first: FirstWordReading): RouteDecision {
  const total = sumEvidence(evidence);
  const tie = Math.abs(total) < 1e-9;
  // A tie goes to bash only when the command word reads as a command, not as English.
  const commandLike = first.reading !== 'sentence-start' && first.reading !== 'known-english';
  const shell = tie ? commandLike : total > 0;
  const notes = strongestNotes(evidence, shell ? 1 : -1, 3);
  const summary = notes.length > 0 ? notes.join('; ') : first.evidence.note;
  return shell
    ? { route: 'shell', reason: `looks like a command: ${summary}` }
    : { route: 'nl', reason: `reads as a sentence: ${summary}` };
}
