// The only owner of node-pty. It spawns bash in a pty and turns the races at child exit
// (EIO on read, EBADF/ESRCH on resize, write or kill after exit) into one exit event: they
// never reach a global error handler. Data is passed as Buffers (no UTF-8 decoding on the hot
// path; non-UTF-8 bytes arrive intact).

import { spawn, type IPty } from '@lydell/node-pty';

/** How bash ended. */
export interface PtyExit {
  exitCode: number;
  signal: number | undefined;
}

/** What the session needs from a running pty. */
export interface PtyHost {
  readonly pid: number;
  write(data: Buffer | string): void;
  resize(cols: number, rows: number): void;
  kill(signal?: NodeJS.Signals): void;
  pause(): void;
  resume(): void;
  onData(listener: (data: Buffer) => void): void;
  onExit(listener: (exit: PtyExit) => void): void;
}

/** Options for spawning the hosted program. */
export interface PtySpawnOptions {
  file: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
  cols: number;
  rows: number;
  name: string;
}

/** Spawn a program in a new pty. */
export function spawnInPty(opts: PtySpawnOptions): PtyHost {
  const pty: IPty = spawn(opts.file, opts.args, {
    name: opts.name,
    cols: opts.cols,
    rows: opts.rows,
    cwd: opts.cwd,
    env: opts.env,
    encoding: null,
  });
  let exited = false;
  const guard = (fn: () => void): void => {
    if (exited) return;
    try {
      fn();
    } catch {
      // The child exited between our check and the call (EBADF/ESRCH/EIO): the exit event follows.
    }
  };
  pty.onExit(() => {
    exited = true;
  });
  return {
    pid: pty.pid,
    write: (data) => guard(() => pty.write(data as string)),
    resize: (cols, rows) => guard(() => pty.resize(Math.max(1, cols), Math.max(1, rows))),
    kill: (signal) => guard(() => pty.kill(signal)),
    pause: () => guard(() => pty.pause()),
    resume: () => guard(() => pty.resume()),
    onData: (listener) => {
      pty.onData((d) => listener(d as unknown as Buffer));
    },
    onExit: (listener) => {
      pty.onExit((e) => listener({ exitCode: e.exitCode, signal: e.signal || undefined }));
    },
  };
}
