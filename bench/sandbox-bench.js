// Sandbox overhead, measured in the same run and interleaved: a plain `bash -c true`, the same
// command as nl-sh prepares it to run contained under the read-only profile and under the writes
// profile (bwrap + nl-sh-confine, with limits), and a dry run of it (overlay, no network, private
// /tmp, change collection). Targets: each sandboxed run adds < 15 ms, the dry run < 60 ms.
// Usage: node bench/sandbox-bench.js [runs]   (npm run build first)
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildProfile, bundledConfinePath, createNodeProbeIo, dryRun, prepareCommand, probeCapabilities } from '../dist/sandbox/index.js';
import { canShowHost } from '../dist/flow/contain.js';

const runs = Number(process.argv[2] ?? 30);
const cwd = realpathSync(mkdtempSync(join(tmpdir(), 'nlsh-sandbox-bench-')));
writeFileSync(join(cwd, 'file.txt'), 'hello\n');
const home = process.env.HOME ?? cwd;
const caps = probeCapabilities(createNodeProbeIo(process.env), { confinePath: bundledConfinePath() });
const prepare = (kind) => prepareCommand('true', buildProfile({ kind, cwd, home, nlshConfigDir: join(home, '.config', 'nl-sh'), network: false, hostView: canShowHost(caps, kind) }), caps, { exists: existsSync });
const readOnly = prepare('read-only');
const prepared = prepare('writes');
const run = (argv) => new Promise((resolve, reject) => {
  const child = spawn(argv[0], argv.slice(1), { cwd, stdio: 'ignore' });
  child.on('error', reject);
  child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${argv.join(' ')} exited ${code}`))));
});
const targets = {
  plain: () => run(['bash', '-c', 'true']),
  'read-only': () => run(readOnly.argv),
  writes: () => run(prepared.argv),
  'dry run': async () => {
    const r = await dryRun({ command: 'true', cwd });
    await r.cleanup();
    if (!r.available) throw new Error(`dry run unavailable: ${r.reason}`);
  },
};
const times = Object.fromEntries(Object.keys(targets).map((k) => [k, []]));
for (const fn of Object.values(targets)) await fn();
for (let i = 0; i < runs; i++) {
  for (const [name, fn] of Object.entries(targets)) {
    const t = performance.now();
    await fn();
    times[name].push(performance.now() - t);
  }
}
rmSync(cwd, { recursive: true, force: true });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const base = median(times.plain);
console.log(`sandbox mechanism: ${prepared.mechanism}${prepared.degraded.length ? ` (degraded: ${prepared.degraded.join('; ')})` : ''}${prepared.unpinned.length ? ` (not pinned, absent: ${prepared.unpinned.length})` : ''}`);
for (const [name, xs] of Object.entries(times)) {
  const m = median(xs);
  console.log(`${name.padEnd(10)} median ${m.toFixed(1)} ms  (+${(m - base).toFixed(1)} ms, ${(m / base).toFixed(1)} x plain)`);
}
const ok = (name, limit) => `${name} adds < ${limit} ms: ${median(times[name]) - base < limit ? 'ok' : 'MISS'}`;
console.log(`targets (${process.getuid?.() === 0 ? 'as root: the pids cgroup costs a few ms more' : 'as a user'}): ${ok('read-only', 15)}; ${ok('writes', 15)}; ${ok('dry run', 60)}`);
