// Apply a dry run's result to the real files instead of running the command twice: a pure
// plan (deletions first, then creations parents-first) and one applier.

import { chmod, copyFile, mkdir, rm, symlink } from 'node:fs/promises';
import type { FileChange } from './types.js';

/** One step of applying an overlay's result. */
export type ApplyOp =
  | { op: 'remove'; path: string }
  | { op: 'mkdir'; path: string; mode: number }
  | { op: 'write'; path: string; from: string; mode: number }
  | { op: 'symlink'; path: string; target: string }
  | { op: 'chmod'; path: string; mode: number };

/** The ordered steps that turn the real files into the overlay's result. */
export function planApply(changes: FileChange[]): ApplyOp[] {
  const removes: ApplyOp[] = [];
  const rest: ApplyOp[] = [];
  for (const c of changes) {
    if (c.kind === 'deleted') { removes.push({ op: 'remove', path: c.path }); continue; }
    if (c.kind === 'modified' && c.contentChanged === false) { rest.push({ op: 'chmod', path: c.path, mode: c.mode }); continue; }
    if (c.type === 'dir') {
      rest.push(c.kind === 'created' ? { op: 'mkdir', path: c.path, mode: c.mode } : { op: 'chmod', path: c.path, mode: c.mode });
    } else if (c.type === 'file' && c.source) {
      rest.push({ op: 'write', path: c.path, from: c.source, mode: c.mode });
    } else if (c.type === 'symlink' && c.linkTarget !== undefined) {
      if (c.kind === 'modified') rest.push({ op: 'remove', path: c.path });
      rest.push({ op: 'symlink', path: c.path, target: c.linkTarget });
    }
  }
  rest.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return [...removes, ...rest];
}

/** Carry out a plan on the real files (call before the dry run's cleanup). */
export async function applyPlan(ops: ApplyOp[]): Promise<void> {
  const dirModes: { path: string; mode: number }[] = [];
  for (const o of ops) {
    switch (o.op) {
      case 'remove': await rm(o.path, { recursive: true, force: true }); break;
      case 'mkdir': await mkdir(o.path, { mode: 0o700 }); dirModes.push(o); break;
      case 'write': await rm(o.path, { force: true }); await copyFile(o.from, o.path); await chmod(o.path, o.mode); break;
      case 'symlink': await symlink(o.target, o.path); break;
      case 'chmod': if (o.path) dirModes.push(o); break;
    }
  }
  for (const d of dirModes.reverse()) await chmod(d.path, d.mode);
}
