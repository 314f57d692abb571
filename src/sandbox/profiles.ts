// Sandbox profiles as data: read-only root, writable cwd (plus what the command needs), a
// private /tmp, network only on request, and a list of paths that stay read-only even inside a
// writable directory (shell rc files, .git/hooks, .git/config, nl-sh's own config). Pure.

import { join } from 'node:path';
import type { ResourceLimits, SandboxProfile } from './sandbox-types.js';

/** Shell startup files in the home directory that a command must never rewrite. */
export const shellRcFiles: readonly string[] = Object.freeze([
  '.bashrc', '.bash_profile', '.bash_login', '.bash_logout', '.profile', '.inputrc',
  '.zshrc', '.zshenv', '.zprofile', '.zlogin', '.config/fish',
]);

/** Paths inside each writable directory that stay read-only (git runs these). */
export const repoProtectedPaths: readonly string[] = Object.freeze(['.git/hooks', '.git/config']);

/** The facts a profile is built from. Paths are absolute and already resolved (realpath). */
export interface ProfileFacts {
  cwd: string;
  home: string;
  /** nl-sh's config directory (config.ts `configDir`). */
  nlshConfigDir: string;
  /** Whether the command needs the network (from the risk gate or the planner). */
  network: boolean;
  /** Further paths the command needs to write (absent: none). */
  extraWritable?: string[];
  limits?: ResourceLimits;
  name?: string;
}

/** Limits applied when the caller gives none: 2 GiB data, 10 min CPU, 4 GiB files, 4096 tasks. */
export const defaultLimits: Readonly<ResourceLimits> = Object.freeze({
  memoryBytes: 2 * 1024 ** 3,
  cpuSeconds: 600,
  fileSizeBytes: 4 * 1024 ** 3,
  processes: 4096,
});

/** The always-protected paths for these writable directories and home. */
export function protectedPathsFor(writable: readonly string[], home: string, nlshConfigDir: string): string[] {
  const paths = [...shellRcFiles.map((f) => join(home, f)), nlshConfigDir];
  for (const dir of writable) for (const p of repoProtectedPaths) paths.push(join(dir, p));
  return [...new Set(paths)];
}

/** Build the profile for one command from the facts. */
export function buildProfile(facts: ProfileFacts): SandboxProfile {
  const writable = [...new Set([facts.cwd, ...(facts.extraWritable ?? [])])];
  return {
    name: facts.name ?? (facts.network ? 'cwd-write+network' : 'cwd-write'),
    writable,
    protect: protectedPathsFor(writable, facts.home, facts.nlshConfigDir),
    privateTmp: true,
    network: facts.network,
    limits: { ...(facts.limits ?? defaultLimits) },
  };
}
