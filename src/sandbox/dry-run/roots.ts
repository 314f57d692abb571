// Which directories a dry run overlays: the cwd, plus HOME when the command touches it.

import path from 'node:path';

/** True when the command line mentions HOME (~, $HOME or the path itself). */
export function touchesHome(command: string, home: string): boolean {
  if (/(^|[\s=:'"(])~(\/|\s|$|['")])/.test(command)) return true;
  if (/\$\{?HOME\b/.test(command)) return true;
  return home.length > 1 && command.includes(home);
}

function inside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** The overlay roots: no root nested in another (the outer one covers it). */
export function chooseRoots(cwd: string, home: string | undefined, overlayHome: boolean): string[] {
  const roots = [path.resolve(cwd)];
  if (overlayHome && home) {
    const h = path.resolve(home);
    if (inside(roots[0] ?? '', h)) return [h];
    if (!inside(h, roots[0] ?? '')) roots.push(h);
  }
  return roots;
}

/** Paths overlayfs options cannot carry (comma, colon, backslash, newline). */
export function unsafeRoot(root: string): boolean {
  return /[,:\\\n]/.test(root) || root === '/';
}
