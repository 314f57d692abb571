// `nl-sh --model pull|list|use|rm` through the launcher, as the stock user, against a local
// server standing in for Hugging Face (NLSH_MODEL_URL, the documented mirror override).

import { afterEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { nlshBin, repoRoot } from '../support/fixtures.js';
import { closedPort, startFakeModelServer, type FakeModelServer } from '../support/fake-model-server.js';
import { makeStockHome, runAsStockUser, startAsStockUser, stockUser } from '../support/stock-user.js';

const user = stockUser();
let server: FakeModelServer | undefined;
let home: ReturnType<typeof makeStockHome> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  home?.cleanup();
});

const modelsDir = (): string => join(home!.home, '.local/share/nl-sh/models');
const sha256 = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');
const current = (): string | undefined => (existsSync(join(modelsDir(), 'current')) ? readFileSync(join(modelsDir(), 'current'), 'utf8').trim() : undefined);
const mirror = (s: FakeModelServer, sha = s.sha256): Record<string, string> => ({ NLSH_MODEL_URL: s.url, NLSH_MODEL_SHA256: sha });
const nlsh = (args: string[], env: Record<string, string> = {}) => runAsStockUser(user, home!.home, [nlshBin, ...args], env);

describe('nl-sh --model pull', () => {
  it('downloads through a redirect, verifies, and makes the model current', async () => {
    server = await startFakeModelServer();
    home = makeStockHome(user);
    const r = await nlsh(['--model', 'pull'], mirror(server));
    expect(r.stderr).toMatch(/downloaded and verified \(sha256 matches\).*nl-sh uses it now/);
    expect(r.status).toBe(0);
    const file = join(modelsDir(), 'test-model.gguf');
    expect(sha256(file)).toBe(server.sha256);
    expect(existsSync(`${file}.part`)).toBe(false);
    expect(current()).toBe(file);
    // Not a terminal: sparse progress lines, no redrawn line.
    expect(r.stderr).toMatch(/^nl-sh: 100%/m);
    expect(r.stderr).not.toContain('\r');
    const again = await nlsh(['--model', 'pull'], mirror(server));
    expect(again.stderr).toMatch(/already there/);
    expect(server.ranges).toHaveLength(1);
  });

  it('resumes an interrupted download with a Range request and verifies the whole file', async () => {
    server = await startFakeModelServer({ cutFirstAfter: 1_000_000 });
    home = makeStockHome(user);
    const first = await nlsh(['--model', 'pull'], mirror(server));
    expect(first.status).toBe(1);
    expect(first.stderr).toMatch(/stopped at .* again to resume/);
    const part = join(modelsDir(), 'test-model.gguf.part');
    const kept = statSync(part).size;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(server.body.length);
    expect(current()).toBeUndefined();
    const second = await nlsh(['--model', 'pull'], mirror(server));
    expect(second.stderr).toMatch(new RegExp(`resuming at ${(kept / 1e6).toFixed(1)} MB`));
    expect(second.status).toBe(0);
    expect(server.ranges).toEqual(['', `bytes=${kept}-`]);
    expect(sha256(join(modelsDir(), 'test-model.gguf'))).toBe(server.sha256);
    expect(existsSync(part)).toBe(false);
  });

  it('refuses a file whose checksum differs and leaves no model behind', async () => {
    server = await startFakeModelServer();
    home = makeStockHome(user);
    const r = await nlsh(['--model', 'pull'], mirror(server, 'ab'.repeat(32)));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/sha256 is [0-9a-f]{64}, not the expected (ab){32}: it was deleted and nothing was installed/);
    expect(existsSync(join(modelsDir(), 'test-model.gguf'))).toBe(false);
    expect(existsSync(join(modelsDir(), 'test-model.gguf.part'))).toBe(false);
    expect(current()).toBeUndefined();
  });

  it('on a terminal the progress is one line redrawn in place (percent, MB, speed, ETA)', async () => {
    server = await startFakeModelServer({ size: 2_000_000, chunkDelayMs: 150 });
    home = makeStockHome(user);
    const shell = await startAsStockUser(user, home.home, { env: mirror(server) });
    try {
      const mark = shell.mark();
      shell.type(`${nlshBin} --model pull\r`);
      await shell.waitAfter(mark, /downloaded and verified/, 20_000);
      const raw = shell.driver.raw().subarray(mark).toString('utf8');
      const draws = [...raw.matchAll(/\r\x1b\[K( ?\d+%  [\d.]+\/2\.0 MB  [\d.]+ MB\/s  ETA [\d:-]+)/g)].map((m) => m[1]);
      expect(draws.length).toBeGreaterThan(3);
      expect(draws.at(-1)).toMatch(/^100%/);
      expect(raw).not.toMatch(/^nl-sh: \d+%/m);
    } finally {
      shell.kill();
    }
  });

  it('a mirror without its checksum downloads nothing', async () => {
    server = await startFakeModelServer();
    home = makeStockHome(user);
    const r = await nlsh(['--model', 'pull'], { NLSH_MODEL_URL: server.url });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/NLSH_MODEL_SHA256 must give/);
    expect(server.ranges).toHaveLength(0);
  });

  it('an unreachable host: one line saying so and what to do, quickly', async () => {
    home = makeStockHome(user);
    const port = await closedPort();
    const started = Date.now();
    const r = await nlsh(['--model', 'pull'], { NLSH_MODEL_URL: `http://127.0.0.1:${port}/m.gguf`, NLSH_MODEL_SHA256: 'ab'.repeat(32) });
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(r.status).not.toBe(0);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(new RegExp(`cannot reach 127\\.0\\.0\\.1:${port} .*nl-sh --model use FILE\\.gguf`));
    expect(r.stdout).toBe('');
  });

  it('--if-missing downloads nothing when a model is set up', async () => {
    server = await startFakeModelServer();
    home = makeStockHome(user, { 'own.gguf': 'GGUF-own-model' });
    expect((await nlsh(['--model', 'use', 'own.gguf'])).status).toBe(0);
    const r = await nlsh(['--model', 'pull', '--if-missing'], mirror(server));
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/a model is already set up: .*own\.gguf/);
    expect(server.ranges).toHaveLength(0);
  });
});

