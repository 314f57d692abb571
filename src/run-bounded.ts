// The one way nl-sh runs a helper program (`--help`, `git status`, `docker ps`, a plugin's vetted
// argv, the doctor's probes, bash for its facts, the dry run, logger, stty): no shell, no stdin
// unless given, its own process group (so a script's children die with it), a time limit, an
// output cap and an abort signal. Never throws. Lint keeps node:child_process to this file.

import { spawn, spawnSync } from 'node:child_process';

/** How one bounded run ended. `status` is null when it did not start or was killed. */
export interface BoundedRun {
  status: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  /** Output went past `maxBytes`: what is kept is its first `maxBytes` bytes. */
  capped: boolean;
  /** Why it did not start (e.g. "spawn logger ENOENT"), when it did not. */
  error?: string;
}

/** Limits and surroundings for one run. */
export interface BoundedRunOptions {
  timeoutMs: number;
  /** Bytes of stdout and stderr together that are kept (each, with `capEach`). */
  maxBytes: number;
  capEach?: boolean;
  /** 'kill' (default) stops the program at the cap; 'discard' lets it finish and drops the rest. */
  onCap?: 'kill' | 'discard';
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  signal?: AbortSignal;
  /** Standard input: this text on a pipe, or an fd of ours (a terminal for stty); else none. */
  stdin?: { text: string } | { fd: number };
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
    const sizes = { out: 0, err: 0 };
    let timedOut = false;
    let capped = false;
    let settled = false;
    const finish = (status: number | null, error?: string): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      resolve({ status, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), timedOut, capped, ...(error !== undefined ? { error } : {}) });
    };
    const stdin = opts.stdin === undefined ? 'ignore' : 'fd' in opts.stdin ? opts.stdin.fd : 'pipe';
    let child: ReturnType<typeof spawn>;
    try {
      child = spawn(file, args, { cwd: opts.cwd, env: opts.env, stdio: [stdin, 'pipe', 'pipe'], detached: true, windowsHide: true });
    } catch (e) {
      return resolve({ ...failed, error: e instanceof Error ? e.message : String(e) });
    }
    if (opts.stdin !== undefined && 'text' in opts.stdin) {
      child.stdin?.on('error', () => undefined);
      child.stdin?.end(opts.stdin.text);
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
    const collect = (into: Buffer[], stream: 'out' | 'err') => (chunk: Buffer): void => {
      const used = opts.capEach ? sizes[stream] : sizes.out + sizes.err;
      const room = opts.maxBytes - used;
      if (room > 0) into.push(chunk.length > room ? chunk.subarray(0, room) : chunk);
      sizes[stream] += chunk.length;
      if (used + chunk.length > opts.maxBytes && !capped) {
        capped = true;
        if ((opts.onCap ?? 'kill') === 'kill') kill();
      }
    };
    child.stdout?.on('data', collect(out, 'out'));
    child.stderr?.on('data', collect(err, 'err'));
    child.on('error', (e) => finish(null, e.message));
    child.on('close', (code, signal) => finish(signal ? null : code));
  });
}

/**
 * The synchronous twin, for probes that must finish before anything else runs (the sandbox's
 * capabilities at start-up): no shell, no stdin, a time limit and an output cap. Node's spawnSync
 * cannot start a process group, so the limit reaches the program itself, not its children.
 */
export function runBoundedSync(argv: readonly string[], opts: Pick<BoundedRunOptions, 'timeoutMs' | 'maxBytes' | 'cwd' | 'env'>): BoundedRun {
  const [file, ...args] = argv;
  const failed: BoundedRun = { status: null, stdout: '', stderr: '', timedOut: false, capped: false };
  if (!file || opts.timeoutMs <= 0) return failed;
  const r = spawnSync(file, args, { cwd: opts.cwd, env: opts.env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: opts.timeoutMs, killSignal: 'SIGKILL', maxBuffer: opts.maxBytes, windowsHide: true });
  const code = (r.error as NodeJS.ErrnoException | undefined)?.code;
  return {
    status: r.error || r.signal ? null : r.status,
    stdout: r.stdout ?? '',
    stderr: r.stderr ?? '',
    timedOut: code === 'ETIMEDOUT',
    capped: code === 'ENOBUFS',
    ...(r.error && code !== 'ETIMEDOUT' && code !== 'ENOBUFS' ? { error: r.error.message } : {}),
  };
}
