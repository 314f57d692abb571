// The sandbox enforces the verdict (issue 13): each profile, prepared as a session prepares it,
// run for real as root and as the stock unprivileged user (NLSH_TEST_USER, via setpriv), against
// host resources the test sets up for that user: a TCP listener, a unix socket under /tmp, an
// abstract unix socket, a FIFO in the runtime dir, and a process of the user's own whose cwd is a
// world-writable directory. Each attack prints a token only when it gets through.

import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProfile, bundledConfinePath, createNodeProbeIo, prepareCommand, probeCapabilities, type ProfileKind } from '../../../src/sandbox/index.js';
import { canShowHost } from '../../../src/flow/contain.js';
import { availableOrFailInCi } from '../../support/require-in-ci.js';

const caps = probeCapabilities(createNodeProbeIo(process.env), { confinePath: bundledConfinePath() });
const isRoot = process.getuid?.() === 0;
const ready = availableOrFailInCi(caps.bwrap !== undefined && caps.confine !== undefined, 'bubblewrap and nl-sh-confine (npm run setup)');
const testUser = process.env.NLSH_TEST_USER;
if (isRoot && !testUser && process.env.CI === 'true') throw new Error('NLSH_TEST_USER is not set: CI must run .ci/make-test-user (see .ci/run)');
const ids = (name: string): { uid: number; gid: number } => {
  const [, , uid, gid] = execFileSync('getent', ['passwd', name], { encoding: 'utf8' }).split(':');
  return { uid: Number(uid), gid: Number(gid) };
};
const users = [{ who: isRoot ? 'root' : 'me', as: undefined as { uid: number; gid: number } | undefined }, ...(isRoot && testUser ? [{ who: testUser, as: ids(testUser) }] : [])];

interface Host {
  base: string;
  cwd: string;
  runtime: string;
  port: number;
  unixPath: string;
  abstractName: string;
  sleeper: ChildProcess;
  servers: Server[];
}

async function setUpHost(as: { uid: number; gid: number } | undefined): Promise<Host> {
  const base = mkdtempSync(join(tmpdir(), 'nlsh-profile-'));
  chmodSync(base, 0o755);
  const own = (p: string): void => {
    if (as) chownSync(p, as.uid, as.gid);
  };
  const cwd = join(base, 'proj');
  const writableElsewhere = join(base, 'elsewhere');
  const runtime = join(base, 'run');
  const sockDir = join(base, 'sock');
  for (const d of [cwd, writableElsewhere, runtime, sockDir, join(runtime, 'nl-sh'), join(runtime, 'nl-sh', 's1')]) {
    mkdirSync(d, { recursive: true });
    own(d);
  }
  chmodSync(writableElsewhere, 0o777);
  chmodSync(sockDir, 0o777);
  chmodSync(runtime, 0o700);
  execFileSync('mkfifo', ['-m', '600', join(runtime, 'nl-sh', 's1', 'rep')]);
  own(join(runtime, 'nl-sh', 's1', 'rep'));
  // A client that reads part of the answer and goes resets the connection: not an error here.
  const reply = (c: import('node:net').Socket): void => {
    c.on('error', () => undefined);
    c.end('HOST-ANSWERED\n');
  };
  const tcp = createServer(reply);
  await new Promise<void>((r) => tcp.listen(0, '127.0.0.1', () => r()));
  const unixPath = join(sockDir, 's');
  const unix = createServer(reply);
  await new Promise<void>((r) => unix.listen(unixPath, () => r()));
  chmodSync(unixPath, 0o777);
  const abstractName = `nlsh-abstract-${process.pid}-${Date.now()}`;
  const abstract = createServer(reply);
  await new Promise<void>((r) => abstract.listen(`\0${abstractName}`, () => r()));
  const sleeper = spawn('sleep', ['63.5'], { cwd: writableElsewhere, stdio: 'ignore', ...(as ? { uid: as.uid, gid: as.gid } : {}) });
  return { base, cwd, runtime, port: (tcp.address() as { port: number }).port, unixPath, abstractName, sleeper, servers: [tcp, unix, abstract] };
}

function tearDown(h: Host): void {
  h.sleeper.kill('SIGKILL');
  for (const s of h.servers) s.close();
  rmSync(h.base, { recursive: true, force: true });
}

// Node as an unprivileged user can read: the host's own (/usr/bin/node on Debian).
const node = process.execPath;
const connect = (target: string): string => `${node} -e 'const s=require("net").connect(${target});s.on("data",d=>{process.stdout.write("CONNECTED-"+d);process.exit()});s.on("error",()=>process.exit(1))'`;

