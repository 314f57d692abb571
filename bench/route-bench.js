// Times the line router: every line of the routing dev corpus through `route()` with the bash
// parser loaded, after a warm-up pass. Prints median, p99 and max per line in microseconds.
// Target: p99 under 1 ms.
// Usage: npx tsc -p tsconfig.build.json && node bench/route-bench.js [--rounds N] [--json FILE]
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CommandTable, DEFAULT_ROUTE_CONFIG, route } from '../dist/repl/router/index.js';
import { loadBashParser } from '../dist/risk/index.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const argValue = (flag) => (process.argv.includes(flag) ? process.argv[process.argv.indexOf(flag) + 1] : undefined);
const rounds = Number(argValue('--rounds') ?? 5);
const jsonOut = argValue('--json');

const lines = readFileSync(resolve(repoRoot, '../shared/eval/routing/dev.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line).line);

const table = new CommandTable({ aliases: [], functions: [], path: process.env.PATH ?? '' });
const facts = { typeOf: (word) => table.typeOf(word), parser: await loadBashParser(), config: DEFAULT_ROUTE_CONFIG };

// Warm up: JIT, the PATH listing, the executable checks.
for (let i = 0; i < 2; i++) for (const line of lines) route(line, facts);

const samples = [];
for (let r = 0; r < rounds; r++) {
  for (const line of lines) {
    const start = process.hrtime.bigint();
    route(line, facts);
    samples.push(Number(process.hrtime.bigint() - start) / 1000);
  }
}
samples.sort((a, b) => a - b);
const at = (q) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))];
const result = {
  lines: lines.length,
  rounds,
  medianUs: Number(at(0.5).toFixed(1)),
  p99Us: Number(at(0.99).toFixed(1)),
  maxUs: Number(samples[samples.length - 1].toFixed(1)),
};
console.log(`route(): ${result.lines} lines x ${rounds} rounds`);
console.log(`  median ${result.medianUs} us   p99 ${result.p99Us} us   max ${result.maxUs} us   (target: p99 < 1000 us)`);
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(result, null, 2));
process.exit(result.p99Us < 1000 ? 0 : 1);
