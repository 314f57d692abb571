// The Ollama backend: chat with a model on a local Ollama server through the `ollama` client.
// This is the only file that imports `ollama` (STYLE.md practice 1). Every call gets a time
// limit and a prompt abort (the client's non-streaming calls have neither), every reply is
// bounded in size and checked before the client parses it (the client would otherwise log
// to the console and skip bad lines), and every failure becomes a BackendError.

import type { ChatRequest, Message, Ollama } from 'ollama';
import { BackendError, type Availability, type ModelBackend, type ModelReply, type ModelRequest } from '../model-backend.js';

/** Where Ollama listens when nothing says otherwise (Ollama's own default). */
export const OLLAMA_DEFAULT_HOST = 'http://127.0.0.1:11434';

/** The largest reply body accepted; a larger one is a 'protocol' error, not an out-of-memory. */
export const OLLAMA_MAX_REPLY_BYTES = 2 * 1024 * 1024;

/** How to reach one model on an Ollama server. */
export interface OllamaBackendOptions {
  model: string;
  /** Server address; when absent, OLLAMA_HOST from `env`, then OLLAMA_DEFAULT_HOST. */
  host?: string;
  /** Where OLLAMA_HOST is read from (default process.env). */
  env?: Record<string, string | undefined>;
  /** The fetch the client uses underneath (default the global fetch). */
  fetch?: typeof fetch;
  /** Reply size bound in bytes (default OLLAMA_MAX_REPLY_BYTES). */
  maxReplyBytes?: number;
}

const startHint = 'start it with `ollama serve` (https://ollama.com/download)';
const pullHint = (model: string): string => `run \`ollama pull ${model}\``;
const serverLogHint = 'check the Ollama server log';
const protocolHint = 'check that OLLAMA_HOST points at an Ollama server, and its log';

/** A ModelBackend for one Ollama model, named "ollama:<model>", local. */
export function createOllamaBackend(opts: OllamaBackendOptions): ModelBackend {
  const model = opts.model;
  const target = resolveTarget(opts);
  const settings = { model, host: target.host, baseFetch: opts.fetch ?? globalThis.fetch, maxBytes: opts.maxReplyBytes ?? OLLAMA_MAX_REPLY_BYTES };
  let loading: Promise<typeof Ollama> | undefined;
  const loadClient = (): Promise<typeof Ollama> => (loading ??= import('ollama').then((m) => m.Ollama));

  // Runs `work` with a client whose every request goes through this call's guard.
  const call = <T>(mode: ReplyMode, limits: CallLimits, work: (client: Ollama, guard: CallGuard) => Promise<T>): Promise<T> => {
    if (target.error) return Promise.reject(target.error);
    const guard = new CallGuard(settings, mode, limits);
    return guard.run(async () => {
      const Client = await loadClient().catch((err: unknown) => {
        throw new BackendError('unavailable', 'the Ollama client library could not be loaded', 'reinstall nl-sh', { cause: err });
      });
      return work(new Client({ host: target.host, fetch: guard.fetch }), guard);
    });
  };

  return {
    name: `ollama:${model}`,
    locality: 'local',
    checkAvailable: async (timeoutMs, signal) => {
      try {
        const list: unknown = await call('json', { timeoutMs, signal }, (client) => client.list());
        return listsModel(list, model) ? { ok: true } : { ok: false, reason: `model ${model} is not pulled`, hint: pullHint(model) };
      } catch (err) {
        return describeUnavailable(toBackendError(err), target.host, timeoutMs);
      }
    },
    complete: (request) =>
      call('json', request, async (client) => toReply(await client.chat({ ...buildChat(model, request), stream: false }), model)),
    stream: (request, onText) =>
      call('ndjson', request, async (client, guard) => {
        const chunks = await client.chat({ ...buildChat(model, request), stream: true });
        let text = '';
        let last: unknown;
        for await (const chunk of chunks) {
          const piece = messageText(chunk);
          if (piece) {
            text += piece;
            guard.deliver(() => onText(piece));
          }
          last = chunk;
        }
        return { ...toReply(last, model), text };
      }),
  };
}

