// Test support: nl-sh as a Debian user runs it. In CI that is the unprivileged NLSH_TEST_USER
// made by .ci/make-test-user (stock /etc/skel home, bash-completion, /run/user/UID); on a
// developer's machine, the current user with a copy of /etc/skel (said once, never skipped).
// Keys are typed into a real pty; waits only look at output produced after a mark.

import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { nlshBin } from './fixtures.js';
import { startInPty, type PtyDriver } from './pty-driver.js';

/** The account the stock-user tests run as. */
export interface StockUser {
  name: string;
  uid: number;
  gid: number;
  /** Its real home (per-test homes are made inside it). */
  home: string;
  /** /run/user/UID as pam_systemd makes it (or a private stand-in on a developer's machine). */
  runtimeDir: string;
  /** True when the tests run as another account than their own. */
  switched: boolean;
}

/** The user from NLSH_TEST_USER; in CI its absence is an error, elsewhere the current user. */
export function stockUser(env: NodeJS.ProcessEnv = process.env): StockUser {
  const name = env.NLSH_TEST_USER;
  if (name) {
    const [, , uid, gid, , home] = execFileSync('getent', ['passwd', name], { encoding: 'utf8' }).trim().split(':');
    const runtimeDir = `/run/user/${uid}`;
    if (!existsSync(runtimeDir)) throw new Error(`${runtimeDir} is missing: run .ci/make-test-user ${name} as root`);
    return { name, uid: Number(uid), gid: Number(gid), home: home ?? '', runtimeDir, switched: true };
  }
  if (env.CI === 'true') throw new Error('NLSH_TEST_USER is not set: CI must run .ci/make-test-user and export it (see .ci/run)');
  const me = userInfo();
  console.warn(`NLSH_TEST_USER is not set: the stock-user tests run as ${me.username} with a copy of /etc/skel`);
  const own = `/run/user/${me.uid}`;
  return { name: me.username, uid: me.uid, gid: me.gid, home: tmpdir(), runtimeDir: existsSync(own) ? own : '', switched: false };
}

/** A fresh home made from /etc/skel (as useradd -m makes one), owned by `user`, with `files` added
 *  (appended where skel has the file, as a user adds a function to the stock .bashrc). */
export function makeStockHome(user: StockUser, files: Record<string, string> = {}): { home: string; cleanup: () => void } {
  const home = mkdtempSync(join(user.home, 'nlsh-test-'));
  cpSync('/etc/skel', home, { recursive: true });
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(dirname(join(home, rel)), { recursive: true });
    writeFileSync(join(home, rel), content, { flag: 'a' });
  }
  if (!user.runtimeDir) mkdirSync(join(home, '.run'), { mode: 0o700 });
  if (user.switched) execFileSync('chown', ['-R', `${user.uid}:${user.gid}`, home]);
  chmodSync(home, 0o700);
  return { home, cleanup: () => rmSync(home, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 }) };
}

/** The environment a login gives `user` (Debian's login.defs PATH), with `home` as HOME. */
export function loginEnv(user: StockUser, home: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    HOME: home,
    USER: user.name,
    LOGNAME: user.name,
    SHELL: '/bin/bash',
    PATH: '/usr/local/bin:/usr/bin:/bin:/usr/games',
    TERM: 'xterm-256color',
    LANG: 'C.UTF-8',
    XDG_RUNTIME_DIR: user.runtimeDir || join(home, '.run'),
    // Never a developer's real model server or cloud account.
    OLLAMA_HOST: '127.0.0.1:47',
    AWS_EC2_METADATA_DISABLED: 'true',
    ...extra,
  };
}

/** `argv` as `user` with its login environment: setpriv execs straight into the program (no PAM
 *  session, no extra process or tty); as the current user, `argv` itself. */
export function asUser(user: StockUser, env: Record<string, string>, argv: string[]): [string, string[]] {
  const pairs = Object.entries(env).map(([k, v]) => `${k}=${v}`);
  const [file = nlshBin, ...args] = user.switched ? ['setpriv', `--reuid=${user.uid}`, `--regid=${user.gid}`, '--init-groups', 'env', '-i', ...pairs, ...argv] : argv;
  return [file, args];
}

/** Run `argv` as `user` in `home` without a terminal (stdin empty); its status and output. */
export function runAsStockUser(user: StockUser, home: string, argv: string[], extraEnv: Record<string, string> = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const env = loginEnv(user, home, extraEnv);
  const [file, args] = asUser(user, env, argv);
  return new Promise((resolve) => {
    const child = spawn(file, args, { cwd: home, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** A program's output with terminal controls removed: what a person reads, line by line. */
export function plainText(bytes: Buffer): string {
  return (
    bytes
      .toString('utf8')
      // OSC (title, cwd, prompt marks) up to BEL or ST; then CSI; then two-byte escapes.
      .replace(/\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)/g, '')
      .replace(/\x1b\[[0-?]*[ -/]*[@-~]/g, '')
      .replace(/\x1b[()][0-9A-Za-z]|\x1b[=>78M]/g, '')
      .replace(/[\x07\b]|\r(?!\n)/g, '')
      .replace(/\r\n/g, '\n')
  );
}

/** nl-sh in a pty as the stock user. */
export interface StockShell {
  driver: PtyDriver;
  /** A mark: only output after it counts for `waitAfter`. */
  mark(): number;
  /** Type keys as a person does (one write per call). */
  type(keys: string): void;
  /** Wait for `pattern` in the plain text written after `mark`; returns that text. */
  waitAfter(mark: number, pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** The plain text written after `mark`. */
  since(mark: number): string;
  /** The prompt the stock bashrc draws for this user in HOME. */
  prompt: RegExp;
  kill(): void;
}

/** Start `argv` (default: the nl-sh launcher) as `user` in `home`, and wait for its first prompt. */
export async function startAsStockUser(user: StockUser, home: string, opts: { argv?: string[]; env?: Record<string, string>; cols?: number } = {}): Promise<StockShell> {
  const env = loginEnv(user, home, opts.env);
  const [file, args] = asUser(user, env, opts.argv ?? [nlshBin]);
  const driver = startInPty(file, args, { env, cwd: home, cols: opts.cols ?? 160, rows: 40 });
  const since = (mark: number): string => plainText(driver.raw().subarray(mark));
  const shell: StockShell = {
    driver,
    mark: () => driver.raw().length,
    type: (keys) => driver.type(keys),
    since,
    async waitAfter(mark, pattern, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const text = since(mark);
        if (pattern.test(text)) return text;
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(pattern)}; output after the mark was:\n${text}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    prompt: new RegExp(`${user.name}@[^:\\s]+:~[$#] $`),
    kill: () => driver.kill(),
  };
  try {
    await shell.waitAfter(0, shell.prompt);
  } catch (err) {
    driver.kill();
    throw err;
  }
  return shell;
}
