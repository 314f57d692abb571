// Measures nl-sh against `bash --norc -i` in a pty, `script -q -c bash`, and a bare node-pty
// passthrough, in the same run: time to first prompt, per-line round trip, keystroke echo
// latency, output throughput and idle RSS. Prints a table and ratios against the passthrough.
// Usage: node bench/shell-bench.js [--quick] [--json FILE]
import { spawn } from '@lydell/node-pty';
import { mkdtempSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const quick = process.argv.includes('--quick');
const jsonOut = process.argv.includes('--json') ? process.argv[process.argv.indexOf('--json') + 1] : undefined;
const N = { starts: quick ? 5 : 15, lines: quick ? 100 : 400, keys: quick ? 100 : 400, mb: quick ? 20 : 100, rounds: quick ? 1 : 3 };
const PROMPT = 'BENCH$ ';
const node = join(root, 'node_modules', '.bin', 'node');
const home = mkdtempSync(join(tmpdir(), 'nlsh-bench-'));
writeFileSync(join(home, '.bashrc'), `PS1='${PROMPT}'\n`);
const bigFile = join(home, 'big.txt');
const line = 'the quick brown fox jumps over the lazy dog 0123456789 '.repeat(2) + '\n';
writeFileSync(bigFile, line.repeat(Math.ceil((N.mb * 1e6) / line.length)));
const bigBytes = readFileSync(bigFile).length;

const targets = [
  { name: 'bash --norc -i', file: 'bash', args: ['--norc', '-i'] },
  { name: 'script -q -c bash', file: 'script', args: ['-q', '-c', 'bash --norc -i', '/dev/null'] },
  { name: 'passthrough', file: node, args: [join(root, 'bench', 'passthrough.js')] },
  { name: 'nl-sh', file: process.env.NLSH_BENCH_BIN || join(root, 'bin', 'nl-sh'), args: [] },
  // The same session with a pass-through decider (no router): the router's own cost is the difference.
  { name: 'nl-sh, no router', file: node, args: [join(root, 'test', 'fixtures', 'hook-shell.mjs')] },
];
const env = { PATH: process.env.PATH, HOME: home, TERM: 'xterm-256color', LANG: 'C.UTF-8', PS1: PROMPT, HISTFILE: '/dev/null', XDG_RUNTIME_DIR: home };

const now = () => Number(process.hrtime.bigint()) / 1e6;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p99 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.99))];

