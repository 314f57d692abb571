// A private directory for this session's control channel: $XDG_RUNTIME_DIR/nl-sh when that is
// usable, else /tmp/nl-sh-<uid>; always mode 0700, owned by us, and never a symlink.

import { mkdirSync, rmSync, readdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { isPrivateDir } from '../private-dir.js';
import { runtimeBases } from '../runtime-paths.js';

export { isPrivateDir };

function ensurePrivateDir(path: string): boolean {
  try {
    mkdirSync(path, { mode: 0o700 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') return false;
  }
  return isPrivateDir(path);
}

/** Create this session's private directory; returns its path. */
export function createSessionDir(env: NodeJS.ProcessEnv): string {
  const uid = process.getuid?.() ?? 0;
  for (const base of runtimeBases(env, uid, tmpdir())) {
    if (!ensurePrivateDir(base)) continue;
    const dir = join(base, `s${process.pid}`);
    rmSync(dir, { recursive: true, force: true });
    if (ensurePrivateDir(dir)) return dir;
  }
  return mkdtempSync(join(tmpdir(), 'nl-sh-'));
}

/** Remove session directories whose nl-sh process is gone (left by a crash). */
export function sweepStaleSessionDirs(sessionDir: string): void {
  const base = join(sessionDir, '..');
  let names: string[];
  try {
    names = readdirSync(base);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = /^s(\d+)$/.exec(name)?.[1];
    if (!pid || Number(pid) === process.pid) continue;
    try {
      process.kill(Number(pid), 0);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ESRCH') rmSync(join(base, name), { recursive: true, force: true });
    }
  }
}

/** Remove this session's directory. */
export function removeSessionDir(dir: string): void {
  try {
    rmSync(dir, { recursive: true, force: true });
  } catch {
    // Best effort at exit.
  }
}
