// Times the redactor on plan-sized contexts built from the secret corpus (history lines, output,
// file names, facts): "typical", 6 KB of ordinary lines with every tenth line holding a secret (a
// plan's context: history, a listing, git facts, an output tail), and "dense", 8 KB in which most
// lines hold a secret (an upper bound no real context reaches); after a warm-up, under Node's default flags and under the V8 flags
// the shell itself runs with (read from the launcher script). Each call is timed twice: CPU time of
// this process (what redaction costs a plan; other processes' load does not count, this one's GC
// does) and wall time (which also counts waiting for a core on a busy machine).
// Targets ("adds < 2 ms to a plan"): typical CPU p99 under 2 ms, dense CPU median under 2 ms, in both runs.
// Usage: npx tsc -p tsconfig.build.json && node bench/redact-bench.js [--rounds N] [--json FILE]
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const argValue = (flag) => (process.argv.includes(flag) ? process.argv[process.argv.indexOf(flag) + 1] : undefined);
const rounds = Number(argValue('--rounds') ?? 1000);
const jsonOut = argValue('--json');
const TARGET_MS = 2;

/** The V8 flags the launcher gives the shell (the sh launcher's list; the C launcher's is tested to match). */
function shellFlags() {
  const line = /^flags='([^']*)'/m.exec(readFileSync(resolve(repoRoot, 'libexec/nl-sh.sh'), 'utf8'));
  if (!line) throw new Error('redact-bench: no flags= line in libexec/nl-sh.sh');
  return line[1].split(/\s+/).filter(Boolean);
}

/** Twenty contexts of `bytes`, windows rotating over `rows`, so each round sees other lines. */
function contextsOf(rows, bytes) {
  const contexts = [];
  for (let start = 0; contexts.length < 20; start += 17) {
    let text = '';
    for (let i = start; text.length < bytes; i++) text += `${rows[i % rows.length].text}\n`;
    contexts.push(text.slice(0, bytes));
  }
  return contexts;
}

/** The corpus's rows as typical (nine ordinary lines, then one with a secret) and dense (all rows) contexts. */
function corpusContexts() {
  const rows = readFileSync(resolve(repoRoot, 'test/fixtures/secrets/corpus.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line));
  const secrets = rows.filter((row) => row.secret !== undefined);
  const ordinary = rows.filter((row) => row.secret === undefined);
  const mixed = ordinary.flatMap((row, i) => (i % 9 === 8 ? [row, secrets[(i / 9) | 0]] : [row]));
  return { typical: contextsOf(mixed, 6144), dense: contextsOf(rows, 8192) };
}

/** One measured run in this process over `contexts`: per-call CPU and wall times, sorted. */
async function measure(contexts) {
  const { redactSecrets, secretEnvValues } = await import('../dist/planner/index.js');
  const envSecrets = secretEnvValues({ DB_PASS: 'Harbor$56t9T-x', API_TOKEN: 'zz-9f8e7d6c5b4a3', HOME: '/home/u' });
  for (let i = 0; i < 50; i++) for (const c of contexts) redactSecrets(c, envSecrets);
  const cpu = [];
  const wall = [];
  for (let r = 0; r < rounds; r++) {
    const context = contexts[r % contexts.length];
    const cpu0 = process.cpuUsage();
    const wall0 = process.hrtime.bigint();
    redactSecrets(context, envSecrets);
    wall.push(Number(process.hrtime.bigint() - wall0) / 1e6);
    const used = process.cpuUsage(cpu0);
    cpu.push((used.user + used.system) / 1e3);
  }
  return { cpu: cpu.sort((a, b) => a - b), wall: wall.sort((a, b) => a - b) };
}

const at = (sorted, q) => Number(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))].toFixed(3));
const summary = (sorted) => ({ medianMs: at(sorted, 0.5), p99Ms: at(sorted, 0.99), maxMs: Number(sorted[sorted.length - 1].toFixed(3)) });

if (process.argv.includes('--child')) {
  const result = {};
  for (const [kind, contexts] of Object.entries(corpusContexts())) {
    const { cpu, wall } = await measure(contexts);
    result[kind] = { cpu: summary(cpu), wall: summary(wall) };
  }
  process.stdout.write(JSON.stringify(result));
} else {
  const runs = {};
  for (const [name, flags] of [['default flags', []], ['shell flags', shellFlags()]]) {
    const child = spawnSync(process.execPath, [...flags, fileURLToPath(import.meta.url), '--child', '--rounds', String(rounds)], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`redact-bench (${name}) failed: ${child.stderr}`);
    runs[name] = JSON.parse(child.stdout);
  }
  console.log(`redactSecrets(): typical 6 KB and dense 8 KB corpus contexts x ${rounds} rounds`);
  console.log(`  targets: typical CPU p99 < ${TARGET_MS} ms, dense CPU median < ${TARGET_MS} ms`);
  for (const [name, run] of Object.entries(runs)) {
    for (const [kind, r] of Object.entries(run)) {
      console.log(`  ${name.padEnd(14)} ${kind.padEnd(8)} CPU median ${r.cpu.medianMs} ms  p99 ${r.cpu.p99Ms} ms  max ${r.cpu.maxMs} ms   wall median ${r.wall.medianMs} ms  p99 ${r.wall.p99Ms} ms`);
    }
  }
  if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ rounds, targetMs: TARGET_MS, runs }, null, 2));
  const met = Object.values(runs).every((run) => run.typical.cpu.p99Ms < TARGET_MS && run.dense.cpu.medianMs < TARGET_MS);
  process.exit(met ? 0 : 1);
}
