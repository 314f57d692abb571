// The Bedrock backend through the real AWS SDK against a local fake that speaks Bedrock's wire
// protocol. Every test names its endpoint and the metadata service is off, so nothing leaves
// 127.0.0.1; credentials are obviously fake strings.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { execFile, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createBedrockBackend, type BedrockBackendOptions } from '../../../src/planner/backends/bedrock.js';
import { BackendError, type ModelRequest } from '../../../src/planner/model-backend.js';
import { awsErrors, startFakeBedrockServer, type FakeBedrockServer, type FakeBehaviour, type RecordedRequest } from '../../support/fake-bedrock-server.js';
import { makeHome, repoRoot } from '../../support/fixtures.js';

const model = 'anthropic.claude-fake-v1:0';
const fakeCredentials = { accessKeyId: 'AKIDFAKEFORTESTS', secretAccessKey: 'fake-secret-for-tests', sessionToken: 'fake-session-token' };
const planSchema = {
  type: 'object',
  properties: { command: { type: 'string' }, explanation: { type: 'string' } },
  required: ['command', 'explanation'],
};

let server: FakeBedrockServer;
let emptyHome: ReturnType<typeof makeHome>;
const savedEnv = { ...process.env };

/** The process environment of a machine with no AWS setup at all (the SDK's chain reads it). */
function isolateAwsEnv(home: string, extra: Record<string, string> = {}): void {
  for (const key of Object.keys(process.env)) if (key.startsWith('AWS_')) delete process.env[key];
  Object.assign(process.env, { HOME: home, AWS_EC2_METADATA_DISABLED: 'true' }, extra);
}

beforeAll(async () => {
  server = await startFakeBedrockServer();
  emptyHome = makeHome();
});
afterAll(async () => {
  await server.close();
  emptyHome.cleanup();
  for (const key of Object.keys(process.env)) if (!(key in savedEnv)) delete process.env[key];
  Object.assign(process.env, savedEnv);
});
beforeEach(() => {
  server.reset();
  isolateAwsEnv(emptyHome.home);
});

function backend(extra: Partial<BedrockBackendOptions> = {}) {
  return createBedrockBackend({ model, region: 'us-east-1', endpoint: server.url, credentials: fakeCredentials, env: {}, ...extra });
}

function ask(extra: Partial<ModelRequest> = {}): ModelRequest {
  return { system: 'You turn requests into bash.', messages: [{ role: 'user', content: 'list big files' }], timeoutMs: 5000, ...extra };
}

async function failure(promise: Promise<unknown>): Promise<BackendError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(BackendError);
  return err as BackendError;
}

