// The core of `nl-sh --route`: route each input line and print the decisions, as JSON lines
// for scripts or, with --explain, as aligned text for people.

import { route } from './route.js';
import type { RouteFacts } from './route-types.js';

const EXPLAIN_LINE_WIDTH = 48;

/** One JSON object per line (`{"line","route","reason"}`), or a readable table when `explain`. */
export function formatRouteLines(lines: readonly string[], facts: RouteFacts, explain: boolean): string {
  const decisions = lines.map((line) => ({ line, ...route(line, facts) }));
  if (!explain) {
    return decisions.map((d) => JSON.stringify({ line: d.line, route: d.route, reason: d.reason }) + '\n').join('');
  }
  const width = Math.min(EXPLAIN_LINE_WIDTH, Math.max(0, ...decisions.map((d) => d.line.length)));
  return decisions.map((d) => `${d.route.padEnd(9)} ${d.line.padEnd(width)}  \u2190 ${d.reason}\n`).join('');
}
