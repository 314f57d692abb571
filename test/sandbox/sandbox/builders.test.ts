import { describe, expect, it } from 'vitest';
import { buildBwrapArgs, buildLimitsArgs, buildPrlimitArgs, buildProfile, buildSystemdRunArgs, prepareCommand, unboundProtectedPaths, type Capabilities, type SandboxProfile } from '../../../src/sandbox/index.js';

const facts = { cwd: '/home/u/proj', home: '/home/u', nlshConfigDir: '/home/u/.config/nl-sh', network: false };
const caps: Capabilities = { bwrap: { path: '/opt/bw/bwrap', version: '0.8.0', overlay: false }, userNamespaces: true, overlayInUserNamespace: true, systemdUser: false, prlimit: '/opt/bin/prlimit', root: false };
const all = () => true;

describe('buildProfile', () => {
  it('makes cwd writable, /tmp private, network off and protects rc files, git hooks/config and nl-sh config', () => {
    const p = buildProfile(facts);
    expect(p.writable).toEqual(['/home/u/proj']);
    expect(p.privateTmp).toBe(true);
    expect(p.network).toBe(false);
    expect(p.protect).toEqual(expect.arrayContaining(['/home/u/.bashrc', '/home/u/.profile', '/home/u/.zshrc', '/home/u/.config/nl-sh', '/home/u/proj/.git/hooks', '/home/u/proj/.git/config']));
    expect(p.limits.memoryBytes).toBeGreaterThan(0);
  });
  it('protects git paths in every writable directory and turns network on when needed', () => {
    const p = buildProfile({ ...facts, network: true, extraWritable: ['/srv/data'], limits: {} });
    expect(p.writable).toEqual(['/home/u/proj', '/srv/data']);
    expect(p.protect).toContain('/srv/data/.git/hooks');
    expect(p.network).toBe(true);
    expect(p.limits).toEqual({});
  });
});

describe('buildBwrapArgs', () => {
  const profile: SandboxProfile = { name: 't', kind: 'writes', writable: ['/w'], visible: [], protect: ['/w/.git/hooks', '/home/u/.bashrc'], hide: [], privateTmp: true, hostView: false, network: false, limits: {} };
  it('emits the hardening flags and mounts in an order where later binds win', () => {
    expect(buildBwrapArgs('/b/bwrap', profile, all)).toEqual([
      '/b/bwrap', '--die-with-parent', '--new-session', '--unshare-all', '--cap-drop', 'ALL',
      '--ro-bind', '/', '/', '--dev', '/dev', '--proc', '/proc', '--tmpfs', '/tmp',
      '--bind', '/w', '/w', '--bind', '/w/.git', '/w/.git', '--ro-bind', '/w/.git/hooks', '/w/.git/hooks', '--ro-bind', '/home/u/.bashrc', '/home/u/.bashrc', '--',
    ]);
  });
  it('hides the runtime dir behind an empty tmpfs, in every profile', () => {
    const args = buildBwrapArgs('/b/bwrap', { ...profile, hide: ['/run/user/1000'] }, all);
    expect(args.join(' ')).toContain('--tmpfs /run/user/1000');
    const readOnly = buildBwrapArgs('/b/bwrap', { ...profile, kind: 'read-only', writable: [], protect: [], hide: ['/run/user/1000'], hostView: true, privateTmp: false }, all);
    expect(readOnly.join(' ')).toContain('--tmpfs /run/user/1000');
    expect(readOnly).not.toContain('--bind');
    expect(readOnly).toContain('--unshare-pid');
    expect(readOnly).not.toContain('--unshare-all');
    expect(readOnly).not.toContain('--proc');
  });
  it('a read-only profile writes nothing, not even the cwd', () => {
    const p = buildProfile({ kind: 'read-only', cwd: '/w', home: '/home/u', nlshConfigDir: '/home/u/.config/nl-sh', network: false });
    expect(p.writable).toEqual([]);
    expect(buildBwrapArgs('/b/bwrap', p, all)).not.toContain('--bind');
  });
  it('pins each directory between a writable root and a protected path (no rename-aside), once', () => {
    const args = buildBwrapArgs('bw', { ...profile, writable: ['/h', '/h/p'], protect: ['/h/p/.git/hooks', '/h/p/.git/config', '/h/.config/nl-sh'] }, all);
    const binds = args.flatMap((a, i) => (a === '--bind' ? [args[i + 1]] : []));
    expect(binds).toEqual(['/h', '/h/p', '/h/p/.git', '/h/.config']);
  });
  it('shares the network only when the profile asks', () => {
    expect(buildBwrapArgs('bw', { ...profile, network: true }, all)).toContain('--share-net');
    expect(buildBwrapArgs('bw', profile, all)).not.toContain('--share-net');
  });
  it('skips missing paths and reports protected ones inside writable dirs', () => {
    const exists = (p: string) => p !== '/w/.git/hooks' && p !== '/home/u/.bashrc';
    const args = buildBwrapArgs('bw', { ...profile, privateTmp: false }, exists);
    expect(args).not.toContain('/w/.git/hooks');
    expect(args).not.toContain('--tmpfs');
    expect(unboundProtectedPaths(profile, exists)).toEqual(['/w/.git/hooks']);
  });
});

