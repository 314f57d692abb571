// nl-sh's own history of requests: route, plan, tier, risk, decision, exit status, duration.
// Append-only JSON lines in the state directory. Each entry is one write() on a file opened with
// O_APPEND, and entries are bounded in size, so concurrent sessions never lose or interleave
// entries (Linux appends a single write atomically on local filesystems).

import { readFileSafeSync } from '../read-file.js';
import { appendJsonLine } from './jsonl-append.js';

/** One request as it happened. */
export interface HistoryEntry {
  /** Milliseconds since the epoch. */
  at: number;
  session: number;
  cwd: string;
  line: string;
  route: 'shell' | 'nl' | 'question';
  command?: string;
  /** The model's one-line summary of the command (shown when the answer is offered again). */
  explanation?: string;
  tier?: string;
  model?: string;
  risk?: string;
  decision?: string;
  /** How it ran: the sandbox mechanism and profile, or "none". */
  sandbox?: string;
  exitStatus?: number;
  durationMs?: number;
}

/** What to look for in the history (absent: any). */
export interface HistoryQuery {
  text?: string;
  cwd?: string;
  route?: HistoryEntry['route'];
  exitStatus?: number;
  limit?: number;
}

const MAX_FIELD = 4000;
// The newest this much of the history is read (its oldest entries are the ones left out).
const maxReadBytes = 16 * 1024 * 1024;

/** Append one entry; a history that cannot be written never breaks the shell (`onError` hears why). */
export function appendHistory(path: string, entry: HistoryEntry, onError?: (err: unknown) => void): boolean {
  const bounded: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(entry)) bounded[k] = typeof v === 'string' && v.length > MAX_FIELD ? `${v.slice(0, MAX_FIELD)}…` : v;
  return appendJsonLine(path, bounded, onError);
}

/** Every well-formed entry of the newest 16 MiB, oldest first (a damaged line is skipped). */
export function readHistory(path: string): HistoryEntry[] {
  // Only a regular file: a device or FIFO in its place (/dev/full, /dev/zero) never ends.
  const read = readFileSafeSync(path, { maxBytes: maxReadBytes, overCap: 'tail' });
  if (!read.ok) return [];
  const lines = read.value.split('\n');
  // A tail starts mid-entry: that first piece is not an entry.
  if (read.truncated) lines.shift();
  const entries: HistoryEntry[] = [];
  for (const line of lines) {
    if (!line) continue;
    try {
      const e = JSON.parse(line) as HistoryEntry;
      if (typeof e.at === 'number' && typeof e.line === 'string') entries.push(e);
    } catch {
      // A line cut by a full disk: skip it.
    }
  }
  return entries;
}

/** The entries matching `query`, newest first. */
export function searchHistory(entries: readonly HistoryEntry[], query: HistoryQuery): HistoryEntry[] {
  const needle = query.text?.toLowerCase();
  const hits = entries.filter(
    (e) =>
      (!needle || `${e.line}\n${e.command ?? ''}`.toLowerCase().includes(needle)) &&
      (!query.cwd || e.cwd === query.cwd || e.cwd.startsWith(`${query.cwd}/`)) &&
      (!query.route || e.route === query.route) &&
      (query.exitStatus === undefined || e.exitStatus === query.exitStatus),
  );
  return hits.reverse().slice(0, query.limit ?? Infinity);
}