describe('nl-sh --model list, use, rm', () => {
  it('use records an absolute path, checks the GGUF magic, and list shows it', async () => {
    home = makeStockHome(user, { 'm/own.gguf': 'GGUF-own-model', 'm/notes.gguf': 'just text' });
    const bad = await nlsh(['--model', 'use', 'm/notes.gguf']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/notes\.gguf is not a GGUF model file.*nothing changed/);
    expect(current()).toBeUndefined();
    expect((await nlsh(['--model', 'use', 'm/missing.gguf'])).stderr).toMatch(/does not exist/);
    const good = await nlsh(['--model', 'use', 'm/own.gguf']);
    expect(good.status).toBe(0);
    expect(current()).toBe(join(home.home, 'm/own.gguf'));
    const list = await nlsh(['--model', 'list']);
    expect(list.status).toBe(0);
    expect(list.stdout).toContain(`current: ${join(home.home, 'm/own.gguf')}`);
  });

  it('rm removes only files of the models folder, says what it removed, and clears current', async () => {
    server = await startFakeModelServer({ size: 200_000 });
    home = makeStockHome(user, { 'elsewhere.gguf': 'GGUF-keep-me' });
    expect((await nlsh(['--model', 'pull'], mirror(server))).status).toBe(0);
    const list = await nlsh(['--model', 'list']);
    expect(list.stdout).toMatch(/^ {2}test-model\.gguf {2}0\.2 MB {2}\(current\)$/m);
    const outside = await nlsh(['--model', 'rm', join(home.home, 'elsewhere.gguf')]);
    expect(outside.status).toBe(1);
    expect(outside.stderr).toMatch(/not a model file in .*removes only its own model files/);
    expect(existsSync(join(home.home, 'elsewhere.gguf'))).toBe(true);
    const escape = await nlsh(['--model', 'rm', '../../../../elsewhere.gguf']);
    expect(escape.status).toBe(1);
    expect(existsSync(join(home.home, 'elsewhere.gguf'))).toBe(true);
    expect((await nlsh(['--model', 'rm', 'current'])).status).toBe(1);
    const removed = await nlsh(['--model', 'rm', 'test-model.gguf']);
    expect(removed.status).toBe(0);
    expect(removed.stdout).toMatch(/^removed .*test-model\.gguf \(0\.2 MB\); it was the current model, so none is set now$/m);
    expect(existsSync(join(modelsDir(), 'test-model.gguf'))).toBe(false);
    expect(current()).toBeUndefined();
    expect((await nlsh(['--model', 'rm', 'test-model.gguf'])).stderr).toMatch(/no such model/);
  });

  it.each([[[]], [['frob']], [['use']], [['rm', 'a', 'b']], [['pull', '--force']], [['list', 'x']]])('--model %j is a usage error (exit 2)', async (args) => {
    home = makeStockHome(user);
    const r = await nlsh(['--model', ...args]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^nl-sh: .*--model needs one of: pull \[--if-missing\], list, use FILE\.gguf, rm NAME\|PATH\n$/);
  });
});

