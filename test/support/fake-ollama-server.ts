// A fake Ollama server for tests: a real node:http server on 127.0.0.1 that speaks the parts of
// Ollama's HTTP API the `ollama` client uses (GET /api/tags, GET /api/version, POST /api/chat,
// streaming NDJSON or one JSON body), follows a script of behaviours (normal, slow, hanging,
// failing, garbage, truncated, huge, hostile text) and records every request it receives.
//
// It runs in-process (`startFakeOllama`) or as its own process, with the type stripping of
// Node >= 23.6 (the project's node_modules/.bin/node):
//
//   node test/support/fake-ollama-server.ts [--port N] [--script FILE] [--log FILE]
//
//   --port N       port on 127.0.0.1 (default 0: an ephemeral port)
//   --script FILE  a JSON `FakeScript` (see below), read once at start, e.g.
//                  {"models":["llama3:latest"],"chat":[{"kind":"reply","json":{"command":"ls"}},
//                   {"kind":"hang"}],"fallback":{"kind":"model-missing"}}
//   --log FILE     appends one JSON line per event: {"event":"request", ...ReceivedRequest}
//                  when a request arrives, {"event":"end","seq":N,"outcome":...} when it ends
//
// On start it prints one JSON line to stdout, {"url":"http://127.0.0.1:PORT","port":PORT}, and
// it exits cleanly on SIGTERM or SIGINT. Only node: built-ins are imported, so no build is needed.

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { appendFileSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** What the server does with one request (a chat request unless noted). */
export type FakeBehaviour =
  /** A normal reply: `json` (serialised) or `text` (repeated `repeat` times), streamed as
   *  `pieces` pieces when the client asked for a stream; delays before and between pieces. */
  | {
      kind: 'reply';
      text?: string;
      json?: unknown;
      repeat?: number;
      model?: string;
      promptTokens?: number;
      evalTokens?: number;
      pieces?: number;
      delayMs?: number;
      pieceDelayMs?: number;
    }
  /** Never finish: say nothing, or send the headers, or the headers and the first piece. */
  | { kind: 'hang'; after?: 'nothing' | 'headers' | 'first-piece'; text?: string }
  /** An HTTP error with Ollama's `{"error": ...}` body (or plain text when `json` is false). */
  | { kind: 'error'; status: number; error: string; json?: boolean }
  /** HTTP 404 `model "<requested model>" not found, try pulling it first`, as Ollama says it. */
  | { kind: 'model-missing' }
  /** HTTP 200 with a body that is not JSON. */
  | { kind: 'garbage'; body?: string }
  /** Send `pieces` pieces of a streamed reply (no `done: true`), then end the response
   *  cleanly ('end') or destroy the connection ('destroy'). */
  | { kind: 'close-mid-stream'; text?: string; pieces?: number; how?: 'end' | 'destroy' }
  /** A normal reply whose text is `bytes` bytes long. */
  | { kind: 'large'; bytes: number }
  /** A normal reply whose text carries terminal escape sequences (`FAKE_ESCAPE_TEXT`). */
  | { kind: 'escapes' };

/** The server's script: installed models, and queues of behaviours for successive requests. */
export interface FakeScript {
  /** Names listed by GET /api/tags, e.g. "llama3:latest" (default: none). */
  models?: string[];
  /** What GET /api/version reports (default "0.12.0"). */
  version?: string;
  /** Behaviours for successive POST /api/chat requests. */
  chat?: FakeBehaviour[];
  /** Behaviours for successive GET /api/tags requests ('reply' lists `models`). */
  tags?: FakeBehaviour[];
  /** What to do when a queue is empty (default: reply "ok"). */
  fallback?: FakeBehaviour;
}

/** How an exchange ended, as the server saw it. */
export type ExchangeOutcome = 'pending' | 'completed' | 'client-closed' | 'server-closed';

/** One request as the server received it. */
export interface ReceivedRequest {
  seq: number;
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  /** The parsed JSON body, the raw text when it is not JSON, or null when empty. */
  body: unknown;
  behaviour: FakeBehaviour['kind'] | 'builtin' | 'not-found';
  outcome: ExchangeOutcome;
}

/** A running fake server. */
export interface FakeOllamaServer {
  /** "http://127.0.0.1:PORT" */
  readonly url: string;
  readonly port: number;
  /** Every request received so far, in order (outcomes update as exchanges end). */
  readonly requests: readonly ReceivedRequest[];
  /** Appends behaviours to the queue of an endpoint. */
  enqueue(endpoint: 'chat' | 'tags', ...behaviours: FakeBehaviour[]): void;
  /** Replaces the installed models. */
  setModels(models: string[]): void;
  /** Resolves once request `seq` has been received and its exchange has ended. */
  waitForEnd(seq: number, timeoutMs?: number): Promise<ReceivedRequest>;
  /** Stops listening, ends every connection and cancels every pending timer. */
  close(): Promise<void>;
}

/** Text with colour, title-setting, clear-screen and cursor sequences (ESC, OSC, BEL, CSI). */
export const FAKE_ESCAPE_TEXT = 'ls \u001b[31mred\u001b[0m \u001b]0;owned\u0007\u001b[2J\u001b[H\u009b6n done';

const maxRequestBytes = 8 * 1024 * 1024;

/** How to start a fake server: port (default 0, ephemeral), script, and a JSON-lines log file. */
export interface FakeOllamaOptions {
  port?: number;
  script?: FakeScript;
  logFile?: string;
}

/** Starts a fake Ollama server on 127.0.0.1 (an ephemeral port unless `port` is given). */
export async function startFakeOllama(options: FakeOllamaOptions): Promise<FakeOllamaServer> {
  const script = options.script ?? {};
  const queues = { chat: [...(script.chat ?? [])], tags: [...(script.tags ?? [])] };
  let models = [...(script.models ?? [])];
  const requests: ReceivedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const sockets = new Set<Socket>();
  const endWaiters = new Map<number, Array<() => void>>();
  let closing = false;

  const log = (line: Record<string, unknown>): void => {
    if (options.logFile) appendFileSync(options.logFile, `${JSON.stringify(line)}\n`);
  };
  const later = (ms: number, fn: () => void): void => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timers.add(timer);
  };
  const next = (endpoint: 'chat' | 'tags'): FakeBehaviour =>
    queues[endpoint].shift() ?? script.fallback ?? { kind: 'reply', text: 'ok' };
  // 'builtin' answers version, and tags with the installed models.
  const chooseBehaviour = (record: ReceivedRequest): FakeBehaviour | 'builtin' | 'not-found' => {
    if (record.method === 'GET' && record.path === '/api/version') return 'builtin';
    if (record.method === 'POST' && record.path === '/api/chat') return next('chat');
    if (record.method !== 'GET' || record.path !== '/api/tags') return 'not-found';
    const behaviour = next('tags');
    return behaviour.kind === 'reply' ? 'builtin' : behaviour;
  };

  const server = createServer((req, res) => {
    void readBody(req).then((raw) => {
      const record: ReceivedRequest = {
        seq: requests.length,
        method: req.method ?? '',
        path: (req.url ?? '').split('?')[0] ?? '',
        headers: { ...req.headers },
        body: parseBody(raw),
        behaviour: 'builtin',
        outcome: 'pending',
      };
      requests.push(record);
      let serverClosed = false;
      res.on('close', () => {
        record.outcome = res.writableFinished ? 'completed' : serverClosed || closing ? 'server-closed' : 'client-closed';
        log({ event: 'end', seq: record.seq, outcome: record.outcome });
        for (const wake of endWaiters.get(record.seq) ?? []) wake();
        endWaiters.delete(record.seq);
      });
      const destroy = (): void => {
        serverClosed = true;
        req.socket.destroy();
      };
      const exchange: Exchange = { req, res, record, later, destroy };
      const behaviour = chooseBehaviour(record);
      record.behaviour = behaviour === 'builtin' || behaviour === 'not-found' ? behaviour : behaviour.kind;
      log({ event: 'request', ...record });
      if (behaviour === 'not-found') res.writeHead(404, { 'Content-Type': 'text/plain' }).end('404 page not found');
      else if (behaviour !== 'builtin') perform(exchange, behaviour);
      else if (record.path === '/api/version') sendJson(res, 200, { version: script.version ?? '0.12.0' });
      else sendJson(res, 200, { models: models.map(describeModel) });
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    enqueue: (endpoint, ...behaviours) => void queues[endpoint].push(...behaviours),
    setModels: (names) => void (models = [...names]),
    waitForEnd: (seq, timeoutMs = 2000) =>
      new Promise((resolve, reject) => {
        const done = (): void => {
          clearTimeout(timer);
          const record = requests[seq];
          if (record) resolve(record);
        };
        const timer = setTimeout(() => reject(new Error(`request ${seq} did not end within ${timeoutMs} ms`)), timeoutMs);
        const record = requests[seq];
        if (record && record.outcome !== 'pending') return done();
        endWaiters.set(seq, [...(endWaiters.get(seq) ?? []), done]);
      }),
    close: () =>
      new Promise<void>((resolve) => {
        closing = true;
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}

interface Exchange {
  req: IncomingMessage;
  res: ServerResponse;
  record: ReceivedRequest;
  later: (ms: number, fn: () => void) => void;
  destroy: () => void;
}

// Carries out one behaviour for a chat (or tags) request.
function perform(ex: Exchange, behaviour: FakeBehaviour): void {
  const body = (ex.record.body ?? {}) as { model?: unknown; stream?: unknown; format?: unknown };
  const model = typeof body.model === 'string' ? body.model : 'unknown';
  const streaming = body.stream !== false; // Ollama streams unless told not to
  switch (behaviour.kind) {
    case 'reply': {
      const text = behaviour.json !== undefined ? JSON.stringify(behaviour.json) : (behaviour.text ?? 'ok').repeat(behaviour.repeat ?? 1);
      const reply: ReplyPlan = { model: behaviour.model ?? model, text, promptTokens: behaviour.promptTokens ?? 11, evalTokens: behaviour.evalTokens ?? 7 };
      ex.later(behaviour.delayMs ?? 0, () => (streaming ? streamReply(ex, reply, behaviour.pieces, behaviour.pieceDelayMs ?? 0) : sendJson(ex.res, 200, finalChunk(reply, text))));
      return;
    }
    case 'large':
      return perform(ex, { kind: 'reply', text: 'x', repeat: behaviour.bytes });
    case 'escapes':
      return perform(ex, { kind: 'reply', text: FAKE_ESCAPE_TEXT });
    case 'hang': {
      if (behaviour.after === 'headers' || behaviour.after === 'first-piece') {
        ex.res.writeHead(200, { 'Content-Type': streaming ? 'application/x-ndjson' : 'application/json; charset=utf-8' });
        ex.res.flushHeaders();
      }
      if (behaviour.after === 'first-piece') ex.res.write(ndjson(pieceChunk(model, behaviour.text ?? 'partial')));
      return; // until the client goes away or the server closes
    }
    case 'error':
      if (behaviour.json === false) ex.res.writeHead(behaviour.status, { 'Content-Type': 'text/plain; charset=utf-8' }).end(behaviour.error);
      else sendJson(ex.res, behaviour.status, { error: behaviour.error });
      return;
    case 'model-missing':
      sendJson(ex.res, 404, { error: `model "${model}" not found, try pulling it first` });
      return;
    case 'garbage':
      ex.res.writeHead(200, { 'Content-Type': streaming ? 'application/x-ndjson' : 'application/json; charset=utf-8' });
      ex.res.end(behaviour.body ?? '<html>this is not JSON</html>\n');
      return;
    case 'close-mid-stream': {
      ex.res.writeHead(200, { 'Content-Type': streaming ? 'application/x-ndjson' : 'application/json; charset=utf-8' });
      const pieces = splitPieces(behaviour.text ?? 'the first words of a reply', behaviour.pieces ?? 2);
      if (streaming) for (const piece of pieces) ex.res.write(ndjson(pieceChunk(model, piece)));
      else ex.res.write('{"model":"' + model + '","message":{"role":"assistant","content":"the fir');
      if (behaviour.how === 'end') ex.res.end();
      else ex.later(20, ex.destroy); // after the written bytes have left
      return;
    }
  }
}

interface ReplyPlan {
  model: string;
  text: string;
  promptTokens: number;
  evalTokens: number;
}

// Streams a reply as Ollama does: one NDJSON line per piece, then a final line with done: true.
function streamReply(ex: Exchange, reply: ReplyPlan, pieces: number | undefined, pieceDelayMs: number): void {
  ex.res.writeHead(200, { 'Content-Type': 'application/x-ndjson' });
  const parts = splitPieces(reply.text, pieces);
  let index = 0;
  const step = (): void => {
    if (ex.res.destroyed) return;
    const piece = parts[index++];
    if (piece === undefined) {
      ex.res.end(ndjson(finalChunk(reply, '')));
      return;
    }
    ex.res.write(ndjson(pieceChunk(reply.model, piece)));
    if (pieceDelayMs > 0) ex.later(pieceDelayMs, step);
    else step();
  };
  step();
}

function pieceChunk(model: string, content: string): Record<string, unknown> {
  return { model, created_at: new Date().toISOString(), message: { role: 'assistant', content }, done: false };
}

function finalChunk(reply: ReplyPlan, content: string): Record<string, unknown> {
  return {
    model: reply.model,
    created_at: new Date().toISOString(),
    message: { role: 'assistant', content },
    done_reason: 'stop',
    done: true,
    total_duration: 1_000_000,
    load_duration: 100_000,
    prompt_eval_count: reply.promptTokens,
    prompt_eval_duration: 200_000,
    eval_count: reply.evalTokens,
    eval_duration: 700_000,
  };
}

// Splits text into `count` pieces, or (by default) into words, or 4 KiB pieces when long.
function splitPieces(text: string, count?: number): string[] {
  if (text === '') return [];
  if (count !== undefined && count > 0) {
    const size = Math.ceil(text.length / count);
    return Array.from({ length: Math.ceil(text.length / size) }, (_, i) => text.slice(i * size, (i + 1) * size));
  }
  if (text.length > 4096) return splitPieces(text, Math.ceil(text.length / 4096));
  return text.match(/\s*\S+|\s+$/g) ?? [text];
}

function describeModel(name: string): Record<string, unknown> {
  return {
    name,
    model: name,
    modified_at: '2025-01-01T00:00:00Z',
    size: 4_000_000_000,
    digest: 'sha256:' + '0'.repeat(64),
    details: { format: 'gguf', family: 'llama', parameter_size: '8B', quantization_level: 'Q4_K_M' },
  };
}

function ndjson(value: unknown): string {
  return `${JSON.stringify(value)}\n`;
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' }).end(JSON.stringify(value));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxRequestBytes) chunks.push(chunk);
    });
    const finish = (): void => resolve(Buffer.concat(chunks).toString('utf8'));
    req.on('end', finish);
    req.on('error', finish);
    req.on('close', finish); // a client that went away mid-body
  });
}

function parseBody(raw: string): unknown {
  if (raw === '') return null;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}

function parseArgs(argv: string[]): FakeOllamaOptions {
  const value = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const scriptFile = value('--script');
  const logFile = value('--log');
  return {
    port: Number(value('--port') ?? 0),
    ...(scriptFile ? { script: JSON.parse(readFileSync(scriptFile, 'utf8')) as FakeScript } : {}),
    ...(logFile ? { logFile } : {}),
  };
}

// The CLI: run when this file is the program, not when it is imported.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const fake = await startFakeOllama(parseArgs(process.argv.slice(2)));
  process.stdout.write(`${JSON.stringify({ url: fake.url, port: fake.port })}\n`);
  const stop = (): void => void fake.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
