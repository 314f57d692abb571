// Test support: write plugin files to a temporary directory and play a scenario against them in
// a separate process of nl-sh's own Node (node_modules/node), with --no-node-snapshot as nl-sh
// runs it, straight from the TypeScript sources (type stripping plus a `.js` → `.ts` resolve hook).

import { execFile } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Scenario, Step } from './harness.js';
import type { DisabledPlugin, PluginLimits } from '../../../src/integrations/plugins/plugin-contract.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
/** nl-sh's own Node. */
export const runtimeNode = join(repoRoot, 'node_modules', 'node', 'bin', 'node');
const harness = fileURLToPath(new URL('./harness.ts', import.meta.url));
const resolveHook = `import { registerHooks } from 'node:module';
registerHooks({ resolve(specifier, context, next) {
  try { return next(specifier, context); } catch (err) {
    if (/^\\.\\.?\\//.test(specifier) && specifier.endsWith('.js')) return next(specifier.slice(0, -3) + '.ts', context);
    throw err;
  }
} });`;

/** What the harness reports. */
export interface Report {
  node: string;
  loadMs: number;
  answers: { op: string; answer: unknown; ms: number }[];
  warns: { line: string; atMs: number }[];
  disabled: DisabledPlugin[];
  rssBeforeMb: number;
  rssPeakMb: number;
  rssAfterMb: number;
}

/** A temporary workspace: `plugins/` for plugin files and `cwd/` for the calls' working directory. */
export function makeWorkspace(plugins: Record<string, string>, cwdFiles: Record<string, string> = {}): { dir: string; cwd: string; root: string; cleanup: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'nlsh-plugins-'));
  const dir = join(root, 'plugins');
  const cwd = join(root, 'cwd');
  mkdirSync(dir);
  mkdirSync(cwd);
  for (const [name, source] of Object.entries(plugins)) writeFileSync(join(dir, name), source);
  for (const [name, content] of Object.entries(cwdFiles)) writeFileSync(join(cwd, name), content);
  return { dir, cwd, root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/** Play `steps` against the plugins in `dir` in a fresh runtime-Node process; its exit status must be 0. */
export function playScenario(dir: string, steps: Step[], limits?: Partial<PluginLimits>, flags: string[] = ['--no-node-snapshot']): Promise<Report> {
  const file = join(dir, '..', 'scenario.json');
  const scenario: Scenario = { dir, steps, ...(limits ? { limits } : {}) };
  writeFileSync(file, JSON.stringify(scenario));
  const args = [...flags, '--no-warnings', '--import', `data:text/javascript,${encodeURIComponent(resolveHook)}`, harness, file];
  return new Promise((resolve, reject) => {
    execFile(runtimeNode, args, { timeout: 60_000, killSignal: 'SIGKILL', maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
      if (err) return reject(new Error(`harness failed (${err.message}):\n${stderr}`));
      try {
        resolve(JSON.parse(stdout) as Report);
      } catch {
        reject(new Error(`harness printed no report:\n${stdout}\n${stderr}`));
      }
    });
  });
}

/** The disable record for `file`, or a failure naming what was disabled instead. */
export function disabledOf(report: Report, file: string): DisabledPlugin {
  const d = report.disabled.find((x) => x.file === file);
  if (!d) throw new Error(`${file} was not disabled; disabled: ${JSON.stringify(report.disabled)}; warns: ${JSON.stringify(report.warns)}`);
  return d;
}

/** Print the measured times to disable, for the record. */
export function printTimes(title: string, report: Report): void {
  const rows = report.disabled.map((d) => `  ${d.file.padEnd(24)} ${d.during.padEnd(14)} ${String(d.msToDisable).padStart(8)} ms  ${d.why}`);
  console.log(`[plugins] ${title} (${report.node}; load ${report.loadMs} ms; rss ${report.rssBeforeMb} → peak ${report.rssPeakMb} → ${report.rssAfterMb} MB)\n${rows.join('\n')}`);
}
