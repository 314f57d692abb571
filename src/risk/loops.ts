// Loops that start background processes: `while :; do cmd & done` starts them without end, and a
// `for` over thousands of items starts thousands at once. Either can take the machine down.

import type { SyntaxNode } from './parse/bash-parser.js';
import { report, type Ctx } from './walk-context.js';

/** Loops with more items than this that put each one in the background are a denial of service. */
const maxBackgroundItems = 64;

/** Report a loop whose body starts background jobs without a bound, or that never ends and never pauses. */
export function assessBackgroundLoop(loop: SyntaxNode, ctx: Ctx): void {
  const body = loop.childForFieldName('body') ?? loop.namedChildren.find((c) => c?.type === 'do_group') ?? null;
  if (!body) return;
  const count = itemCount(loop);
  if (count === 'endless' && !pausesOrExits(body)) {
    report(ctx, 'destructive', 'rule', loop.text, 'loops forever without a pause or a way out: it can exhaust memory, disk or processes');
    return;
  }
  if (!startsBackgroundJob(body)) return;
  if (count === 'endless') report(ctx, 'destructive', 'rule', loop.text, 'starts background processes in a loop that never ends: a fork storm that can take the machine down');
  else if (count === 'unknown') report(ctx, 'writes', 'dynamic', loop.text, 'starts a background process for each item, and how many there are is only known at run time');
  else if (count > maxBackgroundItems) report(ctx, 'destructive', 'rule', loop.text, `starts ${count} background processes at once`);
}

/** Whether a `&` puts a command in the background somewhere in `node` (functions and substitutions aside). */
function startsBackgroundJob(node: SyntaxNode): boolean {
  if (node.type === 'function_definition' || node.type === 'command_substitution') return false;
  for (const child of node.children) {
    if (!child) continue;
    if (!child.isNamed && child.type === '&') return true;
    if (child.isNamed && startsBackgroundJob(child)) return true;
  }
  return false;
}

/** Whether the body can leave the loop or waits between rounds (`break`, `exit`, `sleep`, `read`...). */
function pausesOrExits(body: SyntaxNode): boolean {
  return /(^|[\s;&|({])(break|exit|return|sleep|read|wait|select|inotifywait|timeout)\b/.test(body.text);
}

/** How many times the loop runs: a count, `endless` (`while :`), or `unknown`. */
function itemCount(loop: SyntaxNode): number | 'endless' | 'unknown' {
  if (loop.type === 'while_statement') {
    const condition = loop.childForFieldName('condition')?.text.replace(/[;\s]+$/, '').trim() ?? '';
    const negated = loop.children[0]?.type === 'until';
    if (!negated && /^(:|true|\[ 1 \]|\(\( ?1 ?\)\))$/.test(condition)) return 'endless';
    if (negated && /^false$/.test(condition)) return 'endless';
    return 'unknown';
  }
  if (loop.type === 'c_style_for_statement') return /\(\(\s*[^;]*;\s*;/.test(loop.text) ? 'endless' : 'unknown';
  const values = loop.childrenForFieldName('value').filter((v): v is SyntaxNode => v !== null);
  if (values.length === 0) return 'unknown';
  let total = 0;
  for (const v of values) {
    const n = valueCount(v);
    if (n === undefined) return 'unknown';
    total += n;
  }
  return total;
}

/** How many words one `for` value gives: 1, a brace sequence's length, or `$(seq ...)`'s count. */
function valueCount(value: SyntaxNode): number | undefined {
  const text = value.text;
  const braces = /^\{(-?\d+)\.\.(-?\d+)(?:\.\.(-?\d+))?\}$/.exec(text);
  if (braces) return Math.floor(Math.abs(Number(braces[2]) - Number(braces[1])) / Math.max(1, Math.abs(Number(braces[3] ?? 1)))) + 1;
  const seq = /^\$\(\s*seq\s+(?:(-?\d+)\s+(?:(-?\d+)\s+)?)?(-?\d+)\s*\)$/.exec(text);
  if (seq) {
    const first = Number(seq[2] === undefined ? (seq[1] === undefined ? 1 : seq[1]) : seq[1]);
    const step = seq[2] === undefined ? 1 : Number(seq[2]);
    return Math.max(0, Math.floor((Number(seq[3]) - first) / (step || 1)) + 1);
  }
  if (value.type === 'command_substitution' || /[*?[$`]/.test(text)) return undefined;
  return 1;
}
