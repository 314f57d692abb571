import { describe, expect, it } from 'vitest';
import { buildProfile, compareVersions, createCapabilityCache, createNodeProbeIo, explainDenial, probeCapabilities, type ProbeIo } from '../../../src/sandbox/index.js';

const profile = buildProfile({ cwd: '/home/u/proj', home: '/home/u', nlshConfigDir: '/home/u/.config/nl-sh', network: false });

describe('explainDenial', () => {
  const rows: [string, number, string, RegExp | undefined][] = [
    ['write outside cwd', 1, "touch: cannot touch '/etc/passwd': Read-only file system", /"read-only root": \/etc\/passwd is outside the writable paths \(\/home\/u\/proj\)/],
    ['bash redirect outside cwd', 1, 'bash: line 1: /usr/x: Read-only file system', /"read-only root": \/usr\/x/],
    ['rc file', 1, "touch: cannot touch '/home/u/.bashrc': Read-only file system", /"protected path": \/home\/u\/\.bashrc/],
    ['git hook, relative', 1, "cp: cannot create regular file '.git/hooks/pre-commit': Read-only file system", /"protected path": \/home\/u\/proj\/\.git\/hooks/],
    ['nl-sh config, permission denied', 1, 'bash: /home/u/.config/nl-sh/config.toml: Permission denied', /"protected path": \/home\/u\/\.config\/nl-sh/],
    ['a name with a quote, quoted the coreutils way', 1, 'touch: cannot touch "/etc/it\'s": Read-only file system', /\/etc\/it's is outside/],
    ['a name with a newline, quoted the coreutils way', 1, "touch: cannot touch '/etc/new'$'\\n''line': Read-only file system", /\/etc\/new\\nline is outside/],
    ['a colon in a bare path', 1, 'bash: line 1: /opt/a:b: Read-only file system', /\/opt\/a:b is outside/],
    ['python: the path after the error', 1, "OSError: [Errno 30] Read-only file system: '/etc/py'", /\/etc\/py is outside/],
    ['node: the path after the error', 1, "Error: EROFS: read-only file system, open '/etc/js'", /\/etc\/js is outside/],
    ['python: a protected path after permission denied', 1, "PermissionError: [Errno 13] Permission denied: '/home/u/.bashrc'", /"protected path": \/home\/u\/\.bashrc/],
    ['a control character in the path is shown escaped', 1, "touch: cannot touch '/etc/a'$'\\033''[31mred': Read-only file system", /\/etc\/a\\x1b\[31mred is outside/],
    ['unrelated permission denied', 1, "cat: '/root/secret': Permission denied", undefined],
    ['no network', 7, 'curl: (6) Could not resolve host: example.com', /"no network"/],
    ['unreachable', 1, 'connect: Network is unreachable', /"no network"/],
    ['remount', 32, 'mount: /: permission denied.', /"no capabilities"/],
    ['success is never a denial', 0, 'Read-only file system', undefined],
    ['ordinary failure', 1, 'ls: cannot access x: No such file or directory', undefined],
  ];
  it.each(rows)('%s', (_name, status, stderr, want) => {
    const got = explainDenial(profile, status, stderr);
    if (want === undefined) expect(got).toBeUndefined();
    else expect(got).toMatch(want);
  });
  it('does not blame the sandbox for network errors when network is on', () => {
    expect(explainDenial({ ...profile, network: true }, 6, 'Could not resolve host: x')).toBeUndefined();
  });
});

function fakeIo(over: Partial<{ tools: Record<string, string>; runs: Record<string, { status: number | undefined; stdout: string }>; files: Record<string, string>; uid: number }>): ProbeIo {
  const tools = over.tools ?? {};
  return {
    which: (n) => tools[n],
    run: (f, a) => over.runs?.[`${f} ${a[0] ?? ''}`] ?? { status: 1, stdout: '' },
    readText: (p) => over.files?.[p],
    uid: () => over.uid ?? 1000,
  };
}

describe('probeCapabilities', () => {
  it('reads bwrap version, namespaces, overlay, prlimit, root', () => {
    const io = fakeIo({
      tools: { bwrap: '/x/bwrap', unshare: '/x/unshare', prlimit: '/x/prlimit' },
      runs: { '/x/bwrap --version': { status: 0, stdout: 'bubblewrap 0.9.0\n' }, '/x/unshare --user': { status: 0, stdout: '' } },
      files: { '/sys/kernel/security/lsm': 'lockdown,capability,landlock,yama', '/proc/sys/kernel/seccomp/actions_avail': 'kill_process', '/proc/1/comm': 'bash\n' },
      uid: 0,
    });
    expect(probeCapabilities(io)).toEqual({ bwrap: { path: '/x/bwrap', version: '0.9.0', overlay: true }, userNamespaces: true, overlayInUserNamespace: true, systemdUser: false, prlimit: '/x/prlimit', root: true });
  });
  it('reports nothing on a bare machine, and no systemd when PID 1 is not systemd', () => {
    const c = probeCapabilities(fakeIo({ tools: { 'systemd-run': '/s', systemctl: '/c' }, runs: { '/c --user': { status: 0, stdout: 'running' } }, files: { '/proc/1/comm': 'tini' } }));
    expect(c).toEqual({ bwrap: undefined, userNamespaces: false, overlayInUserNamespace: false, systemdUser: false, prlimit: undefined, root: false });
  });
  it('sees a running systemd user manager', () => {
    const c = probeCapabilities(fakeIo({ tools: { 'systemd-run': '/s', systemctl: '/c' }, runs: { '/c --user': { status: 0, stdout: 'degraded\n' } }, files: { '/proc/1/comm': 'systemd\n' } }));
    expect(c.systemdUser).toBe(true);
  });
  it('knows bwrap 0.8 has no overlay', () => {
    expect(compareVersions('0.8.0', '0.9.0')).toBe(-1);
    expect(compareVersions('0.10', '0.9.0')).toBe(1);
    expect(compareVersions('0.9', '0.9.0')).toBe(0);
  });
  it('probes once per cache', () => {
    let n = 0;
    const cache = createCapabilityCache(() => (n++, probeCapabilities(fakeIo({}))));
    cache.get();
    cache.get();
    expect(n).toBe(1);
  });
  it('probes this machine in well under a second', () => {
    const t0 = performance.now();
    const c = probeCapabilities(createNodeProbeIo(process.env));
    const ms = performance.now() - t0;
    console.log(`real probe: ${ms.toFixed(0)} ms`, JSON.stringify(c));
    expect(c.root).toBe(process.getuid?.() === 0);
    if (c.bwrap) expect(c.bwrap.version).toMatch(/^\d+\.\d+/);
    expect(ms).toBeLessThan(3000);
  });
});
