// Every way an Ollama call can fail, as a BackendError with a short message and a hint.

import { BackendError } from '../model-backend.js';

export const startHint = 'start it with `ollama serve` (https://ollama.com/download)';
export const pullHint = (model: string): string => `run \`ollama pull ${model}\``;
export const serverLogHint = 'check the Ollama server log';
export const protocolHint = 'check that OLLAMA_HOST points at an Ollama server, and its log';

export function serverErrorText(text: string): string {
  try {
    const value: unknown = JSON.parse(text);
    if (isRecord(value) && typeof value.error === 'string') return value.error;
  } catch {
    // not JSON: the text itself
  }
  return text;
}

const unreachableCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL', 'ECONNRESET', 'EPIPE']);

// fetch's own failure: TypeError("fetch failed") with the socket error (or an AggregateError
// of them, one per address tried) somewhere in its causes.
export function connectionError(err: unknown, host: string): BackendError {
  const codes: string[] = [];
  const walk = (e: unknown, depth: number): void => {
    if (!isRecord(e) || depth > 5) return;
    if (typeof e.code === 'string') codes.push(e.code);
    if (Array.isArray(e.errors)) for (const inner of e.errors) walk(inner, depth + 1);
    walk(e.cause, depth + 1);
  };
  walk(err, 0);
  if (codes.some((c) => unreachableCodes.has(c))) return new BackendError('unavailable', `Ollama is not running at ${host}`, startHint, { cause: err });
  return protocolError(`no usable reply from ${host}: ${shorten(describe(err))}`, err);
}

/** Any thrown value as a BackendError (one kind per failure; never a raw exception). */
export function toBackendError(err: unknown): BackendError {
  if (err instanceof BackendError) return err;
  return protocolError(`Ollama's reply could not be used: ${shorten(describe(err))}`, err);
}

function describe(err: unknown): string {
  if (err instanceof Error) {
    const cause = err.cause instanceof Error ? ` (${err.cause.message})` : '';
    return `${err.message}${cause}`;
  }
  return String(err);
}

export function protocolError(message: string, cause?: unknown): BackendError {
  return new BackendError('protocol', message, protocolHint, cause === undefined ? undefined : { cause });
}

export function modelMissingError(model: string): BackendError {
  return new BackendError('model-missing', `model ${model} is not pulled`, pullHint(model));
}

export function tooLargeError(maxBytes: number): BackendError {
  return protocolError(`Ollama's reply is larger than ${Math.round(maxBytes / 1024)} KiB`);
}

export function timeoutError(timeoutMs: number): BackendError {
  return new BackendError('timeout', `Ollama did not answer within ${timeoutMs} ms`, 'the model may still be loading; try again, or raise the time limit');
}

export function abortedError(): BackendError {
  return new BackendError('aborted', 'the request to Ollama was cancelled');
}

// Server text for a one-line message: control characters (escape sequences too) removed.
export function shorten(text: string, max = 200): string {
  const clean = text.replace(/\p{Cc}+/gu, ' ').replace(/\s+/g, ' ').trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
