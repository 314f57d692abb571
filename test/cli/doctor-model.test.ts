// The doctor's model lines: the file and its size, the server (running or not) and the speed,
// measured only on a running server or when asked (`--model-speed`), never by default on a cold one.

import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { modelFindings, type ModelDoctorDeps } from '../../src/cli/doctor-model.js';
import type { ServerInfo } from '../../src/model-wire.js';

const dir = mkdtempSync(join(tmpdir(), 'nlsh-doctor-model-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const gguf = join(dir, 'small.gguf');
writeFileSync(gguf, Buffer.concat([Buffer.from('GGUF'), Buffer.alloc(2_500_000)]));
const env = { HOME: dir, XDG_DATA_HOME: join(dir, 'data') };
const running: ServerInfo = { pid: 4242, loads: 1, model: gguf, served: 3, rssBytes: 512e6 };

function deps(more: Partial<ModelDoctorDeps> & { measured?: string[] } = {}): ModelDoctorDeps {
  return {
    env,
    serverInfo: async () => undefined,
    measure: async (model) => {
      more.measured?.push(model);
      return { firstPieceMs: 180.4, outputTokens: 16, totalMs: 1680.4 };
    },
    measureSpeed: false,
    ...more,
  };
}

const lines = (f: Awaited<ReturnType<typeof modelFindings>>): string[] => f.map((x) => `${x.ok ? 'ok' : 'FIX'} ${x.what}: ${x.detail}`);

describe('the doctor on the local model', () => {
  it('no model and no embedded tier: one line, fine, and no server asked', async () => {
    let asked = false;
    const f = await modelFindings(deps({ serverInfo: async () => ((asked = true), undefined) }));
    expect(lines(f)).toEqual([expect.stringMatching(/^ok model: none set up in .*data\/nl-sh\/models: the embedded tier is off/)]);
    expect(asked).toBe(false);
  });

  it('an embedded tier with its file, the server not running: file and size, "not running", speed not measured (no model load)', async () => {
    const measured: string[] = [];
    const f = await modelFindings(deps({ embeddedModel: gguf, measured }));
    expect(lines(f)).toEqual([
      `ok model: ${gguf} (2.5 MB), the embedded tier's`,
      'ok model server: not running (the first request starts it; it exits when idle)',
      'ok model speed: not measured: the server is not running (`nl-sh --doctor --model-speed` loads the model and measures)',
    ]);
    expect(measured).toEqual([]);
  });

  it('a running server with the model loaded: pid, RSS, and a measured speed (first token, tokens/s)', async () => {
    const measured: string[] = [];
    const f = await modelFindings(deps({ embeddedModel: gguf, serverInfo: async () => running, measured }));
    expect(lines(f).slice(1)).toEqual(['ok model server: running: pid 4242, RSS 512.0 MB, small.gguf loaded, 3 requests served', 'ok model speed: first token in 180 ms, 10.0 tokens/s (16 tokens)']);
    expect(measured).toEqual([gguf]);
  });

  it('--model-speed without a server measures a cold start, and says so', async () => {
    const f = await modelFindings(deps({ embeddedModel: gguf, measureSpeed: true }));
    expect(lines(f)[2]).toBe('ok model speed: first token in 180 ms (cold: the server started and loaded the model), 10.0 tokens/s (16 tokens)');
  });

  it('a failed test generation needs fixing', async () => {
    const f = await modelFindings(deps({ embeddedModel: gguf, serverInfo: async () => running, measure: async () => Promise.reject(new Error('the model server closed the connection')) }));
    expect(f.at(-1)).toMatchObject({ ok: false, what: 'model speed', detail: 'a test generation failed: the model server closed the connection' });
  });

  it("the embedded tier's file missing or not GGUF: FIX with the hint, and no speed line", async () => {
    const junk = join(dir, 'junk.gguf');
    writeFileSync(junk, 'not a model');
    for (const [file, why] of [[join(dir, 'absent.gguf'), 'does not exist'], [junk, 'is not a GGUF model file']] as const) {
      const f = await modelFindings(deps({ embeddedModel: file, serverInfo: async () => running }));
      expect(f[0]).toMatchObject({ ok: false, what: 'model', detail: expect.stringContaining(why), fix: expect.stringContaining('nl-sh --model pull') });
      expect(f.map((x) => x.what)).toEqual(['model', 'model server']);
    }
  });

  it('an embedded tier asking for the default model when none is installed needs fixing', async () => {
    const f = await modelFindings(deps({ embeddedModel: 'default' }));
    expect(f[0]).toMatchObject({ ok: false, what: 'model', detail: expect.stringContaining('an embedded tier asks for the default') });
  });
});
