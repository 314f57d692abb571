// Escape tests for the dry run: each attack runs a real dry run (as root, like CI, and as the
// unprivileged NLSH_TEST_USER when it is set) and checks on the host that nothing got out:
// no FIFO write into a session dir, no unix, abstract or TCP connection, no host /proc, no
// write through /proc/<pid>/cwd, nothing on the user's terminal.

import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, closeSync, constants, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, readSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dryRun } from '../../../src/sandbox/index.js';
import { dryRunArgv } from '../../../src/sandbox/dry-run/setup-script.js';
import { hiddenDirs, outermostHidden } from '../../../src/sandbox/dry-run/hidden.js';
import { availableOrFailInCi } from '../../support/require-in-ci.js';

const canDryRun = spawnSync('unshare', ['--user', '--map-root-user', '--mount', 'true']).status === 0;
const isRoot = process.getuid?.() === 0;
const testUser = isRoot ? process.env.NLSH_TEST_USER : undefined;
const userIds = testUser ? { uid: Number(spawnSync('id', ['-u', testUser]).stdout), gid: Number(spawnSync('id', ['-g', testUser]).stdout) } : undefined;
const who = [{ name: 'the current user', user: undefined as string | undefined }, ...(testUser ? [{ name: testUser, user: testUser }] : [])];

interface Ran { stdout: string; stderr: string }

let base: string;
let cwd: string;
let outside: string;
let runtime: string;
const servers: Server[] = [];

