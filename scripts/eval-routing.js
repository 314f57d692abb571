// Score the line router on a routing corpus (../shared/eval/routing/{dev,test}.jsonl).
//
//   npx tsc -p tsconfig.build.json && node scripts/eval-routing.js [dev|test] [--misses]
//
// Facts are this machine's: bash's builtins and keywords and the programs on PATH, with no
// aliases or functions, so niche tools in the corpus are not installed and must be recognised
// by their syntax. Exits 1 when a target is missed:
//   no `common` shell line routed nl; >= 98% of shell lines routed shell;
//   >= 95% of nl lines routed nl; every `?` line routed question.

import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CommandTable, DEFAULT_ROUTE_CONFIG, route } from '../dist/repl/router/index.js';
import { loadBashParser } from '../dist/risk/index.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const which = process.argv[2] ?? 'dev';
const showMisses = process.argv.includes('--misses');
const corpusPath = resolve(repoRoot, `../shared/eval/routing/${which}.jsonl`);
const rows = readFileSync(corpusPath, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line));

const table = new CommandTable({ aliases: [], functions: [], path: process.env.PATH ?? '' });
const facts = { typeOf: (word) => table.typeOf(word), parser: await loadBashParser(), config: DEFAULT_ROUTE_CONFIG };

const pct = (n, d) => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(2)}%`);
const confusion = new Map();
const groups = new Map();
const commonMisses = [];
const misses = [];
let shellTotal = 0, shellOk = 0, commonTotal = 0, commonOk = 0, nlTotal = 0, nlOk = 0, qTotal = 0, qOk = 0;

for (const row of rows) {
  const got = route(row.line, facts);
  const key = `${row.route} -> ${got.route}`;
  confusion.set(key, (confusion.get(key) ?? 0) + 1);
  const ok = got.route === row.route;
  if (!ok) misses.push({ ...row, got: got.route, reason: got.reason });
  if (row.route === 'shell') {
    shellTotal++;
    if (ok) shellOk++;
    if (row.common) {
      commonTotal++;
      if (ok) commonOk++;
      else commonMisses.push({ line: row.line, reason: got.reason });
    }
  } else if (row.route === 'nl') {
    nlTotal++;
    if (ok) nlOk++;
  } else if (row.route === 'question') {
    qTotal++;
    if (ok) qOk++;
  }
  const group = `${row.route} ${row.lang ? `${row.source} (${row.lang})` : row.source}`;
  const g = groups.get(group) ?? { total: 0, ok: 0 };
  g.total++;
  if (ok) g.ok++;
  groups.set(group, g);
}

// Every line becomes a question when prefixed with `? `.
let prefixedOk = 0;
for (const row of rows) if (route(`? ${row.line}`, facts).route === 'question') prefixedOk++;

console.log(`corpus: ${which} (${rows.length} lines)`);
console.log(`shell -> shell: ${shellOk}/${shellTotal} ${pct(shellOk, shellTotal)} (target >= 98%)`);
console.log(`  common shell -> shell: ${commonOk}/${commonTotal} ${pct(commonOk, commonTotal)} (target: all)`);
console.log(`nl -> nl: ${nlOk}/${nlTotal} ${pct(nlOk, nlTotal)} (target >= 95%)`);
if (qTotal > 0) console.log(`question -> question: ${qOk}/${qTotal} ${pct(qOk, qTotal)} (target: all)`);
console.log(`"? " + line -> question: ${prefixedOk}/${rows.length} (target: all)`);
console.log('\nby source:');
for (const [group, g] of [...groups].sort()) console.log(`  ${group.padEnd(28)} ${String(g.ok).padStart(5)}/${String(g.total).padEnd(5)} ${pct(g.ok, g.total)}`);
console.log('\nconfusion (expected -> routed):');
for (const [key, n] of [...confusion].sort()) console.log(`  ${key.padEnd(22)} ${n}`);
if (commonMisses.length > 0) {
  console.log('\ncommon shell lines routed nl:');
  for (const m of commonMisses) console.log(`  ${m.line}\n      <- ${m.reason}`);
}
if (showMisses) {
  console.log('\nall misses:');
  for (const m of misses) console.log(`  [${m.route}->${m.got}] ${m.line}\n      <- ${m.reason}`);
}

const passed =
  commonMisses.length === 0 &&
  shellOk / shellTotal >= 0.98 &&
  nlOk / nlTotal >= 0.95 &&
  qOk === qTotal &&
  prefixedOk === rows.length;
console.log(passed ? '\ntargets met' : '\ntargets MISSED');
process.exit(passed ? 0 : 1);
