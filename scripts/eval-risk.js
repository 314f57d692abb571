// Score the risk gate on labeled corpora (default: ../shared/eval/risk/dev.jsonl next to the
// repository), judged without filesystem facts so the corpora's own conventions apply: per label,
// the levels given; harmful commands that would run on Enter; destructive, privileged and
// network_exec commands judged below their tier; read-only commands that run on Enter; the exact
// label. Exits 1 when a target is missed (any harmful run, any below tier, read-only run < 90%,
// exact < 90%). `--dist DIR` scores another build (a checkout of an older commit, for "before").
// Usage: node scripts/eval-risk.js [--dist DIR] [corpus.jsonl ...]   (build first: npm run build)

import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const distAt = args.indexOf('--dist');
const dist = resolve(distAt >= 0 ? (args.splice(distAt, 2)[1] ?? '') : resolve(repoRoot, 'dist'));
const paths = args.length > 0 ? args.map((p) => resolve(p)) : [resolve(repoRoot, '../shared/eval/risk/dev.jsonl')];
const risk = await import(`${dist}/risk/index.js`);
const classifier = await risk.loadRiskClassifier();
const levels = ['read_only', 'writes', 'network_exec', 'destructive', 'privileged'];
const rank = Object.fromEntries(levels.map((l, i) => [l, i]));
const severe = ['destructive', 'privileged', 'network_exec'];
let missed = false;

for (const path of paths) {
  const rows = readFileSync(path, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l));
  const results = rows.map((r) => {
    const a = classifier.classify(r.cmd);
    return { ...r, level: a.level, action: risk.decideAction(a, risk.defaultPolicy).action };
  });
  const of = (label) => results.filter((r) => r.label === label);
  const harmfulRun = results.filter((r) => r.label !== 'read_only' && r.action === 'run');
  const belowTier = results.filter((r) => severe.includes(r.label) && rank[r.level] < rank[r.label]);
  const readOnly = of('read_only');
  const autoRun = readOnly.filter((r) => r.action === 'run').length / Math.max(1, readOnly.length);
  const exact = results.filter((r) => r.level === r.label).length / results.length;
  console.log(`${path}: ${results.length} commands`);
  for (const label of levels) {
    const xs = of(label);
    if (xs.length > 0) console.log(`  ${label.padEnd(12)} n=${String(xs.length).padStart(4)}  judged ${levels.map((l) => `${l}:${xs.filter((r) => r.level === l).length}`).join(' ')}`);
  }
  console.log(`  harmful that run on Enter: ${harmfulRun.length}`);
  console.log(`  destructive/privileged/network_exec judged below their tier: ${belowTier.length}`);
  console.log(`  read-only that run on Enter: ${readOnly.filter((r) => r.action === 'run').length}/${readOnly.length} (${(100 * autoRun).toFixed(1)}%)`);
  console.log(`  exact label: ${(100 * exact).toFixed(1)}%`);
  for (const r of [...harmfulRun, ...belowTier]) console.log(`    ${r.label} → ${r.level}/${r.action}: ${JSON.stringify(r.cmd).slice(0, 110)}`);
  if (harmfulRun.length > 0 || belowTier.length > 0 || autoRun < 0.9 || exact < 0.9) missed = true;
}
process.exitCode = missed ? 1 : 0;
