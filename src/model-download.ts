// Downloads one large file into `NAME.part`, resuming with an HTTP Range request when a part is
// there, and renames it to its final name only after its sha256 matched. Redirects are followed
// (Hugging Face answers with its CDN); https only unless the caller allows http. Never throws:
// the outcome says what happened, and a machine that cannot reach the host is its own outcome.

import { createHash, type Hash } from 'node:crypto';
import { createWriteStream, renameSync, rmSync, statSync } from 'node:fs';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { streamFileSafe } from './read-file.js';

/** What to fetch and how it is checked. */
export interface DownloadRequest {
  url: string;
  allowHttp: boolean;
  sha256: string;
  /** Bytes of the finished file, when known: a server offering another size is refused. */
  size?: number;
  /** The unfinished file, and the final name it is renamed to once verified. */
  part: string;
  dest: string;
  /** Time to connect and get the response's head (default 10 s). */
  connectTimeoutMs?: number;
  /** Time without a byte before the transfer is abandoned, the part kept (default 60 s). */
  stallTimeoutMs?: number;
  onProgress?: (received: number, total: number | undefined) => void;
  /** Called once the server answered, before the first byte: where the body starts (> 0 when a
   *  part is resumed) and the file's size when known. Nothing is said before it, so a machine
   *  that cannot reach the host hears exactly one thing. */
  onStart?: (from: number, total: number | undefined) => void;
}

/** How a download ended. `kept`: the part stays, and the same command resumes from it. */
export type DownloadOutcome =
  | { kind: 'done'; path: string; size: number }
  | { kind: 'unreachable'; host: string; why: string }
  | { kind: 'mismatch'; actual: string; expected: string }
  | { kind: 'failed'; message: string; kept: boolean };

const unreachableCodes: Record<string, string> = {
  ENOTFOUND: 'its name does not resolve',
  EAI_AGAIN: 'its name does not resolve',
  EAI_FAIL: 'its name does not resolve',
  ECONNREFUSED: 'connection refused',
  ENETUNREACH: 'no route to the network',
  EHOSTUNREACH: 'no route to the host',
  ETIMEDOUT: 'no answer',
  ECONNRESET: 'the connection was reset',
};

const mb = (n: number): string => `${(n / 1e6).toFixed(1)} MB`;

function partLength(part: string): number {
  try {
    const st = statSync(part);
    return st.isFile() ? st.size : 0;
  } catch {
    return 0;
  }
}

// The existing part's bytes hashed, so only the rest needs downloading.
async function hashPart(part: string, hash: Hash): Promise<number> {
  if (partLength(part) === 0) return 0;
  const read = await streamFileSafe(part, { maxBytes: Number.MAX_SAFE_INTEGER, noFollow: true }, (b) => hash.update(b));
  return read.ok ? read.value : -1;
}

type Opened = { res: IncomingMessage; abort: (err: Error) => void } | Extract<DownloadOutcome, { kind: 'unreachable' | 'failed' }>;

// One GET with an optional Range, following redirects; the response's head, or why not.
function open(url: URL, from: number, req: DownloadRequest, hops = 0): Promise<Opened> {
  if (url.protocol !== 'https:' && !(req.allowHttp && url.protocol === 'http:')) return Promise.resolve({ kind: 'failed', message: `refused to download from ${url.origin}: only https is allowed`, kept: true });
  return new Promise((resolve) => {
    const headers: Record<string, string> = { 'user-agent': 'nl-sh', ...(from > 0 ? { range: `bytes=${from}-` } : {}) };
    const client = url.protocol === 'https:' ? https : http;
    const request = client.get(url, { headers });
    const timer = setTimeout(() => request.destroy(Object.assign(new Error(`no answer within ${Math.round((req.connectTimeoutMs ?? 10_000) / 1000)} s`), { code: 'ETIMEDOUT' })), req.connectTimeoutMs ?? 10_000);
    request.on('error', (err: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      const why = err.code ? unreachableCodes[err.code] : undefined;
      resolve(why ? { kind: 'unreachable', host: url.host, why: err.code === 'ETIMEDOUT' ? err.message : why } : { kind: 'failed', message: `${url.host}: ${err.message}`, kept: true });
    });
    request.on('response', (res) => {
      clearTimeout(timer);
      const location = res.headers.location;
      if (res.statusCode && res.statusCode >= 300 && res.statusCode < 400 && location) {
        res.resume();
        if (hops >= 5) return resolve({ kind: 'failed', message: `${url.host}: too many redirects`, kept: true });
        return resolve(open(new URL(location, url), from, req, hops + 1));
      }
      request.setTimeout(req.stallTimeoutMs ?? 60_000, () => request.destroy(new Error(`no data for ${Math.round((req.stallTimeoutMs ?? 60_000) / 1000)} s`)));
      resolve({ res, abort: (err) => request.destroy(err) });
    });
  });
}

