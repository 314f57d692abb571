// Pure parts around nl-sh-confine: its argv, the gaps a kernel leaves, the probe's parsing, and
// which limits go where (a pids cgroup for root, rlimit flags otherwise).

import { describe, expect, it } from 'vitest';
import { probeCapabilities, type ProbeIo } from '../../src/sandbox/capabilities.js';
import { buildConfineArgs, confineGaps, type ConfineRequest } from '../../src/sandbox/confine-args.js';
import { buildLimitsArgs } from '../../src/sandbox/limits-args.js';

const readOnly: ConfineRequest = { write: [], network: false, signalOut: false, bestEffort: false };
const full = { path: '/p/nl-sh-confine', landlockAbi: 7, seccomp: true, pidsCgroup: true };

describe('buildConfineArgs', () => {
  it('read_only: nothing writable, no network, no signals out', () => {
    expect(buildConfineArgs('/h', readOnly)).toEqual(['/h', '--no-net', '--no-signal-out', '--']);
  });
  it('writes with the network key and a confirmed kill, limits and best effort', () => {
    const args = buildConfineArgs('/h', { write: ['/w', '/x y'], network: true, signalOut: true, limitFlags: ['--nproc', '9'], bestEffort: true });
    expect(args).toEqual(['/h', '--write', '/w', '--write', '/x y', '--nproc', '9', '--best-effort', '--']);
  });
});

describe('confineGaps', () => {
  const rows: [string, Parameters<typeof confineGaps>[0], ConfineRequest, RegExp[]][] = [
    ['a full kernel leaves none', full, readOnly, []],
    ['no helper', undefined, readOnly, [/no sandbox helper/]],
    ['no Landlock', { ...full, landlockAbi: 0 }, readOnly, [/no Landlock/, /signals to host processes/]],
    ['ABI 2: truncate', { ...full, landlockAbi: 2 }, { ...readOnly, signalOut: true }, [/truncating/]],
    ['ABI 5: signals', { ...full, landlockAbi: 5 }, readOnly, [/signals to host processes/]],
    ['ABI 5 with a confirmed kill', { ...full, landlockAbi: 5 }, { ...readOnly, signalOut: true }, []],
    ['no seccomp', { ...full, seccomp: false }, readOnly, [/no seccomp/]],
    ['no seccomp, network on: unix sockets', { ...full, seccomp: false }, { ...readOnly, network: true }, [/no seccomp: unix sockets/]],
  ];
  it.each(rows)('%s', (_name, confine, request, want) => {
    const gaps = confineGaps(confine, request);
    expect(gaps).toHaveLength(want.length);
    want.forEach((re, i) => expect(gaps[i]).toMatch(re));
  });
});

describe('the probe reads nl-sh-confine --probe', () => {
  const io = (stdout: string, status = 0): ProbeIo => ({ which: () => undefined, run: (f) => (f === '/p/nl-sh-confine' ? { status, stdout } : { status: 1, stdout: '' }), readText: () => undefined, uid: () => 1000 });
  it('parses the facts (Landlock ABI, seccomp, pids cgroup)', () => {
    const c = probeCapabilities(io('landlock_abi=7\nseccomp=yes\npids_cgroup=no\n'), { confinePath: '/p/nl-sh-confine' });
    expect(c.confine).toEqual({ path: '/p/nl-sh-confine', landlockAbi: 7, seccomp: true, pidsCgroup: false });
  });
  it('a helper that fails or talks nonsense is no helper', () => {
    expect(probeCapabilities(io('', 126), { confinePath: '/p/nl-sh-confine' }).confine).toBeUndefined();
    expect(probeCapabilities(io('landlock_abi=x\n'), { confinePath: '/p/nl-sh-confine' }).confine).toBeUndefined();
    expect(probeCapabilities(io('landlock_abi=7\n')).confine).toBeUndefined();
  });
});

describe('buildLimitsArgs with the helper', () => {
  const limits = { processes: 64, cpuSeconds: 20, memoryBytes: 1 << 30, fileSizeBytes: 1 << 20 };
  const flags = ['--nproc', '64', '--cpu', '20', '--fsize', '1048576', '--data', '1073741824'];
  it('root: a pids cgroup around bwrap, rlimits inside', () => {
    const l = buildLimitsArgs(limits, { systemdUser: false, prlimit: '/pl', confine: { path: '/h', pidsCgroup: true, root: true } });
    expect(l).toEqual({ outer: ['/h', '--pids-cgroup', '64', '--'], inner: [], mechanisms: ['pids-cgroup', 'rlimit'], degraded: [], confineFlags: flags });
  });
  it('root without a pids cgroup says the process limit does not hold', () => {
    const l = buildLimitsArgs(limits, { systemdUser: false, prlimit: '/pl', confine: { path: '/h', pidsCgroup: false, root: true } });
    expect(l.outer).toEqual([]);
    expect(l.degraded).toEqual([expect.stringMatching(/no process limit: .*root/)]);
  });
  it('a user: every limit as the helper rlimit flags, no prlimit', () => {
    const l = buildLimitsArgs(limits, { systemdUser: false, prlimit: '/pl', confine: { path: '/h', pidsCgroup: true, root: false } });
    expect(l).toEqual({ outer: [], inner: [], mechanisms: ['rlimit'], degraded: [], confineFlags: flags });
  });
  it('a user with systemd: memory and tasks in the scope, the rest as helper flags', () => {
    const l = buildLimitsArgs(limits, { systemdUser: true, prlimit: undefined, confine: { path: '/h', pidsCgroup: false, root: false } });
    expect(l.outer[0]).toBe('systemd-run');
    expect(l.confineFlags).toEqual(['--cpu', '20', '--fsize', '1048576']);
  });
});
