// A missing or corrupt model file gives one clear error of kind 'model-missing' naming the file
// (so the tier router goes on to the next tier); the cheap check starts no server.

import { afterAll, describe, expect, it } from 'vitest';
import { closeSync, existsSync, openSync, readSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { BackendError } from '../../src/planner/model-backend.js';
import { ask, serverInfo, serverPlace, testBackend, testModel } from './real-model.js';

const model = testModel();

async function failure(call: Promise<unknown>): Promise<BackendError> {
  const err = await call.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(BackendError);
  return err as BackendError;
}

describe('a missing or corrupt model file', () => {
  const place = serverPlace();
  afterAll(() => place.cleanup());

  it('missing: unavailable at the check, model-missing at the call, and no server started', async () => {
    const path = join(place.dir, 'absent.gguf');
    const backend = testBackend(path, place.socket);
    const check = await backend.checkAvailable(1000);
    expect(check).toMatchObject({ ok: false, reason: `the model file ${path} does not exist` });
    const err = await failure(backend.complete(ask('list files')));
    expect(err.kind).toBe('model-missing');
    expect(err.message).toContain(path);
    expect(err.hint).toMatch(/nl-sh --model pull/);
    expect(existsSync(place.socket)).toBe(false);
  });

  it('random bytes: not a GGUF model', async () => {
    const path = join(place.dir, 'random.gguf');
    writeFileSync(path, randomBytes(64 * 1024));
    const backend = testBackend(path, place.socket);
    expect(await backend.checkAvailable(1000)).toMatchObject({ ok: false, reason: `the model file ${path} is not a GGUF model file (corrupt, or another format)` });
    expect((await failure(backend.complete(ask('list files')))).kind).toBe('model-missing');
  });

  it.skipIf(!model)('truncated: the server cannot load it, says so once, and stays up', async () => {
    const path = join(place.dir, 'truncated.gguf');
    const head = Buffer.alloc(2 * 1024 * 1024);
    const fd = openSync(model, 'r');
    readSync(fd, head, 0, head.length, 0);
    closeSync(fd);
    writeFileSync(path, head);
    const backend = testBackend(path, place.socket);
    expect(await backend.checkAvailable(1000)).toEqual({ ok: true });
    const err = await failure(backend.complete(ask('list files')));
    expect(err.kind).toBe('model-missing');
    expect(err.message).toMatch(new RegExp(`the model file ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} could not be loaded .*corrupt or truncated`));
    expect(err.message.split('\n')).toHaveLength(1);
    const info = await serverInfo(place.socket);
    expect(info.loads).toBe(0);
  }, 60_000);
});