/** Ollama's reading of OLLAMA_HOST ("host:port", "http://host:port", ":port", "0.0.0.0"), as a URL. */
export function resolveOllamaHost(value: string | undefined): string {
  const raw = (value ?? '').trim().replace(/^["']+|["']+$/g, '');
  if (raw === '') return OLLAMA_DEFAULT_HOST;
  const sep = raw.indexOf('://');
  const scheme = sep >= 0 ? raw.slice(0, sep).toLowerCase() : 'http';
  const rest = sep >= 0 ? raw.slice(sep + 3) : raw;
  const defaultPort = sep < 0 ? '11434' : scheme === 'https' ? '443' : '80';
  const slash = rest.indexOf('/');
  const hostPort = slash >= 0 ? rest.slice(0, slash) : rest;
  const path = slash >= 0 ? rest.slice(slash).replace(/\/+$/, '') : '';
  let [hostname, port] = splitHostPort(hostPort) ?? [hostPort.replace(/^\[|\]$/g, ''), defaultPort];
  if (!/^\d{1,5}$/.test(port) || Number(port) > 65535) [hostname, port] = ['127.0.0.1', defaultPort];
  // A server listening on every address is reached on loopback, as Ollama's CLI does.
  if (hostname === '' || hostname === '0.0.0.0') hostname = '127.0.0.1';
  if (hostname === '::') hostname = '::1';
  const url = `${scheme}://${hostname.includes(':') ? `[${hostname}]` : hostname}:${port}${path}`;
  if ((scheme !== 'http' && scheme !== 'https') || !URL.canParse(url)) {
    throw new BackendError('unavailable', `"${shorten(raw, 80)}" is not an address of an Ollama server`, 'use host:port or http://host:port, e.g. 127.0.0.1:11434');
  }
  return url;
}

// "host:port" and "[v6]:port" split; anything else (no port, bare IPv6) is undefined.
function splitHostPort(hostPort: string): [string, string] | undefined {
  const bracketed = /^\[([^\]]*)\]:(.*)$/.exec(hostPort);
  if (bracketed) return [bracketed[1] ?? '', bracketed[2] ?? ''];
  const colon = hostPort.indexOf(':');
  if (colon < 0 || colon !== hostPort.lastIndexOf(':')) return undefined;
  return [hostPort.slice(0, colon), hostPort.slice(colon + 1)];
}

// The server's URL, or why there is none (reported by every call rather than thrown here).
function resolveTarget(opts: OllamaBackendOptions): { host: string; error?: BackendError } {
  const value = opts.host ?? (opts.env ?? process.env).OLLAMA_HOST;
  try {
    return { host: resolveOllamaHost(value) };
  } catch (err) {
    const e = toBackendError(err);
    return { host: value ?? '', error: opts.host === undefined ? new BackendError(e.kind, `OLLAMA_HOST: ${e.message}`, e.hint) : e };
  }
}

// Ollama's model names: "llama3" is "registry.ollama.ai/library/llama3:latest"; case-insensitive.
function normalizeModelName(name: string): string {
  const lower = name.trim().toLowerCase();
  const slash = lower.lastIndexOf('/');
  const hasTag = lower.lastIndexOf(':') > slash;
  const parts = (hasTag ? lower : `${lower}:latest`).split('/');
  if (parts.length === 1) parts.unshift('registry.ollama.ai', 'library');
  else if (parts.length === 2) parts.unshift('registry.ollama.ai');
  return parts.join('/');
}

function listsModel(list: unknown, model: string): boolean {
  if (!isRecord(list) || !Array.isArray(list.models)) throw protocolError('Ollama sent a model list without models');
  const wanted = normalizeModelName(model);
  return list.models.some((m: unknown) => isRecord(m) && [m.name, m.model].some((n) => typeof n === 'string' && normalizeModelName(n) === wanted));
}

function describeUnavailable(err: BackendError, host: string, timeoutMs: number): Availability {
  switch (err.kind) {
    case 'unavailable':
      return { ok: false, reason: err.message, hint: err.hint ?? startHint };
    case 'timeout':
      return { ok: false, reason: `Ollama at ${host} did not answer within ${timeoutMs} ms`, hint: 'check that `ollama serve` is healthy, or raise the time limit' };
    case 'aborted':
      return { ok: false, reason: 'the availability check was cancelled', hint: 'try again' };
    default:
      return { ok: false, reason: err.message, hint: err.hint ?? protocolHint };
  }
}

function buildChat(model: string, request: ModelRequest): ChatRequest {
  const options: { temperature?: number; num_predict?: number } = {};
  if (request.temperature !== undefined) options.temperature = request.temperature;
  if (request.maxTokens !== undefined) options.num_predict = request.maxTokens;
  const system: Message[] = request.system ? [{ role: 'system', content: request.system }] : [];
  return {
    model,
    messages: [...system, ...request.messages.map((m) => ({ role: m.role, content: m.content }))],
    ...(request.schema ? { format: request.schema } : {}),
    ...(Object.keys(options).length > 0 ? { options } : {}),
  };
}

function messageText(chunk: unknown): string {
  return isRecord(chunk) && isRecord(chunk.message) && typeof chunk.message.content === 'string' ? chunk.message.content : '';
}

function toReply(body: unknown, model: string): ModelReply {
  if (!isRecord(body) || !isRecord(body.message) || typeof body.message.content !== 'string') {
    throw protocolError('Ollama sent a reply without message text');
  }
  return {
    text: body.message.content,
    usage: { inputTokens: count(body.prompt_eval_count), outputTokens: count(body.eval_count) },
    model: typeof body.model === 'string' && body.model !== '' ? body.model : model,
  };
}

function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.floor(value) : 0;
}

