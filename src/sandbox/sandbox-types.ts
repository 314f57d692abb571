// The sandbox's data: what this machine can do, what a command may touch, and what the sandbox
// hands back (an argv to run, never a run). Shared by the probe, the argv builders and the
// dry run.

/** What this machine offers for containing commands (probed once, cached). */
export interface Capabilities {
  /** bubblewrap, its version, and whether it has --overlay (0.9.0 and later). */
  bwrap: { path: string; version: string; overlay: boolean } | undefined;
  /** Unprivileged user namespaces (blocked by some AppArmor policies, e.g. Ubuntu 24.04). */
  userNamespaces: boolean;
  /** overlayfs mountable inside a user namespace with `userxattr`. */
  overlayInUserNamespace: boolean;
  /** A running systemd user manager (`systemd-run --user --scope`). */
  systemdUser: boolean;
  /** prlimit's path, for resource limits without systemd. */
  prlimit: string | undefined;
  /** nl-sh-confine, the sandbox's native helper: its path and what this kernel lets it enforce (absent: not built). */
  confine?: { path: string; landlockAbi: number; seccomp: boolean; pidsCgroup: boolean };
  /** nl-sh runs as privileged root (initial user namespace, CAP_SYS_ADMIN): bwrap needs no user namespace, and must drop capabilities to protect anything. */
  root: boolean;
}

/** Resource limits for a contained command (absent: no limit). */
export interface ResourceLimits {
  memoryBytes?: number;
  cpuSeconds?: number;
  fileSizeBytes?: number;
  processes?: number;
}

import type { ProfileKind } from '../profile-kind.js';

export type { ProfileKind };

/** What a contained command may touch. Lists are absolute paths; absent and empty mean none. */
export interface SandboxProfile {
  name: string;
  kind: ProfileKind;
  /** Writable paths (the cwd, and what the command needs). Everything else is read-only. */
  writable: string[];
  /** Paths shown read-only even where a private /tmp would hide them (a read-only profile's cwd). */
  visible: string[];
  /** Paths that stay read-only even inside a writable path (rc files, .git/hooks, nl-sh config). */
  protect: string[];
  /** Directories replaced by an empty tmpfs (the user's runtime dir: sockets, nl-sh's channel). */
  hide: string[];
  /** A private, empty /tmp. */
  privateTmp: boolean;
  /** The host's processes, /tmp and listening sockets visible (read-only; needs confinement from inside). */
  hostView: boolean;
  /** Network access (only when the user pressed the key that gives it). */
  network: boolean;
  limits: ResourceLimits;
}

/** A command made ready to run contained: the bash line to run in the user's shell. */
export interface PreparedCommand {
  /** The full argv (wrapper + `bash -c` + the command). */
  argv: string[];
  /** The same, quoted as one bash line (what the pty host types for the user's bash). */
  shellLine: string;
  /** Which mechanism contains it, for the preview ("bwrap", "bwrap+prlimit", ...). */
  mechanism: string;
  /** What could not be applied here, in words (e.g. "no network isolation: user namespaces blocked"). */
  degraded: string[];
  /** Protected paths under a writable root that do not exist yet, so they cannot be pinned read-only (the command could create them). */
  unpinned: string[];
}
