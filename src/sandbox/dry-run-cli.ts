// The core of `nl-sh --dry-run CMD [--json]`: run the command in overlays, print what it would
// change, run nothing for real. Returns the text to print and an exit status; the caller wires it.

import { dryRun } from './dry-run/runner.js';
import { renderChanges } from './dry-run/diff.js';
import type { DryRunRequest, DryRunResult } from './dry-run/types.js';

/** Options for one `--dry-run` invocation. */
export interface DryRunCliOptions extends DryRunRequest {
  json: boolean;
}

/** The text (or JSON) to print and the exit status: the command's, or 2 when impossible here. */
export async function runDryRunCli(opts: DryRunCliOptions, run: (req: DryRunRequest) => Promise<DryRunResult> = dryRun): Promise<{ output: string; status: number }> {
  const result = await run(opts);
  try {
    const status = !result.available ? 2 : result.timedOut ? 124 : result.exitStatus ?? 1;
    if (opts.json) {
      const { cleanup: _cleanup, ...data } = result;
      const changes = data.changes.map(({ source: _source, ...c }) => c);
      return { output: JSON.stringify({ ...data, changes }, null, 2) + '\n', status };
    }
    if (!result.available) {
      return { output: `nl-sh: ${result.reason ?? 'dry runs are impossible here'}; confirm explicitly to run it for real\n`, status };
    }
    const lines = [`dry run of: ${opts.command}`];
    lines.push(...result.notes.map((n) => `note: ${n}`));
    if (result.changes.length === 0) lines.push('no file changes');
    else lines.push(`${result.changes.length} change(s):`, ...(await renderChanges(result.changes)));
    if (result.applicable) lines.push('the effects are purely local files: they can be applied without running again');
    return { output: lines.join('\n') + '\n', status };
  } finally {
    await result.cleanup();
  }
}
