import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyPlan, dryRun, planApply, runDryRunCli, type DryRunResult } from '../../../src/sandbox/index.js';
import { availableOrFailInCi } from '../../support/require-in-ci.js';

const canDryRun = spawnSync('unshare', ['--user', '--map-root-user', '--mount', 'true']).status === 0;

/** path -> "type mode content" for every entry under dir. */
function snapshot(dir: string, rel = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(join(dir, rel)).sort()) {
    const p = join(rel, name);
    const st = lstatSync(join(dir, p));
    const mode = (st.mode & 0o7777).toString(8);
    if (st.isDirectory()) { out[p] = `dir ${mode}`; Object.assign(out, snapshot(dir, p)); }
    else if (st.isSymbolicLink()) out[p] = `link ${readlinkSync(join(dir, p))}`;
    else out[p] = `file ${mode} ${readFileSync(join(dir, p), 'utf8')}`;
  }
  return out;
}

describe.skipIf(!availableOrFailInCi(canDryRun, 'unprivileged user namespaces with overlayfs'))('dry run in an overlay', () => {
  let base: string;
  let cwd: string;
  const results: DryRunResult[] = [];
  const run = async (command: string, extra: { capBytes?: number; timeoutSeconds?: number } = {}) => {
    const r = await dryRun({ command, cwd, ...extra });
    results.push(r);
    return r;
  };
  const kinds = (r: DryRunResult) => r.changes.map((c) => `${c.kind} ${c.path.slice(cwd.length + 1)}`);

  beforeEach(() => {
    base = mkdtempSync(join(tmpdir(), 'nl-sh-dry-test-'));
    cwd = join(base, 'work');
    mkdirSync(join(cwd, 'tree/a/b'), { recursive: true });
    writeFileSync(join(cwd, 'tree/a/b/leaf.txt'), 'leaf\n');
    writeFileSync(join(cwd, 'tree/top.txt'), 'top\n');
    writeFileSync(join(cwd, 'notes.txt'), 'one\ntwo\n');
    writeFileSync(join(cwd, 'old.txt'), 'old\n');
    writeFileSync(join(cwd, 'script.sh'), 'echo hi\n');
  });
  afterEach(async () => {
    for (const r of results.splice(0)) await r.cleanup();
    rmSync(base, { recursive: true, force: true });
  });

  it('reports create, modify, delete, rename, chmod and nested dirs, leaving real files untouched', async () => {
    const before = snapshot(cwd);
    const r = await run('echo new > fresh.txt && echo three >> notes.txt && rm old.txt && mv script.sh run.sh && chmod 755 run.sh && mkdir -p n1/n2/n3 && echo deep > n1/n2/n3/f');
    expect(r.available).toBe(true);
    expect(r.exitStatus).toBe(0);
    expect(kinds(r).sort()).toEqual([
      'created fresh.txt', 'created n1', 'created n1/n2', 'created n1/n2/n3', 'created n1/n2/n3/f',
      'created run.sh', 'deleted old.txt', 'deleted script.sh', 'modified notes.txt',
    ]);
    expect(r.changes.find((c) => c.path.endsWith('run.sh'))?.mode).toBe(0o755);
    expect(r.applicable).toBe(true);
    expect(snapshot(cwd)).toEqual(before);
  });

  it('reports a chmod-only change as a mode change', async () => {
    const r = await run('chmod 600 notes.txt');
    expect(r.changes).toMatchObject([{ kind: 'modified', modeChanged: true, contentChanged: false, mode: 0o600 }]);
  });

  it('reports a deleted directory tree, also when it is recreated (opaque)', async () => {
    const r1 = await run('rm -rf tree');
    expect(kinds(r1)).toEqual(['deleted tree']);
    expect(r1.changes[0]?.treeEntries).toBe(4);
    const r2 = await run('rm -rf tree && mkdir tree && echo n > tree/new');
    expect(kinds(r2).sort()).toEqual(['created tree/new', 'deleted tree/a', 'deleted tree/top.txt']);
  });

  it('caps a huge file', async () => {
    const r = await run('head -c 8000000 /dev/zero > huge.bin', { capBytes: 1 << 20 });
    expect(r.capped).toBe(true);
    expect(r.applicable).toBe(false);
    expect(r.changes[0]?.size).toBeLessThanOrEqual(1 << 20);
    expect(readdirSync(cwd)).not.toContain('huge.bin');
  });

  it('times out a command that hangs, and leaves nothing running', async () => {
    // A duration no other test uses, so pgrep finds only this command.
    const r = await run('sleep 61.2345', { timeoutSeconds: 1 });
    expect(r.timedOut).toBe(true);
    expect(r.elapsedMs).toBeLessThan(10_000);
    // SIGKILL is delivered asynchronously: the process must be gone within moments.
    let left = '';
    for (let i = 0; i < 30; i++) {
      left = spawnSync('pgrep', ['-f', 'sleep 61.2345']).stdout.toString();
      if (left === '') break;
      await new Promise((done) => setTimeout(done, 100));
    }
    expect(left).toBe('');
  });

  it('has no network: the command fails and is reported as such', async () => {
    const r = await run('exec 3<>/dev/tcp/1.1.1.1/80 && echo connected');
    expect(r.exitStatus).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.notes.join(' ')).toMatch(/network is off in a dry run/);
    expect(r.applicable).toBe(false);
  });

  it('keeps /tmp private and the rest of the host read-only', async () => {
    const marker = join(base, 'outside.txt');
    const r = await run(`touch /tmp/nl-sh-dry-marker; touch ${marker}; true`);
    expect(r.exitStatus).toBe(0);
    expect(readdirSync(tmpdir())).not.toContain('nl-sh-dry-marker');
    expect(readdirSync(base)).toEqual(['work']);
  });

  it('applying the overlay gives the same tree as a real run', async () => {
    const command = 'echo new > fresh.txt && echo three >> notes.txt && rm old.txt && mv script.sh run.sh && chmod 700 run.sh && rm -rf tree && mkdir -p tree/x && echo y > tree/x/y && ln -s notes.txt link && mkdir -p n1/n2 && chmod 750 n1';
    const copy = join(base, 'copy');
    cpSync(cwd, copy, { recursive: true });
    chmodSync(copy, lstatSync(cwd).mode & 0o7777);
    expect(spawnSync('bash', ['-c', command], { cwd: copy }).status).toBe(0);
    const r = await run(command);
    expect(r.applicable).toBe(true);
    await applyPlan(planApply(r.changes));
    expect(snapshot(cwd)).toEqual(snapshot(copy));
  });

  it('prints a summary with diffs, and JSON', async () => {
    const text = await runDryRunCli({ command: 'echo three >> notes.txt', cwd, json: false });
    expect(text.status).toBe(0);
    expect(text.output).toContain('modified');
    expect(text.output).toContain('+three');
    const json = await runDryRunCli({ command: 'rm old.txt; exit 3', cwd, json: true });
    expect(json.status).toBe(3);
    expect(JSON.parse(json.output)).toMatchObject({ exitStatus: 3, changes: [{ kind: 'deleted' }] });
    expect(readFileSync(join(cwd, 'old.txt'), 'utf8')).toBe('old\n');
  });
});

describe('dry run impossible', () => {
  it('says so and asks for explicit confirmation', async () => {
    const out = await runDryRunCli({ command: 'true', cwd: '/tmp', json: false }, async () => ({
      available: false, reason: 'dry runs are impossible here (no user namespaces)', exitStatus: undefined, timedOut: false, capped: false,
      networkSuspected: false, stdout: '', stderr: '', changes: [], applicable: false, notes: [], elapsedMs: 0, cleanup: async () => {},
    }));
    expect(out.status).toBe(2);
    expect(out.output).toMatch(/no user namespaces.*confirm explicitly/);
  });
});