type ReplyMode = 'json' | 'ndjson';

interface CallLimits {
  timeoutMs: number;
  signal?: AbortSignal | undefined;
}

interface GuardSettings {
  model: string;
  host: string;
  baseFetch: typeof fetch;
  maxBytes: number;
}

// One call's time limit, abort and reply checks. The call's promise settles as soon as either
// fires (not when the client gets round to it), and the HTTP request is torn down at once.
class CallGuard {
  private readonly controller = new AbortController();
  private failure: unknown;
  private settle: ((outcome: { ok: true; value: unknown } | { ok: false; error: unknown }) => void) | undefined;

  constructor(
    private readonly settings: GuardSettings,
    private readonly mode: ReplyMode,
    private readonly limits: CallLimits,
  ) {}

  run<T>(work: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const { signal } = this.limits;
      if (signal?.aborted) return reject(abortedError());
      const timeoutMs = Math.min(Math.max(0, this.limits.timeoutMs || 0), 2_147_483_647);
      const timer = setTimeout(() => this.fail(timeoutError(timeoutMs)), timeoutMs);
      const onAbort = (): void => void this.fail(abortedError());
      signal?.addEventListener('abort', onAbort, { once: true });
      this.settle = (outcome) => {
        this.settle = undefined;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        if (outcome.ok) resolve(outcome.value as T);
        else reject(outcome.error);
        // Then end whatever is left of the HTTP exchange, right after the caller has heard:
        // undici's first abort in a process takes ~10 ms of synchronous work.
        setImmediate(() => this.controller.abort());
      };
      work().then(
        (value) => this.settle?.({ ok: true, value }),
        (err: unknown) => this.fail(err),
      );
    });
  }

  /** Whether the call is still running (streamed pieces go to the caller only while it is). */
  get live(): boolean {
    return this.settle !== undefined;
  }

  /** Hands a piece to the caller; an exception from the caller ends the call with it. */
  deliver(give: () => void): void {
    if (!this.live) return;
    try {
      give();
    } catch (err) {
      this.failure ??= err; // the caller's own exception, passed back unchanged
      this.fail(err);
    }
  }

  // Ends the call with the first failure seen; later ones (a torn-down stream) are ignored.
  private fail(err: unknown): unknown {
    this.failure ??= toBackendError(err);
    this.settle?.({ ok: false, error: this.failure });
    return this.failure;
  }

  /** The fetch the client uses: joins the call's signal, checks status, bounds and checks the body. */
  readonly fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    if (this.controller.signal.aborted) throw this.failure ?? abortedError();
    const signal = init?.signal ? AbortSignal.any([init.signal, this.controller.signal]) : this.controller.signal;
    let response: Response;
    try {
      response = await this.settings.baseFetch(input, { ...init, signal });
    } catch (err) {
      throw this.fail(this.failure ?? connectionError(err, this.settings.host));
    }
    if (!response.ok) throw this.fail(await this.statusError(response));
    if (!response.body) throw this.fail(protocolError('Ollama sent an empty reply'));
    const passOn = { status: response.status, statusText: response.statusText, headers: response.headers };
    if (this.mode === 'json') return new Response(await this.readJson(response.body), passOn);
    return new Response(this.checkLines(response.body), passOn);
  };

  // Reads a whole JSON body within the bound and checks that it parses.
  private async readJson(body: ReadableStream<Uint8Array>): Promise<string> {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    let text = '';
    let size = 0;
    for (;;) {
      const chunk = await this.read(reader);
      if (chunk.done) break;
      size += chunk.value.byteLength;
      if (size > this.settings.maxBytes) throw this.fail(tooLargeError(this.settings.maxBytes));
      text += decoder.decode(chunk.value, { stream: true });
    }
    text += decoder.decode();
    const parsed = parseReplyJson(text, this.settings.model);
    if ('problem' in parsed) throw this.fail(parsed.problem);
    return text;
  }

  // Passes a NDJSON stream on as complete, checked lines. A bad line, an error line, too many
  // bytes, or an end without `done: true` fails the call, after the good lines before it.
  private checkLines(body: ReadableStream<Uint8Array>): ReadableStream<Uint8Array> {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    const encoder = new TextEncoder();
    let pending = '';
    let size = 0;
    let sawDone = false;
    let problem: BackendError | undefined;
    // The good lines among `lines`, up to the first problem (which is kept for later).
    const take = (lines: string[]): string => {
      let good = '';
      for (const line of lines) {
        if (line.trim() === '') continue;
        const parsed = parseReplyJson(line, this.settings.model);
        if ('problem' in parsed) {
          problem = parsed.problem;
          break;
        }
        sawDone ||= parsed.value.done === true;
        good += `${line}\n`;
      }
      return good;
    };
    // Reads until there is something to hand on (a pull that enqueues nothing is not repeated).
    const pull = async (controller: ReadableStreamDefaultController<Uint8Array>): Promise<void> => {
      for (;;) {
        if (problem) throw problem;
        const chunk = await this.read(reader);
        let good = '';
        if (chunk.done) {
          good = take([pending + decoder.decode()]);
          if (!sawDone) problem ??= protocolError('the reply stream ended before Ollama said it was done');
        } else {
          size += chunk.value.byteLength;
          if (size > this.settings.maxBytes) throw tooLargeError(this.settings.maxBytes);
          const text = decoder.decode(chunk.value, { stream: true });
          if (!text.includes('\n')) pending += text; // no line ended: nothing new to look at
          else {
            const lines = (pending + text).split('\n');
            pending = lines.pop() ?? '';
            good = take(lines);
          }
        }
        if (good) controller.enqueue(encoder.encode(good));
        else if (problem) throw problem;
        if (chunk.done && !problem) controller.close();
        if (good || chunk.done) return;
      }
    };
    return new ReadableStream<Uint8Array>(
      {
        pull: (controller) => pull(controller).catch((err: unknown) => controller.error(this.fail(err))),
        cancel: (reason) => reader.cancel(reason).catch(() => undefined),
      },
      { highWaterMark: 0 }, // no read-ahead: a later problem must not overtake pieces not yet taken
    );
  }

  // One read; a failure that is not ours (the server went away) is a broken reply.
  private async read(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<ReadableStreamReadResult<Uint8Array>> {
    try {
      return await reader.read();
    } catch (err) {
      throw this.failure ?? protocolError('Ollama closed the connection in the middle of the reply', err);
    }
  }

  // An HTTP error status, with the server's error text (bounded).
  private async statusError(response: Response): Promise<BackendError> {
    let text = '';
    try {
      const reader = response.body?.getReader();
      const decoder = new TextDecoder();
      while (reader && text.length < 4096) {
        const chunk = await reader.read();
        if (chunk.done) break;
        text += decoder.decode(chunk.value, { stream: true });
      }
      void reader?.cancel().catch(() => undefined);
    } catch {
      if (this.failure) return toBackendError(this.failure);
    }
    const said = serverErrorText(text) || response.statusText;
    if (response.status === 404 && /model/i.test(said) && /not found/i.test(said)) return modelMissingError(this.settings.model);
    return new BackendError('http', `Ollama answered HTTP ${response.status}: ${shorten(said)}`, serverLogHint);
  }
}

