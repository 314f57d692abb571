// Which host directories a dry run replaces with an empty tmpfs: the places where the user's
// session lives (nl-sh's control FIFOs, D-Bus, ssh/gpg agents, podman/docker sockets). A FIFO
// or a socket stays usable on a read-only mount, so read-only is not enough: they must be gone.

import path from 'node:path';
import { runtimeBases } from '../../runtime-paths.js';

/** Where the caller's session sockets are: its XDG_RUNTIME_DIR, uid and temp dir. */
export interface SessionPlaces {
  runtimeDir?: string;
  uid: number;
  tmp: string;
}

/** The directories to hide: all of /run (every user's runtime dir, system sockets), the
 * caller's runtime dir wherever it is, and nl-sh's fallback runtime dir. */
export function hiddenDirs(places: SessionPlaces): string[] {
  const dirs = ['/run', '/var/run'];
  if (places.runtimeDir && path.isAbsolute(places.runtimeDir)) dirs.push(path.resolve(places.runtimeDir));
  dirs.push(...runtimeBases({}, places.uid, path.resolve(places.tmp)));
  return [...new Set(dirs)];
}

/** Of real, existing dirs: those to mount on, none inside another. Dirs under /tmp count too: a
 * cwd under /tmp is bound back in over the private /tmp, and with it what it holds. */
export function outermostHidden(dirs: readonly string[]): string[] {
  const under = (d: string, p: string) => d === p || d.startsWith(`${p}/`);
  const real = [...new Set(dirs)].sort();
  return real.filter((d) => d !== '/' && !real.some((o) => o !== d && under(d, o)));
}
