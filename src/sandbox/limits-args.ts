// Resource limits as argv prefixes: a systemd-run user scope where a systemd user manager runs
// (memory and process counts enforced by cgroups), prlimit rlimits elsewhere. Pure.
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
}

/** What the machine offers for limits. */
export interface LimitTools {
  systemdUser: boolean;
  prlimit: string | undefined;
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
  const out: LimitsArgs = { outer: [], inner: [], mechanisms: [], degraded: [] };
  const viaCgroup = tools.systemdUser ? { memoryBytes: limits.memoryBytes, processes: limits.processes } : {};
  const rest: ResourceLimits = tools.systemdUser ? { cpuSeconds: limits.cpuSeconds, fileSizeBytes: limits.fileSizeBytes } : limits;
  out.outer = buildSystemdRunArgs(strip(viaCgroup));
  if (out.outer.length) out.mechanisms.push('systemd-run');
  const wanted = strip(rest);
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
