// Where nl-sh keeps its per-session control channel, in one place: the session creates it there,
// and every sandbox and dry run hides it (a FIFO stays writable on a read-only mount).

import { join } from 'node:path';

/** The directories that hold session directories, best first: $XDG_RUNTIME_DIR/nl-sh, then <tmp>/nl-sh-<uid>. */
export function runtimeBases(env: Readonly<Record<string, string | undefined>>, uid: number, tmp: string): string[] {
  return [...(env.XDG_RUNTIME_DIR ? [join(env.XDG_RUNTIME_DIR, 'nl-sh')] : []), join(tmp, `nl-sh-${uid}`)];
}