function attacks(h: Host): string {
  const pid = h.sleeper.pid;
  return [
    'touch in-cwd && echo WROTE-CWD',
    `touch /proc/${pid}/cwd/planted 2>/dev/null && echo WROTE-VIA-PROC-CWD`,
    `cat /proc/${pid}/environ >/dev/null 2>&1 && echo READ-ENVIRON`,
    `kill -0 ${pid} 2>/dev/null && kill ${pid} 2>/dev/null && echo SIGNALLED`,
    `timeout 3 bash -c 'exec 3<>/dev/tcp/127.0.0.1/${h.port} && head -c 13 <&3 && echo' 2>/dev/null | sed 's/^/TCP-/'`,
    `${connect(JSON.stringify(h.unixPath))} 2>/dev/null | sed 's/^/UNIX-/'`,
    `${connect(`"\\0${h.abstractName}"`)} 2>/dev/null | sed 's/^/ABSTRACT-/'`,
    `for f in ${h.runtime}/nl-sh/*/rep; do [ -p "$f" ] && echo x > "$f" && echo WROTE-FIFO; done`,
    'exec 3</dev/tty 2>/dev/null && echo OPENED-TTY',
    'unshare -r true 2>/dev/null && echo UNSHARED',
    'mount -t tmpfs none /mnt 2>/dev/null && echo MOUNTED',
    `ln -s ${h.base}/elsewhere escape 2>/dev/null; touch escape/through-link 2>/dev/null && echo WROTE-THROUGH-LINK`,
    `ss -ltn | grep -c ":${h.port} " | sed 's/^/LISTENERS=/'`,
    `ps -eo args | grep -c "^sleep 63.5" | sed 's/^/SLEEPERS=/'`,
    'echo attacks-done',
  ].join('; ');
}

