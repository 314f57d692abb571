// The dry run as the preview shows it: the changes summarised with paths relative to the
// command's directory, small text diffs included, at most a screenful.

import { renderChanges, type DryRunRequest, type DryRunResult } from '../sandbox/index.js';
import type { DryRunView } from '../preview/flow-events.js';

const MAX_ROWS = 24;

/** Run a dry run and turn its result into the preview's view. Never throws. */
export async function dryRunView(run: (req: DryRunRequest) => Promise<DryRunResult>, req: DryRunRequest): Promise<DryRunView> {
  let result: DryRunResult;
  try {
    result = await run(req);
  } catch (err) {
    return { available: false, reason: (err as Error).message };
  }
  try {
    if (!result.available) return { available: false, reason: result.skipped ?? result.reason ?? 'dry runs are impossible here' };
    const rows = (await renderChanges(result.changes)).map((row) => relativeTo(row, req.cwd, req.home));
    const summary = rows.length > MAX_ROWS ? [...rows.slice(0, MAX_ROWS), `… and ${rows.length - MAX_ROWS} more lines`] : rows;
    return { available: true, exitStatus: result.exitStatus, timedOut: result.timedOut, capped: result.capped, networkSuspected: result.networkSuspected, summary, detail: [], changed: result.changes.length };
  } finally {
    await result.cleanup().catch(() => undefined);
  }
}

function relativeTo(row: string, cwd: string, home: string | undefined): string {
  let out = row.split(`${cwd}/`).join('');
  if (home) out = out.split(`${home}/`).join('~/');
  return out;
}
