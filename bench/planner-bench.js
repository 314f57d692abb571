// Planner overhead excluding model time: context gathering (real files, git, PATH), prompt
// building, reply parsing and validation (the real bash parser), and the plan cache. The model
// is an in-process backend that answers at once. Targets: median < 30 ms; cache hits < 10 ms.
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import { createPlanner, fileCacheStore, fileCloudBudget, localContextSources } from '../dist/planner/index.js';
import { loadBashParser } from '../dist/risk/index.js';
import { commandWords } from '../dist/cli/planner-wiring.js';
import { CommandTable } from '../dist/repl/index.js';

const work = mkdtempSync(join(tmpdir(), 'nlsh-planner-bench-'));
const repo = join(work, 'repo');
mkdirSync(repo);
for (let i = 0; i < 60; i++) writeFileSync(join(repo, `file-${i}.txt`), 'x\n');
execFileSync('git', ['init', '-q', repo]);
execFileSync('git', ['-C', repo, 'add', '.']);
const reply = JSON.stringify({ command: "find . -type f -size +10M -exec ls -lh {} + | sort -k5 -h | tail -n 5", explanation: 'x', parts: [{ part: 'find', explanation: 'search' }], assumptions: [], needs_network: false, needs_root: false, confidence: 0.9 });
const instant = { name: 'instant', locality: 'local', checkAvailable: async () => ({ ok: true }), complete: async () => ({ text: reply, usage: { inputTokens: 0, outputTokens: 0 }, model: 'instant' }), stream: async () => ({ text: '', usage: { inputTokens: 0, outputTokens: 0 }, model: 'instant' }) };
const parser = await loadBashParser();
const table = new CommandTable({ aliases: [], functions: [], path: process.env.PATH ?? '' });
const env = { ...process.env, HOME: work };
const planner = createPlanner({
  tiers: [{ name: 'instant', backend: instant, timeoutMs: 1000, minConfidence: 0.5 }],
  privacy: 'local-only',
  budget: fileCloudBudget(join(work, 'spend.json'), undefined),
  envSecrets: [],
  cache: fileCacheStore(join(work, 'cache')),
  contextSources: localContextSources({ env, shell: 'bash', lastCommand: async () => ({ line: 'make', status: 2, outputTail: 'error: missing separator' }) }),
  contextBudgetMs: 50,
  validateCommand: (c) => parser.withTree(c, (r) => (r.hasError ? 'does not parse' : undefined)),
  missingPrograms: (c) => parser.withTree(c, (r) => commandWords(r)).filter((w) => table.typeOf(w) === ''),
});
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p99 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.99))];
const time = async (fn) => { const t = performance.now(); await fn(); return performance.now() - t; };
for (let i = 0; i < 10; i++) await planner.suggest(`warm up ${i}`, { cwd: repo });
const misses = [];
for (let i = 0; i < 100; i++) misses.push(await time(() => planner.suggest(`find the five biggest files number ${i}`, { cwd: repo })));
const hits = [];
for (let i = 0; i < 100; i++) hits.push(await time(() => planner.suggest('find the five biggest files number 7', { cwd: repo })));
rmSync(work, { recursive: true, force: true });
console.log(`planner overhead without model time (context + prompt + parse + validate): median ${median(misses).toFixed(2)} ms, p99 ${p99(misses).toFixed(2)} ms (target: median < 30 ms)`);
console.log(`cache hits: median ${median(hits).toFixed(2)} ms, p99 ${p99(hits).toFixed(2)} ms (target: < 10 ms)`);
