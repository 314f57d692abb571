// What the preview costs on top of the model: nl-sh's risk gate, local grounding (parser spans,
// command parts, each flag's line from the program's own --help, cached after the first use)
// and, for commands that write, the dry run. Baseline in the same run: starting `bash -c true`
// once, the cost of the cheapest process nl-sh could spawn.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { spawn } from 'node:child_process';
import { dryRun } from '../dist/sandbox/index.js';
import { loadBashParser, loadRiskClassifier, createFsFacts, defaultRuleTable } from '../dist/risk/index.js';
import { groundCommand, helpAllowlist } from '../dist/flow/ground.js';
import { dryRunView } from '../dist/flow/dry-run-view.js';
import { createRunningHelpSource } from '../dist/preview/flag-help.js';

const work = mkdtempSync(join(tmpdir(), 'nlsh-preview-bench-'));
for (let i = 0; i < 20; i++) writeFileSync(join(work, `f${i}.log`), 'x'.repeat(i * 10));
const [parser, classifier] = await Promise.all([loadBashParser(), loadRiskClassifier()]);
const facts = () => createFsFacts({ cwd: work, home: work });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p99 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.99))];
const time = async (fn) => { const t = performance.now(); await fn(); return performance.now() - t; };
const spawnTrue = () => new Promise((resolve) => spawn('bash', ['-c', 'true'], { stdio: 'ignore' }).on('close', resolve));

const readOnly = 'ls -S *.log | head -n 1';
const writes = 'sed -i s/x/y/ f3.log && touch new.txt';
const preview = async (command, help, withDryRun) => {
  classifier.classify(command, facts());
  await groundCommand(command, [], parser, defaultRuleTable, help);
  if (withDryRun) await dryRunView(dryRun, { command, cwd: work, home: work, timeoutSeconds: 10 });
};

const baseline = [], cold = [], warm = [], dry = [];
for (let i = 0; i < 30; i++) {
  baseline.push(await time(spawnTrue));
  cold.push(await time(() => preview(readOnly, createRunningHelpSource(helpAllowlist(defaultRuleTable), process.env), false)));
}
const help = createRunningHelpSource(helpAllowlist(defaultRuleTable), process.env);
await preview(readOnly, help, false);
for (let i = 0; i < 200; i++) warm.push(await time(() => preview(readOnly, help, false)));
for (let i = 0; i < 20; i++) dry.push(await time(() => preview(writes, help, true)));
rmSync(work, { recursive: true, force: true });

const b = median(baseline);
const row = (name, xs) => console.log(`${name.padEnd(44)} median ${median(xs).toFixed(2).padStart(7)} ms  p99 ${p99(xs).toFixed(2).padStart(7)} ms  ${(median(xs) / b).toFixed(2).padStart(6)}× baseline`);
console.log(`baseline: bash -c true, median ${b.toFixed(2)} ms`);
row('read-only preview, first use (runs --help)', cold);
row('read-only preview, help cached', warm);
row('writes preview with dry run', dry);
