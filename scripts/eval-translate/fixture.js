// Fixture directories: each task's `setup` run in a fresh directory inside the sandbox (setup is
// data from a file, so it is confined like any command). Every fixture directory of a run has a
// path of the same length, so column widths in output do not depend on which copy ran.

import { chmodSync, lstatSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runSandboxed } from './sandbox.js';

/** A fresh directory to hold one run's fixtures (remove it with removeTree). */
export function makeWorkRoot() {
  return mkdtempSync(join(tmpdir(), 'nlsh-eval-'));
}

/** A new fixture for `task` under `root`: its directory, or the reason setup failed. */
export async function makeFixture(task, root) {
  const dir = mkdtempSync(join(root, 'fx-'));
  chmodSync(dir, 0o755);
  if (task.setup.trim() === '') return { dir };
  const r = await runSandboxed(dir, task.setup, { errexit: true });
  if (r.status === 0 && !r.timedOut) return { dir };
  const why = r.timedOut ? 'timed out' : `exit ${r.status}: ${firstLine(r.stderr)}`;
  return { dir, error: `setup failed (${why})` };
}

/** Remove a tree even where a command took away permissions. */
export function removeTree(path) {
  try {
    restoreOwnerAccess(path);
  } catch {
    // Best effort: rmSync says what is left.
  }
  rmSync(path, { recursive: true, force: true });
}

/** The first non-blank line of a text ('' when none). */
export function firstLine(text) {
  return (text.split('\n').find((l) => l.trim() !== '') ?? '').trim();
}

// chmod u+rwx on every directory, so rmSync can enter and empty it.
function restoreOwnerAccess(dir) {
  chmodSync(dir, lstatSync(dir).mode | 0o700);
  for (const e of readdirSync(dir, { withFileTypes: true })) if (e.isDirectory()) restoreOwnerAccess(join(dir, e.name));
}
