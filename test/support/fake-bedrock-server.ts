// A fake Amazon Bedrock Runtime on 127.0.0.1 that speaks the real wire protocol: Converse
// (restJson1), ConverseStream (AWS event-stream framing), and the service's error shapes. It
// records every request so tests can assert exactly what would have left the machine.
//
// In tests: `const server = await startFakeBedrockServer(); server.script({ kind: 'text', ... })`.
// As a process (end-to-end tests), with Node's type stripping:
//   node test/support/fake-bedrock-server.ts [--port N] [--script behaviours.json] [--log requests.jsonl]
// It prints one JSON line {"url","port"} when listening; the script file is a JSON array of
// behaviours, or {"behaviours": [...], "fallback": {...}}; each request is appended to the log as
// a JSON line. Only erasable TypeScript here, so Node can run the file directly.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { appendFileSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { EventStreamCodec } from '@smithy/eventstream-codec';
import { fromUtf8, toUtf8 } from '@smithy/util-utf8';

/** Token counts a scripted reply reports. */
export interface FakeUsage {
  inputTokens: number;
  outputTokens: number;
}

/**
 * What the server does with one request. Reply kinds adapt to the operation: on /converse they
 * are one JSON body, on /converse-stream a sequence of events (`pieces`, or the text cut up).
 */
export type FakeBehaviour =
  | { kind: 'text'; text: string; pieces?: string[]; usage?: FakeUsage; stopReason?: string; pieceDelayMs?: number }
  | { kind: 'tool-use'; input: unknown; name?: string; pieces?: string[]; usage?: FakeUsage; stopReason?: string; pieceDelayMs?: number }
  | { kind: 'slow'; delayMs: number; then: FakeBehaviour }
  | { kind: 'hang' }
  | { kind: 'hang-mid-stream'; pieces: string[] }
  | { kind: 'error'; status: number; type: string; message: string; style?: 'header' | 'body' }
  | { kind: 'stream-exception'; type: string; message: string; pieces?: string[] }
  | { kind: 'garbage'; body: string; status?: number; contentType?: string }
  | { kind: 'close-mid-stream'; pieces: string[]; partialFrame?: boolean }
  | { kind: 'large'; bytes: number };

/** How a request was authenticated, as far as its headers show. */
export type FakeSignature =
  | { scheme: 'sigv4'; accessKeyId: string; date: string; region: string; service: string; signedHeaders: string[] }
  | { scheme: 'bearer' }
  | { scheme: 'none' };

/** One request as the server received it. */
export interface RecordedRequest {
  method: string;
  path: string;
  operation: 'converse' | 'converse-stream' | 'unknown';
  modelId: string;
  headers: Record<string, string>;
  /** The parsed JSON body, or undefined when it was not JSON. */
  body: unknown;
  rawBody: string;
  signature: FakeSignature;
  behaviour: FakeBehaviour['kind'] | 'none';
}

/** A running fake. */
export interface FakeBedrockServer {
  url: string;
  port: number;
  requests: RecordedRequest[];
  /** Queue behaviours; each request takes the next one, then the fallback. */
  script(...behaviours: FakeBehaviour[]): void;
  /** Resolves when the response to `request` closes; `early` when it closed before it was finished. */
  whenClosed(request: RecordedRequest | undefined): Promise<{ early: boolean; at: number }>;
  /** Forget recorded requests and queued behaviours. */
  reset(): void;
  close(): Promise<void>;
}

/** Options of startFakeBedrockServer. */
export interface FakeBedrockOptions {
  port?: number;
  behaviours?: FakeBehaviour[];
  /** Used when the queue is empty; default a 500 saying nothing was scripted. */
  fallback?: FakeBehaviour;
  onRequest?: (request: RecordedRequest) => void;
}

