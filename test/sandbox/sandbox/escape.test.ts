// Escape tests: each prepares a real sandboxed argv and spawns it, as root (like CI) and as the
// unprivileged user nobody (via setpriv). Every file the commands attack is world-writable, so
// only the sandbox stands in the way; a control row shows the same write succeeds unsandboxed.

import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bundledConfinePath, buildProfile, createNodeProbeIo, prepareCommand, probeCapabilities, type SandboxProfile } from '../../../src/sandbox/index.js';
import { gitLinksIn, guardedPaths, linkedProtectedPaths } from '../../../src/flow/contain.js';
import { repoRoot } from '../../support/fixtures.js';
import { availableOrFailInCi } from '../../support/require-in-ci.js';

const caps = probeCapabilities(createNodeProbeIo(process.env), { confinePath: bundledConfinePath() });
const isRoot = process.getuid?.() === 0;
const canSetpriv = isRoot && spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', 'true']).status === 0;
const users = [{ who: 'root', nobody: false }, ...(canSetpriv ? [{ who: 'nobody', nobody: true }] : [])];
const asNobody = ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'];

let base: string;
let home: string;
let proj: string;
let outside: string;
let watched: string[];
const original = 'original\n';

function world(path: string, dir: boolean): void {
  if (dir) mkdirSync(path, { recursive: true });
  else writeFileSync(path, original);
  chmodSync(path, dir ? 0o777 : 0o666);
}

// A fresh tree per test, so one escape cannot hide or cause another.
beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'nl-sh-escape-'));
  chmodSync(base, 0o755);
  home = join(base, 'home');
  proj = join(home, 'proj');
  outside = join(base, 'outside');
  for (const d of [home, proj, join(proj, '.git'), join(proj, '.git', 'hooks'), outside, join(home, '.config'), join(home, '.config', 'nl-sh')]) world(d, true);
  watched = [join(outside, 'target.txt'), join(home, '.bashrc'), join(home, '.profile'), join(proj, '.git', 'config'), join(proj, '.git', 'hooks', 'pre-commit'), join(home, '.config', 'nl-sh', 'config.toml')];
  for (const f of watched) world(f, false);
  symlinkSync(join(outside, 'target.txt'), join(proj, 'link-out'));
  symlinkSync(join(home, '.bashrc'), join(proj, 'link-rc'));
  symlinkSync(join(proj, '.git', 'hooks'), join(proj, 'link-hooks'));
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

function profileFor(cwd: string, network = false): SandboxProfile {
  return buildProfile({ cwd, home, nlshConfigDir: join(home, '.config', 'nl-sh'), network, gitLinks: gitLinksIn(cwd), limits: { memoryBytes: 1 << 30, cpuSeconds: 30 } });
}

function runSandboxed(command: string, profile: SandboxProfile, cwd: string, nobody: boolean): { status: number | null; stderr: string } {
  const prepared = prepareCommand(command, profile, nobody ? { ...caps, root: false } : caps, { exists: existsSync });
  const argv = nobody ? [...asNobody, ...prepared.argv] : prepared.argv;
  const r = spawnSync(argv[0] ?? '', argv.slice(1), { cwd, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: home }, timeout: 15_000 });
  return { status: r.status, stderr: r.stderr };
}

function expectHostUntouched(): void {
  for (const f of watched) expect(readFileSync(f, 'utf8'), f).toBe(original);
  expect(existsSync(join(outside, 'new.txt'))).toBe(false);
  expect(existsSync(join(home, '.bash_login'))).toBe(false);
}

