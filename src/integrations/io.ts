// The real I/O behind IntegrationCtx: PATH lookups, capped reads of regular files, and read-only program
// runs (async, no shell, with a timeout, an output cap and the budget's abort signal).

import { access, constants, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { readFileSafe } from '../read-file.js';
import { runBounded, type BoundedRun } from '../run-bounded.js';
import { isGit, runGit } from '../run-git.js';
import type { IntegrationCtx, RunResult } from './contract.js';

const maxFileBytes = 64 * 1024;
const maxOutputBytes = 256 * 1024;

// Regular files only (a FIFO in a repository, `.git/HEAD`, would hold one of libuv's four threads
// for good): the first 64 KiB, or nothing.
const readCapped = async (path: string): Promise<string | undefined> => {
  const read = await readFileSafe(path, { maxBytes: maxFileBytes, overCap: 'head' });
  return read.ok ? read.value : undefined;
};

type RunOpts = { timeoutMs: number; signal?: AbortSignal };
const result = (r: BoundedRun): RunResult => ({ ok: r.status === 0 && !r.capped, stdout: r.stdout });

function runProgram(argv: readonly string[], env: Readonly<Record<string, string | undefined>>, cwd: string, opts: RunOpts): Promise<RunResult> {
  return runBounded(argv, { cwd, env: { ...env, GIT_OPTIONAL_LOCKS: '0' }, timeoutMs: Math.ceil(opts.timeoutMs), maxBytes: maxOutputBytes, signal: opts.signal }).then(result);
}

/** The real context for `cwd` and `env` (PATH, HOME and tool variables are read from `env`). */
export function createIntegrationCtx(cwd: string, env: Readonly<Record<string, string | undefined>>): IntegrationCtx {
  const runGitHere = (args: readonly string[], opts: RunOpts): Promise<RunResult> => runGit(args, { cwd, env, timeoutMs: Math.ceil(opts.timeoutMs), maxBytes: maxOutputBytes, signal: opts.signal }).then(result);
  const path = (env.PATH ?? '').split(':').filter((d) => d.startsWith('/'));
  return {
    cwd,
    env,
    async which(program) {
      const found = await Promise.all(
        path.map((dir) =>
          access(join(dir, program), constants.X_OK).then(
            () => join(dir, program),
            () => undefined,
          ),
        ),
      );
      return found.find((p) => p !== undefined);
    },
    // git given to `run` is still hardened: only runGit may run it.
    run: (argv, opts) => (isGit(argv[0]) ? runGitHere(argv.slice(1), opts) : runProgram(argv, env, cwd, opts)),
    runGit: runGitHere,
    readFile: readCapped,
    exists: (p) => stat(p).then(
      () => true,
      () => false,
    ),
  };
}
