// Risk classifier latency: the parser's cold start (first load in this process), then
// p50/p99/max per command over the dev corpus and synthetic commands of up to 500 characters,
// after a warm-up. Target: p99 < 2 ms per command. Then the pathological inputs of up to 4,000
// characters (bench/pathological-inputs.js), with and without facts of a real directory of
// 3,000 files: the worst of several runs each. Target: every one < 100 ms. Exits 1 on a miss.
// Usage: node bench/risk-bench.js [corpus.jsonl]   (build first: npx tsc -p tsconfig.build.json)

import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { makeGlobTree, pathologicalInputs } from './pathological-inputs.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const corpusPath = resolve(process.argv[2] ?? resolve(repoRoot, '../shared/eval/risk/dev.jsonl'));
const adversarialPath = resolve(repoRoot, 'test/risk/adversarial.jsonl');
const targetMs = 2;
const reps = 20;
const pathologicalTargetMs = 100;
const pathologicalReps = 5;

const t0 = performance.now();
const sandbox = await import('../dist/risk/index.js');
const tImport = performance.now();
const parser = await sandbox.loadBashParser();
const tParser = performance.now();
const rules = sandbox.loadRules();
const tRules = performance.now();

const corpus = existsSync(corpusPath)
  ? readFileSync(corpusPath, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l).cmd)
  : [];
const adversarial = readFileSync(adversarialPath, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l).cmd);
const commands = [...corpus, ...adversarial, ...synthetic()].filter((c) => c.length <= 500);

const classify = (cmd) => sandbox.classifyCommand(cmd, { parser, rules });
const tFirst0 = performance.now();
classify(commands[0] ?? 'ls');
const tFirst = performance.now();
for (let i = 0; i < 3; i++) for (const c of commands) classify(c);

const samples = [];
const bySize = new Map();
for (const c of commands) {
  for (let i = 0; i < reps; i++) {
    const start = performance.now();
    classify(c);
    const ms = performance.now() - start;
    samples.push(ms);
    const bucket = c.length <= 100 ? '≤100' : c.length <= 250 ? '101-250' : '251-500';
    (bySize.get(bucket) ?? bySize.set(bucket, []).get(bucket)).push(ms);
  }
}

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0;
  return { n: s.length, p50: q(0.5), p99: q(0.99), max: s[s.length - 1] ?? 0 };
};
const fmt = (ms) => `${ms.toFixed(3)} ms`;
const all = stats(samples);
console.log(`node ${process.version}`);
console.log(`cold start: import ${fmt(tImport - t0)}, parser load ${fmt(tParser - tImport)}, rules ${fmt(tRules - tParser)}, first classification ${fmt(tFirst - tFirst0)}`);
console.log(`commands: ${commands.length} (${corpus.length} from ${corpus.length > 0 ? corpusPath : 'no corpus'}, ${adversarial.length} from the adversarial table), ${reps} runs each after 3 warm-up passes`);
for (const [bucket, xs] of [...bySize].sort()) {
  const s = stats(xs);
  console.log(`  ${bucket.padEnd(8)} chars: n=${String(s.n).padStart(6)}  p50 ${fmt(s.p50)}  p99 ${fmt(s.p99)}  max ${fmt(s.max)}`);
}
console.log(`  all      chars: n=${String(all.n).padStart(6)}  p50 ${fmt(all.p50)}  p99 ${fmt(all.p99)}  max ${fmt(all.max)}`);
// Baseline in the same run: parsing alone (what any judgement costs at least), as a ratio.
const parseSamples = [];
for (const c of commands) {
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    parser.withTree(c, () => 0);
    parseSamples.push(performance.now() - start);
  }
}
const parsed = stats(parseSamples);
console.log(`  baseline: parsing alone p50 ${fmt(parsed.p50)}  p99 ${fmt(parsed.p99)}; judging costs ${(all.p50 / parsed.p50).toFixed(1)}× parsing at p50, ${(all.p99 / parsed.p99).toFixed(1)}× at p99`);
console.log(`target p99 < ${targetMs} ms: ${all.p99 < targetMs ? 'PASS' : 'FAIL'}`);
const worstMs = benchPathological();
process.exitCode = all.p99 < targetMs && worstMs < pathologicalTargetMs ? 0 : 1;

