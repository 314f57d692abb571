// Tool facts in the risk gate: after classification, a write whose tool points somewhere risky
// (a production-looking kube context) is raised, with a reason naming the fact. Pure: the
// assessment, the commands' words and the facts in; a new assessment out. The adjustments are
// data (RiskAdjustment, e.g. kubectl.ts); src/integrations may not import src/sandbox, so the
// assessment is typed by the shape it needs, which the sandbox's Assessment has.

import type { RiskAdjustment, ToolFacts } from './contract.js';
import { isProductionLike } from './production.js';
import { adjustmentsOf } from './registry.js';

/** Risk levels, least severe first (the sandbox's Level). */
export type RiskLevel = 'read_only' | 'writes' | 'network_exec' | 'destructive' | 'privileged';

const rank: Record<RiskLevel, number> = { read_only: 0, writes: 1, network_exec: 2, destructive: 3, privileged: 4 };

/** The parts of the sandbox's Assessment that an adjustment reads and changes. */
export interface AdjustableAssessment {
  level: RiskLevel;
  reasons: { level: RiskLevel; kind: 'rule' | 'fact' | 'unknown' | 'dynamic' | 'unparsable'; part: string; why: string }[];
  plainWords: string[] | undefined;
}

const tests: Record<RiskAdjustment['test'], (value: string) => boolean> = { 'production-like': isProductionLike };

// The value of an option (`--context x`, `--context=x`, `-nprod`) in a command's words.
function optionValue(words: readonly string[], options: readonly string[]): string | undefined {
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    if (word === '--') break;
    for (const option of options) {
      if (word === option) return words[i + 1];
      if (option.startsWith('--') && word.startsWith(`${option}=`)) return word.slice(option.length + 1);
      if (!option.startsWith('--') && word.startsWith(option) && word.length > option.length) return word.slice(option.length).replace(/^=/, '');
    }
  }
  return undefined;
}

// The positional words after the program (options and their values skipped).
function positionals(words: readonly string[], withValue: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 1; i < words.length; i++) {
    const word = words[i] ?? '';
    if (word === '--') break;
    if (word.startsWith('-')) {
      if (withValue.includes(word)) i++;
      continue;
    }
    out.push(word);
  }
  return out;
}

/** The reason an adjustment gives for one command, or undefined when it does not apply. */
export function adjustmentReason(adjustment: RiskAdjustment, words: readonly string[], facts: ToolFacts): { part: string; why: string } | undefined {
  const program = (words[0] ?? '').replace(/^.*\//, '');
  if (!adjustment.programs.includes(program)) return undefined;
  if (words.some((w) => adjustment.dryRun.includes(w))) return undefined;
  const args = positionals(words, adjustment.withValue);
  const verb = adjustment.verbs.find((v) => v.split(' ').every((part, i) => args[i] === part));
  if (!verb) return undefined;
  for (const { key, options } of adjustment.facts) {
    const fromLine = optionValue(words, options);
    const value = fromLine ?? facts[key];
    if (value && tests[adjustment.test](value)) {
      const source = fromLine !== undefined ? `${key} ${value} (given on the command line)` : `${key} ${value}`;
      return { part: words.join(' ').slice(0, 72), why: `${program} ${verb} under ${source}, which looks like production` };
    }
  }
  return undefined;
}

// Without explicit words, the commands are read back from the classifier's reasons: each simple
// command that writes has a rule reason whose part is its text (clipped, so only leading words count).
function commandsOf(assessment: AdjustableAssessment): string[][] {
  const parts = assessment.reasons.filter((r) => r.kind === 'rule' && rank[r.level] >= rank.writes).map((r) => r.part);
  const unique = [...new Set(parts)].map((p) => p.split(/\s+/).map((w) => w.replace(/^(['"])(.*)\1$/, '$2')));
  return assessment.plainWords ? [assessment.plainWords, ...unique] : unique;
}

/**
 * Raise an assessment by the tool facts: each adjustment that matches a command makes the line at
 * least its level and adds a `fact` reason (most severe first). Read-only lines are never raised.
 * `commands`: each simple command's words; undefined reads them from the assessment.
 * `adjustments`: default, the built-in integrations'.
 */
export function adjustAssessment<A extends AdjustableAssessment>(assessment: A, commands: readonly (readonly string[])[] | undefined, facts: ToolFacts, adjustments: readonly RiskAdjustment[] = adjustmentsOf()): A {
  if (assessment.level === 'read_only' || adjustments.length === 0) return assessment;
  const added: AdjustableAssessment['reasons'] = [];
  for (const words of commands ?? commandsOf(assessment)) {
    for (const adjustment of adjustments) {
      const reason = adjustmentReason(adjustment, words, facts);
      if (reason && !added.some((r) => r.why === reason.why)) added.push({ level: adjustment.level, kind: 'fact', ...reason });
    }
  }
  return withReasons(assessment, added);
}

/** The assessment with `added` reasons: most severe first, the level raised to the highest (never lowered). */
export function withReasons<A extends AdjustableAssessment>(assessment: A, added: AdjustableAssessment['reasons']): A {
  if (added.length === 0) return assessment;
  const reasons = [...added, ...assessment.reasons].sort((a, b) => rank[b.level] - rank[a.level]);
  const level = reasons.reduce<RiskLevel>((max, r) => (rank[r.level] > rank[max] ? r.level : max), assessment.level);
  return { ...assessment, level, reasons };
}
