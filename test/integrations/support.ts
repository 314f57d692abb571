// Test support for integrations: temp directories, stub programs on a private PATH (a shell
// script printing fixture output), and a real IntegrationCtx over them.

import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createIntegrationCtx, type IntegrationCtx } from '../../src/integrations/index.js';

/** A temp directory removed by the returned cleanup. */
export function tempDir(prefix: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `nlsh-int-${prefix}-`));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Write files (relative paths, parents made) under `root`. */
export function writeFiles(root: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
}

/** A bin directory with stub programs: each prints `stdout` and exits with `status`. */
export function stubBin(root: string, programs: Record<string, { stdout?: string; status?: number }>): string {
  const bin = join(root, 'bin');
  mkdirSync(bin, { recursive: true });
  for (const [name, { stdout = '', status = 0 }] of Object.entries(programs)) {
    const file = join(bin, name);
    writeFileSync(file, `#!/bin/sh\nprintf '%s' '${stdout.replaceAll("'", "'\\''")}'\nexit ${status}\n`);
    chmodSync(file, 0o755);
  }
  return bin;
}

/** A real context whose reads of the given absolute paths see fixture text instead (e.g. /etc/debian_version). */
export function ctxWith(cwd: string, env: Record<string, string | undefined>, overrides: Record<string, string | undefined> = {}): IntegrationCtx {
  const real = createIntegrationCtx(cwd, env);
  return {
    ...real,
    readFile: (p) => (p in overrides ? Promise.resolve(overrides[p]) : real.readFile(p)),
    exists: (p) => (p in overrides ? Promise.resolve(overrides[p] !== undefined) : real.exists(p)),
  };
}

/** Whether git runs here. */
export function gitAvailable(): boolean {
  try {
    execFileSync('git', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Run git in `dir` with a fixed identity and no user config. */
export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-C', dir, ...args], {
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@x', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@x', GIT_EDITOR: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** A budget that will not run out in a test. */
export function roomyBudget(): { deadline: number; signal: AbortSignal } {
  return { deadline: performance.now() + 5000, signal: new AbortController().signal };
}