// Spawned asynchronously: the host's servers live in this process and must keep answering.
async function runIn(kind: ProfileKind, network: boolean, h: Host, as: { uid: number; gid: number } | undefined, command = attacks(h)): Promise<string> {
  const home = join(h.base, 'home');
  const profile = buildProfile({ kind, cwd: h.cwd, home, nlshConfigDir: join(home, '.config', 'nl-sh'), hide: [h.runtime], network, hostView: canShowHost(caps, kind), limits: { memoryBytes: 1 << 30, cpuSeconds: 30, processes: 256 } });
  // The probe ran as root; the user is not privileged root (no pids cgroup of its own: rlimits).
  const prepared = prepareCommand(command, profile, as ? { ...caps, root: false } : caps, { exists: existsSync });
  const argv = as ? ['setpriv', `--reuid=${as.uid}`, `--regid=${as.gid}`, '--clear-groups', ...prepared.argv] : prepared.argv;
  const child = spawn(argv[0] ?? '', argv.slice(1), { cwd: h.cwd, env: { PATH: process.env.PATH ?? '', HOME: home, XDG_RUNTIME_DIR: h.runtime }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  await new Promise((r) => child.on('close', r));
  clearTimeout(timer);
  expect(stdout, stderr).toContain('attacks-done');
  return stdout;
}

const breakouts = /WROTE-VIA-PROC-CWD|READ-ENVIRON|SIGNALLED|CONNECTED|WROTE-FIFO|OPENED-TTY|UNSHARED|MOUNTED|WROTE-THROUGH-LINK/;

describe.runIf(ready).each(users)('the sandbox enforces the verdict, as $who', ({ as }) => {
  let h: Host;
  beforeAll(async () => {
    h = await setUpHost(as);
  });
  afterAll(() => tearDown(h));

  it('read-only: nothing is written, nothing is signalled or connected to, the runtime dir is hidden; the host shows as it is', async () => {
    const out = await runIn('read-only', false, h, as);
    expect(out).not.toMatch(breakouts);
    expect(out).not.toMatch(/WROTE-CWD/);
    expect(existsSync(join(h.cwd, 'in-cwd'))).toBe(false);
    expect(readdirSync(join(h.base, 'elsewhere'))).toEqual([]);
    expect(h.sleeper.exitCode).toBeNull();
    // Where the helper can hold it from inside, the host is visible: its listener, its process.
    if (canShowHost(caps, 'read-only')) expect(out).toMatch(/LISTENERS=1\nSLEEPERS=1/);
  });

  it('writes: the cwd only; the same attacks stay inside; no network without the key', async () => {
    const out = await runIn('writes', false, h, as);
    expect(out).toMatch(/WROTE-CWD/);
    expect(out).not.toMatch(breakouts);
    expect(readdirSync(join(h.base, 'elsewhere'))).toEqual([]);
    expect(h.sleeper.exitCode).toBeNull();
  });

  it('writes with the network key: TCP reaches the host, and nothing else gets out', async () => {
    const out = await runIn('writes', true, h, as);
    expect(out).toMatch(/TCP-HOST-ANSWERED/);
    expect(out).not.toMatch(/UNIX-CONNECTED|ABSTRACT-CONNECTED|WROTE-FIFO|WROTE-VIA-PROC-CWD|SIGNALLED|OPENED-TTY/);
  });

  // Nothing the command starts outlives it: a process left behind keeps the user's terminal
  // (it can read what is typed later and write into it) and, under process control, can signal
  // the user's processes at any later time.
  it.each([['read-only', false], ['writes', false], ['writes', true], ['process-control', false]] as [ProfileKind, boolean][])('%s (network %s): no process outlives the command', async (kind, network) => {
    const mark = `${65 + Math.random()}`.slice(0, 8);
    try {
      // The command ends only once its child runs (seen in whatever /proc the profile shows).
      await runIn(kind, network, h, as, `setsid sleep ${mark} </dev/null >/dev/null 2>&1 & for i in $(seq 200); do pgrep -f '^sleep ${mark}$' >/dev/null && break; sleep 0.01; done; echo attacks-done`);
      const left = spawnSync('pgrep', ['-f', `^sleep ${mark}$`], { encoding: 'utf8' }).stdout.trim();
      expect(left, `a process started in the ${kind} sandbox is still running after it ended`).toBe('');
    } finally {
      spawnSync('pkill', ['-KILL', '-f', `^sleep ${mark}$`]);
    }
  });

  // The helper that reaps the leftovers must be out of the command's reach, or killing it first
  // lets a leftover live on. Process control lets the command signal the user's processes, and
  // the helper is one of them: by $PPID, by the ppid in /proc, by its process group, by kill(0).
  // A run whose kill fails ends normally and its leftover is reaped. kill(-1) is tried with
  // signal 0 only: under root it would reach every process of the machine if the filter broke.
  it.each([
    ['its $PPID', 'kill -9 $PPID'],
    ['the ppid in /proc', "kill -9 $(cut -d' ' -f4 /proc/$$/stat)"],
    ['its process group', "kill -9 -- -$(cut -d' ' -f5 /proc/$PPID/stat)"],
    ['kill(0)', 'kill -9 0'],
  ])('process control: the command cannot kill the helper through %s, so nothing outlives it', async (_how, attack) => {
    const mark = `${65 + Math.random()}`.slice(0, 8);
    try {
      await runIn('process-control', false, h, as, `setsid sleep ${mark} </dev/null >/dev/null 2>&1 & for i in $(seq 200); do pgrep -f '^sleep ${mark}$' >/dev/null && break; sleep 0.01; done; echo attacks-done; ${attack}; sleep 0.2`);
      const left = spawnSync('pgrep', ['-f', `^sleep ${mark}$`], { encoding: 'utf8' }).stdout.trim();
      expect(left, 'a process started in the sandbox outlived it after the command killed the helper').toBe('');
    } finally {
      spawnSync('pkill', ['-KILL', '-f', `^sleep ${mark}$`]);
    }
  });

  it.each([['process-control'], ['read-only']] as [ProfileKind][])('%s: the command reaches neither every process (kill -1) nor the helper, even with signal 0', async (kind) => {
    const out = await runIn(kind, false, h, as, `kill -0 -1 2>/dev/null && echo REACHED-EVERY-PROCESS; kill -0 $PPID 2>/dev/null && echo REACHED-HELPER; kill -0 $$ && echo REACHED-ITSELF; echo attacks-done`);
    expect(out).toMatch(/REACHED-ITSELF/);
    expect(out).not.toMatch(/REACHED-EVERY-PROCESS|REACHED-HELPER/);
  });

  // The network key is for the network; a unix socket outside /tmp and the runtime dir (the
  // system D-Bus, /run/docker.sock, a database's socket) is a door to a host service.
  it('writes with the network key: a unix socket outside /tmp and the runtime dir stays out of reach', async () => {
    const dir = mkdtempSync(join('/var/tmp', 'nlsh-sock-'));
    chmodSync(dir, 0o755);
    const path = join(dir, 'service.sock');
    const server = createServer((c) => {
      c.on('error', () => undefined);
      c.end('HOST-ANSWERED\n');
    });
    try {
      await new Promise<void>((r) => server.listen(path, () => r()));
      chmodSync(path, 0o777);
      const out = await runIn('writes', true, h, as, `${connect(JSON.stringify(path))} 2>/dev/null | sed 's/^/UNIX-/'; echo attacks-done`);
      expect(out).not.toMatch(/UNIX-CONNECTED/);
    } finally {
      await new Promise((r) => server.close(r));
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("process control: the user's own process can be signalled, and nothing is written", async () => {
    const out = await runIn('process-control', false, h, as);
    expect(out).not.toMatch(/WROTE-CWD|WROTE-VIA-PROC-CWD|CONNECTED|WROTE-FIFO/);
    if (canShowHost(caps, 'process-control')) expect(out).toMatch(/SIGNALLED/);
  });
});
