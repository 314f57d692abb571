// Making an approved command ready to run in the sandbox: the profile its verdict calls for (the
// network only when the user pressed the key for it), prepared as the wrapper argv that the
// user's bash runs `bash -c COMMAND` inside (nl-sh-sandbox in the shell integration adds that
// part), and the protected paths that do not exist yet, which the run guards afterwards.

import { existsSync, lstatSync, readlinkSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { buildProfile, prepareCommand, type Capabilities, type ProfileKind } from '../sandbox/index.js';
import type { Contained } from './flow-deps.js';

/** Where the profile's facts come from. */
export interface ContainFacts {
  capabilities(): Capabilities;
  home: string;
  nlshConfigDir: string;
  /** nl-sh's state and cache directories. */
  nlshDataDirs: string[];
  /** Directories every sandbox hides: the user's runtime dir, nl-sh's session directories. */
  hide: string[];
}

/** Prepare `command` for `cwd`; never throws (a machine without a usable sandbox says why). */
export function containCommand(command: string, cwd: string, how: { profile: ProfileKind; network: boolean }, facts: ContainFacts): Contained {
  try {
    const real = (p: string): string => {
      try {
        return realpathSync(p);
      } catch {
        return p;
      }
    };
    const capabilities = facts.capabilities();
    const dir = real(cwd);
    const profile = buildProfile({
      kind: how.profile,
      cwd: dir,
      home: real(facts.home),
      nlshConfigDir: facts.nlshConfigDir,
      nlshDataDirs: facts.nlshDataDirs,
      hide: facts.hide.map(real),
      network: how.network,
      hostView: canShowHost(capabilities, how.profile),
      gitLinks: gitLinksIn(dir),
    });
    const prepared = prepareCommand(command, profile, capabilities, { exists: existsSync });
    const guard = guardedPaths(prepared.unpinned, dir, existsSync, linkedProtectedPaths(profile.protect, profile.writable), isSymlink);
    if (guard.some((p) => p.split('\n').length > 2) || dir.includes('\n')) {
      return { ok: false, reason: 'the directory name holds a newline, so the sandbox cannot guard what a command leaves there; cd elsewhere, or run it yourself (u)' };
    }
    // Everything before `bash -c COMMAND`. Protected paths that do not exist are guarded by the
    // run (moved aside afterwards), so they need no warning here.
    return { ok: true, wrapper: prepared.argv.slice(0, -3), mechanism: prepared.mechanism, degraded: prepared.degraded, profile, guard };
  } catch (err) {
    return { ok: false, reason: (err as Error).message };
  }
}

/**
 * Whether the host may be shown to a read-only or process-control command: only where the helper
 * can hold it from inside (Landlock for writes and ptrace, the socket filter for connections, and
 * for read-only signal scoping too); elsewhere the sandbox stays private (own /proc, /tmp, network).
 */
export function canShowHost(capabilities: Capabilities, profile: ProfileKind): boolean {
  const c = capabilities.confine;
  if (!c || !c.seccomp) return false;
  return profile === 'read-only' ? c.landlockAbi >= 6 : profile === 'process-control' && c.landlockAbi >= 3;
}

/**
 * The paths a run must not leave behind: every protected path that does not exist yet, and in a
 * directory that is not a repository, `.git` itself (a `.git` made by the command, file or
 * directory, would be configuration that git runs outside the sandbox); then each protected
 * symlink as "PATH\nTARGET" (a mount pins the target, not the link), to be put back if changed.
 */
export function guardedPaths(unpinned: readonly string[], cwd: string, exists: (path: string) => boolean, links: readonly { path: string; target: string }[] = [], isLink: (path: string) => boolean = () => false): string[] {
  const git = `${cwd}/.git`;
  const inside = unpinned.filter((p) => !p.startsWith(`${git}/`) || exists(git));
  const absent = exists(git) ? inside : [...inside, git];
  // The nearest absent ancestor stands for the path (a directory made there is caught whole), and
  // no path is guarded through a symlink that was there before (the link itself is, if protected).
  const topmost = new Set<string>();
  for (const p of absent) {
    if (!p.startsWith(`${cwd}/`)) continue;
    const parts = p.slice(cwd.length + 1).split('/');
    let at = cwd;
    for (const part of parts) {
      at = `${at}/${part}`;
      if (!exists(at)) {
        topmost.add(at);
        break;
      }
      if (isLink(at)) break;
    }
  }
  const underLink = (p: string): boolean => {
    for (let d = p.slice(0, p.lastIndexOf('/')); d.startsWith(`${cwd}/`); d = d.slice(0, d.lastIndexOf('/'))) if (isLink(d)) return true;
    return false;
  };
  // The first entry names the root the guard walks up to when it checks the parents.
  return [`=${cwd}`, ...topmost, ...links.filter((l) => !underLink(l.path)).map((l) => `${l.path}\n${l.target}`)];
}

/** The protected paths inside the writable roots that are symlinks, with what they name. */
export function linkedProtectedPaths(protect: readonly string[], writable: readonly string[]): { path: string; target: string }[] {
  const out: { path: string; target: string }[] = [];
  for (const path of protect) {
    if (!writable.some((w) => path.startsWith(`${w}/`))) continue;
    try {
      if (lstatSync(path).isSymbolicLink()) out.push({ path, target: readlinkSync(path) });
    } catch {
      // absent: guarded as absent
    }
  }
  return out;
}

function isSymlink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** `dir/.git` when it is a gitdir link (a file, as in linked worktrees and submodules). */
export function gitLinksIn(dir: string): string[] {
  const git = join(dir, '.git');
  try {
    return lstatSync(git).isFile() ? [git] : [];
  } catch {
    return [];
  }
}