describe('limits', () => {
  const limits = { memoryBytes: 1024, cpuSeconds: 5.7, fileSizeBytes: 2048, processes: 10 };
  it('uses prlimit --data (never --as) for memory', () => {
    const args = buildPrlimitArgs('/p/prlimit', limits);
    expect(args).toEqual(['/p/prlimit', '--data=1024', '--cpu=5', '--fsize=2048', '--nproc=10', '--']);
    expect(args.join(' ')).not.toContain('--as');
  });
  it('builds a systemd-run user scope for cgroup limits', () => {
    expect(buildSystemdRunArgs(limits)).toEqual(['systemd-run', '--user', '--scope', '--quiet', '--collect', '-p', 'MemoryMax=1024', '-p', 'MemorySwapMax=0', '-p', 'TasksMax=10', '--']);
    expect(buildSystemdRunArgs({ cpuSeconds: 3 })).toEqual([]);
  });
  it('splits limits between systemd-run and prlimit when systemd runs', () => {
    const l = buildLimitsArgs(limits, { systemdUser: true, prlimit: 'pl' });
    expect(l.outer).toContain('MemoryMax=1024');
    expect(l.inner).toEqual(['pl', '--cpu=5', '--fsize=2048', '--']);
    expect(l.mechanisms).toEqual(['systemd-run', 'prlimit']);
  });
  it('falls back to prlimit alone and reports when nothing can limit', () => {
    expect(buildLimitsArgs(limits, { systemdUser: false, prlimit: 'pl' }).outer).toEqual([]);
    const none = buildLimitsArgs(limits, { systemdUser: false, prlimit: undefined });
    expect(none.inner).toEqual([]);
    expect(none.degraded[0]).toMatch(/prlimit not found/);
    expect(buildLimitsArgs({}, { systemdUser: false, prlimit: 'pl' })).toEqual({ outer: [], inner: [], mechanisms: [], degraded: [] });
  });
});

describe('prepareCommand', () => {
  const profile = buildProfile({ ...facts, limits: { memoryBytes: 100 } });
  it('wraps bash -c in bwrap with prlimit inside, and quotes it as one line', () => {
    const p = prepareCommand("echo 'hi'", profile, caps, { exists: all });
    expect(p.mechanism).toBe('bwrap+prlimit');
    expect(p.argv[0]).toBe('/opt/bw/bwrap');
    expect(p.argv.slice(-6)).toEqual(['/opt/bin/prlimit', '--data=100', '--', 'bash', '-c', "echo 'hi'"]);
    expect(p.shellLine.endsWith(`bash -c 'echo '\\''hi'\\'''`)).toBe(true);
    // Without the native helper, what only it enforces is said.
    expect(p.degraded).toEqual([expect.stringMatching(/^no sandbox helper/)]);
  });
  it('puts nl-sh-confine inside bwrap, right before the shell, with the profile as its flags', () => {
    const withHelper = { ...caps, confine: { path: '/opt/bin/nl-sh-confine', landlockAbi: 7, seccomp: true, pidsCgroup: false } };
    const p = prepareCommand('ls', profile, withHelper, { exists: all });
    const helper = p.argv.lastIndexOf('/opt/bin/nl-sh-confine');
    expect(p.argv[helper - 1]).toBe('--');
    // Bound in read-only wherever it lives, after the private /tmp and the hidden dirs.
    expect(p.argv.slice(helper - 4, helper)).toEqual(['--ro-bind', '/opt/bin/nl-sh-confine', '/opt/bin/nl-sh-confine', '--']);
    expect(p.argv.slice(helper)).toEqual(['/opt/bin/nl-sh-confine', '--write', '/home/u/proj', '--write', '/tmp', '--no-net', '--no-signal-out', '--data', '100', '--best-effort', '--', 'bash', '-c', 'ls']);
    expect(p.degraded).toEqual([]);
    const readOnly = prepareCommand('ls', buildProfile({ ...facts, kind: 'read-only', hostView: true }), withHelper, { exists: all });
    expect(readOnly.argv.slice(readOnly.argv.lastIndexOf('/opt/bin/nl-sh-confine'))).toEqual(['/opt/bin/nl-sh-confine', '--no-net', '--no-signal-out', '--nproc', '4096', '--cpu', '600', '--fsize', String(4 * 1024 ** 3), '--data', String(2 * 1024 ** 3), '--best-effort', '--', 'bash', '-c', 'ls']);
  });
  it('refuses to run unsandboxed without bwrap unless allowed, and says so', () => {
    const noBwrap = { ...caps, bwrap: undefined };
    expect(() => prepareCommand('ls', profile, noBwrap, { exists: all })).toThrow(/cannot sandbox/);
    const p = prepareCommand('ls', profile, noBwrap, { exists: all, allowUnsandboxed: true });
    expect(p.mechanism).toBe('none+prlimit');
    expect(p.argv).toEqual(['/opt/bin/prlimit', '--data=100', '--', 'bash', '-c', 'ls']);
    expect(p.degraded[0]).toMatch(/not sandboxed: bubblewrap/);
  });
  it('treats blocked user namespaces as no sandbox for a normal user, but not for root', () => {
    expect(() => prepareCommand('ls', profile, { ...caps, userNamespaces: false }, { exists: all })).toThrow(/user namespaces/);
    const p = prepareCommand('ls', profile, { ...caps, userNamespaces: false, root: true }, { exists: all });
    expect(p.mechanism).toBe('bwrap+prlimit');
  });
  it('lists missing protected paths under the cwd as unpinned', () => {
    const p = prepareCommand('ls', profile, caps, { exists: (x) => !x.endsWith('.git/hooks') });
    expect(p.unpinned).toEqual(['/home/u/proj/.git/hooks']);
    expect(p.degraded).toEqual([expect.stringMatching(/^no sandbox helper/)]);
  });
});
