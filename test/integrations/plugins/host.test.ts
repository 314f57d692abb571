// The plugin host's pieces that need no isolate: result validation, the run allowlist, reads
// under cwd, the call guard, and the one-line fallbacks when plugins cannot run at all.

import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startGuard } from '../../../src/integrations/plugins/call-guard.js';
import { defaultPluginLimits } from '../../../src/integrations/plugins/plugin-contract.js';
import { hasNoNodeSnapshot, loadEngine } from '../../../src/integrations/plugins/plugin-engine.js';
import { loadPlugins } from '../../../src/integrations/plugins/plugin-host.js';
import { defaultRunAllowed, defaultRunner, readUnder } from '../../../src/integrations/plugins/plugin-host-fns.js';
import { checkDescription, checkDetect, checkFacts, checkRules } from '../../../src/integrations/plugins/plugin-validate.js';
import { makeWorkspace } from './run-harness.js';

describe('plugin results are checked strictly', () => {
  it('accepts facts, rules and detect answers of the exact shape', () => {
    expect(checkFacts({ branch: 'main', 'kube context': 'prod-eu' })).toEqual({ ok: true, value: { branch: 'main', 'kube context': 'prod-eu' } });
    expect(checkRules([{ program: 'terraform', verbs: ['apply'], level: 'destructive', why: 'real infrastructure' }, { program: 'psql', level: 'writes', why: 'a database' }])).toEqual({
      ok: true,
      value: [
        { program: 'terraform', verbs: ['apply'], level: 'destructive', why: 'real infrastructure' },
        { program: 'psql', level: 'writes', why: 'a database' },
      ],
    });
    expect(checkDetect(false)).toEqual({ ok: true, value: false });
    expect(checkDescription({ name: 'my-plugin_2.x', hooks: ['context'] })).toEqual({ ok: true, value: { name: 'my-plugin_2.x', hooks: ['context'] } });
  });

  it('calls anything else garbage, with a reason', () => {
    const bad = (c: { ok: boolean; why?: string }): string => (c.ok ? 'ok' : (c.why ?? ''));
    expect(bad(checkFacts(null))).toMatch(/not an object of facts/);
    expect(bad(checkFacts({ a: ['x'] }))).toMatch(/is an array, not a string/);
    expect(bad(checkFacts({ '': 'x' }))).toMatch(/fact name is empty/);
    expect(bad(checkFacts({ a: 'x\n' }))).toMatch(/control characters/);
    expect(bad(checkFacts({ a: 'x\u2028' }))).toMatch(/control characters/);
    expect(bad(checkRules({}))).toMatch(/not an array/);
    expect(bad(checkRules(new Array(51).fill({ program: 'x', level: 'writes', why: 'w' })))).toMatch(/51 rules, more than 50/);
    expect(bad(checkRules([{ program: 'two words', level: 'writes', why: 'w' }]))).toMatch(/program must be one word/);
    expect(bad(checkRules([{ program: 'x', level: 'writes', why: '' }]))).toMatch(/why must be/);
    expect(bad(checkRules([{ program: 'x', level: 'writes', why: 'w', verbs: [' apply'] }]))).toMatch(/verbs must be/);
    expect(bad(checkRules([{ program: 'x', level: 'writes', why: 'w', verbs: 'apply' }]))).toMatch(/verbs must be/);
    expect(bad(checkDetect(1))).toMatch(/detect returned a number/);
    expect(bad(checkDescription({ name: 'x'.repeat(41), hooks: [] }))).toMatch(/its name must be/);
    expect(bad(checkDescription({ name: 'x', hooks: ['eval'] }))).toMatch(/bad hook list/);
  });
});

