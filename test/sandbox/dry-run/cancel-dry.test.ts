// Interactive programs are not dry-run, and an aborted dry run leaves nothing running.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dryRun } from '../../../src/sandbox/index.js';
import { interactiveReason, roughArgvs } from '../../../src/sandbox/dry-run/interactive.js';
import { availableOrFailInCi } from '../../support/require-in-ci.js';

const canDryRun = spawnSync('unshare', ['--user', '--map-root-user', '--mount', 'true']).status === 0;

describe('interactive programs', () => {
  it.each([
    ['vim notes.txt', 'vim is interactive'], ['sudo -E nano /etc/hosts', 'sudo is interactive'], ['env TERM=xterm less file', 'less is interactive'],
    ['python3', 'python3 without a script is interactive'], ['node', 'node without a script is interactive'], ['make && top', 'top is interactive'],
    ['crontab -e', 'crontab -e opens an editor'], ['git rebase -i HEAD~3', 'git asks interactively here'],
  ])('%s is skipped: %s', (command, why) => {
    expect(interactiveReason(roughArgvs(command))).toBe(why);
  });

  it.each(['python3 script.py', 'node -e "1"', 'bash build.sh', 'make', 'sed -i s/a/b/ f', 'git commit -m x'])('%s is dry-run', (command) => {
    expect(interactiveReason(roughArgvs(command))).toBeUndefined();
  });

  it('a dry run of vim returns at once, saying why', async () => {
    const started = performance.now();
    const r = await dryRun({ command: 'vim notes.txt', cwd: tmpdir() });
    expect(r.skipped).toBe('vim is interactive: it is not dry-run');
    expect(r.available).toBe(false);
    expect(performance.now() - started).toBeLessThan(100);
  });
});

describe.skipIf(!availableOrFailInCi(canDryRun, 'unprivileged user namespaces with overlayfs'))('cancelling a dry run', () => {
  it('abort kills the whole process tree within 200 ms', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'nl-sh-dry-cancel-'));
    // A duration no other test uses, so pgrep finds only this tree (a child and a grandchild).
    const marker = 'sleep 71.4321';
    const controller = new AbortController();
    const pending = dryRun({ command: `(${marker}) & ${marker}; wait`, cwd, signal: controller.signal, timeoutSeconds: 30 });
    // Both sleeps running (their own command lines start with the marker; shells around them also name it).
    while (spawnSync('pgrep', ['-c', '-f', `^${marker}`]).stdout.toString().trim() !== '2') await new Promise((done) => setTimeout(done, 10));
    const aborted = performance.now();
    controller.abort();
    const r = await pending;
    let left = '';
    for (;;) {
      left = spawnSync('pgrep', ['-f', marker]).stdout.toString();
      if (left === '' || performance.now() - aborted > 2000) break;
      await new Promise((done) => setTimeout(done, 5));
    }
    const gone = performance.now() - aborted;
    rmSync(cwd, { recursive: true, force: true });
    expect(left).toBe('');
    expect(gone).toBeLessThan(200);
    expect(r.cancelled).toBe(true);
    expect(r.reason).toBe('the dry run was cancelled');
  });
});
