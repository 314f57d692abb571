// Render a dry run's changes: a summary line per path, and line diffs for small text files.

import { readBytesSafe } from '../../read-file.js';
import type { FileChange } from './types.js';

const smallText = 64 * 1024;
const maxLines = 2000;

function isText(buf: Buffer): boolean {
  return !buf.subarray(0, 8192).includes(0);
}

/** A minimal line diff (LCS): lines prefixed "-", "+" or " ". */
export function lineDiff(before: string[], after: string[]): string[] {
  const n = before.length;
  const m = after.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = before[i] === after[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && before[i] === after[j]) { out.push(` ${before[i]}`); i++; j++; }
    // Removed lines before added ones, as diff(1) shows them.
    else if (i < n && (j >= m || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) { out.push(`-${before[i]}`); i++; }
    else { out.push(`+${after[j]}`); j++; }
  }
  return out;
}

function lines(buf: Buffer): string[] {
  const text = buf.toString('utf8');
  const ls = text.split('\n');
  if (ls[ls.length - 1] === '') ls.pop();
  return ls;
}

const octal = (mode: number) => mode.toString(8).padStart(4, '0');

/** One summary line for a change. */
export function summaryLine(c: FileChange): string {
  const what = c.type === 'dir' ? `${c.path}/` : c.path;
  if (c.kind === 'deleted') return `deleted  ${what}${c.treeEntries ? ` (and ${c.treeEntries} entries under it)` : ''}`;
  if (c.kind === 'created') return `created  ${what} (${c.type === 'dir' ? 'directory' : `${c.size} bytes`}, mode ${octal(c.mode)})`;
  const parts: string[] = [];
  if (c.contentChanged) parts.push(`${c.before?.size ?? 0} → ${c.size} bytes`);
  if (c.modeChanged) parts.push(`mode ${octal(c.before?.mode ?? 0)} → ${octal(c.mode)}`);
  return `modified ${what} (${parts.join(', ')})`;
}

/** The diff body for a changed text file, or undefined (binary, large, or not a content change). */
export async function renderDiff(c: FileChange): Promise<string[] | undefined> {
  if (c.type !== 'file' || !c.source) return undefined;
  if (c.kind === 'modified' && !c.contentChanged) return undefined;
  if (c.size > smallText || (c.before?.size ?? 0) > smallText) return undefined;
  // Read as what the walk saw: regular files (not followed), small; anything else has no diff.
  const read = (p: string) => readBytesSafe(p, { maxBytes: smallText, noFollow: true });
  const afterRead = await read(c.source);
  const beforeRead = c.kind === 'modified' ? await read(c.path) : { ok: true as const, value: Buffer.alloc(0) };
  if (!afterRead.ok || !beforeRead.ok) return undefined;
  const after = afterRead.value;
  const before = beforeRead.value;
  if (!isText(after) || !isText(before)) return undefined;
  const a = lines(before);
  const b = lines(after);
  if (a.length > maxLines || b.length > maxLines) return undefined;
  return lineDiff(a, b);
}

/** The whole human report: summary lines, each followed by its diff when there is one. */
export async function renderChanges(changes: FileChange[]): Promise<string[]> {
  const out: string[] = [];
  for (const c of changes) {
    out.push(summaryLine(c));
    const d = await renderDiff(c);
    if (d) out.push(...d.map((l) => `    ${l}`));
  }
  return out;
}
