// Test support: nl-sh run to completion as a command (`--suggest`, `--ask`...), its output
// collected; killed after `timeoutMs` so a hang fails the test instead of stalling the suite.

import { spawn } from 'node:child_process';
import { nlshBin } from './fixtures.js';

/** What a finished run printed, and how it ended. */
export interface NlshRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Run nl-sh with `args` in `cwd` with exactly `env`. */
export function runNlsh(args: string[], opts: { cwd: string; env: Record<string, string>; timeoutMs?: number }): Promise<NlshRun> {
  return new Promise((resolve) => {
    const child = spawn(nlshBin, args, { cwd: opts.cwd, env: opts.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 30_000);
    child.on('close', (status) => (clearTimeout(timer), resolve({ status, stdout, stderr })));
  });
}
