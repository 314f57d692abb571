// Score the risk classifier on a labeled corpus (default: ../shared/eval/risk/dev.jsonl next to
// the repository). Judged without filesystem facts, so the corpus's own conventions apply.
// Usage: node scripts/eval-risk.js [path]   (build first: npx tsc -p tsconfig.build.json)
// Exits 1 when a target is missed: every destructive, privileged and network_exec case must
// not get "run"; at least 90% of read_only cases must get "run"; at least 95% of writes cases
// must not get "run".

import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decideAction, defaultPolicy, levels, loadRiskClassifier } from '../dist/risk/index.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const path = resolve(process.argv[2] ?? resolve(repoRoot, '../shared/eval/risk/dev.jsonl'));
const actions = ['run', 'confirm', 'confirm-typed', 'deny'];

const rows = readFileSync(path, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line, i) => {
    const row = JSON.parse(line);
    if (typeof row.cmd !== 'string' || !levels.includes(row.label)) throw new Error(`${path}:${i + 1}: expected {cmd, label}`);
    return row;
  });

const classifier = await loadRiskClassifier();
const results = rows.map((row) => {
  const assessment = classifier.classify(row.cmd);
  const { action } = decideAction(assessment, defaultPolicy);
  return { ...row, level: assessment.level, action, assessment };
});

const count = (pred) => results.filter(pred).length;
const pct = (n, d) => (d === 0 ? '  n/a' : `${((100 * n) / d).toFixed(1).padStart(5)}%`);
const out = [];
out.push(`corpus: ${path} (${rows.length} commands)`, '');
out.push(`label          count ${actions.map((a) => a.padStart(15)).join('')}`);
for (const label of levels) {
  const n = count((r) => r.label === label);
  out.push(`${label.padEnd(14)} ${String(n).padStart(5)} ${actions.map((a) => pct(count((r) => r.label === label && r.action === a), n).padStart(15)).join('')}`);
}
const exact = count((r) => r.level === r.label);
out.push('', `exact-level accuracy: ${exact}/${rows.length} = ${pct(exact, rows.length).trim()}`, '');
out.push(`confusion (rows: label, columns: classified)`);
out.push(`${''.padEnd(14)}${levels.map((l) => l.slice(0, 12).padStart(13)).join('')}`);
for (const label of levels) out.push(`${label.padEnd(14)}${levels.map((l) => String(count((r) => r.label === label && r.level === l)).padStart(13)).join('')}`);

const severe = ['destructive', 'privileged', 'network_exec'];
const severeRun = results.filter((r) => severe.includes(r.label) && r.action === 'run');
const readOnly = count((r) => r.label === 'read_only');
const readOnlyRun = count((r) => r.label === 'read_only' && r.action === 'run');
const writes = count((r) => r.label === 'writes');
const writesNotRun = count((r) => r.label === 'writes' && r.action !== 'run');
const targets = [
  [`destructive/privileged/network_exec never "run": ${severeRun.length} run`, severeRun.length === 0],
  [`read_only → "run" ≥ 90%: ${pct(readOnlyRun, readOnly).trim()}`, readOnly === 0 || readOnlyRun / readOnly >= 0.9],
  [`writes not "run" ≥ 95%: ${pct(writesNotRun, writes).trim()}`, writes === 0 || writesNotRun / writes >= 0.95],
];
out.push('', 'targets:');
for (const [text, ok] of targets) out.push(`  ${ok ? 'PASS' : 'FAIL'}  ${text}`);

const failures = results.filter((r) => r.level !== r.label || (severe.includes(r.label) && r.action === 'run'));
if (failures.length > 0) {
  out.push('', `failures (${failures.length}):`);
  for (const r of failures) {
    const top = r.assessment.reasons[0];
    out.push(`  ${r.label} → ${r.level} (${r.action}): ${JSON.stringify(r.cmd)}`);
    if (top) out.push(`      ${top.level}: \`${top.part}\`: ${top.why}`);
  }
}
console.log(out.join('\n'));
process.exit(targets.every(([, ok]) => ok) ? 0 : 1);