// Attacks from a writable project directory (cwd = proj).
const projAttacks: [string, (p: { outside: string; home: string; proj: string }) => string][] = [
  ['write outside allowed paths', (p) => `echo pwned > ${p.outside}/target.txt; echo pwned > ${p.outside}/new.txt`],
  ['.. traversal', () => 'echo pwned > ../../outside/target.txt; echo pwned > "$(realpath ../..)/outside/new.txt"'],
  ['symlink in cwd to an outside file', () => 'echo pwned > link-out'],
  ['symlink in cwd to an rc file', () => 'echo pwned >> link-rc'],
  ['symlink in cwd to .git/hooks', () => 'echo pwned > link-hooks/pre-commit; echo x > link-hooks/post-checkout'],
  ['git hooks in the writable cwd', () => 'echo pwned > .git/hooks/pre-commit; rm -f .git/hooks/pre-commit; mv .git/hooks .git/h2; echo x > .git/hooks/post-merge'],
  ['moving .git aside and recreating hooks', () => 'mv .git g2; cp -r g2 .git; echo pwned > .git/hooks/pre-commit; echo pwned > .git/config; rm -rf .git'],
  ['git config in the writable cwd', () => 'echo "[core]fsmonitor=evil" >> .git/config; rm -f .git/config; mv .git/config .git/c2'],
  ['nl-sh config', (p) => `echo pwned > ${p.home}/.config/nl-sh/config.toml`],
  ['/proc/self/root', (p) => `echo pwned > /proc/self/root${p.outside}/target.txt`],
  ['/proc/self/cwd/..', () => 'echo pwned > /proc/self/cwd/../../outside/target.txt; echo pwned > /proc/self/cwd/.git/hooks/pre-commit'],
  ['/proc/1/root', (p) => `echo pwned > /proc/1/root${p.outside}/target.txt`],
  ['remount / read-write', (p) => `mount -o remount,rw /; mount -o remount,rw,bind ${p.outside}; echo pwned > ${p.outside}/target.txt`],
  ['remount inside a nested user namespace', (p) => `unshare -rm sh -c 'mount -o remount,rw / ; mount -o remount,rw,bind ${p.outside}; mount -t tmpfs x ${p.proj}/.git/hooks; echo pwned > ${p.outside}/target.txt'`],
  ['bind a writable dir over a protected one', (p) => `mount --bind ${p.proj} ${p.home}/.config/nl-sh; unshare -rm sh -c 'mount --bind /tmp ${p.proj}/.git/hooks && echo pwned > ${p.proj}/.git/hooks/pre-commit'`],
];
// Attacks when the cwd is the home directory: rc files sit inside the writable path.
const homeAttacks: [string, (p: { outside: string; home: string; proj: string }) => string][] = [
  ['rc files inside the writable cwd', () => 'echo pwned >> .bashrc; echo pwned > .profile; rm -f .bashrc; mv .profile p2'],
  ['nl-sh config inside the writable cwd', () => 'echo pwned > .config/nl-sh/config.toml; rm -rf .config/nl-sh; mv .config c2; mkdir -p .config/nl-sh; echo pwned > .config/nl-sh/config.toml'],
];

const sandboxAvailable = availableOrFailInCi(Boolean(caps.bwrap) && (caps.userNamespaces || isRoot), 'bubblewrap and user namespaces');

describe.skipIf(!sandboxAvailable)('sandbox escapes', () => {
  describe.each(users)('as $who', ({ nobody }) => {
    it.each(projAttacks)('blocks %s', (_name, attack) => {
      runSandboxed(attack({ outside, home, proj }), profileFor(proj), proj, nobody);
      expectHostUntouched();
    });
    it.each(homeAttacks)('blocks %s', (_name, attack) => {
      runSandboxed(attack({ outside, home, proj }), profileFor(home), home, nobody);
      expectHostUntouched();
    });
    it('still writes the cwd, and keeps /tmp private', () => {
      const marker = `nl-sh-marker-${process.pid}-${nobody ? 'n' : 'r'}`;
      const r = runSandboxed(`echo ok > allowed.txt && echo x > /tmp/${marker} && cat /tmp/${marker}`, profileFor(proj), proj, nobody);
      expect(r.status, r.stderr).toBe(0);
      expect(readFileSync(join(proj, 'allowed.txt'), 'utf8')).toBe('ok\n');
      expect(existsSync(join(tmpdir(), marker))).toBe(false);
      rmSync(join(proj, 'allowed.txt'));
    });
    it('reports the write outside as a read-only file system', () => {
      const r = runSandboxed(`echo pwned > ${outside}/target.txt`, { ...profileFor(proj), privateTmp: false }, proj, nobody);
      expect(r.status).not.toBe(0);
      expect(r.stderr).toMatch(/Read-only file system/);
    });
  });

  it('control: the same write succeeds unsandboxed as nobody, so only the sandbox blocks it', () => {
    const target = join(outside, 'control.txt');
    world(target, false);
    const r = spawnSync(canSetpriv ? asNobody[0] ?? '' : 'bash', canSetpriv ? [...asNobody.slice(1), 'bash', '-c', `echo changed > ${target}`] : ['-c', `echo changed > ${target}`]);
    expect(r.status).toBe(0);
    expect(readFileSync(target, 'utf8')).toBe('changed\n');
    rmSync(target);
  });
});

// What is left at a path after a sandboxed run and the guard that follows it in the user's bash
// (__nlsh_check_guards, over the paths a session hands it: guardedPaths), as the same user.
function runThenGuard(profile: SandboxProfile, cwd: string, nobody: boolean, command: string): void {
  const prepared = prepareCommand(command, profile, nobody ? { ...caps, root: false } : caps, { exists: existsSync });
  const guarded = guardedPaths(prepared.unpinned, cwd, existsSync, linkedProtectedPaths(profile.protect, profile.writable));
  runSandboxed(command, profile, cwd, nobody);
  const script = `. ${repoRoot}share/bash/integration.bash\n__nlsh_guard=("$@")\n__nlsh_check_guards`;
  const check = [...(nobody ? asNobody : []), 'bash', '-c', script, 'bash', ...guarded];
  spawnSync(check[0] ?? '', check.slice(1), { cwd, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: home, XDG_STATE_HOME: join(home, '.cache', 'state'), __NLSH_NORC: '1' }, timeout: 15_000 });
}
function leftForTheUser(profile: SandboxProfile, cwd: string, path: string, nobody: boolean, command: string): boolean {
  runThenGuard(profile, cwd, nobody, command);
  return existsSync(path);
}

