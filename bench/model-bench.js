// The embedded model, measured with the test model and a model server of the bench's own (a
// private runtime directory): cold start to the first streamed piece (no server → spawn, load,
// prompt), warm time to a complete plan over simple requests through the real planner with one
// embedded tier (compact reply), generation speed, the server's RSS, and the RSS of nl-sh's own
// process after requests the embedded model answered vs requests a fake Ollama answered (the
// model's memory is never in the shell: the ratio should be about 1). Fails (exit 1) when that
// ratio is over 1.10. Nothing is tuned: the server runs with its defaults, the tier with the
// default tier's time limit and confidence threshold.
// Usage: node bench/model-bench.js [--quick] [--json FILE]
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createPlanner } from '../dist/planner/index.js';
import { createEmbeddedBackend } from '../dist/planner/backends/embedded.js';
import { plannerDeps } from '../dist/cli/planner-wiring.js';
import { defaultConfig, defaultTiers } from '../dist/config.js';
import { loadBashParser } from '../dist/risk/index.js';
import { modelSocketPath, startModelServer } from '../dist/model-server-start.js';
import { serverInfo, usageTap, procMemory } from './model-wire-client.js';
import { shellRssAfterRequests, startFakeOllama } from './model-bench-shell.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const arg = (flag) => (process.argv.includes(flag) ? process.argv[process.argv.indexOf(flag) + 1] : undefined);
const quick = process.argv.includes('--quick');
const jsonOut = arg('--json');
const RATIO_LIMIT = 1.1;
// The Node nl-sh (and so the server it starts) runs on.
const bundledNode = join(root, 'node_modules', 'node', 'bin', 'node');

const REQUESTS = [
  'list the files here', 'show disk usage', 'show the current directory', 'count the lines in notes.txt',
  'show the biggest files', 'what time is it', 'show free memory', 'list running processes',
  'find the text files', 'show the last lines of big.log', 'print my user name', 'show the date',
  'list hidden files', 'how long has the machine been up', 'show the kernel version', 'count the files here',
  'search for TODO in src', 'show the environment variables', 'show the size of this folder', 'list files by modification time',
].slice(0, quick ? 5 : 20);
const SHELL_REQUESTS = ['list the files here', 'show disk usage'].slice(0, quick ? 1 : 2);

