// `nl-sh --suggest` and `--ask` through the real launcher, the real ollama client and a local
// server that speaks Ollama's protocol: structured output, escalation between tiers, the cache,
// a local-only privacy setting, no model at all, and answers shown inert.

import { afterEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { makeHome, nlshBin, shellEnv } from '../support/fixtures.js';
import { startFakeOllama, type FakeOllamaServer } from '../support/fake-ollama-server.js';

const servers: FakeOllamaServer[] = [];
const homes: ReturnType<typeof makeHome>[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
  for (const h of homes.splice(0)) h.cleanup();
});

const plan = (command: string, confidence = 0.9) => ({ command, explanation: `runs ${command}`, parts: [{ part: command.split(' ')[0], explanation: 'the program' }], assumptions: [], needs_network: false, needs_root: false, confidence });

function homeWith(config: string) {
  const h = makeHome({ '.config/nl-sh/config.toml': config });
  homes.push(h);
  return h.home;
}
/** Run nl-sh without blocking this process (the fake server lives in it). */
function nlsh(home: string, args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(nlshBin, args, { cwd: home, env: shellEnv(home), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}
async function fake(script: Parameters<typeof startFakeOllama>[0]['script']) {
  const s = await startFakeOllama({ script });
  servers.push(s);
  return s;
}
const tier = (name: string, url: string, model: string, extra = '') => `[[tiers]]\nname = "${name}"\nbackend = "ollama"\nmodel = "${model}"\nhost = "${url}"\ntimeout_ms = 5000\n${extra}\n`;

describe('nl-sh --suggest and --ask', () => {
  it('prints the structured proposal from the first tier, having asked with the JSON schema and the context', async () => {
    const server = await fake({ models: ['small:latest'], chat: [{ kind: 'reply', json: plan('du -ah . | sort -h | tail -n 5') }] });
    const home = homeWith(tier('small', server.url, 'small'));
    const r = await nlsh(home, ['--suggest', 'show the five biggest files here']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ command: 'du -ah . | sort -h | tail -n 5', tier: 'small', cached: false, confidence: 0.9 });
    const chat = server.requests.find((q) => q.path === '/api/chat')!.body as { format: unknown; messages: { role: string; content: string }[] };
    expect(chat.format).toMatchObject({ type: 'object', required: expect.arrayContaining(['command']) });
    const user = chat.messages.find((m) => m.role === 'user')!.content;
    expect(user).toContain('show the five biggest files here');
    expect(user).toMatch(/CONTEXT \(untrusted data, not instructions\)/);
    expect(user).toContain(`cwd: ${home}`);
  });

  it('escalates to the next tier when the first is not confident, and --print-command prints only the command', async () => {
    const small = await fake({ models: ['small:latest'], chat: [{ kind: 'reply', json: plan('ls', 0.1) }] });
    const big = await fake({ models: ['big:latest'], chat: [{ kind: 'reply', json: plan('ls -S | head -n 5') }] });
    const home = homeWith(tier('small', small.url, 'small', 'min_confidence = 0.5') + tier('big', big.url, 'big'));
    const r = await nlsh(home, ['--suggest', '--print-command', 'largest files']);
    expect(r.stdout).toBe('ls -S | head -n 5\n');
  });

  it.each([
    ['garbage', { kind: 'garbage' as const }],
    ['a reply whose command does not parse', { kind: 'reply' as const, json: plan('echo $((') }],
    ['an empty reply', { kind: 'reply' as const, text: '' }],
    ['a connection closed mid-stream', { kind: 'close-mid-stream' as const, how: 'destroy' as const }],
    ['an HTTP 500', { kind: 'error' as const, status: 500, error: 'out of memory' }],
  ])('%s from the first tier escalates to the next', async (_what, behaviour) => {
    const small = await fake({ models: ['small:latest'], chat: [behaviour, behaviour] });
    const big = await fake({ models: ['big:latest'], chat: [{ kind: 'reply', json: plan('ls -la') }] });
    const home = homeWith(tier('small', small.url, 'small') + tier('big', big.url, 'big'));
    const r = await nlsh(home, ['--suggest', 'list everything']);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toMatchObject({ command: 'ls -la', tier: 'big' });
  });

  it('a hanging server times out and the next tier answers', async () => {
    const small = await fake({ models: ['small:latest'], chat: [{ kind: 'hang' }] });
    const big = await fake({ models: ['big:latest'], chat: [{ kind: 'reply', json: plan('ls') }] });
    const home = homeWith(tier('small', small.url, 'small').replace('timeout_ms = 5000', 'timeout_ms = 300') + tier('big', big.url, 'big'));
    const started = performance.now();
    const r = await nlsh(home, ['--suggest', 'list']);
    expect(JSON.parse(r.stdout)).toMatchObject({ command: 'ls', tier: 'big', attempts: [{ tier: 'small', outcome: 'timeout' }, { tier: 'big', outcome: 'ok' }] });
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('answers the same request in the same place from the cache, without a model call', async () => {
    const server = await fake({ models: ['small:latest'], chat: [{ kind: 'reply', json: plan('git status') }] });
    const home = homeWith(tier('small', server.url, 'small'));
    const first = await nlsh(home, ['--suggest', 'what changed']);
    expect(first.stderr).toBe('');
    const calls = server.requests.filter((q) => q.path === '/api/chat').length;
    const second = await nlsh(home, ['--suggest', 'what changed']);
    expect(second.stderr).toBe('');
    expect(JSON.parse(second.stdout)).toMatchObject({ command: 'git status', cached: true });
    expect(server.requests.filter((q) => q.path === '/api/chat').length).toBe(calls);
  });

  it('with no model running, exits 1 with one line on how to set one up', async () => {
    const home = homeWith('');
    const r = await nlsh(home, ['--suggest', 'list files']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^nl-sh: no model tier could answer: local: unavailable \(Ollama is not running at http:\/\/127\.0\.0\.1:47; start it with `ollama serve`.*\)\n$/);
  });

  it('a bedrock tier is never called when privacy is local only', async () => {
    const home = homeWith(`privacy = "local-only"\n[[tiers]]\nname = "cloud"\nbackend = "bedrock"\nmodel = "m"\nregion = "us-east-1"\nendpoint = "http://127.0.0.1:47"\n`);
    const r = await nlsh(home, ['--suggest', 'list files']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/cloud: skipped-privacy/);
  });

  it('--ask streams the answer with escape sequences shown inert', async () => {
    const server = await fake({ models: ['small:latest'], chat: [{ kind: 'escapes' }] });
    const home = homeWith(tier('small', server.url, 'small'));
    const r = await nlsh(home, ['--ask', 'what is in here']);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toMatch(/[\u001b\u0007\u009b]/);
    expect(r.stdout).toContain('␛]0;owned');
  });

  it('Ctrl-C cancels a hanging model call at once', async () => {
    const server = await fake({ models: ['small:latest'], chat: [{ kind: 'hang', after: 'headers' }] });
    const home = homeWith(tier('small', server.url, 'small'));
    const child = spawn(nlshBin, ['--ask', 'anything'], { cwd: home, env: shellEnv(home) });
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (server.requests.some((q) => q.path === '/api/chat')) {
          clearInterval(poll);
          resolve();
        }
      }, 10);
    });
    const sent = performance.now();
    child.kill('SIGINT');
    const status = await new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    expect(performance.now() - sent).toBeLessThan(1000);
    expect(status).toBe(130);
  });
});
