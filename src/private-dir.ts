// Whether a directory is private to this user: the check behind the session directories of
// src/repl/ and the model server's socket directory.

import { lstatSync } from 'node:fs';

/** Whether `dir` is a directory (not a symlink) owned by this user that only the user can enter. */
export function isPrivateDir(dir: string): boolean {
  try {
    const st = lstatSync(dir);
    return st.isDirectory() && st.uid === (process.getuid?.() ?? st.uid) && (st.mode & 0o077) === 0;
  } catch {
    return false;
  }
}
