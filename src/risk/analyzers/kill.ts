// kill: one process id is a scoped change (writes); -1, 0 or a negative id (every process, a
// process group) is destructive, and so are ids chosen by name (`kill $(pgrep node)`).

import type { Content } from '../content.js';
import { report } from '../walk-context.js';
import type { Analyzer } from './analyzer.js';

const byName = /(^|\|\s*|\$\()(pgrep|pidof|ps|jobs)\b/;

/** The `kill` analyzer. */
export const analyzeKill: Analyzer = ({ args, ctx }) => {
  const pids = [];
  let endOfOptions = false;
  for (let i = 0; i < args.length; i++) {
    const w = args[i];
    const v = w?.value;
    if (!w) continue;
    if (v === '-l' || v === '-L' || v === '--list' || v === '--table') {
      report(ctx, 'read_only', 'rule', ctx.span, 'lists signal names');
      return undefined;
    }
    if (v === '-s' || v === '-n' || v === '--signal') {
      i++;
      continue;
    }
    if (v === '--' && !endOfOptions) {
      endOfOptions = true;
      continue;
    }
    if (!endOfOptions && v !== undefined && pids.length === 0 && /^-(\d+|[A-Za-z][A-Za-z0-9+-]*)$/.test(v) && v !== '-1') continue;
    pids.push(w);
  }
  for (const pid of pids) {
    const v = pid.value;
    if (v === '1') report(ctx, 'privileged', 'rule', ctx.span, 'signals init (pid 1), which takes the whole machine with it');
    else if (v === '-1') report(ctx, 'destructive', 'rule', ctx.span, 'kill -1 signals every process you may signal');
    else if (v === '0') report(ctx, 'destructive', 'rule', ctx.span, 'kill 0 signals the whole process group');
    else if (v !== undefined && v.startsWith('-')) report(ctx, 'destructive', 'rule', ctx.span, `kill ${v} signals a whole process group`);
    else if (v === undefined && pid.outputs.some((o: Content) => o.kind !== 'none' && 'from' in o && byName.test(o.from)))
      report(ctx, 'destructive', 'rule', ctx.span, 'kills every process chosen by name or listing, like pkill');
  }
  return undefined;
};
