// The extra rules the risk gate judges with, composed in one place so that a session's judge and
// `nl-sh --risk` judge alike: the built-in integrations' tool-fact rules, then the user plugins'.

import { adjustmentsOf, pluginExtraRules, type PluginSet } from '../integrations/index.js';
import type { ExtraRule } from '../risk/index.js';

/** Every extra rule: the built-in integrations' and, when plugins are loaded, theirs. */
export function gateRules(plugins: PluginSet | undefined): ExtraRule[] {
  return [...adjustmentsOf(), ...(plugins ? pluginExtraRules(plugins.rules()) : [])];
}
