// Record and replay decorators (after gemini-cli's recording/fake content generators). Recording
// wraps any backend and appends each exchange to a JSONL file: request, reply or error, latency,
// every text redacted as a cloud request is (a recording is made to be shared), which the file's
// first line says.
// Replay serves recorded exchanges in order without any model, so a user's bug report (their
// recording) reproduces exactly; a request beyond the recording fails clearly.

import { appendFileSync, statSync } from 'node:fs';
import { readFileSafeSync } from '../../read-file.js';
import { BackendError, type BackendFailureKind, type ModelBackend, type ModelReply, type ModelRequest } from '../model-backend.js';

/** One line of a recording. */
export interface RecordedExchange {
  backend: string;
  kind: 'complete' | 'stream';
  request: { system: string; messages: ModelRequest['messages']; schema?: unknown };
  reply?: ModelReply;
  /** Streamed pieces, in order (stream exchanges). */
  pieces?: string[];
  error?: { kind: BackendFailureKind | 'other'; message: string; hint?: string };
  latencyMs: number;
  /** The recorded backend's reply style, when compact (a replay must ask for the same reply). */
  replyStyle?: 'compact';
}

/** The first line of a recording: what it is and that its texts are redacted (replay skips it). */
export interface RecordingHeader {
  kind: 'header';
  note: string;
}

const header: RecordingHeader = { kind: 'header', note: 'nl-sh model exchanges; every text redacted as requests to cloud tiers are (secrets read [REDACTED ...])' };

function errorOf(err: unknown): RecordedExchange['error'] {
  if (err instanceof BackendError) return { kind: err.kind, message: err.message, hint: err.hint };
  return { kind: 'other', message: (err as Error)?.message ?? String(err) };
}

/** Wrap `inner` so every exchange is appended to `file`, its texts passed through `redact` (a recording never breaks a call). */
export function recordingBackend(inner: ModelBackend, file: string, redact: (text: string) => string): ModelBackend {
  const write = (entry: RecordedExchange): void => {
    try {
      const lines = `${isEmpty(file) ? `${JSON.stringify(header)}\n` : ''}${JSON.stringify(redactExchange(entry, redact))}\n`;
      appendFileSync(file, lines, { mode: 0o600 });
    } catch {
      // A recording that cannot be written is skipped.
    }
  };
  const requestOf = (r: ModelRequest): RecordedExchange['request'] => ({ system: r.system, messages: r.messages, schema: r.schema });
  const style = inner.replyStyle === 'compact' ? { replyStyle: 'compact' as const } : {};
  return {
    name: inner.name,
    locality: inner.locality,
    ...style,
    checkAvailable: (ms, signal) => inner.checkAvailable(ms, signal),
    async complete(request) {
      const started = performance.now();
      try {
        const reply = await inner.complete(request);
        write({ ...style, backend: inner.name, kind: 'complete', request: requestOf(request), reply, latencyMs: performance.now() - started });
        return reply;
      } catch (err) {
        write({ ...style, backend: inner.name, kind: 'complete', request: requestOf(request), error: errorOf(err), latencyMs: performance.now() - started });
        throw err;
      }
    },
    async stream(request, onText) {
      const started = performance.now();
      const pieces: string[] = [];
      try {
        const reply = await inner.stream(request, (piece) => {
          pieces.push(piece);
          onText(piece);
        });
        write({ ...style, backend: inner.name, kind: 'stream', request: requestOf(request), reply, pieces, latencyMs: performance.now() - started });
        return reply;
      } catch (err) {
        write({ ...style, backend: inner.name, kind: 'stream', request: requestOf(request), pieces, error: errorOf(err), latencyMs: performance.now() - started });
        throw err;
      }
    },
  };
}

function isEmpty(file: string): boolean {
  try {
    return statSync(file).size === 0;
  } catch {
    return true;
  }
}

/** The exchange with every text it carries (prompts, messages, replies, pieces, errors) redacted. */
function redactExchange(e: RecordedExchange, redact: (text: string) => string): RecordedExchange {
  const request = { ...e.request, system: redact(e.request.system), messages: e.request.messages.map((m) => ({ ...m, content: redact(m.content) })) };
  const reply = e.reply && { ...e.reply, text: redact(e.reply.text) };
  const error = e.error && { ...e.error, message: redact(e.error.message) };
  return { ...e, request, reply, pieces: e.pieces?.map(redact), error };
}

const maxRecordingBytes = 64 * 1024 * 1024;

/** Read a recording; lines that are not exchanges are reported, not skipped silently. */
export function readRecording(file: string): RecordedExchange[] {
  const read = readFileSafeSync(file, { maxBytes: maxRecordingBytes });
  if (!read.ok) throw new Error(read.message);
  return read.value
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l, i) => {
      const e = JSON.parse(l) as RecordedExchange | RecordingHeader;
      if (e?.kind === 'header') return undefined;
      if (!e || (e.kind !== 'complete' && e.kind !== 'stream')) throw new Error(`${file}:${i + 1}: not a recorded exchange`);
      return e;
    })
    .filter((e): e is RecordedExchange => e !== undefined);
}

/** A backend that answers from a recording, in order. */
export function replayingBackend(opts: { name: string; locality: 'local' | 'cloud'; exchanges: RecordedExchange[] }): ModelBackend {
  const queue = [...opts.exchanges];
  const next = (kind: 'complete' | 'stream'): RecordedExchange => {
    const e = queue.shift();
    if (!e) throw new BackendError('unavailable', `the recording for ${opts.name} has no more exchanges`, 'record the session again with NLSH_RECORD set');
    if (e.kind !== kind) throw new BackendError('protocol', `the recording for ${opts.name} has a ${e.kind} exchange where a ${kind} was asked for`);
    return e;
  };
  const fail = (e: RecordedExchange): never => {
    const err = e.error!;
    throw err.kind === 'other' ? new Error(err.message) : new BackendError(err.kind, err.message, err.hint);
  };
  return {
    name: opts.name,
    locality: opts.locality,
    // A recording of a compact model replays as one: the planner asks and parses as it did then.
    ...(opts.exchanges.some((e) => e.replyStyle === 'compact') ? { replyStyle: 'compact' as const } : {}),
    checkAvailable: async () => (queue.length > 0 ? { ok: true } : { ok: false, reason: 'the recording is used up', hint: 'record the session again' }),
    async complete() {
      const e = next('complete');
      if (e.error) fail(e);
      return e.reply!;
    },
    async stream(_request, onText) {
      const e = next('stream');
      for (const piece of e.pieces ?? []) onText(piece);
      if (e.error) fail(e);
      return e.reply!;
    },
  };
}
