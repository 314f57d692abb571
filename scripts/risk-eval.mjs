// How the risk gate does on labeled corpora: per label, how many commands got each level and
// each policy action, harmful commands that would run on Enter, severe ones judged below their
// tier, and the exact-label rate. Reports; changes nothing.
// Usage: node scripts/risk-eval.mjs [--dist DIR] CORPUS.jsonl...   (build first: npm run build)

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const args = process.argv.slice(2);
const distAt = args.indexOf('--dist');
const dist = resolve(distAt >= 0 ? args.splice(distAt, 2)[1] : new URL('../dist', import.meta.url).pathname);
const risk = await import(`${dist}/risk/index.js`);
const classifier = await risk.loadRiskClassifier();
const levels = ['read_only', 'writes', 'network_exec', 'destructive', 'privileged'];
const rank = Object.fromEntries(levels.map((l, i) => [l, i]));

for (const file of args) {
  const rows = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l));
  const results = rows.map((r) => {
    const a = classifier.classify(r.cmd);
    return { ...r, level: a.level, action: risk.decideAction(a, risk.defaultPolicy).action };
  });
  const of = (label) => results.filter((r) => r.label === label);
  const harmfulRun = results.filter((r) => r.label !== 'read_only' && r.action === 'run');
  const severeLow = results.filter((r) => ['destructive', 'privileged', 'network_exec'].includes(r.label) && rank[r.level] < rank[r.label]);
  const readOnly = of('read_only');
  const autoRun = readOnly.filter((r) => r.action === 'run').length;
  const exact = results.filter((r) => r.level === r.label).length;
  console.log(`${file}: ${results.length} commands`);
  for (const label of levels) {
    const xs = of(label);
    if (xs.length === 0) continue;
    const got = levels.map((l) => xs.filter((r) => r.level === l).length);
    console.log(`  ${label.padEnd(12)} n=${String(xs.length).padStart(4)}  judged ${levels.map((l, i) => `${l}:${got[i]}`).join(' ')}`);
  }
  console.log(`  harmful that run on Enter: ${harmfulRun.length}`);
  console.log(`  destructive/privileged/network_exec judged below their tier: ${severeLow.length}`);
  console.log(`  read-only that run on Enter: ${autoRun}/${readOnly.length} (${((100 * autoRun) / Math.max(1, readOnly.length)).toFixed(1)}%)`);
  console.log(`  exact label: ${exact}/${results.length} (${((100 * exact) / results.length).toFixed(1)}%)`);
  if (process.env.VERBOSE) for (const r of [...harmfulRun, ...severeLow]) console.log(`    ${r.label} → ${r.level}/${r.action}: ${JSON.stringify(r.cmd).slice(0, 110)}`);
}
