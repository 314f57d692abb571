// The model server with the real test model: structured and streamed replies, the reuse of the
// evaluated system prompt, one server and one load for sessions starting together, cancellation,
// restart after kill -9, and idle exit. Small contexts and few tokens keep it within a minute or two.

import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, symlinkSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { encodeLine, parseReply } from '../../src/model-wire.js';
import { BackendError } from '../../src/planner/model-backend.js';
import { ask, isAlive, rawGenerate, serverInfo, serverPlace, testBackend, testModel } from './real-model.js';

const model = testModel();
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function waitFor(check: () => boolean | Promise<boolean>, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(50)) if (await check()) return true;
  return false;
}

describe.skipIf(!model)('the model server (real model)', () => {
  const place = serverPlace();
  const backend = testBackend(model, place.socket);
  // Raw requests do not start a server: each test that makes them starts it first (tests can run alone).
  const ensureServer = (): Promise<unknown> => backend.complete(ask('hi', { schema: undefined, maxTokens: 2 }));
  afterAll(() => place.cleanup());

  it('starts on the first request and answers with JSON that follows the schema', async () => {
    const t0 = Date.now();
    const reply = await backend.complete(ask('list the files here', { maxTokens: 400 }));
    console.log(`cold start to a complete reply: ${Date.now() - t0} ms`);
    const json = JSON.parse(reply.text) as Record<string, unknown>;
    expect(typeof json.command).toBe('string');
    expect(typeof json.explanation).toBe('string');
    expect(typeof json.confidence).toBe('number');
    expect(Object.keys(json).sort()).toEqual(['command', 'confidence', 'explanation']);
    expect(reply.usage.outputTokens).toBeGreaterThan(0);
    const info = await serverInfo(place.socket);
    expect(info.loads).toBe(1);
    expect(info.model).toBe(model);
  }, 120_000);

  it('says a structured reply cut by its token limit is incomplete, as a protocol error', async () => {
    const err = await backend.complete(ask('list the files here', { maxTokens: 3 })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BackendError);
    expect((err as BackendError).kind).toBe('protocol');
    expect((err as BackendError).message).toMatch(/limit of 3 tokens/);
  }, 60_000);

  it('streams several pieces before the end', async () => {
    const pieces: string[] = [];
    const reply = await backend.stream(ask('say hello in three words', { schema: undefined, maxTokens: 24 }), (p) => pieces.push(p));
    expect(pieces.length).toBeGreaterThan(3);
    expect(pieces.join('')).toBe(reply.text);
  }, 60_000);

  it('reuses the evaluated system prompt: the second request with it evaluates less and answers sooner', async () => {
    const system = `You turn a request into one bash command. ${'Prefer short, safe, standard commands. '.repeat(25)}`;
    await ensureServer();
    const other = `You are a careful assistant for the shell. ${'Answer briefly and never guess file names. '.repeat(25)}`;
    const first = await rawGenerate(place.socket, model, ask('show disk usage', { system, schema: undefined, maxTokens: 4 }));
    const again = await rawGenerate(place.socket, model, ask('count the lines in a.txt', { system, schema: undefined, maxTokens: 4 }));
    const changed = await rawGenerate(place.socket, model, ask('count the lines in a.txt', { system: other, schema: undefined, maxTokens: 4 }));
    console.log(`first piece: new system prompt ${first.usage.firstPieceMs} ms (${first.usage.evaluatedTokens} tokens evaluated), same again ${again.usage.firstPieceMs} ms (${again.usage.evaluatedTokens}), another ${changed.usage.firstPieceMs} ms (${changed.usage.evaluatedTokens})`);
    expect(again.usage.evaluatedTokens).toBeLessThan(first.usage.evaluatedTokens / 4);
    expect(again.usage.firstPieceMs).toBeLessThan(changed.usage.firstPieceMs);
  }, 120_000);

  it('stops a cancelled generation within 200 ms and goes on serving', async () => {
    await ensureServer();
    let close = (): void => undefined;
    const long = rawGenerate(place.socket, model, ask('write a long story about a shell', { schema: undefined, maxTokens: 400 }), (c) => (close = c)).catch(() => 'closed');
    await sleep(1500);
    const abortedAt = Date.now();
    close();
    const next = await rawGenerate(place.socket, model, ask('print the date', { schema: undefined, maxTokens: 8 }));
    const waited = Date.now() - abortedAt - next.usage.totalMs;
    console.log(`after a cancel, the next request started within ${waited} ms`);
    expect(await long).toBe('closed');
    expect(waited).toBeLessThan(200);
  }, 60_000);

  it('rejects an aborted call within 100 ms with kind "aborted"', async () => {
    const controller = new AbortController();
    const call = backend.stream(ask('write a long story', { schema: undefined, maxTokens: 400, signal: controller.signal }), () => undefined);
    await sleep(800);
    const t0 = Date.now();
    controller.abort();
    const err = await call.catch((e: unknown) => e);
    expect(Date.now() - t0).toBeLessThan(100);
    expect(err).toBeInstanceOf(BackendError);
    expect((err as BackendError).kind).toBe('aborted');
    expect(isAlive((await serverInfo(place.socket)).pid)).toBe(true);
  }, 60_000);

  it('is started again by the next request after kill -9', async () => {
    await ensureServer();
    const before = await serverInfo(place.socket);
    process.kill(before.pid, 'SIGKILL');
    expect(await waitFor(() => !isAlive(before.pid), 5000)).toBe(true);
    const reply = await backend.complete(ask('show the current directory', { schema: undefined, maxTokens: 8 }));
    expect(reply.text.length).toBeGreaterThan(0);
    const after = await serverInfo(place.socket);
    expect(after.pid).not.toBe(before.pid);
    expect(after.loads).toBe(1);
  }, 120_000);
});