/** Dry-run `command` as the current user (the full runner) or as `user` (the same argv under setpriv). */
async function runDry(command: string, user: string | undefined): Promise<Ran> {
  if (user === undefined || userIds === undefined) {
    const r = await dryRun({ command, cwd, runtimeDir: runtime, timeoutSeconds: 10 });
    await r.cleanup();
    expect(r.available, r.reason).toBe(true);
    return { stdout: r.stdout, stderr: r.stderr };
  }
  const work = mkdtempSync(join(base, 'work-'));
  const outDir = join(work, 'out');
  const stageDir = join(work, 'stage');
  for (const d of [work, outDir, stageDir]) {
    mkdirSync(d, { recursive: true });
    chownSync(d, userIds.uid, userIds.gid);
  }
  const argv = dryRunArgv({ command, capBytes: 64 << 20, timeoutSeconds: 10, outDir, stageDir, cwd, roots: [cwd], hidden: outermostHidden(hiddenDirs({ runtimeDir: runtime, uid: userIds.uid, tmp: tmpdir() }).filter((d) => existsSync(d) && d !== '/var/run')) });
  const prefix = ['setpriv', `--reuid=${userIds.uid}`, `--regid=${userIds.gid}`, '--init-groups', 'env', `XDG_RUNTIME_DIR=${runtime}`];
  const all = [...prefix, ...argv];
  const ran = await new Promise<Ran & { status: string | undefined }>((resolve) => {
    const child = spawn(all[0] ?? 'setpriv', all.slice(1), { cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => { stdout += b.toString(); });
    child.stderr.on('data', (b: Buffer) => { stderr += b.toString(); });
    child.on('close', () => resolve({ stdout, stderr, status: existsSync(join(outDir, 'status')) ? readFileSync(join(outDir, 'status'), 'utf8').trim() : undefined }));
  });
  expect(ran.status ?? `setup failed: ${ran.stderr}`).toMatch(/^\d+$/);
  return ran;
}

function listen(server: Server, where: string | { port: number; host: string }): Promise<void> {
  servers.push(server);
  return new Promise((done) => (typeof where === 'string' ? server.listen(where, done) : server.listen(where.port, where.host, done)));
}

/** A server counting the connections it accepted. */
function countingServer(): { server: Server; count: () => number } {
  let n = 0;
  const server = createServer((s) => { n += 1; s.on('error', () => undefined); s.end('hello\n'); });
  return { server, count: () => n };
}

// A node the dry run can see: its private /tmp hides one that lives in a checkout under /tmp.
const visibleNode = [process.execPath, '/usr/local/bin/node', '/usr/bin/node'].find((p) => existsSync(p) && !p.startsWith(`${tmpdir()}/`)) ?? process.execPath;

/** A command that connects with node to a unix path (or abstract name) and prints CONNECTED. */
function nodeConnect(target: string): string {
  const js = `const s=require('net').connect(${JSON.stringify(target)});s.on('connect',()=>{console.log('CONNECTED');s.destroy()});s.on('error',e=>console.log('refused',e.code))`;
  return `${JSON.stringify(visibleNode)} -e ${JSON.stringify(js).replaceAll('$', '\\$')}`;
}

describe.skipIf(!availableOrFailInCi(canDryRun, 'unprivileged user namespaces with overlayfs'))('the dry run cannot get out', () => {
  describe.each(who)('as $name', ({ user }) => {
    beforeEach(() => {
      const ids = user === undefined ? undefined : userIds;
      base = mkdtempSync(join(tmpdir(), 'nl-sh-dry-escape-'));
      chmodSync(base, 0o755);
      cwd = join(base, 'work');
      outside = join(base, 'outside');
      for (const d of [cwd, outside]) { mkdirSync(d); chmodSync(d, 0o777); }
      // The user's runtime dir where pam_systemd makes it: /run/user/<uid> for the test user, a
      // fresh dir under /run/user/<uid> for the current one (so a real session there is left alone).
      const mine = join('/run/user', String(process.getuid?.() ?? 0));
      if (ids) runtime = join('/run/user', String(ids.uid));
      else {
        mkdirSync(mine, { recursive: true, mode: 0o700 });
        runtime = mkdtempSync(join(mine, 'nl-sh-dry-test-'));
      }
      mkdirSync(join(runtime, 'nl-sh', 's4242'), { recursive: true });
      if (ids) chownSync(runtime, ids.uid, ids.gid);
      chmodSync(runtime, 0o700);
      spawnSync('mkfifo', ['-m', '0666', join(runtime, 'nl-sh', 's4242', 'req')]);
    });

    afterEach(async () => {
      await Promise.all(servers.splice(0).map((s) => new Promise((done) => s.close(done))));
      rmSync(base, { recursive: true, force: true });
      rmSync(user !== undefined ? join(runtime, 'nl-sh') : runtime, { recursive: true, force: true });
      rmSync(join(runtime, 'bus'), { force: true });
    });

    it('cannot write into a FIFO in nl-sh\'s session dir under XDG_RUNTIME_DIR', async () => {
      const fifo = join(runtime, 'nl-sh', 's4242', 'req');
      // Hold the FIFO open for reading (O_RDWR never blocks), as bash's hook would.
      const fd = openSync(fifo, constants.O_RDWR | constants.O_NONBLOCK);
      try {
        const r = await runDry(`exec 3<>'${fifo}' && echo forged >&3 && echo WROTE`, user);
        expect(r.stdout).not.toContain('WROTE');
        const buf = Buffer.alloc(64);
        let got = '';
        try { got = buf.subarray(0, readSync(fd, buf)).toString(); } catch (err) { expect((err as NodeJS.ErrnoException).code).toBe('EAGAIN'); }
        expect(got).toBe('');
      } finally {
        closeSync(fd);
      }
    });

    it('cannot connect to unix sockets under XDG_RUNTIME_DIR and /tmp', async () => {
      const bus = countingServer();
      const tmpSock = countingServer();
      const busPath = join(runtime, 'bus');
      const tmpPath = join(base, 'agent.sock');
      await listen(bus.server, busPath);
      await listen(tmpSock.server, tmpPath);
      chmodSync(tmpPath, 0o777);
      if (user !== undefined && userIds) chownSync(busPath, userIds.uid, userIds.gid);
      const r = await runDry(`${nodeConnect(busPath)}; ${nodeConnect(tmpPath)}`, user);
      expect(r.stdout).not.toContain('CONNECTED');
      expect(r.stdout.match(/refused/g)?.length, r.stderr).toBe(2);
      expect(bus.count() + tmpSock.count()).toBe(0);
    });

    it('cannot connect to a TCP listener on 127.0.0.1 or to an abstract unix socket', async () => {
      const tcp = countingServer();
      const abstract = countingServer();
      await listen(tcp.server, { port: 0, host: '127.0.0.1' });
      const port = (tcp.server.address() as { port: number }).port;
      const name = `\0nl-sh-dry-test-${process.pid}-${Date.now()}`;
      await listen(abstract.server, name);
      const r = await runDry(`(exec 3<>/dev/tcp/127.0.0.1/${port} && echo CONNECTED-TCP); ${nodeConnect(name)}`, user);
      expect(r.stdout).not.toContain('CONNECTED');
      expect(tcp.count() + abstract.count()).toBe(0);
    });

    // The dry run's command runs as root of its own user namespace with every capability of it,
    // and the read-only remounts, the hidden /run and the private /tmp and /proc are its own
    // mounts: it can turn the host read-write again and unmount what covers the host.
    it('cannot undo its own mounts: remount the host read-write, unmount the hidden /run, /tmp or /proc', async () => {
      const fifo = join(runtime, 'nl-sh', 's4242', 'req');
      const fd = openSync(fifo, constants.O_RDWR | constants.O_NONBLOCK);
      try {
        const undo = `awk '{print $5}' /proc/self/mountinfo | while read -r m; do mount -o remount,bind,rw "$m" 2>/dev/null; done; umount -l /run /tmp /proc 2>/dev/null`;
        const r = await runDry(`${undo}; touch '${outside}/escaped' && echo WROTE-OUTSIDE; exec 3<>'${fifo}' && echo forged >&3 && echo WROTE-FIFO; ls /proc | grep -c '^[0-9]' | sed 's/^/PIDS=/'`, user);
        expect(r.stdout).not.toMatch(/WROTE-OUTSIDE|WROTE-FIFO/);
        expect(readdirSync(outside)).toEqual([]);
        const buf = Buffer.alloc(64);
        let got = '';
        try { got = buf.subarray(0, readSync(fd, buf)).toString(); } catch (err) { expect((err as NodeJS.ErrnoException).code).toBe('EAGAIN'); }
        expect(got).toBe('');
        expect(Number(/PIDS=(\d+)/.exec(r.stdout)?.[1] ?? 0)).toBeLessThan(10);
      } finally {
        closeSync(fd);
      }
    });

    it('sees its own /proc: no host pids, no host command lines', async () => {
      const r = await runDry(`cat /proc/${process.pid}/cmdline; echo; ls /proc | grep -c '^[0-9]'`, user);
      expect(r.stdout).not.toContain('vitest');
      expect(r.stdout).not.toContain(process.execPath);
      const pids = Number(r.stdout.trim().split('\n').pop());
      expect(pids).toBeGreaterThan(0);
      expect(pids).toBeLessThan(10);
    });

    it('cannot write through /proc/<pid>/cwd of a host process', async () => {
      const host = spawn('sleep', ['30'], { cwd: outside, stdio: 'ignore' });
      try {
        const r = await runDry(`touch /proc/${host.pid}/cwd/escaped && echo WROTE; touch /proc/1/cwd/tmp/nl-sh-escaped-${process.pid} && echo WROTE1`, user);
        expect(r.stdout).not.toContain('WROTE');
        expect(readdirSync(outside)).toEqual([]);
        expect(existsSync(`/tmp/nl-sh-escaped-${process.pid}`)).toBe(false);
      } finally {
        host.kill('SIGKILL');
      }
    });

    it('cannot write to the user\'s terminal and has no controlling terminal', async () => {
      // A pty standing in for the user's terminal: its slave is a host /dev/pts/N.
      const pty = (await import('@lydell/node-pty')).spawn('bash', ['-c', 'tty; exec cat'], { cols: 80, rows: 24 });
      let seen = '';
      pty.onData((d) => { seen += d; });
      try {
        while (!/\/dev\/pts\/\d+/.test(seen)) await new Promise((done) => setTimeout(done, 20));
        const tty = /\/dev\/pts\/\d+/.exec(seen)?.[0] ?? '';
        if (user !== undefined && userIds) chownSync(tty, userIds.uid, userIds.gid);
        const r = await runDry(`echo INJECTED > ${tty} && echo WROTE; echo X > /dev/tty && echo TTY; tty || true; readlink /proc/self/fd/0`, user);
        expect(r.stdout).not.toContain('WROTE');
        expect(r.stdout).not.toContain('TTY');
        expect(r.stdout).toContain('not a tty');
        expect(r.stdout.trim().split('\n').pop()).toBe('/dev/null');
        // A fresh mark written after the dry run: once it shows, anything injected would show before it.
        writeFileSync(tty, 'MARK-AFTER\n');
        while (!seen.includes('MARK-AFTER')) await new Promise((done) => setTimeout(done, 20));
        expect(seen).not.toContain('INJECTED');
      } finally {
        pty.kill('SIGKILL');
      }
    });
  });
});
