// The Ollama backend against a fake Ollama server on 127.0.0.1, through the real `ollama` client:
// request shapes, streaming, abort and timeout latency, error kinds, size bound, OLLAMA_HOST,
// availability. Every test also checks that nothing was written to the console.

import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { createInterface } from 'node:readline';
import { createOllamaBackend, resolveOllamaHost, OLLAMA_DEFAULT_HOST, OLLAMA_MAX_REPLY_BYTES } from '../../../src/planner/backends/ollama.js';
import { BackendError, type BackendFailureKind, type ModelRequest } from '../../../src/planner/model-backend.js';
import { startFakeOllama, FAKE_ESCAPE_TEXT, type FakeOllamaServer } from '../../support/fake-ollama-server.js';
import { repoRoot } from '../../support/fixtures.js';

const schema = {
  type: 'object',
  properties: { command: { type: 'string' }, explanation: { type: 'string' } },
  required: ['command', 'explanation'],
};

let server: FakeOllamaServer;
let consoleSpies: MockInstance[];

beforeEach(async () => {
  server = await startFakeOllama({ script: { models: ['llama3:latest', 'qwen2.5-coder:7b', 'hf.co/someone/tiny:Q4_K_M'] } });
  consoleSpies = (['log', 'warn', 'error', 'info', 'debug'] as const).map((m) => vi.spyOn(console, m).mockImplementation(() => undefined));
});

afterEach(async () => {
  await server.close();
  const printed = consoleSpies.flatMap((spy) => spy.mock.calls);
  vi.restoreAllMocks();
  expect(printed, 'the backend (and the client under it) must not write to the console').toEqual([]);
});

function backendFor(model = 'llama3', extra: { maxReplyBytes?: number } = {}) {
  return createOllamaBackend({ model, host: server.url, ...extra });
}

function ask(overrides: Partial<ModelRequest> = {}): ModelRequest {
  return { system: 'You turn requests into bash commands.', messages: [{ role: 'user', content: 'list files' }], timeoutMs: 2000, ...overrides };
}

