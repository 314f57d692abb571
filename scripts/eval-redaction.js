// Score the redactor on the secret corpus (default: test/fixtures/secrets/corpus.jsonl): per place,
// secrets whose substring survives (leaks) and ordinary lines that come out changed (altered).
// Exits 1 when any secret leaks or more than 2% of the ordinary lines are altered. `--dist DIR`
// scores another build (a checkout of an older commit, for "before"); `--verbose` prints each miss.
// Usage: node scripts/eval-redaction.js [--dist DIR] [--verbose] [corpus.jsonl]   (build first)

import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const distAt = args.indexOf('--dist');
const dist = resolve(distAt >= 0 ? (args.splice(distAt, 2)[1] ?? '') : resolve(repoRoot, 'dist'));
const verbose = args.includes('--verbose');
const paths = args.filter((a) => !a.startsWith('--'));
const path = resolve(paths[0] ?? resolve(repoRoot, 'test/fixtures/secrets/corpus.jsonl'));
const { redactSecrets } = await import(`${dist}/planner/redact.js`).catch(() => import(`${dist}/planner/redact/index.js`));

const rows = readFileSync(path, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l));
const places = [...new Set(rows.map((r) => r.place))];
const leaks = [];
const altered = [];
for (const row of rows) {
  const out = redactSecrets(row.text);
  if (row.secret !== undefined && out.includes(row.secret)) leaks.push({ ...row, out });
  if (row.secret === undefined && out !== row.text) altered.push({ ...row, out });
}
const secrets = rows.filter((r) => r.secret !== undefined);
const ordinary = rows.filter((r) => r.secret === undefined);
console.log(`${path}: ${secrets.length} secrets, ${ordinary.length} ordinary lines`);
for (const place of places) {
  const s = secrets.filter((r) => r.place === place).length;
  const o = ordinary.filter((r) => r.place === place).length;
  const l = leaks.filter((r) => r.place === place).length;
  const a = altered.filter((r) => r.place === place).length;
  console.log(`  ${place.padEnd(12)} leaks ${String(l).padStart(3)}/${String(s).padEnd(4)} altered ${String(a).padStart(3)}/${o}`);
}
const alteredShare = altered.length / Math.max(1, ordinary.length);
console.log(`  total        leaks ${leaks.length}/${secrets.length}   altered ${altered.length}/${ordinary.length} (${(100 * alteredShare).toFixed(1)}%)`);
if (verbose) {
  for (const r of leaks) console.log(`    LEAK    [${r.place}] ${JSON.stringify(r.out).slice(0, 160)}`);
  for (const r of altered) console.log(`    ALTERED [${r.place}] ${JSON.stringify(r.text).slice(0, 80)} -> ${JSON.stringify(r.out).slice(0, 80)}`);
}
process.exitCode = leaks.length > 0 || alteredShare > 0.02 ? 1 : 0;
