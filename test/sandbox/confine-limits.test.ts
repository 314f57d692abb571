// A real fork bomb under the real bwrap and nl-sh-confine, as root and as NLSH_TEST_USER: the
// process count stays under the limit (a pids cgroup for root, whom RLIMIT_NPROC does not bind;
// the rlimit in bwrap's user namespace otherwise), the host stays responsive, and when the run
// is ended every process it made is gone. Bounded: the bomb is ended after 2 s whatever happens.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createNodeProbeIo, probeCapabilities } from '../../src/sandbox/capabilities.js';
import { buildConfineArgs } from '../../src/sandbox/confine-args.js';
import { buildLimitsArgs } from '../../src/sandbox/limits-args.js';
import { availableOrFailInCi } from '../support/require-in-ci.js';
import { confinePath, confineReady, testUsers, type TestUser } from './confine-support.js';

const ready = availableOrFailInCi(confineReady(), 'bwrap and bin/nl-sh-confine (npm run setup)');
const caps = ready ? probeCapabilities(createNodeProbeIo(process.env), { confinePath }) : undefined;
const isRoot = process.getuid?.() === 0;
const MAX = 64;
// The sandbox stays up (sleep) so the bomb is not ended by its pid namespace going away.
const bomb = ':(){ :|:& };:; sleep 30';

// The sandbox as the writes profile builds it today (own pid namespace, private /tmp).
// The helper is bound back in after the private /tmp, as prepare.ts does (a checkout may live under /tmp).
const bwrapWith = (helper: string): string[] => ['bwrap', '--die-with-parent', '--new-session', '--unshare-all', '--cap-drop', 'ALL', '--ro-bind', '/', '/', '--dev', '/dev', '--proc', '/proc', '--tmpfs', '/tmp', '--ro-bind', helper, helper, '--'];

// Every process, as "pid:starttime" → parent pid (starttime tells a reused pid apart).
function processTable(): Map<number, { key: string; ppid: number }> {
  const table = new Map<number, { key: string; ppid: number }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      table.set(Number(name), { key: `${name}:${fields[19]}`, ppid: Number(fields[1]) });
    } catch {
      // gone while we looked
    }
  }
  return table;
}

function descendants(root: number, table: Map<number, { key: string; ppid: number }>): string[] {
  const children = new Map<number, number[]>();
  for (const [pid, { ppid }] of table) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  const out: string[] = [];
  const todo = [...(children.get(root) ?? [])];
  for (let pid = todo.pop(); pid !== undefined; pid = todo.pop()) {
    out.push(table.get(pid)?.key ?? '');
    todo.push(...(children.get(pid) ?? []));
  }
  return out;
}

const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function exited(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return Promise.race([new Promise<boolean>((r) => child.on('exit', () => r(true))), pause(ms).then(() => false)]);
}

describe.runIf(ready).each(testUsers())('a fork bomb as $who', (user: TestUser) => {
  const root = isRoot && user.who === 'root';

  it(`is held to ${MAX} processes within 2 s, and nothing of it outlives the run`, async () => {
    const confine = caps?.confine;
    expect(confine).toBeDefined();
    if (confine === undefined) return;
    if (root) availableOrFailInCi(confine.pidsCgroup, 'a writable pids cgroup for root');
    const limits = buildLimitsArgs({ processes: MAX, cpuSeconds: 20, memoryBytes: 512 << 20, fileSizeBytes: 64 << 20 }, { systemdUser: false, prlimit: undefined, confine: { path: confine.path, pidsCgroup: confine.pidsCgroup, root } });
    expect(limits.degraded).toEqual([]);
    const helper = buildConfineArgs(confine.path, { write: [], network: false, signalOut: false, limitFlags: limits.confineFlags, bestEffort: false });
    const argv = [...user.prefix, ...limits.outer, ...bwrapWith(confine.path), ...helper, 'bash', '-c', bomb];
    const child = spawn(argv[0] ?? '', argv.slice(1), { env: user.env, stdio: 'ignore', detached: true });
    const seen = new Set<string>();
    let peak = 0;
    let slowest = 0;
    try {
      const start = Date.now();
      while (Date.now() - start < 2000) {
        const now = descendants(child.pid ?? -1, processTable());
        for (const k of now) seen.add(k);
        peak = Math.max(peak, now.length);
        const t0 = Date.now();
        spawnSync('true');
        slowest = Math.max(slowest, Date.now() - t0);
        await pause(50);
      }
    } finally {
      child.kill('SIGTERM');
      if (!(await exited(child, 5000))) process.kill(-(child.pid ?? 0), 'SIGKILL');
    }
    // The helper, bwrap and bwrap's init are counted by the tree, not all by the limit.
    expect(peak).toBeGreaterThan(MAX / 2);
    expect(peak).toBeLessThanOrEqual(MAX + 3);
    expect(slowest).toBeLessThan(1000);
    let alive: string[] = [];
    for (let i = 0; i < 60; i++) {
      const keys = new Set([...processTable().values()].map((p) => p.key));
      alive = [...seen].filter((k) => keys.has(k));
      if (!alive.length) break;
      await pause(50);
    }
    expect(alive).toEqual([]);
    if (root) {
      const left = spawnSync('find', ['/sys/fs/cgroup', '-maxdepth', '6', '-name', `nl-sh-run-${child.pid}`], { encoding: 'utf8' }).stdout;
      expect(left).toBe('');
    }
  }, 20_000);
});
