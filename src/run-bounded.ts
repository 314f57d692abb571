// The one way nl-sh runs a helper program for facts (`--help`, `git status`, `docker ps`, a
// plugin's vetted argv, the doctor's probes): no shell, no stdin, its own process group (so a
// script's children die with it), a time limit, an output cap and an abort signal. Never throws.

import { spawn } from 'node:child_process';

/** How one bounded run ended. `status` is null when it did not start or was killed. */
export interface BoundedRun {
  status: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  /** Output went past `maxBytes`: what is kept is its first `maxBytes` bytes. */
  capped: boolean;
}

/** Limits and surroundings for one run. */
export interface BoundedRunOptions {
  timeoutMs: number;
  /** Bytes of stdout and stderr together that are kept. */
  maxBytes: number;
  /** 'kill' (default) stops the program at the cap; 'discard' lets it finish and drops the rest. */
  onCap?: 'kill' | 'discard';
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  signal?: AbortSignal;
}

// After a kill, the pipes close when the group is gone; this long at most.
const closeGraceMs = 200;

/** Run `argv` within the limits; resolves when it ends or is stopped. */
export function runBounded(argv: readonly string[], opts: BoundedRunOptions): Promise<BoundedRun> {
  const [file, ...args] = argv;
  const failed: BoundedRun = { status: null, stdout: '', stderr: '', timedOut: false, capped: false };
  if (!file || opts.timeoutMs <= 0 || opts.signal?.aborted) return Promise.resolve(failed);
  return new Promise((resolve) => {
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let size = 0;
    let timedOut = false;
    let capped = false;
    let settled = false;
    const finish = (status: number | null): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      resolve({ status, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), timedOut, capped });
    };
    let child: ReturnType<typeof spawn>;
    try {
      child = spawn(file, args, { cwd: opts.cwd, env: opts.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true, windowsHide: true });
    } catch {
      return resolve(failed);
    }
    const kill = (): void => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
      setTimeout(() => finish(null), closeGraceMs).unref();
    };
    const onAbort = (): void => kill();
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(() => {
      timedOut = true;
      kill();
    }, opts.timeoutMs);
    const collect = (into: Buffer[]) => (chunk: Buffer): void => {
      const room = opts.maxBytes - size;
      if (room > 0) into.push(chunk.length > room ? chunk.subarray(0, room) : chunk);
      size += chunk.length;
      if (size > opts.maxBytes && !capped) {
        capped = true;
        if ((opts.onCap ?? 'kill') === 'kill') kill();
      }
    };
    child.stdout?.on('data', collect(out));
    child.stderr?.on('data', collect(err));
    child.on('error', () => finish(null));
    child.on('close', (code, signal) => finish(signal ? null : code));
  });
}
