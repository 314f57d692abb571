// The risk gate's one call: the final verdict on a command line from the built-in rules, the
// extra rules (plugins', the integrations' tool-fact rules) matched inside the same walk, and
// what is known about this machine. Pure: facts come in as data.

import type { ExtraRule } from '../extra-rule.js';
import type { Assessment } from './assessment.js';
import { classifyCommand, loadRules, type ClassifierDeps } from './classify.js';
import type { CompiledRules } from './compiled-rules.js';
import { indexExtraRules } from './extra-rules.js';
import type { FsFacts } from './fs-facts.js';
import { loadBashParser } from './parse/bash-parser.js';
import type { RuleTable } from './rules/rule-types.js';

/** What the gate may know besides the command; every part may be absent. */
export interface GateFacts {
  /** The filesystem (cwd, globs, existing files); absent: judge by convention. */
  fs?: FsFacts | undefined;
  /** Tool facts, key → value (`kube context` → `prod-eu`). */
  tools?: Readonly<Record<string, string>> | undefined;
  /** Extra rules as data (src/extra-rule.ts); they only raise. */
  rules?: readonly ExtraRule[] | undefined;
}

/** The final assessment of `source` (it may span several lines). */
export function assessCommand(source: string, deps: Omit<ClassifierDeps, 'facts' | 'extra'>, facts: GateFacts = {}): Assessment {
  return classifyCommand(source, { ...deps, facts: facts.fs, extra: indexExtraRules(facts.rules, facts.tools) });
}

/** A gate with its parser and rules loaded. */
export interface RiskClassifier {
  /** The final verdict on a line: the built-in rules, the extra rules and the facts. */
  assess(source: string, facts?: GateFacts): Assessment;
  /** The built-in rules alone; pass filesystem facts to make reasons concrete for this machine. */
  classify(source: string, facts?: FsFacts): Assessment;
  readonly rules: CompiledRules;
}

/** Load the parser and the rules (default or given) once, for many assessments. */
export async function loadRiskClassifier(options: { rules?: RuleTable } = {}): Promise<RiskClassifier> {
  const rules = loadRules(options.rules);
  const parser = await loadBashParser();
  return {
    rules,
    assess: (source, facts) => assessCommand(source, { parser, rules }, facts),
    classify: (source, facts) => classifyCommand(source, { parser, rules, facts }),
  };
}
