// Turn a copied-out upper dir into a list of changes: whiteouts and vanished children of
// opaque directories are deletions, other entries are creations or modifications.

import { lstat, readdir, readlink } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import path from 'node:path';
import { readBytesSafe } from '../../read-file.js';
import type { EntryType, FileChange } from './types.js';

function entryType(st: Stats): EntryType {
  if (st.isFile()) return 'file';
  if (st.isDirectory()) return 'dir';
  if (st.isSymbolicLink()) return 'symlink';
  return 'other';
}

async function lstatOrUndefined(p: string): Promise<Stats | undefined> {
  try {
    return await lstat(p);
  } catch {
    return undefined;
  }
}

/** Parse the setup script's listing: dir \0 child \0 ... \0 \0, repeated. */
export function parseDirListing(text: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const parts = text.split('\0');
  let current: Set<string> | undefined;
  for (const part of parts) {
    if (current === undefined) {
      if (part === '') continue;
      current = new Set();
      out.set(path.normalize(part), current);
    } else if (part === '') {
      current = undefined;
    } else {
      current.add(part);
    }
  }
  return out;
}

async function countTree(dir: string): Promise<number> {
  let n = 0;
  for (const e of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    n += 1;
    if (e.isDirectory()) n += await countTree(path.join(dir, e.name));
  }
  return n;
}

async function deletion(lowerPath: string, st: Stats): Promise<FileChange> {
  const c: FileChange = { kind: 'deleted', path: lowerPath, type: entryType(st), mode: st.mode & 0o7777, size: st.size };
  if (st.isDirectory()) c.treeEntries = await countTree(lowerPath);
  return c;
}

async function sameContent(a: string, b: string, size: number): Promise<boolean> {
  const limit = 64 * 1024 * 1024;
  if (size > limit) return false;
  // Both as the walk saw them (regular files, not followed); what cannot be read counts as changed.
  const [x, y] = await Promise.all([readBytesSafe(a, { maxBytes: limit, noFollow: true }), readBytesSafe(b, { maxBytes: limit, noFollow: true })]);
  return x.ok && y.ok && x.value.equals(y.value);
}

/** Changes recorded in `upperCopy` (copied upper dir) against the real `root`. */
export async function collectChanges(root: string, upperCopy: string, merged: Map<string, Set<string>>): Promise<FileChange[]> {
  const changes: FileChange[] = [];
  const walk = async (rel: string): Promise<void> => {
    const dirUpper = path.join(upperCopy, rel);
    const dirLower = path.join(root, rel);
    const lowerDir = await lstatOrUndefined(dirLower);
    const whiteouts = new Set<string>();
    const entries = await readdir(dirUpper, { withFileTypes: true });
    // Code-unit order, as `ls` in the C locale: localeCompare would load ICU's collation data (~2 MB kept).
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const up = path.join(dirUpper, e.name);
      const low = path.join(dirLower, e.name);
      const st = await lstat(up);
      const before = lowerDir?.isDirectory() ? await lstatOrUndefined(low) : undefined;
      if (st.isCharacterDevice() && st.rdev === 0) {
        whiteouts.add(e.name);
        if (before) changes.push(await deletion(low, before));
        continue;
      }
      const type = entryType(st);
      const mode = st.mode & 0o7777;
      if (before && entryType(before) !== type) {
        changes.push(await deletion(low, before));
      }
      const change: FileChange = { kind: 'created', path: low, type, mode, size: st.size };
      if (type === 'file') change.source = up;
      if (type === 'symlink') change.linkTarget = await readlink(up);
      if (before && entryType(before) === type) {
        const modeChanged = (before.mode & 0o7777) !== mode;
        let contentChanged = false;
        if (type === 'file') contentChanged = before.size !== st.size || !(await sameContent(low, up, st.size));
        if (type === 'symlink') contentChanged = (await readlink(low)) !== change.linkTarget;
        if (modeChanged || contentChanged) {
          changes.push({ ...change, kind: 'modified', before: { type, mode: before.mode & 0o7777, size: before.size }, modeChanged, contentChanged });
        }
      } else {
        changes.push(change);
      }
      if (type === 'dir') await walk(path.join(rel, e.name));
    }
    const visible = merged.get(path.normalize(rel === '' ? '.' : rel));
    if (visible && lowerDir?.isDirectory()) {
      const lowerNames = (await readdir(dirLower)).sort();
      for (const name of lowerNames) {
        if (visible.has(name) || whiteouts.has(name)) continue;
        const upperHas = entries.some((e) => e.name === name);
        if (upperHas) continue;
        const st = await lstatOrUndefined(path.join(dirLower, name));
        if (st) changes.push(await deletion(path.join(dirLower, name), st));
      }
    }
  };
  await walk('');
  return changes;
}
