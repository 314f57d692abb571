// Pure: the argv of nl-sh-confine, the native helper that makes a sandboxed command keep to its
// verdict from inside bwrap (src/confine/nl-sh-confine.c).
//
// The argv contract (for whoever composes the sandbox's argv):
//   [...outer limits] bwrap ... -- nl-sh-confine [flags] -- bash -c CMD
// - It goes right after bwrap's `--`, before the shell, so every mount is already in place.
// - `--write DIR` (repeatable): the only places (with /dev) where files may be created, written,
//   truncated, renamed or removed. Pass the profile's writable paths; none for read_only.
//   Paths must exist; protected paths bwrap binds read-only inside them stay read-only.
// - Sockets, whatever the flags: socket() fails (EACCES) for every family but inet, inet6 and
//   netlink, so the network key opens the network and no pathname unix socket of a host service
//   (the system bus, a docker socket). Datagram socketpairs and io_uring are refused too.
// - `--no-net`: inet and inet6 fail as well; netlink stays, so `ss` still reads the host's
//   tables; TCP bind/connect is also denied by Landlock where the kernel has it. Meant for a
//   profile that shares the host network to show it (read_only) as well as one that does not.
// - `--no-signal-out`: no signals to processes outside the sandbox (inside they work). Omit it
//   only for a process-control verdict the user confirmed.
// - `--nproc/--cpu/--fsize/--data`: rlimits, soft = hard (see limits-args.ts for which apply).
// - `--best-effort`: apply what this kernel can and say nothing; without it, a restriction the
//   kernel lacks is one line on stderr and exit status 126. Learn the gaps from the probe
//   (`Capabilities.confine`, via `confineGaps`) and show them as degraded.
// - Abstract unix sockets are always scoped to the sandbox where the kernel can (Landlock ABI 6).
// - The helper stays as the command's parent and a subreaper: when the command ends, whatever it
//   left running (`setsid cmd &`, a double fork) is killed, so nothing outlives the run even
//   without a pid namespace (process control); signals to the helper reach the command.
// Exit status: the command's own (128 + signal if it was killed), or 126 (refused, above) / 127
// (command not found).

import type { Capabilities } from './sandbox-types.js';

/** What the helper should enforce for one run. */
export interface ConfineRequest {
  /** Writable directories (absolute, existing); empty: nothing writable but /dev. */
  write: readonly string[];
  /** Network allowed (the user's network key); false adds `--no-net`. */
  network: boolean;
  /** Signals to host processes allowed (a confirmed process-control verdict); false adds `--no-signal-out`. */
  signalOut: boolean;
  /** Limit flags from `buildLimitsArgs(...).confineFlags`. */
  limitFlags?: readonly string[];
  /** Apply what the kernel can instead of refusing to run. */
  bestEffort: boolean;
}

/** The helper's argv, from its path to the `--` that precedes the command. */
export function buildConfineArgs(helperPath: string, request: ConfineRequest): string[] {
  const args = [helperPath];
  for (const dir of request.write) args.push('--write', dir);
  if (!request.network) args.push('--no-net');
  if (!request.signalOut) args.push('--no-signal-out');
  args.push(...(request.limitFlags ?? []));
  if (request.bestEffort) args.push('--best-effort');
  args.push('--');
  return args;
}

/** What the helper cannot enforce on this machine for `request`, in words (empty: all of it). */
export function confineGaps(confine: Capabilities['confine'], request: ConfineRequest): string[] {
  if (confine === undefined) return ['no sandbox helper (nl-sh-confine was not built): writes, signals and connections are limited by bwrap alone'];
  const gaps: string[] = [];
  const abi = confine.landlockAbi;
  if (abi === 0) gaps.push('no Landlock: writes are limited by read-only mounts alone');
  else if (abi < 3) gaps.push(`Landlock ABI ${abi}: truncating files outside the writable paths is not stopped`);
  if (!confine.seccomp) gaps.push(request.network ? 'no seccomp: unix sockets of host services are reachable' : 'no seccomp: the network is cut by bwrap alone');
  if (!request.signalOut && abi < 6) gaps.push(`Landlock ABI ${abi}: signals to host processes are not stopped`);
  return gaps;
}
