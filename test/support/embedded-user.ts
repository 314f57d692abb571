// Test support: nl-sh with the real embedded model, as the stock user. One private runtime
// directory per test file holds the model server's socket (so the file's tests share one server
// and one model load, and no other session's server answers); homes are made per test with an
// embedded tier first. NLSH_E2E_RECORD names a recording the plan requests are written to.

import { spawn } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isAlive, serverInfo } from '../model-server/real-model.js';
import { asUser, loginEnv, type StockUser } from './stock-user.js';
import { nlshBin } from './fixtures.js';

/** The embedded tier's config text (`model` a GGUF path), with a generous time limit and no confidence floor. */
export function embeddedTierToml(model: string, name = 'embedded'): string {
  return `model_idle_seconds = 300\n\n[[tiers]]\nname = "${name}"\nbackend = "embedded"\nmodel = ${JSON.stringify(model)}\ntimeout_ms = 180000\nmin_confidence = 0\n`;
}

/** A runtime directory of the test file's own, owned by `user`, and its cleanup (which stops the server in it). */
export function ownRuntimeDir(user: StockUser): { dir: string; socket: string; cleanup: () => Promise<void> } {
  const dir = mkdtempSync(join(user.home, 'nlsh-run-'));
  if (user.switched) chownSync(dir, user.uid, user.gid);
  const socket = join(dir, 'nl-sh', 'model.sock');
  return {
    dir,
    socket,
    cleanup: async () => {
      const info = await serverInfo(socket).catch(() => undefined);
      if (info) process.kill(info.pid, 'SIGTERM');
      // Wait for it to exit: a server still writing its log would keep the directory.
      for (let i = 0; info && i < 100 && isAlive(info.pid); i += 1) await new Promise((r) => setTimeout(r, 50));
      rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
    },
  };
}

/** A directory `user` may write a recording into (inside the test file's runtime dir). */
export function recordingDir(user: StockUser, runtimeDir: string): string {
  const dir = join(runtimeDir, 'record');
  mkdirSync(dir, { mode: 0o700, recursive: true });
  if (user.switched) chownSync(dir, user.uid, user.gid);
  return dir;
}

/** One read from a process's stdout, with when it arrived. */
export interface TimedChunk {
  at: number;
  text: string;
}

/** A running `nl-sh ARGS` as `user`: its stdout reads as they come, and how it ended. */
export interface RunningNlsh {
  chunks: TimedChunk[];
  stderr: () => string;
  /** Resolves when the process has exited. */
  exited: Promise<number | null>;
  /** Send a signal to the process. */
  signal: (sig: NodeJS.Signals) => void;
}

/** Start `nl-sh ...args` as `user` in `home` without a terminal, keeping each stdout read apart. */
export function spawnNlshAsUser(user: StockUser, home: string, args: string[], extraEnv: Record<string, string> = {}): RunningNlsh {
  const env = loginEnv(user, home, extraEnv);
  const [file, argv] = asUser(user, env, [nlshBin, ...args]);
  const child = spawn(file, argv, { cwd: home, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const chunks: TimedChunk[] = [];
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => chunks.push({ at: performance.now(), text: d.toString() }));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return {
    chunks,
    stderr: () => stderr,
    exited: new Promise((resolve) => child.on('close', (status) => resolve(status))),
    signal: (sig) => child.kill(sig),
  };
}

/** Copy a recording to `to` with the test homes under `usersHome` written as /home/user (a
 *  recording in the repository names no path of the machine that made it). */
export function saveRecording(from: string, to: string, usersHome: string): void {
  if (!existsSync(from)) throw new Error(`no recording was made at ${from}`);
  const homes = new RegExp(`${usersHome.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/nlsh-(test|run)-[A-Za-z0-9]+`, 'g');
  writeFileSync(to, readFileSync(from, 'utf8').replace(homes, '/home/user'));
}