describe('Bedrock backend: requests and replies', () => {
  it('names itself after the model and is a cloud backend', () => {
    const b = backend();
    expect(b.name).toBe(`bedrock:${model}`);
    expect(b.locality).toBe('cloud');
  });

  it('asks for structured output as one forced tool and replies with the JSON of its input', async () => {
    const input = { command: 'du -ah . | sort -h | tail', explanation: 'sizes, sorted' };
    server.script({ kind: 'tool-use', name: 'plan', input, usage: { inputTokens: 120, outputTokens: 30 } });
    const reply = await backend().complete(ask({ schema: planSchema, schemaName: 'plan', maxTokens: 400, temperature: 0 }));

    expect(JSON.parse(reply.text)).toEqual(input);
    expect(reply.text).toBe(JSON.stringify(input));
    expect(reply.usage).toEqual({ inputTokens: 120, outputTokens: 30 });
    expect(reply.model).toBe(model);
    const [sent] = server.requests;
    expect(sent?.method).toBe('POST');
    expect(sent?.path).toBe(`/model/${encodeURIComponent(model)}/converse`);
    expect(sent?.modelId).toBe(model);
    expect(sent?.body).toEqual({
      messages: [{ role: 'user', content: [{ text: 'list big files' }] }],
      system: [{ text: 'You turn requests into bash.' }],
      inferenceConfig: { maxTokens: 400, temperature: 0 },
      toolConfig: {
        tools: [{ toolSpec: { name: 'plan', description: 'Give your answer as this structured reply.', inputSchema: { json: planSchema } } }],
        toolChoice: { tool: { name: 'plan' } },
      },
    });
    expect(sent?.headers['content-type']).toBe('application/json');
    expect(sent?.headers['x-amz-security-token']).toBe('fake-session-token');
    expect(sent?.signature).toMatchObject({ scheme: 'sigv4', accessKeyId: 'AKIDFAKEFORTESTS', region: 'us-east-1', service: 'bedrock' });
  });

  it('names the reply tool "reply" by default and sends no inferenceConfig when none is asked', async () => {
    server.script({ kind: 'tool-use', input: { ok: true } });
    const reply = await backend().complete(ask({ schema: { type: 'object' }, system: '' }));
    expect(reply.text).toBe('{"ok":true}');
    const body = server.requests[0]?.body as Record<string, unknown>;
    expect(body.toolConfig).toMatchObject({ toolChoice: { tool: { name: 'reply' } } });
    expect(body).not.toHaveProperty('inferenceConfig');
    expect(body).not.toHaveProperty('system');
  });

  it('a plain request gets the text of the reply and its usage', async () => {
    server.script({ kind: 'text', text: 'ls -S | head', usage: { inputTokens: 11, outputTokens: 5 } });
    const reply = await backend().complete(ask({ messages: [{ role: 'user', content: 'a' }, { role: 'assistant', content: 'b' }, { role: 'user', content: 'c' }] }));
    expect(reply).toEqual({ text: 'ls -S | head', usage: { inputTokens: 11, outputTokens: 5 }, model });
    const body = server.requests[0]?.body as Record<string, unknown>;
    expect(body).not.toHaveProperty('toolConfig');
    expect(body.messages).toEqual([
      { role: 'user', content: [{ text: 'a' }] },
      { role: 'assistant', content: [{ text: 'b' }] },
      { role: 'user', content: [{ text: 'c' }] },
    ]);
  });

  it('a structured request answered without the reply tool is a protocol error', async () => {
    server.script({ kind: 'text', text: 'Sure! Here is a command: ls' });
    const err = await failure(backend().complete(ask({ schema: planSchema })));
    expect(err.kind).toBe('protocol');
    expect(err.message).toMatch(/did not give the structured reply/);
  });

  it('streams text pieces in order and reads usage from the metadata event', async () => {
    server.script({ kind: 'text', text: '', pieces: ['find . ', '-size +100M', ' -print'], usage: { inputTokens: 9, outputTokens: 7 }, pieceDelayMs: 5 });
    const seen: string[] = [];
    const reply = await backend().stream(ask(), (piece) => seen.push(piece));
    expect(seen).toEqual(['find . ', '-size +100M', ' -print']);
    expect(reply).toEqual({ text: 'find . -size +100M -print', usage: { inputTokens: 9, outputTokens: 7 }, model });
    expect(server.requests[0]?.path).toBe(`/model/${encodeURIComponent(model)}/converse-stream`);
    expect(server.requests[0]?.signature.scheme).toBe('sigv4');
  });

  it('streams a structured reply from the tool-use input deltas', async () => {
    const input = { command: 'df -h', explanation: 'disk usage' };
    const json = JSON.stringify(input);
    const pieces = [json.slice(0, 5), json.slice(5, 20), json.slice(20)];
    server.script({ kind: 'tool-use', name: 'plan', input, pieces, usage: { inputTokens: 50, outputTokens: 12 } });
    const seen: string[] = [];
    const reply = await backend().stream(ask({ schema: planSchema, schemaName: 'plan' }), (piece) => seen.push(piece));
    expect(seen).toEqual(pieces);
    expect(reply.text).toBe(json);
    expect(reply.usage).toEqual({ inputTokens: 50, outputTokens: 12 });
    expect(server.requests[0]?.body).toMatchObject({ toolConfig: { toolChoice: { tool: { name: 'plan' } } } });
  });

  it('a streamed structured request answered with text only is a protocol error', async () => {
    server.script({ kind: 'text', text: 'no tool here' });
    const err = await failure(backend().stream(ask({ schema: planSchema }), () => {}));
    expect(err.kind).toBe('protocol');
  });

  it('streamed tool input that is not JSON is a protocol error', async () => {
    server.script({ kind: 'tool-use', input: null, pieces: ['{"command": "ls'], stopReason: 'max_tokens' });
    const err = await failure(backend().stream(ask({ schema: planSchema }), () => {}));
    expect(err.kind).toBe('protocol');
    expect(err.message).toMatch(/not valid JSON.*maxTokens/);
  });
});