// One reply object (a body or a stream line); not JSON, or Ollama's {"error": ...}, is a problem.
function parseReplyJson(text: string, model: string): { value: Record<string, unknown> } | { problem: BackendError } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { problem: protocolError(`Ollama sent a reply that is not JSON: ${shorten(text, 60)}`) };
  }
  if (!isRecord(value)) return { problem: protocolError('Ollama sent a reply that is not a JSON object') };
  if (typeof value.error !== 'string') return { value };
  if (/model/i.test(value.error) && /not found/i.test(value.error)) return { problem: modelMissingError(model) };
  return { problem: new BackendError('http', `Ollama reported an error: ${shorten(value.error)}`, serverLogHint) };
}

function serverErrorText(text: string): string {
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
function connectionError(err: unknown, host: string): BackendError {
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
function toBackendError(err: unknown): BackendError {
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

function protocolError(message: string, cause?: unknown): BackendError {
  return new BackendError('protocol', message, protocolHint, cause === undefined ? undefined : { cause });
}

function modelMissingError(model: string): BackendError {
  return new BackendError('model-missing', `model ${model} is not pulled`, pullHint(model));
}

function tooLargeError(maxBytes: number): BackendError {
  return protocolError(`Ollama's reply is larger than ${Math.round(maxBytes / 1024)} KiB`);
}

function timeoutError(timeoutMs: number): BackendError {
  return new BackendError('timeout', `Ollama did not answer within ${timeoutMs} ms`, 'the model may still be loading; try again, or raise the time limit');
}

function abortedError(): BackendError {
  return new BackendError('aborted', 'the request to Ollama was cancelled');
}

// Server text for a one-line message: control characters (escape sequences too) removed.
function shorten(text: string, max = 200): string {
  const clean = text.replace(/\p{Cc}+/gu, ' ').replace(/\s+/g, ' ').trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
