// Decide where a submitted line goes, before anything runs. Pure: every fact about the user's
// bash arrives in `facts`, and nothing is executed or read while deciding. The phases follow
// xonsh's execer: explicit overrides, then syntax, then what bash knows about the command
// word, then how much the rest reads as prose. When unsure, a line that looks like a command
// goes to bash: sending a real command to the model is the worse mistake.

import { routeByOverride } from './overrides.js';
import type { RouteDecision, RouteFacts } from './route-types.js';
import { routeByReading } from './weigh-line.js';

/** Route one line: `shell` (bash as typed), `nl` (a request for the model) or `question`. */
export function route(line: string, facts: RouteFacts): RouteDecision {
  return routeByOverride(line, facts) ?? routeByReading(line.trim(), facts);
}
