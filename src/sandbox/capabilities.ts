// The capability probe: what this machine offers for containing commands (bwrap and its
// version, user namespaces, overlayfs in a user namespace, a systemd user manager, prlimit, and
// what the native helper nl-sh-confine can enforce: Landlock ABI, seccomp, a pids cgroup). All I/O goes through `ProbeIo`, so the decisions are testable; the probe
// runs on first use and the result is kept by a cache object the caller holds.

import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFileSafeSync } from '../read-file.js';
import { runBoundedSync } from '../run-bounded.js';
import type { Capabilities } from './sandbox-types.js';

/** The I/O the probe needs. */
export interface ProbeIo {
  /** Absolute path of an executable on PATH, or undefined. */
  which(name: string): string | undefined;
  /** Run a program to completion (short timeout); status undefined when it could not run. */
  run(file: string, args: string[]): { status: number | undefined; stdout: string };
  /** A file's text, or undefined when unreadable. */
  readText(path: string): string | undefined;
  uid(): number;
}

// Mount an overlay inside a fresh user+mount namespace; exit status 0 means it works.
const overlayScript = [
  'd=$(mktemp -d) || exit 9',
  'mkdir "$d/l" "$d/u" "$d/w" "$d/m"',
  'mount -t overlay overlay -o "lowerdir=$d/l,upperdir=$d/u,workdir=$d/w,userxattr" "$d/m"; s=$?',
  'umount "$d/m" 2>/dev/null; rm -rf "$d"; exit $s',
].join('\n');

/** Where to look for the helper (absent: the probe reports no helper). */
export interface ProbeOptions {
  confinePath?: string;
}

/** Probe the machine through `io`. */
export function probeCapabilities(io: ProbeIo, options: ProbeOptions = {}): Capabilities {
  const unshare = io.which('unshare');
  const userNamespaces = unshare !== undefined && io.run(unshare, ['--user', '--map-root-user', 'true']).status === 0;
  const overlayInUserNamespace = userNamespaces && unshare !== undefined && io.run(unshare, ['--user', '--map-root-user', '--mount', 'sh', '-c', overlayScript]).status === 0;
  const confine = options.confinePath === undefined ? undefined : probeConfine(io, options.confinePath);
  return {
    bwrap: probeBwrap(io),
    userNamespaces,
    overlayInUserNamespace,
    systemdUser: probeSystemdUser(io),
    prlimit: io.which('prlimit'),
    root: io.uid() === 0 && privileged(io),
    confine,
  };
}

// `nl-sh-confine --probe` prints key=value lines: landlock_abi, seccomp, pids_cgroup.
function probeConfine(io: ProbeIo, path: string): Capabilities['confine'] {
  const out = io.run(path, ['--probe']);
  if (out.status !== 0) return undefined;
  const facts = new Map(out.stdout.split('\n').map((line) => line.split('=', 2) as [string, string | undefined]));
  const abi = Number(facts.get('landlock_abi'));
  if (!Number.isInteger(abi) || abi < 0) return undefined;
  return { path, landlockAbi: abi, seccomp: facts.get('seccomp') === 'yes', pidsCgroup: facts.get('pids_cgroup') === 'yes' };
}

/** The helper built next to the launcher (bin/nl-sh-confine in the package). */
export function bundledConfinePath(): string {
  return fileURLToPath(new URL('../../bin/nl-sh-confine', import.meta.url));
}

function probeBwrap(io: ProbeIo): Capabilities['bwrap'] {
  const path = io.which('bwrap');
  if (path === undefined) return undefined;
  const out = io.run(path, ['--version']);
  const version = /(\d+\.\d+(?:\.\d+)?)/.exec(out.stdout)?.[1];
  if (out.status !== 0 || version === undefined) return undefined;
  return { path, version, overlay: compareVersions(version, '0.9.0') >= 0 };
}

// Root can run bwrap without a user namespace only with real privileges: uid 0 of the initial
// user namespace (not a nested one) holding CAP_SYS_ADMIN (not a container's capability-less
// root). Where /proc cannot tell, root is taken at its word.
function privileged(io: ProbeIo): boolean {
  const uidMap = io.readText('/proc/self/uid_map');
  if (uidMap !== undefined && !/^\s*0\s+0\s+4294967295\s*$/.test(uidMap)) return false;
  const capEff = /^CapEff:\s*([0-9a-f]+)$/m.exec(io.readText('/proc/self/status') ?? '')?.[1];
  const CAP_SYS_ADMIN = 21n;
  return capEff === undefined || ((BigInt(`0x${capEff}`) >> CAP_SYS_ADMIN) & 1n) === 1n;
}

// systemd-run --user needs systemd as PID 1 and a reachable user manager.
function probeSystemdUser(io: ProbeIo): boolean {
  if ((io.readText('/proc/1/comm') ?? '').trim() !== 'systemd') return false;
  const systemctl = io.which('systemctl');
  if (io.which('systemd-run') === undefined || systemctl === undefined) return false;
  const state = io.run(systemctl, ['--user', 'is-system-running']).stdout.trim();
  return state === 'running' || state === 'degraded';
}

/** Compare dotted versions numerically (-1, 0, 1). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

/** The real probe I/O (bounded synchronous runs with a 5 s timeout, PATH from `env`). */
export function createNodeProbeIo(env: Record<string, string | undefined>): ProbeIo {
  return {
    which(name) {
      for (const dir of (env.PATH ?? '').split(delimiter)) {
        if (!dir) continue;
        const p = join(dir, name);
        try {
          accessSync(p, constants.X_OK);
          return p;
        } catch {
          // not here
        }
      }
      return undefined;
    },
    run(file, args) {
      const r = runBoundedSync([file, ...args], { timeoutMs: 5000, maxBytes: 1024 * 1024 });
      return { status: r.status ?? undefined, stdout: `${r.stdout}${r.stderr}` };
    },
    readText(path) {
      // /proc and /sys files are regular files (their size says 0; the reader reads to the end).
      const read = readFileSafeSync(path, { maxBytes: 64 * 1024, overCap: 'head' });
      return read.ok ? read.value : undefined;
    },
    uid: () => process.getuid?.() ?? -1,
  };
}

/** A per-process cache: probes on the first `get()` (call it after the first prompt). */
export interface CapabilityCache {
  get(): Capabilities;
}

/** Make a cache around a probe (default: the real machine). */
export function createCapabilityCache(probe: () => Capabilities): CapabilityCache {
  let cached: Capabilities | undefined;
  return { get: () => (cached ??= probe()) };
}