function start(t) {
  const pty = spawn(t.file, t.args, { name: 'xterm-256color', cols: 120, rows: 40, cwd: home, env, encoding: null });
  const s = { pty, tail: '', total: 0, waiters: [] };
  pty.onData((d) => {
    s.total += d.length;
    s.tail = (s.tail + d.toString('latin1', Math.max(0, d.length - 256))).slice(-256);
    for (const w of s.waiters.splice(0)) if (!w()) s.waiters.push(w);
  });
  return s;
}
const until = (s, pred, ms = 60_000) =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timeout; tail=${JSON.stringify(s.tail)}`)), ms);
    const w = () => (pred() ? (clearTimeout(timer), resolve(), true) : false);
    if (!w()) s.waiters.push(w);
  });
// readline may clear to the end of the line after drawing the prompt.
const atPrompt = (s) => s.tail.endsWith(PROMPT) || s.tail.endsWith(`${PROMPT}\x1b[K`);
const stop = async (s) => {
  s.pty.write('exit\r');
  await new Promise((r) => { s.pty.onExit(r); setTimeout(r, 2000); });
};
function rssKb(pid) {
  const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) : NaN;
}

// Every target is measured in alternation, round by round, so that drift in the machine's
// speed during the run (other load, CPU frequency) lands on all of them alike.
async function firstPrompt(t) {
  const t0 = now();
  const s = start(t);
  await until(s, () => atPrompt(s));
  const ms = now() - t0;
  await stop(s);
  return ms;
}

async function roundTrips(s, n) {
  const xs = [];
  for (let i = 0; i < n; i++) {
    s.tail = '';
    const t0 = now();
    s.pty.write(':\r');
    await until(s, () => atPrompt(s));
    xs.push(now() - t0);
  }
  return xs;
}

async function echoes(s, n) {
  const xs = [];
  for (let i = 0; i < n; i++) {
    for (const key of ['x', '\x7f']) {
      const before = s.total;
      const t0 = now();
      s.pty.write(key);
      await until(s, () => s.total > before);
      xs.push(now() - t0);
      await new Promise((r) => setTimeout(r, 1));
    }
  }
  return xs;
}

async function throughput(s) {
  s.tail = '';
  const before = s.total;
  const t0 = now();
  s.pty.write(`cat ${bigFile}\r`);
  await until(s, () => s.total - before > bigBytes && atPrompt(s), 300_000);
  return bigBytes / 1e6 / ((now() - t0) / 1000);
}

const ROUNDS = quick ? 4 : 8;
const acc = Object.fromEntries(targets.map((t) => [t.name, { starts: [], trips: [], echoes: [], mbs: [] }]));
for (let r = 0; r < N.starts; r++) for (const t of targets) acc[t.name].starts.push(await firstPrompt(t));
const sessions = [];
for (const t of targets) {
  const s = start(t);
  await until(s, () => atPrompt(s));
  await roundTrips(s, 20);
  sessions.push([t, s]);
}
for (let r = 0; r < ROUNDS; r++) {
  process.stderr.write(`round ${r + 1}/${ROUNDS}\n`);
  for (const [t, s] of sessions) acc[t.name].trips.push(...(await roundTrips(s, Math.ceil(N.lines / ROUNDS))));
  for (const [t, s] of sessions) acc[t.name].echoes.push(...(await echoes(s, Math.ceil(N.keys / ROUNDS))));
}
for (let r = 0; r < N.rounds; r++) for (const [t, s] of sessions) acc[t.name].mbs.push(await throughput(s));
await new Promise((r) => setTimeout(r, 1500));
const results = {};
for (const [t, s] of sessions) {
  const a = acc[t.name];
  results[t.name] = {
    firstPromptMs: median(a.starts),
    roundTripMs: median(a.trips),
    roundTripP99Ms: p99(a.trips),
    echoMs: median(a.echoes),
    echoP99Ms: p99(a.echoes),
    throughputMBs: Math.max(...a.mbs),
    idleRssKb: rssKb(s.pty.pid),
  };
  await stop(s);
}
rmSync(home, { recursive: true, force: true });

const base = results.passthrough;
const nl = results['nl-sh'];
const fmt = (v, d = 2) => (Number.isFinite(v) ? v.toFixed(d) : String(v));
const rows = [
  ['time to first prompt (ms, median)', 'firstPromptMs', 1],
  ['per-line round trip (ms, median)', 'roundTripMs', 3],
  ['per-line round trip (ms, p99)', 'roundTripP99Ms', 3],
  ['keystroke echo (ms, median)', 'echoMs', 3],
  ['keystroke echo (ms, p99)', 'echoP99Ms', 3],
  [`throughput (MB/s, ${N.mb} MB of text)`, 'throughputMBs', 1],
  ['idle RSS of the pty owner (MB)', 'idleRssKb', 1],
];
const names = Object.keys(results);
console.log(`| metric | ${names.join(' | ')} | nl-sh / passthrough |`);
console.log(`|---|${names.map(() => '---:').join('|')}|---:|`);
for (const [label, key, d] of rows) {
  const cells = names.map((n) => fmt(key === 'idleRssKb' ? results[n][key] / 1024 : results[n][key], d));
  console.log(`| ${label} | ${cells.join(' | ')} | ${fmt(nl[key] / base[key], 2)} |`);
}
const bare = results['nl-sh, no router'];
console.log(`\nrouter cost per line (median round trip, nl-sh minus nl-sh without router): ${fmt((nl.roundTripMs - bare.roundTripMs) * 1000, 0)} us (${fmt(nl.roundTripMs / bare.roundTripMs, 2)} x)`);
const checks = [
  ['throughput >= 0.9 x passthrough', nl.throughputMBs >= 0.9 * base.throughputMBs],
  ['echo median <= 1.2 x passthrough', nl.echoMs <= 1.2 * base.echoMs],
  ['round trip median <= 1.5 x passthrough', nl.roundTripMs <= 1.5 * base.roundTripMs],
  ['first prompt <= passthrough + 40 ms', nl.firstPromptMs <= base.firstPromptMs + 40],
  ['idle RSS <= 1.5 x passthrough', nl.idleRssKb <= 1.5 * base.idleRssKb],
];
console.log('');
for (const [label, ok] of checks) console.log(`${ok ? 'ok  ' : 'MISS'} ${label}`);
if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ n: N, results, checks }, null, 2));