/** The real Bedrock error shapes, by name, for `script()`. */
export const awsErrors = {
  throttling: { kind: 'error', status: 429, type: 'ThrottlingException', message: 'Too many requests, please wait before trying again.' },
  accessDenied: { kind: 'error', status: 403, type: 'AccessDeniedException', message: "You don't have access to the model with the specified model ID." },
  expiredToken: { kind: 'error', status: 403, type: 'ExpiredTokenException', message: 'The security token included in the request is expired' },
  unrecognizedClient: { kind: 'error', status: 403, type: 'UnrecognizedClientException', message: 'The security token included in the request is invalid.' },
  validation: { kind: 'error', status: 400, type: 'ValidationException', message: 'Malformed input request: #/messages/0: required key [content] not found, please reformat your input and try again.' },
  invalidModel: { kind: 'error', status: 400, type: 'ValidationException', message: 'The provided model identifier is invalid.' },
  resourceNotFound: { kind: 'error', status: 404, type: 'ResourceNotFoundException', message: 'Model use case details have not been submitted for this account.' },
  modelNotReady: { kind: 'error', status: 429, type: 'ModelNotReadyException', message: 'Model is not ready to serve inference requests.' },
  internal: { kind: 'error', status: 500, type: 'InternalServerException', message: 'The server encountered an internal error while processing the request.' },
  serviceUnavailable: { kind: 'error', status: 503, type: 'ServiceUnavailableException', message: 'Bedrock is unable to process your request.' },
} as const satisfies Record<string, FakeBehaviour>;

