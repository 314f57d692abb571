// The embedded backend: a llama.cpp model in nl-sh's own per-user model server (`nl-sh-model`),
// reached over a unix socket (src/model-wire.ts). The first request that finds no server starts
// one (detached; only that request waits for it); every call has a time limit, and an abort
// closes the connection, which cancels the request in the server too.

import { connect, type Socket } from 'node:net';
import { basename, dirname, join } from 'node:path';
import { tmpdir } from 'node:os';
import { BackendError, type Availability, type ModelBackend, type ModelReply, type ModelRequest } from '../model-backend.js';
import { encodeLine, LineSplitter, parseReply, MODEL_LOG_NAME, type GenerateRequest } from '../../model-wire.js';
import { checkModelFile, currentModel, MODEL_FILE_HINT } from '../../model-store.js';
import { modelSocketPath, startModelServer, type ServerStart } from '../../model-server-start.js';

/** How to reach the embedded model. */
export interface EmbeddedBackendOptions {
  /** A GGUF path, or "default": the model chosen in the models folder. */
  model: string;
  env: Readonly<Record<string, string | undefined>>;
  /** The server exits after this long without requests. */
  idleSeconds: number;
  /** The server's socket (default: model.sock in nl-sh's runtime directory). */
  socketPath?: string;
  /** More server arguments (tests: a small context). */
  serverArgs?: readonly string[];
  /** Starts the server (default: startModelServer). */
  start?: (opts: ServerStart) => void;
}

const connectBackoffMs = [20, 40, 80, 150, 250];

/** A ModelBackend for the embedded model, named "embedded:<file name>", local. */
export function createEmbeddedBackend(opts: EmbeddedBackendOptions): ModelBackend {
  const socketPath = opts.socketPath ?? modelSocketPath(opts.env, process.getuid?.() ?? 0, tmpdir());
  const resolveModel = async (): Promise<string> => {
    if (opts.model === 'default') {
      const chosen = currentModel(opts.env);
      if (!chosen.ok) throw new BackendError('model-missing', chosen.reason === 'none' ? 'no embedded model is installed' : chosen.message, MODEL_FILE_HINT);
      return chosen.path;
    }
    const file = checkModelFile(opts.model);
    if (!file.ok) throw new BackendError('model-missing', file.message, MODEL_FILE_HINT);
    return opts.model;
  };
  const call = async (request: ModelRequest, onText?: (piece: string) => void): Promise<ModelReply> => {
    const deadline = Date.now() + request.timeoutMs;
    if (request.signal?.aborted) throw aborted();
    const model = await resolveModel();
    if (!socketPath) throw new BackendError('unavailable', 'no private runtime directory for the model server', 'set XDG_RUNTIME_DIR to a directory only you can enter');
    const socket = await connectOrStart(socketPath, deadline, request.signal, () => (opts.start ?? startModelServer)({ socketPath, idleSeconds: opts.idleSeconds, extraArgs: opts.serverArgs, env: { ...process.env } }));
    return exchange(socket, toWire(model, request, onText !== undefined), { deadline, timeoutMs: request.timeoutMs, signal: request.signal, onText, logPath: join(dirname(socketPath), MODEL_LOG_NAME) });
  };
  return {
    name: `embedded:${opts.model === 'default' ? 'default' : basename(opts.model)}`,
    locality: 'local',
    replyStyle: 'compact',
    checkAvailable: async (): Promise<Availability> => {
      try {
        await resolveModel();
        return { ok: true };
      } catch (err) {
        const e = err as BackendError;
        return { ok: false, reason: e.message, hint: e.hint ?? MODEL_FILE_HINT };
      }
    },
    complete: (request) => call(request),
    stream: (request, onText) => call(request, onText),
  };
}

function toWire(model: string, request: ModelRequest, stream: boolean): GenerateRequest {
  return {
    op: 'generate',
    model,
    system: request.system,
    messages: request.messages.map((m) => ({ role: m.role, content: m.content })),
    ...(request.schema ? { schema: request.schema } : {}),
    ...(request.maxTokens !== undefined ? { maxTokens: request.maxTokens } : {}),
    ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
    stream,
  };
}

