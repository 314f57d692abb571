// The guard after a sandboxed run (__nlsh_check_guards in share/bash/integration.bash): a
// protected path that did not exist when the run started is moved to the quarantine before the
// next prompt, whatever the command left there. Here the command really runs in the writes
// profile with the home as its cwd (as root, and as NLSH_TEST_USER), then the user's bash runs
// the guard over the paths a session would hand it.

import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bundledConfinePath, buildProfile, createNodeProbeIo, prepareCommand, probeCapabilities } from '../../../src/sandbox/index.js';
import { guardedPaths } from '../../../src/flow/contain.js';
import { repoRoot } from '../../support/fixtures.js';
import { availableOrFailInCi } from '../../support/require-in-ci.js';

const caps = probeCapabilities(createNodeProbeIo(process.env), { confinePath: bundledConfinePath() });
const isRoot = process.getuid?.() === 0;
const ready = availableOrFailInCi(caps.bwrap !== undefined && (caps.userNamespaces || isRoot), 'bubblewrap and user namespaces');
const testUser = process.env.NLSH_TEST_USER;
const ids = (name: string): { uid: number; gid: number } => {
  const [, , uid, gid] = execFileSync('getent', ['passwd', name], { encoding: 'utf8' }).split(':');
  return { uid: Number(uid), gid: Number(gid) };
};
const users = [{ who: isRoot ? 'root' : 'me', as: undefined as { uid: number; gid: number } | undefined }, ...(isRoot && testUser ? [{ who: testUser, as: ids(testUser) }] : [])];

let base: string | undefined;
afterEach(() => {
  if (base) spawnSync('chmod', ['-R', 'u+rwx', base]);
  if (base) rmSync(base, { recursive: true, force: true });
  base = undefined;
});

/** Run `command` sandboxed in `home` as `as`, then the guard as a session would; return the guarded paths. */
function runThenGuard(home: string, command: string, as: { uid: number; gid: number } | undefined): string[] {
  const profile = buildProfile({ kind: 'writes', cwd: home, home, nlshConfigDir: join(home, '.config', 'nl-sh'), network: false, limits: { memoryBytes: 1 << 30, cpuSeconds: 30, processes: 256 } });
  const prepared = prepareCommand(command, profile, as ? { ...caps, root: false } : caps, { exists: existsSync });
  const guard = guardedPaths(prepared.unpinned, home, existsSync);
  const su = as ? ['setpriv', `--reuid=${as.uid}`, `--regid=${as.gid}`, '--clear-groups'] : [];
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, __NLSH_NORC: '1' };
  const ran = [...su, ...prepared.argv];
  const r = spawnSync(ran[0] ?? '', ran.slice(1), { cwd: home, env, encoding: 'utf8', timeout: 15_000 });
  expect(r.stdout, r.stderr).toContain('PLANTED');
  const script = `. ${repoRoot}share/bash/integration.bash\n__nlsh_guard=("$@")\n__nlsh_check_guards`;
  const check = [...su, 'bash', '-c', script, 'bash', ...guard];
  spawnSync(check[0] ?? '', check.slice(1), { cwd: home, env, encoding: 'utf8', timeout: 15_000 });
  return guard;
}

describe.runIf(ready).each(users)('the guard after a sandboxed run, as $who', ({ as }) => {
  it('moves aside a protected directory the command made and left unwritable (mode 0555)', () => {
    base = mkdtempSync(join(tmpdir(), 'nlsh-guard-'));
    chmodSync(base, 0o755);
    const home = join(base, 'home');
    execFileSync('mkdir', ['-m', '755', home]);
    if (as) chownSync(home, as.uid, as.gid);
    const ssh = join(home, '.ssh');
    // rename(2) of a directory into another one needs write permission on the directory itself.
    const guard = runThenGuard(home, 'mkdir .ssh && echo "ssh-ed25519 AAAA attacker" > .ssh/authorized_keys && chmod 555 .ssh && echo PLANTED', as);
    expect(guard).toContain(ssh);
    expect(existsSync(join(ssh, 'authorized_keys')), 'the planted ~/.ssh/authorized_keys is still in place for sshd').toBe(false);
  });
});