describe('Bedrock backend: time limits and abort', () => {
  it('abort mid-stream rejects within 100 ms and tears down the HTTP request', async () => {
    server.script({ kind: 'hang-mid-stream', pieces: ['first piece'] });
    const controller = new AbortController();
    let abortedAt = 0;
    const call = backend().stream(ask({ signal: controller.signal, timeoutMs: 10_000 }), () => {
      setTimeout(() => {
        abortedAt = performance.now();
        controller.abort();
      }, 20);
    });
    const err = await failure(call);
    const latency = performance.now() - abortedAt;
    expect(err.kind).toBe('aborted');
    expect(latency).toBeLessThan(100);
    const closed = await server.whenClosed(server.requests[0]);
    expect(closed.early).toBe(true);
    expect(closed.at - abortedAt).toBeLessThan(100);
  });

  it('abort while waiting for the first byte rejects within 100 ms and closes the connection', async () => {
    server.script({ kind: 'hang' });
    const controller = new AbortController();
    const call = backend().complete(ask({ signal: controller.signal, timeoutMs: 10_000 }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const abortedAt = performance.now();
    controller.abort();
    const err = await failure(call);
    expect(err.kind).toBe('aborted');
    expect(performance.now() - abortedAt).toBeLessThan(100);
    expect((await server.whenClosed(server.requests[0])).at - abortedAt).toBeLessThan(100);
  });

  it('an already aborted signal rejects without sending anything', async () => {
    const controller = new AbortController();
    controller.abort();
    const err = await failure(backend().complete(ask({ signal: controller.signal })));
    expect(err.kind).toBe('aborted');
    expect(server.requests).toHaveLength(0);
  });

  it('a server that never answers times out at the time limit', async () => {
    server.script({ kind: 'hang' });
    const started = performance.now();
    const err = await failure(backend().complete(ask({ timeoutMs: 300 })));
    const elapsed = performance.now() - started;
    expect(err.kind).toBe('timeout');
    expect(elapsed).toBeGreaterThanOrEqual(295);
    expect(elapsed).toBeLessThan(1000);
    expect((await server.whenClosed(server.requests[0])).early).toBe(true);
  });

  it('a stream that stalls times out too', async () => {
    server.script({ kind: 'hang-mid-stream', pieces: ['a', 'b'] });
    const seen: string[] = [];
    const err = await failure(backend().stream(ask({ timeoutMs: 300 }), (p) => seen.push(p)));
    expect(err.kind).toBe('timeout');
    expect(seen).toEqual(['a', 'b']);
  });

  it('a slow but timely reply is fine', async () => {
    server.script({ kind: 'slow', delayMs: 150, then: { kind: 'text', text: 'pwd' } });
    expect((await backend().complete(ask({ timeoutMs: 2000 }))).text).toBe('pwd');
  });
});

describe('Bedrock backend: errors', () => {
  it.each([
    ['throttling', awsErrors.throttling, 'http', /try again/],
    ['access denied', awsErrors.accessDenied, 'credentials', /Bedrock console/],
    ['expired token', awsErrors.expiredToken, 'credentials', /aws sso login|AWS_SESSION_TOKEN/],
    ['unrecognized client', awsErrors.unrecognizedClient, 'credentials', /AWS_ACCESS_KEY_ID/],
    ['validation', awsErrors.validation, 'http', undefined],
    ['invalid model id', awsErrors.invalidModel, 'model-missing', /model id/],
    ['resource not found', awsErrors.resourceNotFound, 'model-missing', /model id/],
    ['model not ready', awsErrors.modelNotReady, 'unavailable', /try again/],
    ['internal error', awsErrors.internal, 'http', /try again/],
    ['service unavailable', awsErrors.serviceUnavailable, 'http', /try again/],
    ['throttling (__type in the body)', { ...awsErrors.throttling, style: 'body' as const }, 'http', /try again/],
    ['access denied (__type in the body)', { ...awsErrors.accessDenied, style: 'body' as const }, 'credentials', /Bedrock console/],
  ])('%s maps to its kind and hint, with no retry', async (_name, shape, kind, hint) => {
    server.script(shape);
    const err = await failure(backend().complete(ask()));
    expect(err.kind).toBe(kind);
    if (hint) expect(err.hint).toMatch(hint);
    expect(err.message).toContain(shape.type);
    expect(server.requests).toHaveLength(1);
  });

  it('an error status on ConverseStream maps the same way', async () => {
    server.script(awsErrors.accessDenied);
    const err = await failure(backend().stream(ask(), () => {}));
    expect(err.kind).toBe('credentials');
    expect(err.hint).toMatch(/Model access/);
  });

  it.each([
    ['throttlingException', 'http'],
    ['modelStreamErrorException', 'http'],
    ['validationException', 'http'],
  ])('an in-stream %s maps to %s', async (type, kind) => {
    server.script({ kind: 'stream-exception', type, message: 'something went wrong', pieces: ['partial'] });
    const err = await failure(backend().stream(ask(), () => {}));
    expect(err.kind).toBe(kind);
  });

  it.each<[string, FakeBehaviour, 'complete' | 'stream']>([
    ['garbage JSON', { kind: 'garbage', body: '<html>not json' }, 'complete'],
    ['garbage event stream', { kind: 'garbage', body: 'this is not an event stream at all, just bytes' }, 'stream'],
    ['a body closed half way', { kind: 'close-mid-stream', pieces: [] }, 'complete'],
    ['a stream closed between events', { kind: 'close-mid-stream', pieces: ['ls '] }, 'stream'],
    ['a stream closed inside an event', { kind: 'close-mid-stream', pieces: ['ls '], partialFrame: true }, 'stream'],
  ])('%s is a protocol error', async (_name, shape, call) => {
    server.script(shape);
    const b = backend();
    const err = await failure(call === 'complete' ? b.complete(ask()) : b.stream(ask(), () => {}));
    expect(err.kind).toBe('protocol');
  });

  it('a 500 with a garbage body is an http error', async () => {
    server.script({ kind: 'garbage', status: 500, body: 'Internal Server Error' });
    expect((await failure(backend().complete(ask()))).kind).toBe('http');
  });

  it('a refused connection means unavailable', async () => {
    const gone = await startFakeBedrockServer();
    await gone.close();
    const err = await failure(backend({ endpoint: gone.url }).complete(ask()));
    expect(err.kind).toBe('unavailable');
    expect(err.hint).toContain(gone.url);
  });

  it('replies over the size bound are refused, whole or streamed', async () => {
    server.script({ kind: 'large', bytes: 200 * 1024 }, { kind: 'large', bytes: 200 * 1024 });
    const small = backend({ maxReplyBytes: 64 * 1024 });
    expect((await failure(small.complete(ask()))).kind).toBe('protocol');
    const err = await failure(small.stream(ask(), () => {}));
    expect(err.kind).toBe('protocol');
    expect(err.message).toMatch(/larger than 65536 bytes/);
  });

  it('a large reply within the default bound arrives whole', async () => {
    server.script({ kind: 'large', bytes: 200 * 1024 }, { kind: 'large', bytes: 200 * 1024 });
    expect((await backend().complete(ask())).text).toHaveLength(200 * 1024);
    expect((await backend().stream(ask(), () => {})).text).toHaveLength(200 * 1024);
  });

  it('control characters from the server never reach the message', async () => {
    server.script({ ...awsErrors.validation, message: 'bad\u001b]0;pwned\u0007 input' });
    const err = await failure(backend().complete(ask()));
    expect(err.message).not.toMatch(/[\u0000-\u001f]/);
  });
});

describe('Bedrock backend: credentials and region', () => {
  it('is available with explicit credentials and a region, without calling the model', async () => {
    expect(await backend().checkAvailable(2000)).toEqual({ ok: true });
    expect(server.requests).toHaveLength(0);
  });

  it('reports missing credentials with a hint when the chain finds none', async () => {
    const b = createBedrockBackend({ model, region: 'us-east-1', endpoint: server.url, env: process.env });
    expect(await b.checkAvailable(3000)).toEqual({
      ok: false,
      reason: 'no AWS credentials found',
      hint: 'set AWS_PROFILE (aws configure / aws sso login) or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY',
    });
    const err = await failure(b.complete(ask()));
    expect(err.kind).toBe('credentials');
    expect(server.requests).toHaveLength(0);
  });

  it('reports a missing region with a hint to set AWS_REGION', async () => {
    const b = createBedrockBackend({ model, endpoint: server.url, credentials: fakeCredentials, env: process.env });
    const availability = await b.checkAvailable(3000);
    expect(availability).toMatchObject({ ok: false, reason: 'no AWS region configured' });
    expect(availability.ok === false && availability.hint).toMatch(/AWS_REGION/);
    expect((await failure(b.complete(ask()))).kind).toBe('unavailable');
  });

  it('takes the region from AWS_REGION or AWS_DEFAULT_REGION in env', async () => {
    server.script({ kind: 'text', text: 'a' }, { kind: 'text', text: 'b' });
    await backend({ region: undefined, env: { AWS_REGION: 'ap-south-1' } }).complete(ask());
    await backend({ region: undefined, env: { AWS_DEFAULT_REGION: 'sa-east-1' } }).complete(ask());
    expect(server.requests.map((r) => r.signature.scheme === 'sigv4' && r.signature.region)).toEqual(['ap-south-1', 'sa-east-1']);
  });

  it('uses a Bedrock API key from AWS_BEARER_TOKEN_BEDROCK in env', async () => {
    const b = backend({ credentials: undefined, env: { AWS_BEARER_TOKEN_BEDROCK: 'fake-bedrock-api-key' } });
    expect(await b.checkAvailable(2000)).toEqual({ ok: true });
    server.script({ kind: 'text', text: 'uptime' });
    expect((await b.complete(ask())).text).toBe('uptime');
    expect(server.requests[0]?.signature).toEqual({ scheme: 'bearer' });
    expect(server.requests[0]?.headers.authorization).toBe('Bearer fake-bedrock-api-key');
  });

  describe('with AWS_PROFILE naming a profile in ~/.aws', () => {
    let home: ReturnType<typeof makeHome>;
    beforeAll(() => {
      home = makeHome({
        '.aws/credentials': '[nlsh-test]\naws_access_key_id = AKIDPROFILEFAKE\naws_secret_access_key = fake-profile-secret\n',
        '.aws/config': '[profile nlsh-test]\nregion = eu-west-3\n',
      });
    });
    afterAll(() => home.cleanup());
    beforeEach(() => isolateAwsEnv(home.home, { AWS_PROFILE: 'nlsh-test' }));

    it('finds the credentials and the region of the profile, and signs with them', async () => {
      const b = createBedrockBackend({ model, endpoint: server.url, env: process.env });
      expect(await b.checkAvailable(3000)).toEqual({ ok: true });
      server.script({ kind: 'text', text: 'whoami' });
      expect((await b.complete(ask())).text).toBe('whoami');
      expect(server.requests[0]?.signature).toMatchObject({ scheme: 'sigv4', accessKeyId: 'AKIDPROFILEFAKE', region: 'eu-west-3', service: 'bedrock' });
    });

    it('an expired token names the profile in the hint', async () => {
      server.script(awsErrors.expiredToken);
      const err = await failure(createBedrockBackend({ model, endpoint: server.url, env: process.env }).complete(ask()));
      expect(err.kind).toBe('credentials');
      expect(err.hint).toBe('run: aws sso login --profile nlsh-test');
    });

    it('credentials added while nl-sh runs are found by the next check', async () => {
      const late = makeHome();
      try {
        isolateAwsEnv(late.home, { AWS_PROFILE: 'late' });
        const b = createBedrockBackend({ model, region: 'us-east-1', endpoint: server.url, env: process.env });
        expect(await b.checkAvailable(3000)).toMatchObject({ ok: false, reason: 'no AWS credentials found' });
        mkdirSync(join(late.home, '.aws'));
        writeFileSync(join(late.home, '.aws/credentials'), '[late]\naws_access_key_id = AKIDLATEFAKE\naws_secret_access_key = fake-late-secret\n');
        expect(await b.checkAvailable(3000)).toEqual({ ok: true });
        server.script({ kind: 'text', text: 'date' });
        await b.complete(ask());
        expect(server.requests[0]?.signature).toMatchObject({ accessKeyId: 'AKIDLATEFAKE' });
      } finally {
        late.cleanup();
      }
    });

    it('a profile with no credentials says what to run', async () => {
      const b = createBedrockBackend({ model, region: 'us-east-1', endpoint: server.url, profile: 'nowhere', env: process.env });
      const availability = await b.checkAvailable(3000);
      expect(availability).toMatchObject({ ok: false, reason: 'no AWS credentials found' });
      expect(availability.ok === false && availability.hint).toMatch(/aws configure --profile nowhere/);
    });
  });

  it('a cancelled availability check says so instead of rejecting', async () => {
    const controller = new AbortController();
    controller.abort();
    expect(await backend().checkAvailable(2000, controller.signal)).toEqual({ ok: false, reason: 'the availability check was cancelled', hint: 'try again' });
  });
});

describe('the fake Bedrock server as its own process', () => {
  it('serves a scripted stream, logs requests as JSON lines and exits on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nlsh-fake-bedrock-'));
    try {
      const scriptFile = join(dir, 'script.json');
      const logFile = join(dir, 'requests.jsonl');
      writeFileSync(scriptFile, JSON.stringify({ behaviours: [{ kind: 'tool-use', name: 'plan', input: { command: 'pwd' } }], fallback: awsErrors.throttling }));
      const child = spawn(process.execPath, [join(repoRoot, 'test/support/fake-bedrock-server.ts'), '--port', '0', '--script', scriptFile, '--log', logFile], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      try {
        const firstLine = await new Promise<string>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error('the fake server did not start within 10 s')), 10_000);
          createInterface({ input: child.stdout }).once('line', (line) => {
            clearTimeout(timer);
            resolve(line);
          });
        });
        const { url } = JSON.parse(firstLine) as { url: string };
        expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
        const b = backend({ endpoint: url });
        expect(JSON.parse((await b.stream(ask({ schema: planSchema, schemaName: 'plan' }), () => {})).text)).toEqual({ command: 'pwd' });
        expect((await failure(b.complete(ask()))).kind).toBe('http');
      } finally {
        child.kill('SIGTERM');
      }
      expect(await exited).toBe(0);
      const logged = readFileSync(logFile, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as RecordedRequest);
      expect(logged.map((r) => [r.operation, r.behaviour, r.signature.scheme])).toEqual([
        ['converse-stream', 'tool-use', 'sigv4'],
        ['converse', 'error', 'sigv4'],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('Bedrock backend: start-up cost', () => {
  // bedrock.ts (with its errors and wire modules) and model-backend.ts are compiled as the build would, into a temporary tree that
  // shares node_modules; a fresh Node process records every module it loads (module.registerHooks
  // sees both import and require), imports bedrock.js, then uses the backend once as a control.
  const probe = `
    import { registerHooks } from 'node:module';
    const loaded = [];
    registerHooks({ load(url, context, next) { loaded.push(url); return next(url, context); } });
    const sdk = () => loaded.filter((u) => u.includes('/node_modules/@aws-sdk/') || u.includes('/node_modules/@smithy/'));
    let t = performance.now();
    const { createBedrockBackend } = await import(process.env.PROBE_MODULE);
    const importMs = performance.now() - t;
    const afterImport = sdk();
    const b = createBedrockBackend({ model: 'm', region: 'us-east-1', endpoint: 'http://127.0.0.1:9', credentials: { accessKeyId: 'AKIDFAKE', secretAccessKey: 'fake' } });
    const afterCreate = sdk();
    t = performance.now();
    const availability = await b.checkAvailable(10000);
    const firstUseMs = performance.now() - t;
    console.log(JSON.stringify({ importMs, afterImport, afterCreate, availability, firstUseMs, afterUse: sdk().length }));
  `;
  let tree: string;
  beforeAll(async () => {
    const { default: ts } = await import('typescript');
    tree = mkdtempSync(join(tmpdir(), 'nlsh-bedrock-probe-'));
    symlinkSync(join(repoRoot, 'node_modules'), join(tree, 'node_modules'));
    writeFileSync(join(tree, 'package.json'), '{ "type": "module" }');
    for (const rel of ['src/planner/model-backend.ts', 'src/planner/backends/bedrock.ts', 'src/planner/backends/bedrock-errors.ts', 'src/planner/backends/bedrock-wire.ts']) {
      const compiled = ts.transpileModule(readFileSync(join(repoRoot, rel), 'utf8'), {
        compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2023, verbatimModuleSyntax: true },
      });
      mkdirSync(join(tree, dirname(rel)), { recursive: true });
      writeFileSync(join(tree, rel.replace(/\.ts$/, '.js')), compiled.outputText);
    }
  });
  afterAll(() => rmSync(tree, { recursive: true, force: true }));

  it('importing bedrock.ts (and creating a backend) loads no AWS SDK module; first use does', async () => {
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile(
        process.execPath,
        ['--input-type=module', '-e', probe],
        { cwd: tree, env: { ...process.env, PROBE_MODULE: pathToFileURL(join(tree, 'src/planner/backends/bedrock.js')).href }, timeout: 20_000 },
        (err, out, errOut) => (err ? reject(new Error(`${err.message}\n${errOut}`)) : resolve(out)),
      );
    });
    const result = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as {
      importMs: number;
      afterImport: string[];
      afterCreate: string[];
      availability: unknown;
      firstUseMs: number;
      afterUse: number;
    };
    console.log(`bedrock.js import ${result.importMs.toFixed(1)} ms; first use (SDK load + client) ${result.firstUseMs.toFixed(1)} ms, ${result.afterUse} SDK modules`);
    expect(result.afterImport).toEqual([]);
    expect(result.afterCreate).toEqual([]);
    expect(result.availability).toEqual({ ok: true });
    expect(result.afterUse).toBeGreaterThan(10);
    expect(result.importMs * 4).toBeLessThan(result.firstUseMs);
  });
});
