// Resource limits as argv prefixes: a systemd-run user scope where a systemd user manager runs
// (memory and process counts enforced by cgroups), prlimit rlimits elsewhere. Pure.
//
// With the native helper (nl-sh-confine) the rlimits become its flags (`confineFlags`, for
// buildConfineArgs; `inner` stays empty), and for root the process count is a pids cgroup
// around bwrap (`outer`: nl-sh-confine --pids-cgroup N). Why: RLIMIT_NPROC never binds uid 0
// of the initial user namespace (kernel/fork.c copy_process exempts the real user INIT_USER and
// CAP_SYS_RESOURCE/CAP_SYS_ADMIN), and bwrap maps root to uid 0, so a fork bomb in a root
// sandbox made thousands of processes. For an unprivileged user the rlimit does bind: it is
// counted per user namespace, and bwrap gives the sandbox its own.
//
// prlimit uses --data, never --as: an address-space limit breaks Node and other JITs, which
// reserve far more virtual memory than they use. CPU time and file size have no cgroup
// equivalent a scope can set, so they stay rlimits even under systemd.

import type { ResourceLimits } from './sandbox-types.js';

/** The argv prefixes that apply limits, and what each one covers. */
export interface LimitsArgs {
  /** Goes before the sandbox wrapper (systemd-run; empty when not used). */
  outer: string[];
  /** Goes just before the command, inside the sandbox (prlimit; empty when not used). */
  inner: string[];
  /** Mechanism names used, e.g. ["systemd-run", "prlimit"]. */
  mechanisms: string[];
  /** Limits that could not be applied, in words. */
  degraded: string[];
  /** With the helper: its limit flags, for `ConfineRequest.limitFlags` (absent without it). */
  confineFlags?: string[];
}

/** What the machine offers for limits. */
export interface LimitTools {
  systemdUser: boolean;
  prlimit: string | undefined;
  /** The helper, when built (`Capabilities.confine`), and whether nl-sh runs as root. */
  confine?: { path: string; pidsCgroup: boolean; root: boolean };
}

/** nl-sh-confine's rlimit flags for `limits` (RLIMIT_DATA for memory, never RLIMIT_AS). */
export function buildConfineLimitFlags(limits: ResourceLimits): string[] {
  const flags: string[] = [];
  if (limits.processes !== undefined) flags.push('--nproc', String(whole(limits.processes)));
  if (limits.cpuSeconds !== undefined) flags.push('--cpu', String(whole(limits.cpuSeconds)));
  if (limits.fileSizeBytes !== undefined) flags.push('--fsize', String(whole(limits.fileSizeBytes)));
  if (limits.memoryBytes !== undefined) flags.push('--data', String(whole(limits.memoryBytes)));
  return flags;
}

// Root: a pids cgroup around bwrap where one can be made; rlimits (which do bind root for memory,
// CPU and file size) inside.
function buildRootConfineLimits(limits: ResourceLimits, confine: NonNullable<LimitTools['confine']>): LimitsArgs {
  const out: LimitsArgs = { outer: [], inner: [], mechanisms: [], degraded: [], confineFlags: buildConfineLimitFlags(limits) };
  if (limits.processes !== undefined) {
    if (confine.pidsCgroup) {
      out.outer = [confine.path, '--pids-cgroup', String(whole(limits.processes)), '--'];
      out.mechanisms.push('pids-cgroup');
    } else {
      out.degraded.push('no process limit: the process rlimit does not bind root, and no pids cgroup can be made here');
    }
  }
  if (out.confineFlags?.length) out.mechanisms.push('rlimit');
  return out;
}

/** prlimit argv prefix for the given rlimit-style limits (empty when there are none). */
export function buildPrlimitArgs(prlimit: string, limits: ResourceLimits): string[] {
  const flags: string[] = [];
  if (limits.memoryBytes !== undefined) flags.push(`--data=${whole(limits.memoryBytes)}`);
  if (limits.cpuSeconds !== undefined) flags.push(`--cpu=${whole(limits.cpuSeconds)}`);
  if (limits.fileSizeBytes !== undefined) flags.push(`--fsize=${whole(limits.fileSizeBytes)}`);
  if (limits.processes !== undefined) flags.push(`--nproc=${whole(limits.processes)}`);
  return flags.length ? [prlimit, ...flags, '--'] : [];
}

/** systemd-run argv prefix for a transient user scope with cgroup limits (memory, tasks). */
export function buildSystemdRunArgs(limits: ResourceLimits): string[] {
  const props: string[] = [];
  if (limits.memoryBytes !== undefined) props.push('-p', `MemoryMax=${whole(limits.memoryBytes)}`, '-p', 'MemorySwapMax=0');
  if (limits.processes !== undefined) props.push('-p', `TasksMax=${whole(limits.processes)}`);
  return props.length ? ['systemd-run', '--user', '--scope', '--quiet', '--collect', ...props, '--'] : [];
}

/** Choose how to apply `limits` with the tools at hand. */
export function buildLimitsArgs(limits: ResourceLimits, tools: LimitTools): LimitsArgs {
  if (tools.confine?.root) return buildRootConfineLimits(strip(limits), tools.confine);
  const out: LimitsArgs = { outer: [], inner: [], mechanisms: [], degraded: [] };
  const viaCgroup = tools.systemdUser ? { memoryBytes: limits.memoryBytes, processes: limits.processes } : {};
  const rest: ResourceLimits = tools.systemdUser ? { cpuSeconds: limits.cpuSeconds, fileSizeBytes: limits.fileSizeBytes } : limits;
  out.outer = buildSystemdRunArgs(strip(viaCgroup));
  if (out.outer.length) out.mechanisms.push('systemd-run');
  const wanted = strip(rest);
  if (tools.confine !== undefined) {
    out.confineFlags = buildConfineLimitFlags(wanted);
    if (out.confineFlags.length) out.mechanisms.push('rlimit');
    return out;
  }
  if (!Object.keys(wanted).length) return out;
  if (tools.prlimit === undefined) {
    out.degraded.push(`no resource limits (${Object.keys(wanted).join(', ')}): prlimit not found`);
    return out;
  }
  out.inner = buildPrlimitArgs(tools.prlimit, wanted);
  out.mechanisms.push('prlimit');
  return out;
}

function strip(limits: ResourceLimits): ResourceLimits {
  return Object.fromEntries(Object.entries(limits).filter(([, v]) => v !== undefined)) as ResourceLimits;
}

function whole(n: number): number {
  return Math.max(0, Math.floor(n));
}