describe.skipIf(!sandboxAvailable)('protected paths hold for what runs outside the sandbox later', () => {
  describe.each(users)('as $who', ({ nobody }) => {
    // Dotfiles kept in a repository and linked into home (stow, chezmoi, yadm): bwrap binds the
    // link's target read-only, not the link, so the link itself can be replaced.
    it('an rc file that is a symlink to the real file cannot be replaced', () => {
      const dotfiles = join(home, 'dotfiles');
      world(dotfiles, true);
      world(join(dotfiles, 'bash_logout'), false);
      const link = join(home, '.bash_logout');
      symlinkSync('dotfiles/bash_logout', link);
      runThenGuard(profileFor(home), home, nobody, 'rm -f .bash_logout && echo pwned > .bash_logout');
      expect(lstatSync(link).isSymbolicLink(), 'the link was replaced by a file the next login shell reads').toBe(true);
      expect(readlinkSync(link)).toBe('dotfiles/bash_logout');
      expect(readFileSync(link, 'utf8')).toBe(original);
    });

    // Files the stock Debian/Ubuntu setup, Fedora's stock ~/.bashrc, systemd and bash-completion
    // read or run from home, none in the protected list today.
    it.each([
      ['~/.bash_completion (sourced by bash-completion in every interactive shell)', '.bash_completion'],
      ['~/.local/share/bash-completion/completions (sourced on the first Tab)', '.local/share/bash-completion/completions/ls'],
      ["~/.bashrc.d (sourced by Fedora's stock ~/.bashrc)", '.bashrc.d/evil.sh'],
      ['~/.local/share/systemd/user (user units, like ~/.config/systemd/user)', '.local/share/systemd/user/evil.service'],
    ])('%s cannot be planted', (_name, rel) => {
      const path = join(home, rel);
      const planted = leftForTheUser(profileFor(home), home, path, nobody, `mkdir -p "$(dirname ${rel})" && echo pwned > ${rel}`);
      expect(planted, `${path} was left for the next shell`).toBe(false);
    });

    // A linked worktree's or a submodule's `.git` is a file naming the git dir: git reads the
    // config (core.fsmonitor, core.hooksPath) of whatever directory it names.
    it('a gitdir link (.git as a file) cannot be pointed at a planted git dir', () => {
      const wt = join(home, 'wt');
      world(wt, true);
      const gitfile = join(wt, '.git');
      world(gitfile, false);
      writeFileSync(gitfile, `gitdir: ${join(outside, 'gitdir')}\n`);
      const before = readFileSync(gitfile, 'utf8');
      const planted = leftForTheUser(profileFor(wt), wt, gitfile, nobody, 'mkdir -p evil/objects evil/refs && echo "ref: refs/heads/main" > evil/HEAD && printf "[core]\\n\\tfsmonitor = touch pwned\\n" > evil/config && echo "gitdir: evil" > .git');
      expect(planted && readFileSync(gitfile, 'utf8') !== before, 'the gitdir link now names a git dir the command made').toBe(false);
    });
  });
});

describe.skipIf(!sandboxAvailable)('sandbox network (loopback)', () => {
  let server: Server;
  let port = 0;
  let connections = 0;
  beforeAll(async () => {
    server = createServer((s) => {
      connections++;
      s.end('hello\n');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const addr = server.address();
    port = typeof addr === 'object' && addr ? addr.port : 0;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  describe.each(users)('as $who', ({ nobody }) => {
    it('cannot reach a host server when network is off', () => {
      const before = connections;
      const r = runSandboxed(`exec 3<>/dev/tcp/127.0.0.1/${port} && head -1 <&3`, profileFor(proj, false), proj, nobody);
      expect(r.status).not.toBe(0);
      // Refused by the socket filter (EACCES) where nl-sh-confine runs, by the empty network namespace elsewhere.
      expect(r.stderr).toMatch(/Connection refused|Network is unreachable|Permission denied/);
      expect(connections).toBe(before);
    });
    it('can reach it when network is on', async () => {
      const before = connections;
      const prepared = prepareCommand(`exec 3<>/dev/tcp/127.0.0.1/${port} && head -1 <&3`, profileFor(proj, true), nobody ? { ...caps, root: false } : caps, { exists: existsSync });
      const argv = nobody ? [...asNobody, ...prepared.argv] : prepared.argv;
      const out = await new Promise<string>((resolve) => {
        const c = spawn(argv[0] ?? '', argv.slice(1), { cwd: proj, env: { PATH: process.env.PATH ?? '' } });
        let s = '';
        c.stdout.on('data', (d: Buffer) => (s += d.toString()));
        c.on('close', () => resolve(s));
      });
      expect(out).toBe('hello\n');
      expect(connections).toBe(before + 1);
    });
  });
});