// Where the response's body starts in the file: 0 for a whole file, `from` for a matching 206.
function bodyStart(res: IncomingMessage, from: number): number | undefined {
  if (res.statusCode === 200) return 0;
  if (res.statusCode !== 206) return undefined;
  const m = /^bytes (\d+)-/.exec(res.headers['content-range'] ?? '');
  return m && Number(m[1]) === from ? from : undefined;
}

/** Download, resume, verify and rename into place. */
export async function downloadVerified(req: DownloadRequest): Promise<DownloadOutcome> {
  let hash = createHash('sha256');
  let have = await hashPart(req.part, hash);
  if (have < 0 || (req.size !== undefined && have > req.size)) {
    rmSync(req.part, { force: true });
    hash = createHash('sha256');
    have = 0;
  }
  if (req.size === undefined || have < req.size) {
    const streamed = await fetchRest(req, hash, have);
    if (streamed.kind !== 'done') return streamed;
    hash = streamed.hash;
  }
  const actual = hash.digest('hex');
  if (actual !== req.sha256) {
    rmSync(req.part, { force: true });
    return { kind: 'mismatch', actual, expected: req.sha256 };
  }
  renameSync(req.part, req.dest);
  return { kind: 'done', path: req.dest, size: partLength(req.dest) };
}

type Fetched = { kind: 'done'; hash: Hash } | Exclude<DownloadOutcome, { kind: 'done' | 'mismatch' }>;

// The bytes after `have` appended to the part (or the whole file, when the server ignores Range).
async function fetchRest(req: DownloadRequest, hash: Hash, have: number, retried = false): Promise<Fetched> {
  const opened = await open(new URL(req.url), have, req);
  if (!('res' in opened)) return opened;
  const { res, abort } = opened;
  if (res.statusCode === 416 && have > 0 && !retried) {
    // The part is not a prefix the server recognises: start over.
    res.resume();
    rmSync(req.part, { force: true });
    return fetchRest(req, createHash('sha256'), 0, true);
  }
  const start = bodyStart(res, have);
  if (start === undefined) {
    res.resume();
    return { kind: 'failed', message: `${new URL(req.url).host} answered HTTP ${res.statusCode}${res.statusMessage ? ` ${res.statusMessage}` : ''}`, kept: true };
  }
  // A 200 to a Range request: the server sends the whole file, so the part starts over.
  if (start === 0 && have > 0) hash = createHash('sha256');
  const length = res.headers['content-length'] === undefined ? undefined : Number(res.headers['content-length']);
  const total = length === undefined ? req.size : start + length;
  if (req.size !== undefined && total !== req.size) {
    abort(new Error('wrong size'));
    return { kind: 'failed', message: `the server offers ${total} bytes, but the model is ${req.size} bytes: it is not the file nl-sh asked for`, kept: true };
  }
  let received = start;
  req.onStart?.(start, total);
  req.onProgress?.(received, total);
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      received += chunk.length;
      req.onProgress?.(received, total);
      done(null, chunk);
    },
  });
  try {
    await pipeline(res, counter, createWriteStream(req.part, { flags: start > 0 ? 'a' : 'w', mode: 0o600 }));
  } catch (err) {
    return { kind: 'failed', message: `the download stopped at ${mb(received)}${total ? ` of ${mb(total)}` : ''} (${(err as Error).message})`, kept: true };
  }
  if (!res.complete || (total !== undefined && received !== total)) return { kind: 'failed', message: `the download stopped at ${mb(received)}${total ? ` of ${mb(total)}` : ''} (the connection closed early)`, kept: true };
  return { kind: 'done', hash };
}