/** The worst time of each pathological input, with and without filesystem facts; returns the worst of all. */
function benchPathological() {
  const root = mkdtempSync(join(tmpdir(), 'nlsh-risk-bench-'));
  try {
    makeGlobTree(root, 3000);
    const facts = sandbox.createFsFacts({ cwd: root, home: root });
    const inputs = pathologicalInputs();
    for (const p of inputs) for (const f of [undefined, facts]) sandbox.classifyCommand(p.cmd, { parser, rules, facts: f });
    let worstAll = 0;
    console.log(`pathological inputs (up to 4,000 chars): worst of ${pathologicalReps} runs after a warm-up, facts of ${root.replace(tmpdir(), '$TMPDIR')} (3,000 files)`);
    for (const p of inputs) {
      const times = [undefined, facts].map((f) => {
        let worst = 0;
        for (let i = 0; i < pathologicalReps; i++) {
          const start = performance.now();
          sandbox.classifyCommand(p.cmd, { parser, rules, facts: f });
          worst = Math.max(worst, performance.now() - start);
        }
        return worst;
      });
      const level = sandbox.classifyCommand(p.cmd, { parser, rules, facts }).level;
      worstAll = Math.max(worstAll, ...times);
      console.log(`  ${fmt(times[0]).padStart(10)}  ${fmt(times[1]).padStart(10)} (facts)  ${level.padEnd(12)} ${p.name} [${p.cmd.length}]`);
    }
    console.log(`target worst < ${pathologicalTargetMs} ms: ${worstAll < pathologicalTargetMs ? 'PASS' : 'FAIL'} (worst ${fmt(worstAll)})`);
    return worstAll;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** Commands of every shape up to 500 characters: long pipelines, lists, nesting, here-docs. */
function synthetic() {
  const out = [];
  const words = ['src/app.ts', '--verbose', '-rf', "'quoted arg'", '"$HOME/x"', '*.log', '$(date +%F)', 'build/', '-n', '10'];
  for (let n = 1; n <= 40; n += 3) {
    out.push(`grep -rn pattern ${Array.from({ length: n }, (_, i) => words[i % words.length]).join(' ')}`);
    out.push(Array.from({ length: n }, (_, i) => ['cat a.txt', 'grep x', 'sort', 'uniq -c', 'head -n 5', 'tr a-z A-Z'][i % 6]).join(' | '));
    out.push(Array.from({ length: n }, (_, i) => ['mkdir -p out', 'cp a out/', 'rm -f out/tmp', 'git add -A', 'echo done'][i % 5]).join(' && '));
  }
  for (let d = 1; d <= 8; d++) {
    let inner = 'rm -rf build';
    for (let i = 0; i < d; i++) inner = i % 2 ? `bash -c ${JSON.stringify(inner)}` : `echo $(${inner})`;
    out.push(inner);
  }
  out.push(`for f in *.bak; do if [ -f "$f" ]; then mv -n "$f" "\${f%.bak}"; else echo "skip $f"; fi; done; ${'ls -la; '.repeat(20)}`);
  out.push(`sh <<'EOF'\n${'echo line; '.repeat(30)}rm -rf build\nEOF`);
  out.push(`python3 -c "import json,sys; ${'d = json.load(sys.stdin); '.repeat(10)}print(d)"`);
  out.push(`psql -d app -c "${'SELECT id, name FROM users WHERE id = 1; '.repeat(9)}"`);
  out.push(`find . -type f -name '*.tmp' -mtime +3 -exec rm -f {} + ${'-o -name x '.repeat(25)}`);
  out.push(`curl -fsSL https://example.com/install.sh | ${'env A=1 '.repeat(40)}bash -s -- --yes`);
  out.push(`f() { ${'g; '.repeat(30)} }; g() { rm -rf "$1"; }; f dist`);
  return out;
}
