// nl-sh-confine under the real bwrap, as root and as NLSH_TEST_USER: a sandbox that shows the
// host (its /proc, its network, its files) like the read_only profile, where nothing it sees
// can be written, signalled or connected to. Rows have a control: the same attack under the
// same bwrap without the helper, which succeeds, so the helper is what stops it. (Reaching a
// host process through /proc/PID/{cwd,environ} is already refused across bwrap's user namespace
// by the kernel's ptrace rule; Landlock refuses it again, so those rows have no control.)

import { spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, rmSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { availableOrFailInCi } from '../support/require-in-ci.js';
import { confinePath, confineReady, firstLine, run, startProcess, testUsers, type TestUser } from './confine-support.js';

const ready = availableOrFailInCi(confineReady(), 'bwrap and bin/nl-sh-confine (npm run setup)');
const hasSs = availableOrFailInCi(spawnSync('ss', ['-V']).status === 0, 'ss (iproute2)');

// The read_only view: host /proc and network shared, every mount read-only but two test dirs.
function view(dirs: string[]): string[] {
  const binds = dirs.flatMap((d) => ['--bind', d, d]);
  return ['bwrap', '--die-with-parent', '--new-session', '--unshare-user-try', '--unshare-ipc', '--unshare-uts', '--cap-drop', 'ALL', '--ro-bind', '/', '/', '--dev', '/dev', '--ro-bind', '/proc', '/proc', ...binds, '--'];
}

const listenerJs = `
const net = require('net');
const serve = (c) => { c.on('error', () => {}); c.end('hello\\n'); };
const tcp = net.createServer(serve);
tcp.listen(0, '127.0.0.1', () => {
  const name = 'nl-sh-confine-test-' + process.pid;
  net.createServer(serve).listen('\\0' + name, () => console.log(tcp.address().port + ' ' + name));
});`;
const abstractClientJs = (name: string): string =>
  `const c = require('net').connect('\\0${name}'); c.on('connect', () => { console.log('CONNECTED'); process.exit(0); }); c.on('error', (e) => { console.log(e.code); process.exit(3); });`;

describe.runIf(ready).each(testUsers())('nl-sh-confine as $who', (user: TestUser) => {
  let base: string;
  let allowed: string;
  let bound: string;
  let victimDir: string;
  const started: ChildProcess[] = [];

  beforeEach(() => {
    base = mkdtempSync(join(tmpdir(), 'nl-sh-confine-'));
    chmodSync(base, 0o755);
    [allowed, bound, victimDir] = ['allowed', 'bound', 'victim'].map((n) => join(base, n)) as [string, string, string];
    for (const d of [allowed, bound, victimDir]) {
      mkdirSync(d);
      chownSync(d, user.uid, user.gid);
    }
  });
  afterEach(() => {
    for (const p of started.splice(0)) p.kill('SIGKILL');
    rmSync(base, { recursive: true, force: true });
  });

  // A host process of the same user, in a writable directory of its own.
  async function victim(): Promise<{ pid: number; child: ChildProcess }> {
    const child = startProcess([...user.prefix, 'bash', '-c', 'echo $$; exec sleep 60'], { cwd: victimDir, env: { ...user.env, SECRET: 'victim-secret' } });
    started.push(child);
    return { pid: Number(await firstLine(child)), child };
  }

  async function listener(): Promise<{ port: number; name: string }> {
    const child = startProcess([...user.prefix, process.execPath, '-e', listenerJs], { env: user.env });
    started.push(child);
    const [port, name] = (await firstLine(child)).split(' ');
    return { port: Number(port), name: name ?? '' };
  }

  function sandbox(flags: string[] | undefined, command: string) {
    const helper = flags === undefined ? [] : [confinePath, ...flags, '--'];
    return run([...user.prefix, ...view([allowed, bound]), ...helper, 'bash', '-c', command], { cwd: allowed, env: user.env });
  }
  const readOnly = ['--no-net', '--no-signal-out'];

  it('writes land only beneath --write, though the other dir is a writable mount', async () => {
    const cmd = `echo x > ${allowed}/mine; echo x > ${bound}/stolen; mkdir ${bound}/d; true`;
    const control = await sandbox(undefined, cmd);
    expect(existsSync(join(bound, 'stolen'))).toBe(true);
    expect(control.status).toBe(0);
    rmSync(join(bound, 'stolen'));
    rmSync(join(bound, 'd'), { recursive: true });

    const r = await sandbox(['--write', allowed, ...readOnly], cmd);
    expect(existsSync(join(allowed, 'mine'))).toBe(true);
    expect(existsSync(join(bound, 'stolen'))).toBe(false);
    expect(existsSync(join(bound, 'd'))).toBe(false);
    expect(r.stderr).toMatch(/stolen: Permission denied/);
  });

  it('nothing is writable in the read-only profile, /dev/null still is', async () => {
    const r = await sandbox(readOnly, `echo x > ${allowed}/f || echo denied; echo ok > /dev/null && echo devnull-ok`);
    expect(r.stdout).toBe('denied\ndevnull-ok\n');
    expect(existsSync(join(allowed, 'f'))).toBe(false);
  });

  it('a host directory is not writable through /proc/PID/cwd', async () => {
    const { pid } = await victim();
    const r = await sandbox(['--write', allowed, ...readOnly], `echo x > /proc/${pid}/cwd/pwned`);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/Permission denied/);
    expect(existsSync(join(victimDir, 'pwned'))).toBe(false);
  });

  it("a host process's environment and memory are not readable", async () => {
    const { pid } = await victim();
    const r = await sandbox(readOnly, `tr '\\0' '\\n' < /proc/${pid}/environ | grep SECRET; head -c1 /proc/${pid}/mem`);
    expect(r.stdout).not.toContain('victim-secret');
    expect(r.stderr).toMatch(/Permission denied/);
  });

  it('a host process cannot be signalled, a process of the sandbox can', async () => {
    const first = await victim();
    const r = await sandbox(readOnly, `kill ${first.pid} && echo KILLED; sleep 5 & kill $!; wait $!; echo "inner status $?"`);
    expect(r.stdout).toBe('inner status 143\n');
    expect(r.stderr).toMatch(/Operation not permitted/);
    expect(first.child.exitCode).toBeNull();
    expect(first.child.signalCode).toBeNull();

    const second = await victim();
    const gone = new Promise((resolve) => second.child.on('exit', (_code, signal) => resolve(signal)));
    await sandbox(undefined, `kill ${second.pid}`);
    expect(await gone).toBe('SIGTERM');
  });

  it.runIf(hasSs)('the host listener is visible to ss but cannot be connected to', async () => {
    const { port } = await listener();
    const cmd = `ss -ltn | grep -q '127.0.0.1:${port} ' && echo SEEN; exec 3<>/dev/tcp/127.0.0.1/${port} && echo CONNECTED`;
    expect((await sandbox(undefined, cmd)).stdout).toBe('SEEN\nCONNECTED\n');
    const r = await sandbox(readOnly, cmd);
    expect(r.stdout).toBe('SEEN\n');
    expect(r.stderr).toMatch(/Permission denied/);
  });

  it('an abstract unix socket of the host cannot be connected to, with or without the network', async () => {
    const { name } = await listener();
    const client = `${process.execPath} -e "${abstractClientJs(name)}"`;
    expect((await sandbox(undefined, client)).stdout).toBe('CONNECTED\n');
    expect((await sandbox(readOnly, client)).stdout).toBe('EACCES\n');
    // The network key (no --no-net) still refuses unix sockets: the socket filter runs whatever
    // the flags (Landlock's scoping of abstract sockets, EPERM, is the layer behind it).
    expect((await sandbox(['--no-signal-out'], client)).stdout).toBe('EACCES\n');
  });
});

describe.runIf(ready)('nl-sh-confine itself', () => {
  it('probes the kernel in key=value lines', async () => {
    const r = await run([confinePath, '--probe']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^landlock_abi=\d+\nseccomp=(yes|no)\npids_cgroup=(yes|no)\n$/);
  });
  it('refuses an unknown option and a missing command', async () => {
    expect((await run([confinePath, '--bogus', '--', 'true'])).status).toBe(2);
    expect((await run([confinePath, '--no-net'])).status).toBe(2);
  });
  it('reports a command that is not there as 127', async () => {
    const r = await run([confinePath, '--best-effort', '--', 'nl-sh-no-such-command']);
    expect(r.status).toBe(127);
  });
});