const testModel = () => process.env.NLSH_TEST_MODEL || execFileSync('bash', [join(root, 'scripts', 'test-model.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim().split('\n').at(-1);
// Attempt outcomes that mean the reply parsed as a plan (whether or not it was then offered).
const PARSED = ['ok', 'low-confidence', 'missing-programs'];
const sorted = (xs) => [...xs].sort((a, b) => a - b);
const quantile = (xs, q) => sorted(xs)[Math.min(xs.length - 1, Math.ceil(xs.length * q) - 1)];
const sum = (xs) => xs.reduce((a, b) => a + b, 0);
const countBy = (xs) => xs.reduce((acc, x) => ({ ...acc, [x]: (acc[x] ?? 0) + 1 }), {});
const pause = (ms) => new Promise((r) => setTimeout(r, ms));
const isAlive = (pid) => { try { process.kill(pid, 0); return true; } catch { return false; } };

// A work folder for the planner's context, and a private runtime directory for the server.
function makePlaces() {
  const work = mkdtempSync(join(tmpdir(), 'nlsh-model-bench-'));
  const run = join(work, 'run');
  mkdirSync(run, { mode: 0o700 });
  chmodSync(run, 0o700);
  const cwd = join(work, 'files');
  mkdirSync(join(cwd, 'src'), { recursive: true });
  writeFileSync(join(cwd, 'notes.txt'), 'one\ntwo\n');
  writeFileSync(join(cwd, 'big.log'), 'line\n'.repeat(2000));
  writeFileSync(join(cwd, 'src', 'a.ts'), '// TODO later\n');
  return { work, run, cwd };
}

// Planners over one embedded tier: `direct` on the server's socket, `tapped` through the usage tap.
async function makePlanners(model, env, socket, tapSocket) {
  const parser = await loadBashParser();
  const deps = plannerDeps({ config: { ...defaultConfig, tiers: [] }, env, parser });
  const start = (o) => startModelServer({ ...o, socketPath: socket, execPath: existsSync(bundledNode) ? bundledNode : process.execPath });
  const tier = (socketPath) => ({ name: 'embedded', timeoutMs: defaultTiers[0].timeoutMs, minConfidence: defaultTiers[0].minConfidence, backend: createEmbeddedBackend({ model, env, idleSeconds: 300, socketPath, start }) });
  return { direct: createPlanner({ ...deps, tiers: [tier(socket)] }), tapped: createPlanner({ ...deps, tiers: [tier(tapSocket)] }) };
}

// No server yet: a `?` question through the planner, timed to its first piece, then cancelled.
async function coldStart(planner, cwd) {
  const controller = new AbortController();
  const t0 = performance.now();
  let firstPieceMs;
  await planner.ask('what does ls -la show', () => {
    firstPieceMs ??= performance.now() - t0;
    controller.abort();
  }, { cwd, signal: controller.signal });
  if (firstPieceMs === undefined) throw new Error('the cold start produced no piece');
  return firstPieceMs;
}

// One plan per request, timed; the server's usage of each (repairs included) from the tap.
async function warmPlans(planner, cwd, usages) {
  await planner.suggest('list the folders here', { cwd });
  const rows = [];
  for (const text of REQUESTS) {
    const from = usages.length;
    const t0 = performance.now();
    const result = await planner.suggest(text, { cwd });
    const ms = performance.now() - t0;
    const outcome = result.ok ? (result.lowConfidence ? 'low-confidence' : 'ok') : (result.attempts.at(-1)?.outcome ?? 'failed');
    const attempts = result.attempts.map((a) => `${a.outcome}${a.detail ? `: ${a.detail}` : ''}`);
    const parsed = result.attempts.some((a) => PARSED.includes(a.outcome));
    rows.push({ text, ms, parsed, planned: result.ok, outcome, command: result.ok ? result.reply.command : undefined, attempts, usage: usages.slice(from) });
  }
  return rows;
}

// Output tokens per second of generation: tokens after the first piece over the time after it.
function generationRate(usages) {
  const timed = usages.filter((u) => u.firstPieceMs >= 0 && u.totalMs > u.firstPieceMs && u.outputTokens > 1);
  return { tokensPerSecond: (sum(timed.map((u) => u.outputTokens - 1)) / sum(timed.map((u) => u.totalMs - u.firstPieceMs))) * 1000, outputTokens: sum(usages.map((u) => u.outputTokens)) };
}

async function stopServer(socket) {
  const info = await serverInfo(socket).catch(() => undefined);
  if (!info) return;
  process.kill(info.pid, 'SIGTERM');
  for (let i = 0; i < 60 && isAlive(info.pid); i++) await pause(50);
  if (isAlive(info.pid)) process.kill(info.pid, 'SIGKILL');
}

const model = testModel();
const { work, run, cwd } = makePlaces();
const env = { PATH: process.env.PATH, HOME: work, XDG_RUNTIME_DIR: run, LANG: 'C.UTF-8' };
const socket = modelSocketPath(env, process.getuid(), tmpdir());
const usages = [];
const serverErrors = [];
const tap = await usageTap(join(work, 'tap.sock'), socket, (reply) => (reply.type === 'done' ? usages.push(reply.usage) : serverErrors.push(reply.error.message)));
const fake = await startFakeOllama();
const results = { model, quick };
try {
  const planners = await makePlanners(model, env, socket, join(work, 'tap.sock'));
  results.coldFirstPieceMs = await coldStart(planners.direct, cwd);
  results.loadMs = Number(/loaded .* in (\d+) ms/.exec(readFileSync(join(run, 'nl-sh', 'model.log'), 'utf8'))?.[1] ?? NaN);
  const rows = await warmPlans(planners.tapped, cwd, usages);
  const times = rows.map((r) => r.ms);
  results.warm = { requests: rows.length, medianMs: quantile(times, 0.5), p90Ms: quantile(times, 0.9), parsed: rows.filter((r) => r.parsed).length, planned: rows.filter((r) => r.planned).length, outcomes: rows.map((r) => r.outcome), rows };
  results.generation = generationRate(rows.flatMap((r) => r.usage));
  results.firstPieceMedianMs = quantile(rows.flatMap((r) => r.usage.map((u) => u.firstPieceMs)), 0.5);
  results.evaluatedTokensMedian = quantile(rows.flatMap((r) => r.usage.map((u) => u.evaluatedTokens)), 0.5);
  const info = await serverInfo(socket);
  results.server = { pid: info.pid, loads: info.loads, infoRssMb: info.rssBytes / 2 ** 20, ...procMemory(info.pid) };
  results.shellOllama = await shellRssAfterRequests({ tierToml: `name = "small"\nbackend = "ollama"\nmodel = "small"\nhost = "${fake.url}"`, runDir: run, requests: SHELL_REQUESTS });
  results.shellEmbedded = await shellRssAfterRequests({ tierToml: `name = "local"\nbackend = "embedded"\nmodel = "${model}"`, runDir: run, requests: SHELL_REQUESTS });
  results.shellRatio = results.shellEmbedded.afterMb / results.shellOllama.afterMb;
  results.serverLoadsAfterShell = (await serverInfo(socket)).loads;
  results.serverErrors = countBy(serverErrors);
} finally {
  await stopServer(socket);
  tap.close();
  fake.server.close();
  rmSync(work, { recursive: true, force: true });
}

const f = (n, d = 0) => (Number.isFinite(n) ? n.toFixed(d) : 'n/a');
const { warm, server, shellOllama: so, shellEmbedded: se } = results;
console.log(`model: ${model.split('/').at(-1)}; server with its defaults\n`);
console.log('| measure | value |');
console.log('|---|---:|');
console.log(`| cold start to first piece (spawn + load + prompt) | ${f(results.coldFirstPieceMs)} ms (load ${f(results.loadMs)} ms) |`);
console.log(`| warm plan, median over ${warm.requests} requests | ${f(warm.medianMs)} ms |`);
console.log(`| warm plan, p90 | ${f(warm.p90Ms)} ms |`);
console.log(`| replies parsed as a plan / plans offered | ${warm.parsed}/${warm.requests} / ${warm.planned}/${warm.requests} |`);
console.log(`| first piece, median (prompt tokens evaluated: median ${results.evaluatedTokensMedian}) | ${f(results.firstPieceMedianMs)} ms |`);
console.log(`| generation | ${f(results.generation.tokensPerSecond, 1)} tokens/s (${results.generation.outputTokens} tokens) |`);
console.log(`| server RSS ({"op":"info"}) | ${f(server.infoRssMb, 1)} MB |`);
console.log(`| server VmRSS / RssAnon / RssFile | ${f(server.vmRssMb, 1)} / ${f(server.rssAnonMb, 1)} / ${f(server.rssFileMb, 1)} MB |`);
console.log(`| nl-sh RSS after ${SHELL_REQUESTS.length} requests: fake Ollama / embedded | ${f(so.afterMb, 1)} / ${f(se.afterMb, 1)} MB |`);
console.log(`| nl-sh RSS ratio embedded / Ollama | ${f(results.shellRatio, 3)} |`);
console.log(`\noutcomes: ${Object.entries(countBy(warm.outcomes)).map(([k, n]) => `${k} ${n}`).join(', ')}; shell requests (embedded): ${se.outcomes.join(', ')}; model loads: ${results.serverLoadsAfterShell}`);
for (const [message, n] of Object.entries(results.serverErrors)) console.log(`server error x${n}: ${message}`);
const checks = [
  [`nl-sh RSS with the embedded tier <= ${RATIO_LIMIT} x with Ollama`, results.shellRatio <= RATIO_LIMIT],
];
console.log('');
for (const [label, ok] of checks) console.log(`${ok ? 'ok  ' : 'MISS'} ${label}`);
if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ results, checks }, null, 2));
process.exit(checks.every(([, ok]) => ok) ? 0 : 1);