describe.skipIf(!model)('sessions starting together (real model)', () => {
  const place = serverPlace();
  afterAll(() => place.cleanup());

  it('three clients at once share one server process and one model load', async () => {
    const clients = [0, 1, 2].map(() => testBackend(model, place.socket));
    const replies = await Promise.all(clients.map((c, i) => c.complete(ask(['list files', 'show disk usage', 'print the date'][i] ?? '', { schema: undefined, maxTokens: 8 }))));
    expect(replies).toHaveLength(3);
    const info = await serverInfo(place.socket);
    expect(info.loads).toBe(1);
    expect(info.served).toBe(3);
    expect(place.log().match(/serving on/g)).toHaveLength(1);
  }, 180_000);

  it('loads another model when a request names another file', async () => {
    const other = join(place.dir, 'other-name.gguf');
    symlinkSync(model, other);
    await testBackend(model, place.socket).complete(ask('hi', { schema: undefined, maxTokens: 2 }));
    const before = await serverInfo(place.socket);
    await testBackend(other, place.socket).complete(ask('list files', { schema: undefined, maxTokens: 4 }));
    const info = await serverInfo(place.socket);
    expect(info).toMatchObject({ pid: before.pid, loads: before.loads + 1, model: other });
  }, 120_000);

  it('stops a request on {"op":"cancel"} and answers it with kind "aborted"', async () => {
    await testBackend(model, place.socket).complete(ask('hi', { schema: undefined, maxTokens: 2 }));
    const reply = await new Promise<string>((resolve, reject) => {
      const conn = connect(place.socket);
      let text = '';
      conn.setEncoding('utf8');
      conn.on('error', reject);
      conn.on('connect', () => {
        conn.write(encodeLine({ op: 'generate', model, system: 's', messages: [{ role: 'user', content: 'write a long story' }], maxTokens: 400, stream: false }));
        setTimeout(() => conn.write(encodeLine({ op: 'cancel' })), 800);
      });
      conn.on('data', (d: string) => (text += d));
      conn.on('end', () => resolve(text));
    });
    expect(parseReply(reply.trim())).toMatchObject({ type: 'error', error: { kind: 'aborted' } });
  }, 60_000);
});

describe.skipIf(!model)('idle exit (real model)', () => {
  const place = serverPlace();
  afterAll(() => place.cleanup());

  it('exits after its idle time and removes its socket', async () => {
    const backend = testBackend(model, place.socket, 2);
    await backend.complete(ask('list files', { maxTokens: 8, schema: undefined }));
    const { pid } = await serverInfo(place.socket);
    expect(await waitFor(() => !existsSync(place.socket) && !isAlive(pid), 10_000)).toBe(true);
    expect(place.log()).toMatch(/exiting: idle for 2 s/);
  }, 120_000);
});
