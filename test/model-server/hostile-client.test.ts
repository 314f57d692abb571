// A broken or hostile client on the model server's socket: a line that is not JSON, an unknown
// operation, a line past the bound, a "model" that is not a model file. Each gets one error (or a
// closed connection), and the server goes on serving everyone else.

import { afterAll, describe, expect, it } from 'vitest';
import { connect } from 'node:net';
import { encodeLine, parseReply } from '../../src/model-wire.js';
import { ask, serverInfo, serverPlace, testBackend, testModel } from './real-model.js';

const model = testModel();

/** Write `data` on a fresh connection; resolve with everything the server sent before it closed. */
function exchangeRaw(socket: string, data: string | Buffer): Promise<string> {
  return new Promise((resolve) => {
    const conn = connect(socket);
    let text = '';
    conn.setEncoding('utf8');
    conn.on('error', () => resolve(text));
    conn.on('connect', () => conn.write(data));
    conn.on('data', (d: string) => (text += d));
    conn.on('close', () => resolve(text));
    setTimeout(() => conn.destroy(), 10_000);
  });
}

describe.skipIf(!model)('the model server against a hostile client (real model)', () => {
  const place = serverPlace();
  const backend = testBackend(model, place.socket);
  afterAll(() => place.cleanup());

  it('answers garbage with one protocol error each, and keeps serving', async () => {
    await backend.complete(ask('hi', { schema: undefined, maxTokens: 2 }));
    const before = await serverInfo(place.socket);
    for (const line of ['not json at all\n', '{"op":"format-disk"}\n', '[1,2,3]\n', '{"op":"generate","model":42}\n']) {
      const reply = parseReply((await exchangeRaw(place.socket, line)).trim().split('\n')[0] ?? '');
      expect(reply, line).toMatchObject({ type: 'error', error: { kind: 'protocol' } });
    }
    // A line past the bound (4 MiB) with no newline: the connection is closed, nothing is loaded.
    await exchangeRaw(place.socket, Buffer.alloc(5 * 1024 * 1024, 0x61));
    const after = await serverInfo(place.socket);
    expect(after.pid).toBe(before.pid);
    expect(after.loads).toBe(before.loads);
    const r = await backend.complete(ask('hi', { schema: undefined, maxTokens: 2 }));
    expect(typeof r.text).toBe('string');
  }, 120_000);

  it('refuses to load a file that is not a GGUF model (/etc/passwd), in one line, and keeps its model', async () => {
    const before = await serverInfo(place.socket);
    const text = await exchangeRaw(place.socket, encodeLine({ op: 'generate', model: '/etc/passwd', system: 's', messages: [{ role: 'user', content: 'hi' }], maxTokens: 2, stream: false }));
    expect(parseReply(text.trim())).toMatchObject({ type: 'error', error: { kind: 'model-missing', message: expect.stringMatching(/\/etc\/passwd is not a GGUF model file/) } });
    const after = await serverInfo(place.socket);
    expect(after).toMatchObject({ pid: before.pid, model: before.model });
  }, 60_000);
});
