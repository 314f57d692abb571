// Starts the per-user model server (`nl-sh-model`) for the embedded backend: detached in its own
// session, its output to the log beside the socket, not waited for. It runs on the same Node as
// the shell, without the shell's V8 flags (they tune a small interactive process, not a model).
// Lint allows node:child_process here: the server outlives the session by design, which
// run-bounded (time limit, own process group killed at the end) is made to prevent.

import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runtimeBases } from './runtime-paths.js';
import { MODEL_LOG_NAME, MODEL_SOCKET_NAME } from './model-wire.js';
import { isPrivateDir } from './private-dir.js';

/** The server's entry script, beside this file in dist/. */
export const MODEL_SERVER_SCRIPT = fileURLToPath(new URL('./model-server/main.js', import.meta.url));

/** The socket of this user's model server: in the first runtime base that is (or can be made) private. */
export function modelSocketPath(env: Readonly<Record<string, string | undefined>>, uid: number, tmp: string): string | undefined {
  for (const base of runtimeBases(env, uid, tmp)) {
    try {
      mkdirSync(base, { mode: 0o700 });
    } catch {
      // It exists (checked next) or cannot be made.
    }
    if (isPrivateDir(base)) return join(base, MODEL_SOCKET_NAME);
  }
  return undefined;
}

/** How to start the server. */
export interface ServerStart {
  socketPath: string;
  idleSeconds: number;
  /** More server arguments (`--context-tokens N`, `--threads N`). */
  extraArgs?: readonly string[];
  /** The Node to run it on (default this process's). */
  execPath?: string;
  /** The server's entry script (default MODEL_SERVER_SCRIPT; tests running from src/ name dist's). */
  script?: string;
  env?: NodeJS.ProcessEnv;
}

/** Start the server and return without waiting; throws only when it cannot be spawned at all. */
export function startModelServer(opts: ServerStart): number | undefined {
  const logPath = join(opts.socketPath, '..', MODEL_LOG_NAME);
  const log = openSync(logPath, 'a', 0o600);
  try {
    const { NODE_OPTIONS: _ignored, ...env } = opts.env ?? process.env;
    const child = spawn(opts.execPath ?? process.execPath, [opts.script ?? MODEL_SERVER_SCRIPT, '--socket', opts.socketPath, '--idle-seconds', String(opts.idleSeconds), ...(opts.extraArgs ?? [])], {
      detached: true,
      stdio: ['ignore', log, log],
      env,
      cwd: '/',
    });
    child.on('error', () => undefined);
    child.unref();
    return child.pid;
  } finally {
    closeSync(log);
  }
}
