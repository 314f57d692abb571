// The real embedded model (Gemma 3 270M, a weak base model) through nl-sh, as the stock user:
// a request goes to the embedded tier and its proposal is previewed, judged and run as shown;
// `?` answers stream; --suggest prints schema-valid JSON; a missing or corrupt model file gives
// one clear line and the next tier answers; Ctrl-C stops a long generation at once while the
// server stays up. Assertions are about behaviour: a small model's commands vary.
// NLSH_E2E_RECORD=FILE records the plan requests to FILE (scripts/record-model.sh).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, chownSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { nlshBin } from '../support/fixtures.js';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { serverInfo, testModel } from '../model-server/real-model.js';
import { embeddedTierToml, ownRuntimeDir, recordingDir, saveRecording, spawnNlshAsUser } from '../support/embedded-user.js';
import { startFakeOllama, type FakeOllamaServer } from '../support/fake-ollama-server.js';
import { plan } from '../support/plan-reply.js';
import { makeStockHome, runAsStockUser, startAsStockUser, stockUser } from '../support/stock-user.js';

const model = testModel();
const user = stockUser();
const menu = /\(Enter: (run|cancel)\) ?$/m;
const request = 'list the files here';

describe.skipIf(!model)(`the real embedded model, as ${user.name}`, () => {
  let run: ReturnType<typeof ownRuntimeDir>;
  const cleanups: (() => void)[] = [];
  beforeAll(() => {
    run = ownRuntimeDir(user);
    serverLog = join(run.dir, 'nl-sh', 'model.log');
  });
  afterAll(async () => {
    if (process.env.NLSH_E2E_RECORD) saveRecording(recordFile(), process.env.NLSH_E2E_RECORD, user.home);
    for (const c of cleanups) c();
    await run.cleanup();
  });
  // The recording (when asked for): only plan requests, so a replay can answer them in order.
  const recordFile = (): string => join(recordingDir(user, run.dir), 'embedded.jsonl');
  const recordEnv = (): Record<string, string> => (process.env.NLSH_E2E_RECORD ? { NLSH_RECORD: recordFile() } : {});
  const home = (config: string, files: Record<string, string> = {}): string => {
    const h = makeStockHome(user, { '.config/nl-sh/config.toml': config, ...files });
    cleanups.push(h.cleanup);
    return h.home;
  };
  const env = (more: Record<string, string> = {}): Record<string, string> => ({ XDG_RUNTIME_DIR: run.dir, ...more });

  it('a request goes to the embedded tier; its proposal is previewed with its risk, and what runs is what was shown', async () => {
    const h = home(embeddedTierToml(model), { 'notes.txt': 'hello\n' });
    const sh = await startAsStockUser(user, h, { cols: 200, env: env(recordEnv()) });
    try {
      let at = sh.mark();
      sh.type(`${request}\r`);
      const shown = previewOf(await sh.waitAfter(at, menu, 150_000));
      expect(shown.source).toMatch(/^from embedded \(gemma-3-270m[^)]*\.gguf\)/);
      expect(shown.risk).toMatch(/^(read_only|writes|network|destructive|privileged|unknown)\b.* → /);
      expect(shown.command).not.toBe('');
      at = sh.mark();
      // The key the menu names for running; above read-only a typed confirmation may follow.
      sh.type(shown.enterRuns ? '\r' : 'r');
      const after = await sh.waitAfter(at, new RegExp(`${sh.prompt.source.slice(0, -1)}$|type yes|\\[y/N\\]`, 'm'), 60_000);
      if (/type yes|\[y\/N\]/.test(after) && !sh.prompt.test(after)) {
        at = sh.mark();
        sh.type(/type yes/.test(after) ? 'yes\r' : 'y');
        await sh.waitAfter(at, sh.prompt, 60_000);
      }
      at = sh.mark();
      sh.type('history 3\r');
      const history = await sh.waitAfter(at, new RegExp(`history 3\\n[\\s\\S]*${sh.prompt.source}`), 15_000);
      expect(history.split('\n').map((l) => l.replace(/^\s*\d+\s+/, '').trim())).toContain(shown.command);
    } finally {
      sh.kill();
    }
  }, 200_000);

  it('a ? question streams its answer: several reads before the end', async () => {
    const h = home(embeddedTierToml(model));
    const ask = spawnNlshAsUser(user, h, ['--ask', 'what does the ls command do?'], env());
    const textChunks = async (): Promise<number> => ask.chunks.filter((c) => c.text.trim() !== '').length;
    const deadline = Date.now() + 150_000;
    let ended = false;
    void ask.exited.then(() => (ended = true));
    while (!ended && (await textChunks()) < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const seen = ask.chunks.filter((c) => c.text.trim() !== '');
    // Stop a long answer: the streaming is shown; its length does not matter here.
    if (!ended) ask.signal('SIGINT');
    await ask.exited;
    expect(seen.length, `stdout: ${JSON.stringify(ask.chunks.map((c) => c.text).join(''))}; stderr: ${ask.stderr()}`).toBeGreaterThanOrEqual(2);
    expect(seen.at(-1)!.at - seen[0]!.at).toBeGreaterThan(10);
  }, 200_000);

  it('--suggest prints a schema-valid proposal from the embedded tier', async () => {
    const h = home(embeddedTierToml(model));
    const r = await runAsStockUser(user, h, [nlshBinPath(), '--suggest', request], env(recordEnv()));
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(typeof out.command).toBe('string');
    expect((out.command as string).trim()).not.toBe('');
    expect(typeof out.explanation).toBe('string');
    expect(out.confidence).toBeTypeOf('number');
    expect(out.confidence as number).toBeGreaterThanOrEqual(0);
    expect(out.confidence as number).toBeLessThanOrEqual(1);
    expect(Array.isArray(out.parts) && Array.isArray(out.assumptions)).toBe(true);
    expect([typeof out.needs_network, typeof out.needs_root]).toEqual(['boolean', 'boolean']);
    expect(out.tier).toBe('embedded');
  }, 200_000);

  describe('an unusable model file, with a second tier after it', () => {
    let fallback: FakeOllamaServer;
    beforeAll(async () => {
      fallback = await startFakeOllama({ script: { models: ['small:latest'], chat: [{ kind: 'reply', json: plan('ls -l') }, { kind: 'reply', json: plan('ls -l') }] } });
    });
    afterAll(() => fallback.close());
    const twoTiers = (file: string): string => `${embeddedTierToml(file)}\n[[tiers]]\nname = "fallback"\nbackend = "ollama"\nmodel = "small"\nhost = "${fallback.url}"\n`;

    for (const kind of ['missing', 'corrupt'] as const) {
      it(`a ${kind} model file: one clear line naming it, and the next tier answers`, async () => {
        const h = home('');
        const file = join(h, 'models', `${kind}.gguf`);
        if (kind === 'corrupt') {
          writeFileSync(join(h, 'corrupt.bin'), randomBytes(64 * 1024));
          mkdirForUser(join(h, 'models'));
          copyFileSync(join(h, 'corrupt.bin'), file);
          if (user.switched) chownSync(file, user.uid, user.gid);
        }
        writeFileSync(join(h, '.config', 'nl-sh', 'config.toml'), twoTiers(file));
        const r = await runAsStockUser(user, h, [nlshBinPath(), '--suggest', request], env());
        expect(r.status, r.stderr).toBe(0);
        expect(JSON.parse(r.stdout)).toMatchObject({ command: 'ls -l', tier: 'fallback' });
        const lines = r.stderr.split('\n').filter((l) => l.trim() !== '');
        expect(lines, r.stderr).toHaveLength(1);
        expect(lines[0]).toContain(`${kind}.gguf`);
        expect(lines[0]).toMatch(kind === 'missing' ? /does not exist|not found|missing/i : /not a GGUF|corrupt|cannot be loaded|not a model/i);
      }, 60_000);
    }
  });

  it('Ctrl-C during a long answer stops it within 200 ms; the server stays up', async () => {
    const h = home(embeddedTierToml(model));
    const sh = await startAsStockUser(user, h, { cols: 200, env: env() });
    try {
      const question = '? write a very long story about the history of unix, in many long paragraphs';
      let at = sh.mark();
      sh.type(`${question}\r`);
      // The answer is streaming: words after the question line.
      // The answer is streaming: words after the last spinner frame.
      await sh.waitAfter(at, /\(Ctrl-C cancels\)(?![\s\S]*\(Ctrl-C cancels\))[\s\S]*[A-Za-z]{3,}\W+[A-Za-z]{3,}\W+[A-Za-z]{3,}/, 150_000);
      const cancelsBefore = cancelledLines();
      const before = await serverInfo(run.socket);
      at = sh.mark();
      const pressed = performance.now();
      sh.type('\x03');
      // The question given back at a fresh prompt, for editing.
      await sh.waitAfter(at, new RegExp(`${sh.prompt.source.slice(0, -1)}\\? write a very long story.*paragraphs$`, 'm'), 5_000);
      const stoppedMs = performance.now() - pressed;
      // The server's own account: the generation was cancelled (it logs when it stops).
      while (cancelledLines() === cancelsBefore && performance.now() - pressed < 5_000) await new Promise((r) => setTimeout(r, 5));
      const serverStoppedMs = performance.now() - pressed;
      console.log(`Ctrl-C: prompt back in ${stoppedMs.toFixed(0)} ms, server cancelled within ${serverStoppedMs.toFixed(0)} ms`);
      expect(stoppedMs).toBeLessThan(200);
      expect(serverStoppedMs).toBeLessThan(200);
      const after = await serverInfo(run.socket);
      expect(after.pid).toBe(before.pid);
      expect(after.loads).toBe(before.loads);
    } finally {
      sh.kill();
    }
  }, 200_000);
});

const nlshBinPath = (): string => nlshBin;
let serverLog = '';

// How many requests the test's server log says were cancelled so far.
function cancelledLines(): number {
  return (existsSync(serverLog) ? readFileSync(serverLog, 'utf8') : '').split('\n').filter((l) => / cancelled$/.test(l)).length;
}

function mkdirForUser(dir: string): void {
  mkdirSync(dir, { recursive: true });
  if (user.switched) chownSync(dir, user.uid, user.gid);
}

/** The parts of a drawn preview: command, risk, source, and whether Enter runs it. */
function previewOf(text: string): { command: string; risk: string; source: string; enterRuns: boolean } {
  const drawn = text.slice(text.lastIndexOf('(Ctrl-C cancels)') + '(Ctrl-C cancels)'.length);
  const lines = drawn.split('\n').filter((l) => l.trim() !== '');
  return {
    command: (lines[0] ?? '').trim(),
    risk: (lines.find((l) => l.startsWith('  risk: ')) ?? '').slice('  risk: '.length),
    source: (lines.find((l) => /^ {2}from /.test(l)) ?? '').trim(),
    enterRuns: /\(Enter: run\)/.test(drawn),
  };
}
