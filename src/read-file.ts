// The one way nl-sh reads a file: regular files only (a FIFO, a device or a directory is refused,
// and opening never blocks: O_NONBLOCK, then fstat on the opened fd, so the check is about the
// file actually read), and a size cap. Symlinks are followed unless `noFollow` (users link their
// config from dotfile repositories). Never throws: the result says what happened in one line.

import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';

/** Why a read gave nothing: no such file, not a regular file, over the cap, or another error. */
export type ReadProblem = 'missing' | 'not-a-file' | 'too-large' | 'unreadable';

/** What one read gave: the contents, or the problem and one line naming the file and why. */
export type SafeRead<T> =
  | { ok: true; value: T; /** Over the cap and cut ('head' or 'tail'). */ truncated: boolean }
  | { ok: false; problem: ReadProblem; message: string; code?: string };

/** Limits for one read. */
export interface ReadOptions {
  /** Most bytes read. */
  maxBytes: number;
  /** A file over the cap: refused (default), or its first or last `maxBytes` bytes. */
  overCap?: 'refuse' | 'head' | 'tail';
  /** Refuse a symlink as the last path component (O_NOFOLLOW). */
  noFollow?: boolean;
}

const chunk = 64 * 1024;

function kind(st: Stats): string {
  if (st.isFIFO()) return 'a FIFO';
  if (st.isDirectory()) return 'a directory';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

function size(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round((n / (1024 * 1024)) * 10) / 10} MiB` : n >= 1024 ? `${Math.round(n / 1024)} KiB` : `${n} bytes`;
}

function failed(path: string, err: unknown): SafeRead<never> {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, problem: 'missing', code, message: `${path}: no such file` };
  if (code === 'ELOOP' || code === 'EISDIR') return { ok: false, problem: 'not-a-file', code, message: `${path}: not a regular file (${code === 'ELOOP' ? 'a symlink' : 'a directory'})` };
  const why = code ?? (err instanceof Error ? err.message.split('\n')[0] : String(err));
  return { ok: false, problem: 'unreadable', ...(code ? { code } : {}), message: `${path}: cannot be read (${why})` };
}

const flags = (opts: ReadOptions): number => constants.O_RDONLY | constants.O_NONBLOCK | (opts.noFollow ? constants.O_NOFOLLOW : 0);

// The refusal of anything but a regular file (a FIFO would block, a device could be endless).
const notRegular = (path: string, st: Stats): SafeRead<never> => ({ ok: false, problem: 'not-a-file', message: `${path}: not a regular file (${kind(st)})` });

// One fd read either way: `readAt(buf, offset, length, position)` gives the bytes read.
type ReadAt = (buf: Buffer, offset: number, length: number, position: number) => number | Promise<number>;

// The shared body, written once for the sync and async twins through a generator of reads.
function* plan(path: string, st: Stats, opts: ReadOptions): Generator<{ buf: Buffer; offset: number; length: number; position: number }, SafeRead<Buffer>, number> {
  if (!st.isFile()) return notRegular(path, st);
  const max = Math.max(0, opts.maxBytes);
  const mode = opts.overCap ?? 'refuse';
  if (st.size > max && mode === 'refuse') return { ok: false, problem: 'too-large', message: `${path}: larger than ${size(max)} (${size(st.size)})` };
  if (st.size > max && mode === 'tail') {
    const buf = Buffer.alloc(max);
    let got = 0;
    while (got < max) {
      const n = yield { buf, offset: got, length: max - got, position: st.size - max + got };
      if (n === 0) break;
      got += n;
    }
    return { ok: true, value: buf.subarray(0, got), truncated: true };
  }
  // Read to the end, one byte past the cap at most: /proc files say size 0, and a file may grow.
  const parts: Buffer[] = [];
  let total = 0;
  for (;;) {
    const buf = Buffer.alloc(Math.min(chunk, max + 1 - total));
    if (buf.length === 0) break;
    const n = yield { buf, offset: 0, length: buf.length, position: total };
    if (n === 0) break;
    parts.push(buf.subarray(0, n));
    total += n;
  }
  const all = Buffer.concat(parts);
  if (total <= max) return { ok: true, value: all, truncated: false };
  if (mode === 'refuse') return { ok: false, problem: 'too-large', message: `${path}: larger than ${size(max)}` };
  return { ok: true, value: mode === 'head' ? all.subarray(0, max) : all.subarray(all.length - max), truncated: true };
}

function drive(path: string, st: Stats, opts: ReadOptions, readAt: ReadAt): SafeRead<Buffer> {
  const steps = plan(path, st, opts);
  let next = steps.next();
  while (!next.done) {
    const { buf, offset, length, position } = next.value;
    next = steps.next(readAt(buf, offset, length, position) as number);
  }
  return next.value;
}

async function driveAsync(path: string, st: Stats, opts: ReadOptions, readAt: ReadAt): Promise<SafeRead<Buffer>> {
  const steps = plan(path, st, opts);
  let next = steps.next();
  while (!next.done) {
    const { buf, offset, length, position } = next.value;
    next = steps.next(await readAt(buf, offset, length, position));
  }
  return next.value;
}

const asText = (r: SafeRead<Buffer>): SafeRead<string> => (r.ok ? { ok: true, value: r.value.toString('utf8'), truncated: r.truncated } : r);

/** Open `path` read-only (never blocking), stat it, run `body`, close it; any failure is a SafeRead. */
async function withHandle<T>(path: string, opts: ReadOptions, body: (handle: FileHandle, st: Stats) => Promise<SafeRead<T>>): Promise<SafeRead<T>> {
  let handle: FileHandle;
  try {
    handle = await open(path, flags(opts));
  } catch (err) {
    return failed(path, err);
  }
  try {
    return await body(handle, await handle.stat());
  } catch (err) {
    return failed(path, err);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** Read the bytes of the regular file at `path` within the options. Never throws. */
export async function readBytesSafe(path: string, opts: ReadOptions): Promise<SafeRead<Buffer>> {
  return withHandle(path, opts, (handle, st) => driveAsync(path, st, opts, async (buf, offset, length, position) => (await handle.read(buf, offset, length, position)).bytesRead));
}

/** Read the regular file at `path` as UTF-8 within the options. Never throws. */
export async function readFileSafe(path: string, opts: ReadOptions): Promise<SafeRead<string>> {
  return asText(await readBytesSafe(path, opts));
}

/** The synchronous twin of `readFileSafe`, for callers that must not yield (probes at start-up). */
export function readFileSafeSync(path: string, opts: ReadOptions): SafeRead<string> {
  let fd: number;
  try {
    fd = openSync(path, flags(opts));
  } catch (err) {
    return failed(path, err);
  }
  try {
    return asText(drive(path, fstatSync(fd), opts, (buf, offset, length, position) => readSync(fd, buf, offset, length, position)));
  } catch (err) {
    return failed(path, err);
  } finally {
    closeSync(fd);
  }
}

/** Pass the bytes of the regular file at `path` to `onChunk` in order, for files too large to
 *  hold (a model being hashed); refused over `maxBytes`. Resolves with the bytes read. */
export async function streamFileSafe(path: string, opts: ReadOptions, onChunk: (bytes: Buffer) => void): Promise<SafeRead<number>> {
  return withHandle<number>(path, opts, async (handle, st) => {
    if (!st.isFile()) return notRegular(path, st);
    if (st.size > opts.maxBytes) return { ok: false, problem: 'too-large', message: `${path}: larger than ${size(opts.maxBytes)} (${size(st.size)})` };
    const buf = Buffer.alloc(1024 * 1024);
    let total = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buf, 0, buf.length, total);
      if (bytesRead === 0) break;
      onChunk(buf.subarray(0, bytesRead));
      total += bytesRead;
    }
    return { ok: true, value: total, truncated: false };
  });
}
