// Test harness, run by nl-sh's own Node (with --no-node-snapshot, as nl-sh must be) on the
// TypeScript sources: load a plugins directory, play a script of calls, print one JSON report
// (answers, warn lines, disables with their times, the host's memory before and after).

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadPlugins } from '../../../src/integrations/plugins/plugin-host.js';
import type { PluginCommandDone, PluginLimits } from '../../../src/integrations/plugins/plugin-contract.js';

/** One step of a scenario. */
export type Step =
  | { op: 'context'; cwd: string; budgetMs: number; killWorkerAfterMs?: number }
  | { op: 'rules' }
  | { op: 'names' }
  | { op: 'onCommandDone'; result: PluginCommandDone };

// SIGKILL this process's children (the plugin process), found by parent pid.
function killChildren(): void {
  const pids = execFileSync('ps', ['-o', 'pid=', '--ppid', String(process.pid)], { encoding: 'utf8' }).split('\n').map((l) => Number(l.trim())).filter((n) => n > 0);
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone already (ps itself)
    }
  }
}

/** A scenario: the plugins directory, optional limits, the calls to make. */
export interface Scenario {
  dir: string;
  limits?: Partial<PluginLimits>;
  steps: Step[];
}

const scenario = JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8')) as Scenario;
const t0 = performance.now();
const warns: { line: string; atMs: number }[] = [];
const rssBefore = process.memoryUsage().rss;
const set = await loadPlugins(scenario.dir, { warn: (line) => warns.push({ line, atMs: Math.round(performance.now() - t0) }), limits: scenario.limits });
const loadMs = Math.round(performance.now() - t0);
const answers: unknown[] = [];
for (const step of scenario.steps) {
  const started = performance.now();
  let answer: unknown;
  if (step.op === 'context') {
    const killer = step.killWorkerAfterMs === undefined ? undefined : setTimeout(killChildren, step.killWorkerAfterMs);
    answer = await set.context(step.cwd, step.budgetMs);
    clearTimeout(killer);
  }
  else if (step.op === 'rules') answer = set.rules();
  else if (step.op === 'names') answer = set.names();
  else answer = await set.onCommandDone(step.result).then(() => 'done');
  answers.push({ op: step.op, answer, ms: Math.round(performance.now() - started) });
}
const disabled = set.disabled();
set.dispose();
const mb = (n: number): number => Math.round(n / 1e5) / 10;
process.stdout.write(JSON.stringify({ node: process.version, loadMs, answers, warns, disabled, rssBeforeMb: mb(rssBefore), rssPeakMb: mb(process.resourceUsage().maxRSS * 1024), rssAfterMb: mb(process.memoryUsage().rss) }) + '\n');