const aborted = (): BackendError => new BackendError('aborted', 'the request was cancelled');

// Connect to the server; when none listens, start one (once) and retry with a short backoff.
async function connectOrStart(path: string, deadline: number, signal: AbortSignal | undefined, start: () => void): Promise<Socket> {
  let started = false;
  for (let attempt = 0; ; attempt += 1) {
    const result = await tryConnect(path, signal);
    if (typeof result !== 'string') return result;
    if (result === 'aborted') throw aborted();
    if (!started) {
      started = true;
      try {
        start();
      } catch (err) {
        throw new BackendError('unavailable', `the model server could not be started (${(err as Error).message})`, 'reinstall nl-sh (`npm run setup`)', { cause: err });
      }
    }
    const wait = connectBackoffMs[Math.min(attempt, connectBackoffMs.length - 1)] ?? 250;
    if (Date.now() + wait > deadline) throw new BackendError('timeout', 'the model server did not start in time', `see ${MODEL_LOG_NAME} in nl-sh's runtime directory, or raise the tier's timeout_ms`);
    if (!(await sleep(wait, signal))) throw aborted();
  }
}

// One connection attempt: the socket, or why not ('absent' covers ENOENT and ECONNREFUSED).
function tryConnect(path: string, signal: AbortSignal | undefined): Promise<Socket | 'absent' | 'aborted'> {
  return new Promise((resolve) => {
    const socket = connect(path);
    const onAbort = (): void => {
      socket.destroy();
      resolve('aborted');
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    socket.once('connect', () => {
      signal?.removeEventListener('abort', onAbort);
      resolve(socket);
    });
    socket.once('error', () => {
      signal?.removeEventListener('abort', onAbort);
      socket.destroy();
      resolve('absent');
    });
  });
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(false);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

interface ExchangeLimits {
  deadline: number;
  timeoutMs: number;
  signal?: AbortSignal;
  onText?: (piece: string) => void;
  logPath: string;
}

// Send the request and read pieces until `done` or `error`; abort and timeout close the socket.
function exchange(socket: Socket, request: GenerateRequest, limits: ExchangeLimits): Promise<ModelReply> {
  return new Promise((resolve, reject) => {
    const lines = new LineSplitter();
    let settled = false;
    const finish = (outcome: { reply: ModelReply } | { error: BackendError }): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      limits.signal?.removeEventListener('abort', onAbort);
      socket.destroy();
      if ('reply' in outcome) resolve(outcome.reply);
      else reject(outcome.error);
    };
    const onAbort = (): void => finish({ error: aborted() });
    const timer = setTimeout(() => finish({ error: new BackendError('timeout', `the embedded model did not answer within ${limits.timeoutMs} ms`, "raise the tier's timeout_ms, or use a smaller model") }), Math.max(0, limits.deadline - Date.now()));
    limits.signal?.addEventListener('abort', onAbort, { once: true });
    if (limits.signal?.aborted) return onAbort();
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      let got: string[];
      try {
        got = lines.push(chunk);
      } catch (err) {
        return finish({ error: new BackendError('protocol', `the model server sent ${(err as Error).message}`) });
      }
      for (const line of got) {
        const reply = parseReply(line);
        if (!reply) return finish({ error: new BackendError('protocol', 'the model server sent a line this nl-sh does not understand', 'restart it: it may be from another nl-sh version') });
        if (reply.type === 'piece') limits.onText?.(reply.text);
        else if (reply.type === 'done') return finish({ reply: { text: reply.text, model: basename(reply.model), usage: { inputTokens: reply.usage.inputTokens, outputTokens: reply.usage.outputTokens } } });
        else if (reply.type === 'error') return finish({ error: new BackendError(reply.error.kind, reply.error.message, reply.error.hint) });
      }
    });
    socket.on('error', () => undefined);
    socket.on('close', () => finish({ error: new BackendError('unavailable', 'the model server closed the connection without an answer', `see ${limits.logPath}`) }));
    socket.write(encodeLine(request));
  });
}
