// Extra risk rules as data, beside the built-in table: user plugins' rules and the integrations'
// tool-fact rules (a kubectl write under a production-looking context). A leaf, so the
// integrations can provide them without importing the risk gate; the gate (src/risk/extra-rules.ts)
// matches them inside its walk with the built-in rules' argv parser, through sudo, env, bash -c,
// xargs and functions. They only ever raise a command's level, never lower it.

import type { Level } from './level.js';

/** What makes a fact value risky (src/production-like.ts). */
export type FactTest = 'production-like';

/** A tool fact a rule depends on, and the options that override it on the command line. */
export interface FactCondition {
  /** The fact's key (`kube context`). */
  fact: string;
  /** Options whose value on the line replaces the fact (`--context`, `-n`); they always take a value. */
  options: readonly string[];
}

/**
 * One extra rule: `programs` running one of `verbs` is at least `level`.
 * - `verbs` absent or empty: any use of the program. A verb path (`rollout restart`) is read as
 *   the built-in rule reads subcommands (its options with values skipped); for a program without
 *   a subcommand table each positional word is tried, so an unknown option's value never hides it.
 * - `when` absent: always, with a `rule` reason saying `why`. Present: only when one of its facts
 *   passes `test` (an unknown test: always), the value given on the line (any of the options)
 *   replacing the fact; a value only known at run time counts as risky. The reason is then a
 *   `fact` reading `<program> <verb> under <fact> <value>, <why>`.
 * - `dryRun`: option words (exact, before `--`) that make the command change nothing: no raise.
 */
export interface ExtraRule {
  /** Program names (`kubectl`, `k`, `oc`), matched on the name as typed (no directory) and on the built-in rule it resolves to. */
  programs: readonly string[];
  verbs?: readonly string[] | undefined;
  level: Level;
  /** Why, shown in the preview. */
  why: string;
  when?: { anyOf: readonly FactCondition[]; test: FactTest } | undefined;
  dryRun?: readonly string[] | undefined;
}
