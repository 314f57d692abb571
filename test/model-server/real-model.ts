// Test support: the real test model and a model server of the test's own (a private socket
// directory, the bundled Node 24, dist's server script). The model is NLSH_TEST_MODEL, else the
// last line of scripts/test-model.sh; without it the tests skip locally and fail in CI.

import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { availableOrFailInCi } from '../support/require-in-ci.js';
import { testModelPath } from '../support/test-model.js';
import { createEmbeddedBackend } from '../../src/planner/backends/embedded.js';
import { startModelServer } from '../../src/model-server-start.js';
import { askServerInfo } from '../../src/model-server-info.js';
import { encodeLine, LineSplitter, parseReply, type ServerInfo } from '../../src/model-wire.js';
import type { ModelBackend, ModelRequest } from '../../src/planner/model-backend.js';

const repo = join(import.meta.dirname, '..', '..');
/** The Node the shell and the server run on. */
export const bundledNode = join(repo, 'node_modules', 'node', 'bin', 'node');
/** The built server (run `npx tsc -p tsconfig.build.json` first). */
export const serverScript = join(repo, 'dist', 'model-server', 'main.js');

function findTestModel(): string | undefined {
  try {
    return testModelPath();
  } catch {
    return undefined;
  }
}

/** The test model's path, or '' when the suite should skip (throws in CI). */
export function testModel(): string {
  const path = findTestModel();
  const ok = path !== undefined && existsSync(path) && existsSync(serverScript) && existsSync(bundledNode);
  return availableOrFailInCi(ok, 'the real test model (NLSH_TEST_MODEL or scripts/test-model.sh) and a built dist/') ? (path as string) : '';
}

/** Whether process `pid` still exists. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A private socket directory for one test's server, and its cleanup. */
export function serverPlace(): { dir: string; socket: string; log: () => string; cleanup: () => Promise<void> } {
  const dir = mkdtempSync(join(tmpdir(), 'nlsh-model-test-'));
  const socket = join(dir, 'model.sock');
  return {
    dir,
    socket,
    log: () => (existsSync(join(dir, 'model.log')) ? readFileSync(join(dir, 'model.log'), 'utf8') : ''),
    cleanup: async () => {
      const info = await serverInfo(socket).catch(() => undefined);
      if (info) {
        process.kill(info.pid, 'SIGTERM');
        for (let i = 0; i < 60 && isAlive(info.pid); i += 1) await new Promise((r) => setTimeout(r, 50));
      }
      rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
    },
  };
}

/** Server arguments that keep the tests small on a 2-core machine. */
export const smallServer = ['--context-tokens', '1024', '--threads', '1'];

/** An embedded backend on the test's own socket. */
export function testBackend(model: string, socket: string, idleSeconds = 60): ModelBackend {
  return createEmbeddedBackend({
    model,
    env: {},
    idleSeconds,
    socketPath: socket,
    serverArgs: smallServer,
    start: (o) => startModelServer({ ...o, execPath: bundledNode, script: serverScript }),
  });
}

/** Ask the server on `socket` for its info line (the doctor's client); rejects when nothing answers. */
export async function serverInfo(socket: string): Promise<ServerInfo> {
  const info = await askServerInfo(socket, 5000);
  if (!info) throw new Error(`no model server answers on ${socket}`);
  return info;
}

/** A short structured request. */
export const planSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['command', 'explanation', 'confidence'],
  properties: { command: { type: 'string', maxLength: 200 }, explanation: { type: 'string', maxLength: 300 }, confidence: { type: 'number', minimum: 0, maximum: 1 } },
};

/** A request as the planner would make it, small. */
export function ask(words: string, extra: Partial<ModelRequest> = {}): ModelRequest {
  return {
    system: 'You turn a request into one bash command. Answer with JSON: command, explanation, confidence.',
    messages: [{ role: 'user', content: words }],
    schema: planSchema,
    maxTokens: 60,
    temperature: 0,
    timeoutMs: 120_000,
    ...extra,
  };
}

/** The server's own account of one generate request (usage, timing), over a raw connection. */
export interface RawDone {
  text: string;
  pieces: number;
  usage: { inputTokens: number; outputTokens: number; evaluatedTokens: number; firstPieceMs: number; totalMs: number };
}

/** Send one generate request on a raw connection; resolves with the done line. */
export function rawGenerate(socket: string, model: string, request: ModelRequest, onConnection?: (close: () => void) => void): Promise<RawDone> {
  return new Promise((resolve, reject) => {
    const conn = connect(socket);
    const lines = new LineSplitter();
    let pieces = 0;
    conn.setEncoding('utf8');
    conn.once('error', reject);
    conn.on('connect', () => {
      onConnection?.(() => conn.destroy());
      conn.write(encodeLine({ op: 'generate', model, system: request.system, messages: request.messages, ...(request.schema ? { schema: request.schema } : {}), maxTokens: request.maxTokens, temperature: request.temperature, stream: true }));
    });
    conn.on('close', () => reject(new Error('closed without an answer')));
    conn.on('data', (chunk: string) => {
      for (const line of lines.push(chunk)) {
        const reply = parseReply(line);
        if (reply?.type === 'piece') pieces += 1;
        else if (reply?.type === 'done') resolve({ text: reply.text, pieces, usage: reply.usage });
        else reject(new Error(`unexpected reply ${line}`));
      }
    });
  });
}