async function failure(promise: Promise<unknown>, kind: BackendFailureKind): Promise<BackendError> {
  const err: unknown = await promise.then(
    () => new Error('expected a failure'),
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(BackendError);
  expect((err as BackendError).kind, (err as Error).message).toBe(kind);
  return err as BackendError;
}

function report(line: string): void {
  process.stdout.write(`    [measured] ${line}\n`);
}

describe('requests and replies', () => {
  it('is named after its model and is local', () => {
    const backend = backendFor('qwen2.5-coder:7b');
    expect(backend.name).toBe('ollama:qwen2.5-coder:7b');
    expect(backend.locality).toBe('local');
  });

  it('complete sends the schema as format, the system message and options, and returns the JSON text with usage', async () => {
    const plan = { command: 'ls -la', explanation: 'list all files' };
    server.enqueue('chat', { kind: 'reply', json: plan, model: 'llama3:latest', promptTokens: 42, evalTokens: 17 });
    const reply = await backendFor().complete(ask({ schema, temperature: 0.2, maxTokens: 256 }));
    expect(JSON.parse(reply.text)).toEqual(plan);
    expect(reply.usage).toEqual({ inputTokens: 42, outputTokens: 17 });
    expect(reply.model).toBe('llama3:latest');
    const [received] = server.requests;
    expect(received).toMatchObject({ method: 'POST', path: '/api/chat' });
    expect(received?.headers['content-type']).toBe('application/json');
    expect(received?.headers['user-agent']).toMatch(/^ollama-js\//);
    expect(received?.body).toEqual({
      model: 'llama3',
      stream: false,
      format: schema,
      options: { temperature: 0.2, num_predict: 256 },
      messages: [
        { role: 'system', content: 'You turn requests into bash commands.' },
        { role: 'user', content: 'list files' },
      ],
    });
  });

  it('without a schema, temperature or max tokens, sends neither format nor options', async () => {
    server.enqueue('chat', { kind: 'reply', text: 'plain text' });
    const reply = await backendFor().complete(ask({ messages: [{ role: 'user', content: 'hi' }, { role: 'assistant', content: 'yes?' }, { role: 'user', content: 'again' }] }));
    expect(reply.text).toBe('plain text');
    const body = server.requests[0]?.body as Record<string, unknown>;
    expect(body).not.toHaveProperty('format');
    expect(body).not.toHaveProperty('options');
    expect(body.messages).toHaveLength(4);
  });

  it('missing usage counts become 0 and a missing model name falls back to the requested one', async () => {
    server.enqueue('chat', { kind: 'garbage', body: '{"message":{"role":"assistant","content":"hi"},"done":true}' });
    const reply = await backendFor().complete(ask());
    expect(reply).toEqual({ text: 'hi', usage: { inputTokens: 0, outputTokens: 0 }, model: 'llama3' });
  });

  it('stream delivers the pieces in order and resolves with the whole text, usage and model', async () => {
    const text = 'find . -name "*.log" -mtime +7 -delete';
    server.enqueue('chat', { kind: 'reply', text, promptTokens: 30, evalTokens: 9, model: 'llama3:latest' });
    const pieces: string[] = [];
    const reply = await backendFor().stream(ask({ schema }), (p) => pieces.push(p));
    expect(pieces).toEqual(['find', ' .', ' -name', ' "*.log"', ' -mtime', ' +7', ' -delete']);
    expect(reply).toEqual({ text, usage: { inputTokens: 30, outputTokens: 9 }, model: 'llama3:latest' });
    expect(server.requests[0]?.body).toMatchObject({ stream: true, format: schema });
  });

  it('a slow reply inside the time limit succeeds', async () => {
    server.enqueue('chat', { kind: 'reply', text: 'a b c d', delayMs: 100, pieceDelayMs: 30 });
    const pieces: string[] = [];
    const reply = await backendFor().stream(ask({ timeoutMs: 2000 }), (p) => pieces.push(p));
    expect(reply.text).toBe('a b c d');
    expect(pieces).toHaveLength(4);
  });

  it('model text with terminal escape sequences comes back unaltered (display neutralises it), and nothing is printed', async () => {
    server.enqueue('chat', { kind: 'escapes' }, { kind: 'escapes' });
    const backend = backendFor();
    expect((await backend.complete(ask())).text).toBe(FAKE_ESCAPE_TEXT);
    const pieces: string[] = [];
    expect((await backend.stream(ask(), (p) => pieces.push(p))).text).toBe(FAKE_ESCAPE_TEXT);
    expect(pieces.join('')).toBe(FAKE_ESCAPE_TEXT);
  });

  it('concurrent calls on one backend are independent: aborting one leaves the other', async () => {
    server.enqueue('chat', { kind: 'hang' }, { kind: 'reply', text: 'second', delayMs: 50 });
    const backend = backendFor();
    const controller = new AbortController();
    const first = backend.complete(ask({ signal: controller.signal }));
    const second = backend.complete(ask());
    setTimeout(() => controller.abort(), 20);
    await failure(first, 'aborted');
    expect((await second).text).toBe('second');
  });
});

describe('abort and timeout', () => {
  it('abort during a stream rejects "aborted" within 100 ms and the server sees the connection closed', async () => {
    server.enqueue('chat', { kind: 'hang', after: 'first-piece', text: 'partial' });
    const controller = new AbortController();
    let firstPiece: () => void = () => undefined;
    const gotPiece = new Promise<void>((resolve) => (firstPiece = resolve));
    const pieces: string[] = [];
    const call = backendFor().stream(ask({ signal: controller.signal }), (p) => {
      pieces.push(p);
      firstPiece();
    });
    await gotPiece;
    const started = performance.now();
    controller.abort();
    const err = await failure(call, 'aborted');
    const elapsed = performance.now() - started;
    report(`abort during a stream → rejection: ${elapsed.toFixed(2)} ms`);
    expect(elapsed).toBeLessThan(100);
    expect(err.message).toMatch(/cancelled/);
    expect(pieces).toEqual(['partial']);
    expect((await server.waitForEnd(0, 1000)).outcome).toBe('client-closed');
    const tornDown = performance.now() - started;
    report(`abort during a stream → the server sees the connection closed: ${tornDown.toFixed(2)} ms`);
    expect(tornDown).toBeLessThan(500);
  });

  it('abort during a slow stream stops the pieces at once', async () => {
    server.enqueue('chat', { kind: 'reply', text: 'one two three four five six seven eight nine ten', pieceDelayMs: 40 });
    const controller = new AbortController();
    const pieces: string[] = [];
    const call = backendFor().stream(ask({ signal: controller.signal }), (p) => {
      pieces.push(p);
      if (pieces.length === 3) controller.abort();
    });
    await failure(call, 'aborted');
    await server.waitForEnd(0, 1000);
    expect(pieces).toEqual(['one', ' two', ' three']);
    expect(server.requests[0]?.outcome).toBe('client-closed');
  });

  it('abort while waiting for a non-streaming reply rejects "aborted" within 100 ms and closes the connection', async () => {
    server.enqueue('chat', { kind: 'hang' });
    const controller = new AbortController();
    const call = backendFor().complete(ask({ signal: controller.signal }));
    await vi.waitFor(() => expect(server.requests).toHaveLength(1), { timeout: 1000, interval: 5 });
    const started = performance.now();
    controller.abort();
    await failure(call, 'aborted');
    const elapsed = performance.now() - started;
    report(`abort of a non-streaming call → rejection: ${elapsed.toFixed(2)} ms`);
    expect(elapsed).toBeLessThan(100);
    expect((await server.waitForEnd(0, 1000)).outcome).toBe('client-closed');
  });

  it('an already-aborted signal rejects at once without sending anything', async () => {
    const controller = new AbortController();
    controller.abort();
    await failure(backendFor().complete(ask({ signal: controller.signal })), 'aborted');
    await failure(backendFor().stream(ask({ signal: controller.signal }), () => undefined), 'aborted');
    expect(server.requests).toHaveLength(0);
  });

  it('a hanging non-streaming call rejects "timeout" near the limit and closes the connection', async () => {
    server.enqueue('chat', { kind: 'hang' });
    const started = performance.now();
    const err = await failure(backendFor().complete(ask({ timeoutMs: 300 })), 'timeout');
    const elapsed = performance.now() - started;
    report(`timeout 300 ms on a hanging call → rejection after ${elapsed.toFixed(1)} ms`);
    expect(elapsed).toBeGreaterThanOrEqual(295);
    expect(elapsed).toBeLessThan(600);
    expect(err.message).toBe('Ollama did not answer within 300 ms');
    expect(err.hint).toMatch(/try again/);
    expect((await server.waitForEnd(0, 1000)).outcome).toBe('client-closed');
  });

  it('a stream that stalls after the headers rejects "timeout" (the limit covers the whole call)', async () => {
    server.enqueue('chat', { kind: 'hang', after: 'headers' });
    const started = performance.now();
    await failure(backendFor().stream(ask({ timeoutMs: 250 }), () => undefined), 'timeout');
    expect(performance.now() - started).toBeLessThan(550);
    expect((await server.waitForEnd(0, 1000)).outcome).toBe('client-closed');
  });

  it('a stream that keeps sending but outlasts the limit rejects "timeout" (not only silence counts)', async () => {
    server.enqueue('chat', { kind: 'reply', text: 'a b c d e f g h i j k l m n o p q r s t', pieceDelayMs: 40 });
    const pieces: string[] = [];
    const started = performance.now();
    await failure(backendFor().stream(ask({ timeoutMs: 300 }), (p) => pieces.push(p)), 'timeout');
    expect(performance.now() - started).toBeLessThan(600);
    expect(pieces.length).toBeGreaterThan(2);
    expect(pieces.length).toBeLessThan(20);
    expect((await server.waitForEnd(0, 1000)).outcome).toBe('client-closed');
  });

  it('an exception thrown by onText ends the call with that exception and closes the connection', async () => {
    server.enqueue('chat', { kind: 'reply', text: 'a b c d e f', pieceDelayMs: 30 });
    const boom = new Error('renderer broke');
    const call = backendFor().stream(ask(), () => {
      throw boom;
    });
    await expect(call).rejects.toBe(boom);
    expect((await server.waitForEnd(0, 1000)).outcome).toBe('client-closed');
  });
});

describe('failures become BackendError kinds', () => {
  it('HTTP 500 is "http" with the status and the server\'s error text', async () => {
    server.enqueue('chat', { kind: 'error', status: 500, error: 'llama runner process has terminated: signal: killed' });
    server.enqueue('chat', { kind: 'error', status: 500, error: 'llama runner process has terminated: signal: killed' });
    for (const call of [() => backendFor().complete(ask()), () => backendFor().stream(ask(), () => undefined)]) {
      const err = await failure(call(), 'http');
      expect(err.message).toBe('Ollama answered HTTP 500: llama runner process has terminated: signal: killed');
    }
  });

  it('an HTTP error with a plain-text body, long and with escape sequences, is shortened and cleaned', async () => {
    server.enqueue('chat', { kind: 'error', status: 503, json: false, error: `\u001b]0;owned\u0007busy ${'x'.repeat(5000)}` });
    const err = await failure(backendFor().complete(ask()), 'http');
    expect(err.message).toMatch(/^Ollama answered HTTP 503: \]0;owned busy x+…$/);
    expect(err.message.length).toBeLessThan(260);
    expect(err.message).not.toMatch(/\p{Cc}/u);
  });

  it('HTTP 404 model not found is "model-missing" with the pull hint', async () => {
    server.enqueue('chat', { kind: 'model-missing' }, { kind: 'model-missing' });
    for (const call of [() => backendFor('llama3:70b').complete(ask()), () => backendFor('llama3:70b').stream(ask(), () => undefined)]) {
      const err = await failure(call(), 'model-missing');
      expect(err.message).toBe('model llama3:70b is not pulled');
      expect(err.hint).toBe('run `ollama pull llama3:70b`');
    }
  });

  it('a 404 that is not about a model (an old server without /api/chat) is "http"', async () => {
    server.enqueue('chat', { kind: 'error', status: 404, json: false, error: '404 page not found' });
    expect((await failure(backendFor().complete(ask()), 'http')).message).toBe('Ollama answered HTTP 404: 404 page not found');
  });

  it('a garbage body is "protocol", streaming or not', async () => {
    server.enqueue('chat', { kind: 'garbage' }, { kind: 'garbage' });
    const err = await failure(backendFor().complete(ask()), 'protocol');
    expect(err.message).toMatch(/not JSON: <html>this is not JSON<\/html>/);
    await failure(backendFor().stream(ask(), () => undefined), 'protocol');
  });

  it('an error line in the middle of a stream is "http" with its text; pieces before it were delivered', async () => {
    const body = '{"model":"llama3","message":{"role":"assistant","content":"ls"},"done":false}\n{"error":"out of memory"}\n';
    server.enqueue('chat', { kind: 'garbage', body });
    const pieces: string[] = [];
    const err = await failure(backendFor().stream(ask(), (p) => pieces.push(p)), 'http');
    expect(err.message).toBe('Ollama reported an error: out of memory');
    expect(pieces).toEqual(['ls']);
  });

  it('an {"error": ...} body with status 200 is "http", and a model-not-found one is "model-missing"', async () => {
    server.enqueue('chat', { kind: 'garbage', body: '{"error":"model requires more system memory (9.1 GiB) than is available"}' });
    server.enqueue('chat', { kind: 'garbage', body: '{"error":"model \\"llama3\\" not found, try pulling it first"}\n' });
    expect((await failure(backendFor().complete(ask()), 'http')).message).toMatch(/^Ollama reported an error: model requires more system memory/);
    await failure(backendFor().stream(ask(), () => undefined), 'model-missing');
  });

  it('a stream whose connection is destroyed mid-way is "protocol"', async () => {
    server.enqueue('chat', { kind: 'close-mid-stream', how: 'destroy' });
    const pieces: string[] = [];
    const err = await failure(backendFor().stream(ask(), (p) => pieces.push(p)), 'protocol');
    expect(err.message).toMatch(/closed the connection in the middle/);
    expect(pieces.join('')).toBe('the first words of a reply');
  });

  it('a stream that ends cleanly without done: true is "protocol"', async () => {
    server.enqueue('chat', { kind: 'close-mid-stream', how: 'end' });
    const err = await failure(backendFor().stream(ask(), () => undefined), 'protocol');
    expect(err.message).toMatch(/ended before Ollama said it was done/);
  });

  it('a non-streaming body cut off mid-way is "protocol"', async () => {
    server.enqueue('chat', { kind: 'close-mid-stream', how: 'destroy' }, { kind: 'close-mid-stream', how: 'end' });
    await failure(backendFor().complete(ask()), 'protocol');
    await failure(backendFor().complete(ask()), 'protocol');
  });

  it('a reply without message text is "protocol"', async () => {
    server.enqueue('chat', { kind: 'garbage', body: '{"model":"llama3","done":true}' });
    expect((await failure(backendFor().complete(ask()), 'protocol')).message).toMatch(/without message text/);
  });

  it('connection refused is "unavailable" with the start hint', async () => {
    const url = server.url;
    await server.close();
    const backend = createOllamaBackend({ model: 'llama3', host: url });
    for (const call of [() => backend.complete(ask()), () => backend.stream(ask(), () => undefined)]) {
      const err = await failure(call(), 'unavailable');
      expect(err.message).toBe(`Ollama is not running at ${url}`);
      expect(err.hint).toBe('start it with `ollama serve` (https://ollama.com/download)');
    }
  });
});

describe('reply size bound', () => {
  it(`a 1 MB reply is accepted, streaming or not (the bound is ${OLLAMA_MAX_REPLY_BYTES} bytes)`, async () => {
    server.enqueue('chat', { kind: 'large', bytes: 1024 * 1024 }, { kind: 'large', bytes: 1024 * 1024 });
    expect((await backendFor().complete(ask())).text).toHaveLength(1024 * 1024);
    let pieces = 0;
    const started = performance.now();
    const reply = await backendFor().stream(ask(), () => pieces++);
    report(`1 MB streamed reply in ${pieces} pieces: ${(performance.now() - started).toFixed(1)} ms`);
    expect(reply.text).toHaveLength(1024 * 1024);
    expect(pieces).toBe(256);
  });

  it('a 3 MB reply is "protocol" (too large), streaming or not, and the connection is torn down', async () => {
    server.enqueue('chat', { kind: 'large', bytes: 3 * 1024 * 1024 }, { kind: 'large', bytes: 3 * 1024 * 1024 });
    const err = await failure(backendFor().complete(ask()), 'protocol');
    expect(err.message).toBe("Ollama's reply is larger than 2048 KiB");
    let streamed = 0;
    await failure(backendFor().stream(ask(), (p) => (streamed += p.length)), 'protocol');
    expect(streamed).toBeLessThanOrEqual(OLLAMA_MAX_REPLY_BYTES);
    expect((await server.waitForEnd(1, 1000)).outcome).not.toBe('pending');
  });

  it('both sides of a configured bound: just under passes, just over fails', async () => {
    server.enqueue('chat', { kind: 'large', bytes: 700 }, { kind: 'large', bytes: 1200 });
    const backend = backendFor('llama3', { maxReplyBytes: 1000 });
    expect((await backend.complete(ask())).text).toHaveLength(700);
    await failure(backend.complete(ask()), 'protocol');
  });
});

describe('OLLAMA_HOST', () => {
  it.each([
    [undefined, OLLAMA_DEFAULT_HOST],
    ['', OLLAMA_DEFAULT_HOST],
    ['localhost', 'http://localhost:11434'],
    ['example.lan:8080', 'http://example.lan:8080'],
    ['http://localhost', 'http://localhost:80'],
    ['https://ollama.example.com', 'https://ollama.example.com:443'],
    ['http://10.0.0.5:9999/', 'http://10.0.0.5:9999'],
    ['http://10.0.0.5:9999/ollama/', 'http://10.0.0.5:9999/ollama'],
    ['0.0.0.0', 'http://127.0.0.1:11434'],
    ['0.0.0.0:12345', 'http://127.0.0.1:12345'],
    [':12345', 'http://127.0.0.1:12345'],
    ['"127.0.0.1:12345"', 'http://127.0.0.1:12345'],
    ['  127.0.0.1:12345  ', 'http://127.0.0.1:12345'],
    ['[::1]:12345', 'http://[::1]:12345'],
    ['::1', 'http://[::1]:11434'],
    ['[::]:12345', 'http://[::1]:12345'],
    ['somehost:notaport', 'http://127.0.0.1:11434'],
    ['somehost:99999', 'http://127.0.0.1:11434'],
  ])('%j is read as %s', (value, expected) => {
    expect(resolveOllamaHost(value)).toBe(expected);
  });

  it.each(['ftp://somehost', 'http://bad host:1'])('%j is not an address: calls fail "unavailable" and availability says why', async (value) => {
    expect(() => resolveOllamaHost(value)).toThrow(BackendError);
    const backend = createOllamaBackend({ model: 'llama3', env: { OLLAMA_HOST: value } });
    await failure(backend.complete(ask()), 'unavailable');
    const availability = await backend.checkAvailable(500);
    expect(availability).toMatchObject({ ok: false, reason: expect.stringContaining('OLLAMA_HOST') as unknown, hint: expect.stringContaining('host:port') as unknown });
  });

  it('each form of OLLAMA_HOST reaches the server', async () => {
    const forms = [`127.0.0.1:${server.port}`, `http://127.0.0.1:${server.port}`, `0.0.0.0:${server.port}`, `:${server.port}`, `'127.0.0.1:${server.port}'`];
    for (const form of forms) {
      const backend = createOllamaBackend({ model: 'llama3', env: { OLLAMA_HOST: form } });
      expect((await backend.complete(ask())).text, form).toBe('ok');
    }
    expect(server.requests).toHaveLength(forms.length);
  });

  it('an explicit host wins over OLLAMA_HOST', async () => {
    const backend = createOllamaBackend({ model: 'llama3', host: server.url, env: { OLLAMA_HOST: '127.0.0.1:1' } });
    expect((await backend.complete(ask())).text).toBe('ok');
  });

  it('OLLAMA_HOST is read from process.env when no env is given', async () => {
    vi.stubEnv('OLLAMA_HOST', `127.0.0.1:${server.port}`);
    try {
      expect((await createOllamaBackend({ model: 'llama3' }).complete(ask())).text).toBe('ok');
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('a custom fetch is used for every request', async () => {
    const seen: string[] = [];
    const countingFetch: typeof fetch = (input, init) => {
      seen.push(String(input));
      return fetch(input, init);
    };
    const backend = createOllamaBackend({ model: 'llama3', host: server.url, fetch: countingFetch });
    await backend.complete(ask());
    await backend.checkAvailable(1000);
    expect(seen).toEqual([`${server.url}/api/chat`, `${server.url}/api/tags`]);
  });
});

describe('checkAvailable', () => {
  it.each(['llama3', 'llama3:latest', 'Llama3', 'library/llama3', 'registry.ollama.ai/library/llama3:latest', 'qwen2.5-coder:7b', 'hf.co/someone/tiny:Q4_K_M'])(
    'is ok when %s is pulled',
    async (model) => {
      expect(await createOllamaBackend({ model, host: server.url }).checkAvailable(1000)).toEqual({ ok: true });
      expect(server.requests[0]).toMatchObject({ method: 'GET', path: '/api/tags' });
    },
  );

  it.each(['llama3:70b', 'qwen2.5-coder', 'mistral'])('says how to pull %s when it is not pulled', async (model) => {
    expect(await createOllamaBackend({ model, host: server.url }).checkAvailable(1000)).toEqual({
      ok: false,
      reason: `model ${model} is not pulled`,
      hint: `run \`ollama pull ${model}\``,
    });
  });

  it('says Ollama is not running when nothing listens', async () => {
    const url = server.url;
    await server.close();
    const started = performance.now();
    const availability = await createOllamaBackend({ model: 'llama3', host: url }).checkAvailable(1000);
    report(`checkAvailable with nothing listening: ${(performance.now() - started).toFixed(1)} ms`);
    expect(availability).toEqual({ ok: false, reason: `Ollama is not running at ${url}`, hint: 'start it with `ollama serve` (https://ollama.com/download)' });
  });

  it('answers within its time limit when the server hangs', async () => {
    server.enqueue('tags', { kind: 'hang' });
    const started = performance.now();
    const availability = await backendFor().checkAvailable(200);
    expect(performance.now() - started).toBeLessThan(500);
    expect(availability).toMatchObject({ ok: false, reason: `Ollama at ${server.url} did not answer within 200 ms` });
    expect((await server.waitForEnd(0, 1000)).outcome).toBe('client-closed');
  });

  it('reports a cancelled check as not available', async () => {
    server.enqueue('tags', { kind: 'hang' });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    expect(await backendFor().checkAvailable(2000, controller.signal)).toMatchObject({ ok: false, reason: 'the availability check was cancelled' });
  });

  it('reports an HTTP error or a garbage model list with what the server said', async () => {
    server.enqueue('tags', { kind: 'error', status: 500, error: 'disk full' }, { kind: 'garbage' }, { kind: 'garbage', body: '{"nothing":1}' });
    expect(await backendFor().checkAvailable(1000)).toMatchObject({ ok: false, reason: 'Ollama answered HTTP 500: disk full' });
    expect(await backendFor().checkAvailable(1000)).toMatchObject({ ok: false, reason: expect.stringMatching(/not JSON/) as unknown });
    expect(await backendFor().checkAvailable(1000)).toMatchObject({ ok: false, reason: 'Ollama sent a model list without models' });
  });
});

describe('the fake server as its own process', () => {
  it('serves a scripted reply, logs requests as JSON lines and exits on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nlsh-fake-ollama-'));
    try {
      const scriptFile = join(dir, 'script.json');
      const logFile = join(dir, 'requests.jsonl');
      writeFileSync(scriptFile, JSON.stringify({ models: ['llama3:latest'], chat: [{ kind: 'reply', json: { command: 'pwd' } }] }));
      const child = spawn(process.execPath, [join(repoRoot, 'test/support/fake-ollama-server.ts'), '--port', '0', '--script', scriptFile, '--log', logFile], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      try {
        const firstLine = await new Promise<string>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error('the fake server did not start within 10 s')), 10_000);
          void exited.then((code) => reject(new Error(`the fake server exited with ${code} before it started`)));
          createInterface({ input: child.stdout }).once('line', (line) => {
            clearTimeout(timer);
            resolve(line);
          });
        });
        const { url } = JSON.parse(firstLine) as { url: string };
        expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
        const backend = createOllamaBackend({ model: 'llama3', host: url });
        expect(await backend.checkAvailable(2000)).toEqual({ ok: true });
        expect(JSON.parse((await backend.complete(ask({ schema, timeoutMs: 5000 }))).text)).toEqual({ command: 'pwd' });
      } finally {
        child.kill('SIGTERM');
      }
      expect(await exited).toBe(0);
      const events = readFileSync(logFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(events.filter((e) => e.event === 'request').map((e) => e.path)).toEqual(['/api/tags', '/api/chat']);
      expect(events.find((e) => e.path === '/api/chat')).toMatchObject({ body: { format: schema, stream: false } });
      expect(events.filter((e) => e.event === 'end').map((e) => e.outcome)).toEqual(['completed', 'completed']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
