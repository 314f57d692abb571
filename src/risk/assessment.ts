// The classifier's answer: a level, the reasons behind it, and how sure it is. Reasons name the
// part of the command responsible, so a person can see why without reading the rules.

import { compareLevels, maxLevel, type Level } from '../level.js';

/**
 * Where a reason comes from: a rule in the table, a filesystem fact, a command the table does
 * not know, something only known at run time, or text the parser could not read.
 */
export type ReasonKind = 'rule' | 'fact' | 'unknown' | 'dynamic' | 'unparsable';

/** One finding: `part` is the command text or word responsible, `why` says what it does. */
export interface Reason {
  level: Level;
  kind: ReasonKind;
  part: string;
  why: string;
}

/** The result of classifying one command line. */
export interface Assessment {
  /** The most severe level of anything the line would run. */
  level: Level;
  /** Most severe first; each names its part of the command. */
  reasons: Reason[];
  /** Something is computed at run time (a command name, eval'd text, a decoded payload). */
  dynamic: boolean;
  /** Some command or subcommand is not in the rules. */
  unknown: boolean;
  /** The parser could not read (part of) the line. */
  unparsable: boolean;
  /** The literal words when the line is one plain command (no operators, expansions or redirects). */
  plainWords: string[] | undefined;
}

const maxPart = 72;

/** Shorten command text for a reason: one line, at most a few dozen characters. */
export function clipPart(text: string): string {
  const oneLine = text.replace(/\s*\n\s*/g, ' ⏎ ').trim();
  return oneLine.length > maxPart ? `${oneLine.slice(0, maxPart - 1)}…` : oneLine;
}

/** "`rm -r -f build`: recursive forced delete". */
export function formatReason(reason: Reason): string {
  return `\`${reason.part}\`: ${reason.why}`;
}

/** Fold findings into an assessment: dedupe, sort most severe first, take the maximum. */
export function summarizeReasons(findings: readonly Reason[], plainWords: string[] | undefined): Assessment {
  const seen = new Set<string>();
  const reasons: Reason[] = [];
  for (const f of findings) {
    const key = `${f.level}\u0000${f.kind}\u0000${f.part}\u0000${f.why}`;
    if (seen.has(key)) continue;
    seen.add(key);
    reasons.push(f);
  }
  reasons.sort((a, b) => compareLevels(b.level, a.level));
  let level: Level = 'read_only';
  for (const r of reasons) level = maxLevel(level, r.level);
  return {
    level,
    reasons,
    dynamic: reasons.some((r) => r.kind === 'dynamic'),
    unknown: reasons.some((r) => r.kind === 'unknown'),
    unparsable: reasons.some((r) => r.kind === 'unparsable'),
    plainWords,
  };
}
