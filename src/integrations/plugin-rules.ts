// User plugins' risk rules as the gate's extra rules (src/extra-rule.ts): the gate matches them
// where it judges each command, with the built-in argv parser; they only raise a level.

import type { ExtraRule } from '../extra-rule.js';
import type { SourcedPluginRule } from './plugins/plugin-contract.js';

/** Plugins' rules as extra rules; each reason names its plugin. */
export function pluginExtraRules(rules: readonly SourcedPluginRule[]): ExtraRule[] {
  return rules.map((rule) => ({ programs: [rule.program], verbs: rule.verbs, level: rule.level, why: `${rule.why} (plugin ${rule.plugin})` }));
}