describe('host functions', () => {
  it('run allows only the read-only list', () => {
    for (const argv of [['git', 'status', '--porcelain'], ['git', 'rev-parse', '--abbrev-ref', 'HEAD'], ['git', 'log', '-n', '5', '--format=%h %s'], ['kubectl', 'config', 'current-context'], ['docker', 'context', 'show'], ['aws', 'configure', 'get', 'region']]) {
      expect(defaultRunAllowed(argv), argv.join(' ')).toBe(true);
    }
    for (const argv of [['git', 'push'], ['git', 'branch', 'new-branch'], ['git', 'log', '-n', '5', '--format=%h', '--output=/tmp/x'], ['git', 'status', '--porcelain', '-c', 'core.fsmonitor=evil'], ['sh', '-c', 'id'], ['kubectl', 'delete', 'pod', 'x'], []]) {
      expect(defaultRunAllowed(argv), argv.join(' ')).toBe(false);
    }
  });

  it('the default runner caps output and kills at the timeout', async () => {
    expect(await defaultRunner(['sh', '-c', 'head -c 100000 /dev/zero | tr "\\0" x'], { cwd: '/', timeoutMs: 2000, maxBytes: 1000 })).toEqual({ status: 0, stdout: 'x'.repeat(1000) });
    const started = performance.now();
    expect(await defaultRunner(['sleep', '5'], { cwd: '/', timeoutMs: 100, maxBytes: 1000 })).toEqual({ status: -1, stdout: '' });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(await defaultRunner(['no-such-program-nlsh'], { cwd: '/', timeoutMs: 1000, maxBytes: 1000 })).toEqual({ status: -1, stdout: '' });
  });

  it('readFile reads under cwd only: no absolute paths, no .., no symlink out, no FIFOs, capped', async () => {
    const ws = makeWorkspace({}, { 'a.txt': 'hello', 'big.txt': 'y'.repeat(100_000) });
    try {
      mkdirSync(join(ws.cwd, 'sub'));
      writeFileSync(join(ws.cwd, 'sub', 'b.txt'), 'inner');
      symlinkSync('/etc/passwd', join(ws.cwd, 'out'));
      symlinkSync('a.txt', join(ws.cwd, 'in'));
      execFileSync('mkfifo', [join(ws.cwd, 'fifo')]);
      expect(await readUnder(ws.cwd, 'a.txt', 64)).toBe('hello');
      expect(await readUnder(ws.cwd, 'sub/b.txt', 64)).toBe('inner');
      expect(await readUnder(ws.cwd, './in', 64)).toBe('hello');
      expect(await readUnder(ws.cwd, 'big.txt', 10)).toBe('y'.repeat(10));
      expect(await readUnder(ws.cwd, 'missing', 64)).toBeNull();
      await expect(readUnder(ws.cwd, '/etc/passwd', 64)).rejects.toThrow(/absolute paths are not allowed/);
      await expect(readUnder(ws.cwd, '../plugins', 64)).rejects.toThrow(/'\.\.' is not allowed/);
      await expect(readUnder(ws.cwd, 'sub/../../x', 64)).rejects.toThrow(/'\.\.' is not allowed/);
      await expect(readUnder(ws.cwd, 'out', 64)).rejects.toThrow(/leads outside the working directory/);
      await expect(readUnder(ws.cwd, 'fifo', 64)).rejects.toThrow(/not a regular file/);
      await expect(readUnder(ws.cwd, 'sub', 64)).rejects.toThrow(/not a regular file/);
      await expect(readUnder(ws.cwd, 42, 64)).rejects.toThrow(/non-empty string/);
      await expect(readUnder(ws.cwd, 'a\0b', 64)).rejects.toThrow(/NUL/);
    } finally {
      ws.cleanup();
    }
  });
});

describe('the call guard', () => {
  it('fires on CPU or on own wall time past twice the limit, never while the host is working', async () => {
    let now = 0;
    let cpu = 0;
    const clocks = { now: () => now, cpuMs: () => cpu };
    const fired: string[] = [];
    const g = startGuard(10, clocks, (why) => fired.push(why));
    g.hostStart();
    now = 1000;
    await new Promise((r) => setTimeout(r, 30));
    expect(fired).toEqual([]);
    g.hostEnd();
    now = 1015;
    await new Promise((r) => setTimeout(r, 30));
    expect(fired).toEqual([]);
    now = 1025;
    await new Promise((r) => setTimeout(r, 30));
    expect(fired).toEqual(['timed out: no answer within 10 ms']);
    g.stop();
    const h = startGuard(10, clocks, (why) => fired.push(why));
    h.hostStart();
    cpu = 25;
    await new Promise((r) => setTimeout(r, 30));
    expect(h.expired()).toBe('timed out: used 25 ms of CPU, limit 10 ms');
    h.stop();
  });
});

describe('when plugins cannot run at all', () => {
  it('no plugins directory: an empty set, nothing said, no process started', async () => {
    const warns: string[] = [];
    const set = await loadPlugins('/nonexistent/nl-sh/plugins', { warn: (l) => warns.push(l) });
    expect(set.names()).toEqual([]);
    expect(await set.context('/', 100)).toEqual({ facts: {}, omitted: [] });
    expect(warns).toEqual([]);
  });

  it('the plugin process cannot start: one line, an empty set', async () => {
    const ws = makeWorkspace({ 'a.js': "export default { name: 'a' };" });
    try {
      const warns: string[] = [];
      const set = await loadPlugins(ws.dir, { warn: (l) => warns.push(l), nodePath: join(ws.root, 'no-node') });
      expect(set.names()).toEqual([]);
      expect(await set.context(ws.cwd, 100)).toEqual({ facts: {}, omitted: [] });
      expect(warns).toEqual([expect.stringMatching(/^nl-sh: plugins disabled: the plugin process failed \(could not run: .*ENOENT/)]);
      set.dispose();
    } finally {
      ws.cleanup();
    }
  });

  it('isolated-vm does not load: one line, an empty set', async () => {
    const ws = makeWorkspace({ 'a.js': "export default { name: 'a' };" });
    try {
      const warns: string[] = [];
      const fail = (): never => {
        throw new Error('boom');
      };
      const set = await loadEngine(ws.dir, { warn: (l) => warns.push(l), limits: defaultPluginLimits, hostRun: fail, hostRead: fail, loadIvm: () => Promise.reject(new Error('No native build was found\nmore')) });
      expect(set.names()).toEqual([]);
      expect(warns).toEqual(['nl-sh: plugins disabled: isolated-vm unavailable (No native build was found)']);
    } finally {
      ws.cleanup();
    }
  });

  it('knows whether Node runs with --no-node-snapshot', () => {
    expect(hasNoNodeSnapshot(['--no-node-snapshot'], '')).toBe(true);
    expect(hasNoNodeSnapshot([], '--max-old-space-size=100 --no-node-snapshot')).toBe(true);
    expect(hasNoNodeSnapshot(['--inspect'], '')).toBe(false);
  });
});
