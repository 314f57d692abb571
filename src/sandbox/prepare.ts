// Make a command ready to run contained: bwrap (plus prlimit or a systemd-run scope for
// limits) around `bash -c command`, as an argv and as one quoted bash line for the pty host to
// type. Runs nothing. Whatever cannot be applied here is listed in `degraded`; without a usable
// bwrap the command runs unsandboxed only when the caller allows it, and otherwise this throws.

import { NlshError } from '../errors.js';
import { buildBwrapArgs, unboundProtectedPaths, type PathExists } from './bwrap-args.js';
import { buildLimitsArgs } from './limits-args.js';
import { buildConfineArgs, confineGaps, type ConfineRequest } from './confine-args.js';
import { quoteArgvForBash } from './shell-quote.js';
import type { Capabilities, PreparedCommand, SandboxProfile } from './sandbox-types.js';

/** Choices the caller makes for one preparation. */
export interface PrepareOptions {
  /** Whether the path exists (inject `existsSync`). */
  exists: PathExists;
  /** Run unsandboxed (limits only) when bwrap cannot run here; default false: throw. */
  allowUnsandboxed?: boolean;
  /** The shell that runs the command inside (default `bash`, found on PATH inside). */
  shell?: string;
}

/** Prepare `command` to run under `profile` with what `capabilities` offers. */
export function prepareCommand(command: string, profile: SandboxProfile, capabilities: Capabilities, options: PrepareOptions): PreparedCommand {
  const shell = [options.shell ?? 'bash', '-c', command];
  const confine = capabilities.confine;
  const limits = buildLimitsArgs(profile.limits, {
    systemdUser: capabilities.systemdUser,
    prlimit: capabilities.prlimit,
    confine: confine ? { path: confine.path, pidsCgroup: confine.pidsCgroup, root: capabilities.root } : undefined,
  });
  const degraded = [...limits.degraded];
  const unusable = bwrapUnusable(capabilities);
  if (unusable !== undefined) {
    if (!options.allowUnsandboxed) {
      throw new NlshError({ message: `cannot sandbox this command: ${unusable}`, doing: 'preparing the sandbox', hint: 'install bubblewrap (bwrap), or allow unsandboxed runs in the policy' });
    }
    degraded.unshift(`not sandboxed: ${unusable}; the command runs with your full permissions`);
    const argv = [...limits.outer, ...limits.inner, ...shell];
    return finish(argv, limits.mechanisms.length ? `none+${limits.mechanisms.join('+')}` : 'none', degraded, []);
  }
  const bwrap = capabilities.bwrap as NonNullable<Capabilities['bwrap']>;
  if (!capabilities.userNamespaces) degraded.push('no user namespace: bwrap runs without one (setuid or as root)');
  // Inside bwrap, after every mount: the helper holds the command to its profile (writes only in
  // the writable paths and the private /tmp, no sockets without the network key, no signals out
  // unless the verdict is process control), with what this kernel cannot do said as degraded.
  const request: ConfineRequest = {
    write: [...profile.writable.filter(options.exists), ...(profile.privateTmp ? ['/tmp'] : [])],
    network: profile.network,
    signalOut: profile.kind === 'process-control',
    limitFlags: limits.confineFlags,
    bestEffort: true,
  };
  degraded.push(...confineGaps(confine, request));
  const inner = confine ? buildConfineArgs(confine.path, request) : limits.inner;
  const argv = [...limits.outer, ...buildBwrapArgs(bwrap.path, profile, options.exists, confine ? [confine.path] : []), ...inner, ...shell];
  return finish(argv, ['bwrap', ...(confine ? ['confine'] : []), ...limits.mechanisms].join('+'), degraded, unboundProtectedPaths(profile, options.exists));
}

// bwrap needs user namespaces unless it runs as root (or is setuid, which we do not assume).
function bwrapUnusable(c: Capabilities): string | undefined {
  if (c.bwrap === undefined) return 'bubblewrap (bwrap) is not installed';
  if (!c.userNamespaces && !c.root) return 'unprivileged user namespaces are blocked, so bwrap cannot start';
  return undefined;
}

function finish(argv: string[], mechanism: string, degraded: string[], unpinned: string[]): PreparedCommand {
  return { argv, shellLine: quoteArgvForBash(argv), mechanism, degraded, unpinned };
}