const codec = new EventStreamCodec(toUtf8, fromUtf8);
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts a fake Bedrock Runtime on 127.0.0.1 (an ephemeral port unless one is given). */
export async function startFakeBedrockServer(options: FakeBedrockOptions = {}): Promise<FakeBedrockServer> {
  const queue: FakeBehaviour[] = [...(options.behaviours ?? [])];
  const fallback: FakeBehaviour = options.fallback ?? { kind: 'error', status: 500, type: 'InternalServerException', message: 'fake-bedrock: no behaviour scripted for this request' };
  const requests: RecordedRequest[] = [];
  const closings = new WeakMap<RecordedRequest, Promise<{ early: boolean; at: number }>>();

  const server = createServer((req, res) => {
    const closed = new Promise<{ early: boolean; at: number }>((resolve) => {
      res.on('close', () => resolve({ early: !res.writableFinished, at: performance.now() }));
    });
    void readBody(req).then((raw) => {
      const behaviour = queue.shift() ?? fallback;
      const recorded = recordRequest(req, raw, behaviour.kind);
      requests.push(recorded);
      closings.set(recorded, closed);
      options.onRequest?.(recorded);
      if (recorded.operation === 'unknown') return sendError(res, { status: 404, type: 'UnknownOperationException', message: `no such operation: ${recorded.path}` });
      return serve(res, behaviour, recorded.operation === 'converse-stream');
    }).catch(() => res.destroy());
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
    script: (...behaviours) => void queue.push(...behaviours),
    whenClosed: (request) => (request && closings.get(request)) || Promise.reject(new Error('no such request')),
    reset: () => {
      requests.length = 0;
      queue.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function recordRequest(req: IncomingMessage, raw: string, kind: FakeBehaviour['kind']): RecordedRequest {
  const path = req.url ?? '';
  const match = /^\/model\/([^/]+)\/(converse|converse-stream)$/.exec(path.split('?')[0] ?? '');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) headers[name] = Array.isArray(value) ? value.join(', ') : (value ?? '');
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    body = undefined;
  }
  return {
    method: req.method ?? '',
    path,
    operation: match?.[2] === 'converse' ? 'converse' : match?.[2] === 'converse-stream' ? 'converse-stream' : 'unknown',
    modelId: match?.[1] ? decodeURIComponent(match[1]) : '',
    headers,
    body,
    rawBody: raw,
    signature: readSignature(headers),
    behaviour: kind,
  };
}

/** Reads "AWS4-HMAC-SHA256 Credential=AKID/20240101/us-east-1/bedrock/aws4_request, SignedHeaders=..., Signature=...". */
function readSignature(headers: Record<string, string>): FakeSignature {
  const auth = headers.authorization ?? '';
  const sig = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([^,]+), ?Signature=[0-9a-f]{64}$/.exec(auth);
  if (sig && headers['x-amz-date']) {
    return { scheme: 'sigv4', accessKeyId: sig[1] ?? '', date: sig[2] ?? '', region: sig[3] ?? '', service: sig[4] ?? '', signedHeaders: (sig[5] ?? '').split(';') };
  }
  if (/^Bearer \S+$/.test(auth)) return { scheme: 'bearer' };
  return { scheme: 'none' };
}

async function serve(res: ServerResponse, behaviour: FakeBehaviour, streaming: boolean): Promise<void> {
  switch (behaviour.kind) {
    case 'slow':
      await sleep(behaviour.delayMs);
      if (!res.destroyed) await serve(res, behaviour.then, streaming);
      return;
    case 'hang':
      return;
    case 'error':
      return sendError(res, behaviour);
    case 'garbage':
      res.writeHead(behaviour.status ?? 200, {
        'content-type': behaviour.contentType ?? (streaming ? 'application/vnd.amazon.eventstream' : 'application/json'),
        'x-amzn-requestid': randomUUID(),
      });
      res.end(behaviour.body);
      return;
    case 'large':
      return serve(res, { kind: 'text', text: 'x'.repeat(behaviour.bytes), pieces: cut('x'.repeat(behaviour.bytes), 16 * 1024) }, streaming);
    case 'text':
    case 'tool-use':
      if (!streaming) return sendJson(res, 200, converseBody(behaviour));
      return sendStream(res, replyEvents(behaviour), behaviour.pieceDelayMs ?? 0, 'end');
    case 'hang-mid-stream':
    case 'close-mid-stream':
    case 'stream-exception': {
      const pieces = behaviour.pieces ?? [];
      if (!streaming) {
        res.writeHead(200, { 'content-type': 'application/json', 'x-amzn-requestid': randomUUID() });
        res.write('{"output":{"message":{"role":"assistant","content":[{"text":"');
        if (behaviour.kind === 'close-mid-stream') setTimeout(() => res.destroy(), 20);
        return;
      }
      const events = [frame('messageStart', { role: 'assistant' }), ...pieces.map((text) => frame('contentBlockDelta', { contentBlockIndex: 0, delta: { text } }))];
      if (behaviour.kind === 'stream-exception') events.push(exceptionFrame(behaviour.type, behaviour.message));
      if (behaviour.kind === 'close-mid-stream' && behaviour.partialFrame) {
        const next = frame('contentBlockDelta', { contentBlockIndex: 0, delta: { text: 'never arrives' } });
        events.push(next.subarray(0, Math.floor(next.length / 2)));
      }
      const ending = behaviour.kind === 'hang-mid-stream' ? 'hang' : behaviour.kind === 'close-mid-stream' ? 'destroy' : 'end';
      return sendStream(res, events, 0, ending);
    }
  }
}

/** The real error shape: x-amzn-errortype "Name:namespace" with {"message"}, or __type in the body. */
function sendError(res: ServerResponse, e: { status: number; type: string; message: string; style?: 'header' | 'body' }): void {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-amzn-requestid': randomUUID() };
  if (e.style === 'body') return sendJson(res, e.status, { __type: `com.amazon.coral.service#${e.type}`, message: e.message }, headers);
  headers['x-amzn-errortype'] = `${e.type}:http://internal.amazon.com/coral/com.amazon.bedrock/`;
  sendJson(res, e.status, { message: e.message }, headers);
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'x-amzn-requestid': randomUUID(), ...headers, 'content-length': String(Buffer.byteLength(text)) });
  res.end(text);
}

function usageOf(b: { usage?: FakeUsage }): Record<string, number> {
  const u = b.usage ?? { inputTokens: 0, outputTokens: 0 };
  return { inputTokens: u.inputTokens, outputTokens: u.outputTokens, totalTokens: u.inputTokens + u.outputTokens };
}

function converseBody(b: Extract<FakeBehaviour, { kind: 'text' | 'tool-use' }>): unknown {
  const content = b.kind === 'text' ? [{ text: b.text }] : [{ toolUse: { toolUseId: `tooluse_${randomUUID().slice(0, 8)}`, name: b.name ?? 'reply', input: b.input } }];
  return {
    output: { message: { role: 'assistant', content } },
    stopReason: b.stopReason ?? (b.kind === 'text' ? 'end_turn' : 'tool_use'),
    usage: usageOf(b),
    metrics: { latencyMs: 42 },
  };
}

