// The Ollama backend: chat with a model on a local Ollama server through the `ollama` client.
// This is the only file that imports `ollama` (STYLE.md practice 1). Every call gets a time
// limit and a prompt abort (the client's non-streaming calls have neither), every reply is
// bounded in size and checked before the client parses it (the client would otherwise log
// to the console and skip bad lines), and every failure becomes a BackendError.

import { BackendError, type Availability, type ModelBackend, type ModelReply, type ModelRequest } from '../model-backend.js';
import type { ChatRequest, Message, Ollama } from 'ollama';
import { OLLAMA_DEFAULT_HOST, listsModel, resolveOllamaHost } from './ollama-host.js';

export { OLLAMA_DEFAULT_HOST, resolveOllamaHost };
import { isRecord, protocolError, protocolHint, pullHint, startHint, toBackendError } from './ollama-errors.js';
import { CallGuard, type CallLimits, type ReplyMode } from './ollama-call-guard.js';

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