describe('nl-sh --doctor: the model', () => {
  it('names the current model and its size, and a broken one as something to fix', async () => {
    home = makeStockHome(user, { 'own.gguf': 'GGUF-own-model' });
    expect((await nlsh(['--doctor'])).stdout).toMatch(/^ok\s+model\s+none set up in .*nl-sh --model pull/m);
    await nlsh(['--model', 'use', 'own.gguf']);
    expect((await nlsh(['--doctor'])).stdout).toMatch(new RegExp(`^ok\\s+model\\s+${join(home.home, 'own.gguf').replace(/\./g, '\\.')} \\(0\\.0 MB\\)$`, 'm'));
    writeFileSync(join(home.home, 'own.gguf'), 'corrupt');
    const broken = await nlsh(['--doctor']);
    expect(broken.stdout).toMatch(/^FIX\s+model\s+the current model is unusable: .*own\.gguf is not a GGUF model file/m);
    expect(broken.status).toBe(1);
  });
});

describe('setup: the model step', () => {
  const setup = (env: Record<string, string>) => runAsStockUser(user, home!.home, ['sh', join(repoRoot, 'scripts/setup-model.sh')], env);

  it('NLSH_SKIP_MODEL=1 skips it and says how to get the model later', async () => {
    server = await startFakeModelServer();
    home = makeStockHome(user);
    const r = await setup({ NLSH_SKIP_MODEL: '1', ...mirror(server) });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/model skipped \(NLSH_SKIP_MODEL=1\); get it later with: .*--model pull/);
    expect(server.ranges).toHaveLength(0);
  });

  it('offline: setup still succeeds and says how to get the model later', async () => {
    home = makeStockHome(user);
    const r = await setup({ NLSH_MODEL_URL: `http://127.0.0.1:${await closedPort()}/m.gguf`, NLSH_MODEL_SHA256: 'ab'.repeat(32) });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/cannot reach 127\.0\.0\.1/);
    expect(r.stderr).toMatch(/no local model for now; nl-sh works without it\. Get it later with: .*--model pull/);
  });

  it('fetches the model, and the next run finds it already there', async () => {
    server = await startFakeModelServer({ size: 200_000 });
    home = makeStockHome(user);
    const r = await setup(mirror(server));
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/setup: model ready/);
    expect(current()).toBe(join(modelsDir(), 'test-model.gguf'));
    const again = await setup(mirror(server));
    expect(again.stderr).toMatch(/already set up/);
    expect(server.ranges).toHaveLength(1);
  });
});
