// Test support for nl-sh-confine: the built helper, the users to run as (root, and the
// unprivileged user NLSH_TEST_USER names), and an async runner that leaves the event loop free
// for the listeners a test starts.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The helper as setup builds it. */
export const confinePath = fileURLToPath(new URL('../../bin/nl-sh-confine', import.meta.url));

/** Who a sandbox runs as: argv prefix, env and ids. */
export interface TestUser {
  who: string;
  uid: number;
  gid: number;
  prefix: string[];
  env: Record<string, string>;
}

/** Root (the test process itself) plus NLSH_TEST_USER when it names a user and we are root. */
export function testUsers(): TestUser[] {
  const base = { PATH: process.env.PATH ?? '/usr/bin:/bin' };
  const users: TestUser[] = [{ who: 'root', uid: process.getuid?.() ?? 0, gid: process.getgid?.() ?? 0, prefix: [], env: base }];
  const name = process.env.NLSH_TEST_USER;
  if (!name || process.getuid?.() !== 0) return users;
  const id = (flag: string): number => Number(spawnSync('id', [flag, name], { encoding: 'utf8' }).stdout.trim());
  const uid = id('-u');
  const gid = id('-g');
  if (!Number.isInteger(uid) || uid <= 0) throw new Error(`NLSH_TEST_USER=${name} is not a user`);
  const env = { ...base, XDG_RUNTIME_DIR: `/run/user/${uid}` };
  users.push({ who: name, uid, gid, prefix: ['setpriv', `--reuid=${name}`, `--regid=${name}`, '--init-groups', 'env', `XDG_RUNTIME_DIR=/run/user/${uid}`], env });
  return users;
}

/** Whether bwrap and the built helper are here. */
export function confineReady(): boolean {
  return existsSync(confinePath) && spawnSync('bwrap', ['--version']).status === 0;
}

/** Result of a bounded run. */
export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Run argv to completion (killed after `timeoutMs`), without blocking the event loop. */
export function run(argv: string[], options: { cwd?: string; env?: Record<string, string>; timeoutMs?: number } = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(argv[0] ?? '', argv.slice(1), { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 15_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

/** Start a long-lived process for a test; the caller kills it. */
export function startProcess(argv: string[], options: { cwd?: string; env?: Record<string, string> } = {}): ChildProcess {
  return spawn(argv[0] ?? '', argv.slice(1), { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'inherit'] });
}

/** Resolve with the first stdout line of a process started with `startProcess`. */
export function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let buf = '';
    child.stdout?.on('data', (d: Buffer) => {
      buf += d.toString();
      const nl = buf.indexOf('\n');
      if (nl >= 0) resolve(buf.slice(0, nl));
    });
    child.on('exit', () => reject(new Error(`process exited before printing a line: ${buf}`)));
  });
}
