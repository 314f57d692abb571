// Making an approved command ready to run in the sandbox: the profile for its directory (the
// network only when it needs it), prepared as the wrapper argv that the user's bash runs
// `bash -c COMMAND` inside (nl-sh-sandbox in the shell integration adds that part).

import { existsSync, realpathSync } from 'node:fs';
import { buildProfile, prepareCommand, type Capabilities } from '../sandbox/index.js';
import type { Contained } from './flow-deps.js';

/** Where the profile's facts come from. */
export interface ContainFacts {
  capabilities(): Capabilities;
  home: string;
  nlshConfigDir: string;
}

/** Prepare `command` for `cwd`; never throws (a machine without a usable sandbox says why). */
export function containCommand(command: string, cwd: string, network: boolean, facts: ContainFacts): Contained {
  try {
    const real = (p: string): string => {
      try {
        return realpathSync(p);
      } catch {
        return p;
      }
    };
    const profile = buildProfile({ cwd: real(cwd), home: real(facts.home), nlshConfigDir: facts.nlshConfigDir, network });
    const prepared = prepareCommand(command, profile, facts.capabilities(), { exists: existsSync });
    const note = unpinnedNote(prepared.unpinned, profile.writable[0] ?? cwd, existsSync);
    // Everything before `bash -c COMMAND`.
    return { ok: true, wrapper: prepared.argv.slice(0, -3), mechanism: prepared.mechanism, degraded: note ? [...prepared.degraded, note] : prepared.degraded, profile };
  } catch (err) {
    return { ok: false, reason: (err as Error).message };
  }
}

/**
 * One short line for the protected paths the sandbox could not pin because they do not exist
 * yet (paths relative to `cwd`), or undefined. `.git/hooks` and `.git/config` are left out where
 * there is no `.git` at all: outside a repository they protect nothing yet.
 */
export function unpinnedNote(unpinned: readonly string[], cwd: string, exists: (path: string) => boolean): string | undefined {
  const inRepoless = (p: string): boolean => /\/\.git\/(hooks|config)$/.test(p) && !exists(p.replace(/\/(hooks|config)$/, ''));
  const absent = unpinned.filter((p) => !inRepoless(p));
  if (absent.length === 0) return undefined;
  const shown = absent.slice(0, 2).map((p) => (p.startsWith(`${cwd}/`) ? p.slice(cwd.length + 1) : p));
  const more = absent.length > 2 ? ` and ${absent.length - 2} more protected paths` : '';
  return `${shown.join(', ')}${more} do not exist yet, so the command could create them`;
}
