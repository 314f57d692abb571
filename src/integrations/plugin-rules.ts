// User plugins' risk rules applied to an assessment: a rule raises a command to at least its
// level when the program matches and its first non-option words start with one of the verbs.
// Pure; rules can only raise a level, never lower one.

import { withReasons, type AdjustableAssessment } from './risk-adjust.js';
import type { SourcedPluginRule } from './plugins/plugin-contract.js';

/** Raise `assessment` by the plugins' rules for these commands (each a program and its words). */
export function applyPluginRules<A extends AdjustableAssessment>(assessment: A, commands: readonly (readonly string[])[], rules: readonly SourcedPluginRule[]): A {
  const added: AdjustableAssessment['reasons'] = [];
  for (const words of commands) {
    const [program, ...rest] = words;
    if (program === undefined) continue;
    const name = program.slice(program.lastIndexOf('/') + 1);
    const positional = rest.filter((w) => !w.startsWith('-')).join(' ');
    for (const rule of rules) {
      if (rule.program !== name) continue;
      const verbs = rule.verbs ?? [];
      if (verbs.length > 0 && !verbs.some((v) => positional === v || positional.startsWith(`${v} `))) continue;
      added.push({ level: rule.level, kind: 'rule', part: words.join(' '), why: `${rule.why} (plugin ${rule.plugin})` });
    }
  }
  return withReasons(assessment, added);
}