function replyEvents(b: Extract<FakeBehaviour, { kind: 'text' | 'tool-use' }>): Uint8Array[] {
  const events = [frame('messageStart', { role: 'assistant' })];
  if (b.kind === 'text') {
    for (const text of b.pieces ?? cut(b.text, 8)) events.push(frame('contentBlockDelta', { contentBlockIndex: 0, delta: { text } }));
  } else {
    events.push(frame('contentBlockStart', { contentBlockIndex: 0, start: { toolUse: { toolUseId: `tooluse_${randomUUID().slice(0, 8)}`, name: b.name ?? 'reply' } } }));
    for (const input of b.pieces ?? cut(JSON.stringify(b.input), 8)) events.push(frame('contentBlockDelta', { contentBlockIndex: 0, delta: { toolUse: { input } } }));
  }
  events.push(frame('contentBlockStop', { contentBlockIndex: 0 }));
  events.push(frame('messageStop', { stopReason: b.stopReason ?? (b.kind === 'text' ? 'end_turn' : 'tool_use') }));
  events.push(frame('metadata', { usage: usageOf(b), metrics: { latencyMs: 42 } }));
  return events;
}

/** One event message; like the real service, each payload carries a "p" padding field. */
function frame(eventType: string, payload: Record<string, unknown>): Uint8Array {
  return codec.encode({
    headers: {
      ':event-type': { type: 'string', value: eventType },
      ':content-type': { type: 'string', value: 'application/json' },
      ':message-type': { type: 'string', value: 'event' },
    },
    body: fromUtf8(JSON.stringify({ ...payload, p: 'abcdefghijklmnopqrstuvwxyzABCDEFGH'.slice(0, 1 + (eventType.length % 30)) })),
  });
}

/** An in-stream exception, e.g. type "throttlingException" (the union member's name). */
function exceptionFrame(type: string, message: string): Uint8Array {
  return codec.encode({
    headers: {
      ':exception-type': { type: 'string', value: type },
      ':content-type': { type: 'string', value: 'application/json' },
      ':message-type': { type: 'string', value: 'exception' },
    },
    body: fromUtf8(JSON.stringify({ message })),
  });
}

async function sendStream(res: ServerResponse, events: Uint8Array[], delayMs: number, ending: 'end' | 'hang' | 'destroy'): Promise<void> {
  res.writeHead(200, { 'content-type': 'application/vnd.amazon.eventstream', 'x-amzn-requestid': randomUUID() });
  res.flushHeaders();
  for (const event of events) {
    if (res.destroyed) return;
    res.write(event);
    if (delayMs > 0) await sleep(delayMs);
  }
  if (ending === 'end') res.end();
  if (ending === 'destroy') setTimeout(() => res.destroy(), 20);
}

function cut(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out.length > 0 ? out : [''];
}

/** CLI mode: see the header comment. */
async function main(argv: string[]): Promise<void> {
  const arg = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const scriptFile = arg('--script');
  const logFile = arg('--log');
  const script: unknown = scriptFile ? JSON.parse(readFileSync(scriptFile, 'utf8')) : [];
  const behaviours = Array.isArray(script) ? (script as FakeBehaviour[]) : ((script as { behaviours?: FakeBehaviour[] }).behaviours ?? []);
  const fallback = Array.isArray(script) ? undefined : (script as { fallback?: FakeBehaviour }).fallback;
  const server = await startFakeBedrockServer({
    port: Number(arg('--port') ?? 0),
    behaviours,
    ...(fallback ? { fallback } : {}),
    ...(logFile ? { onRequest: (r: RecordedRequest) => appendFileSync(logFile, `${JSON.stringify(r)}\n`) } : {}),
  });
  process.stdout.write(`${JSON.stringify({ url: server.url, port: server.port })}\n`);
  const stop = (): void => void server.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((err: unknown) => {
    process.stderr.write(`fake-bedrock: ${String(err)}\n`);
    process.exit(1);
  });
}
