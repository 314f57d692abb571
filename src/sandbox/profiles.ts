// Sandbox profiles as data, one per verdict (DESIGN.md "The sandbox enforces the verdict"):
// - read-only: nothing writable, cwd included; no network; where the machine can confine the
//   command from inside (host view), the host's processes, /tmp and listening sockets are
//   visible but cannot be signalled or connected to; elsewhere everything is private.
// - writes: the cwd writable (minus the protected paths), a private /tmp, no network unless the
//   user pressed the key that adds it.
// - process-control: read-only, but the host's processes can be signalled (a confirmed kill).
// Every profile hides nl-sh's runtime directory and the user's sockets under $XDG_RUNTIME_DIR.
// Pure.

import { join } from 'node:path';
import type { ProfileKind, ResourceLimits, SandboxProfile } from './sandbox-types.js';

/** Files and directories in the home directory that shells read at start (and so run). */
export const shellRcFiles: readonly string[] = Object.freeze([
  '.bashrc', '.bash_profile', '.bash_login', '.bash_logout', '.bash_aliases', '.bash_completion', '.bashrc.d',
  '.profile', '.inputrc', '.zshrc', '.zshenv', '.zprofile', '.zlogin', '.zlogout', '.kshrc', '.mkshrc', '.cshrc', '.tcshrc',
]);

/**
 * Other home paths that programs run outside the sandbox read as configuration, code or
 * credentials. `.config` and `.local` are protected whole (fish, systemd user units, autostart,
 * bash-completion's user completions, ~/.local/bin on PATH, Python's user site-packages, desktop
 * entries...): a list of what lies inside them would always miss something. `.cache` stays writable.
 */
export const homeProtectedPaths: readonly string[] = Object.freeze([
  '.config', '.local', '.ssh', '.gnupg', '.gitconfig', '.git-credentials', 'bin', '.pam_environment', '.xprofile', '.xsession',
  '.xsessionrc', '.xinitrc', '.Xresources', '.netrc', '.docker', '.kube', '.aws', '.azure', '.npmrc', '.yarnrc', '.pypirc',
  '.pip', '.cargo/config.toml', '.cargo/config', '.cargo/env', '.cargo/bin', '.rustup/settings.toml', '.nvm', '.pyenv',
  '.rbenv', '.sdkman', '.vimrc', '.vim', '.exrc', '.nanorc', '.emacs', '.emacs.d', '.gdbinit', '.lldbinit', '.tmux.conf',
  '.screenrc', '.curlrc', '.wgetrc', '.mailcap', '.lesskey', '.terraformrc', '.m2/settings.xml', '.gradle/init.d',
  '.gradle/gradle.properties', '.mozilla', '.thunderbird', '.selected_editor', '.sudo_as_admin_successful',
]);

/** Paths inside each writable directory that git reads as configuration or runs (`.git` itself too, when it is a gitdir link: see `gitLinks`). */
export const repoProtectedPaths: readonly string[] = Object.freeze([
  '.git/hooks', '.git/config', '.git/config.worktree', '.git/commondir', '.git/info', '.git/modules',
  '.git/worktrees', '.envrc', '.gitmodules',
]);

/** The facts a profile is built from. Paths are absolute and already resolved (realpath). */
export interface ProfileFacts {
  /** What the verdict calls for (absent: writes, the profile of a confirmed command). */
  kind?: ProfileKind;
  cwd: string;
  home: string;
  /** nl-sh's config directory (config.ts `configDir`). */
  nlshConfigDir: string;
  /** nl-sh's state and cache directories (history, plan cache, audit log). */
  nlshDataDirs?: string[];
  /** Directories replaced by an empty one: $XDG_RUNTIME_DIR, nl-sh's session directories. */
  hide?: string[];
  /** The user pressed the key that gives this command the network. */
  network: boolean;
  /** The machine confines commands from inside (fs, sockets, ptrace), so the host may be shown read-only. */
  hostView?: boolean;
  /** Further paths the command needs to write (absent: none). */
  extraWritable?: string[];
  /** `.git` files (gitdir links of worktrees and submodules) in the writable paths: protected whole. */
  gitLinks?: string[];
  limits?: ResourceLimits;
  name?: string;
}

/** Limits applied when the caller gives none: 2 GiB data, 10 min CPU, 4 GiB files, 4096 tasks. */
export const defaultLimits: Readonly<ResourceLimits> = Object.freeze({
  memoryBytes: 2 * 1024 ** 3,
  cpuSeconds: 600,
  fileSizeBytes: 4 * 1024 ** 3,
  processes: 4096,
});

/** The always-protected paths for these writable directories and home. */
export function protectedPathsFor(writable: readonly string[], home: string, nlshConfigDir: string, dataDirs: readonly string[] = []): string[] {
  const paths = [...shellRcFiles.map((f) => join(home, f)), ...homeProtectedPaths.map((f) => join(home, f)), nlshConfigDir, ...dataDirs];
  for (const dir of writable) for (const p of repoProtectedPaths) paths.push(join(dir, p));
  return [...new Set(paths)];
}

/** Build the profile for one command from the facts. */
export function buildProfile(facts: ProfileFacts): SandboxProfile {
  const kind = facts.kind ?? 'writes';
  const writes = kind === 'writes';
  const writable = writes ? [...new Set([facts.cwd, ...(facts.extraWritable ?? [])])] : [];
  const network = writes && facts.network;
  const hostView = !writes && (facts.hostView ?? false);
  return {
    name: facts.name ?? profileName(kind, network),
    kind,
    writable,
    visible: writes ? [] : [facts.cwd],
    protect: writes ? [...protectedPathsFor(writable, facts.home, facts.nlshConfigDir, facts.nlshDataDirs), ...(facts.gitLinks ?? [])] : [],
    hide: [...new Set(facts.hide ?? [])],
    privateTmp: !hostView,
    hostView,
    network,
    limits: { ...(facts.limits ?? defaultLimits) },
  };
}

function profileName(kind: ProfileKind, network: boolean): string {
  if (kind === 'writes') return network ? 'cwd-write+network' : 'cwd-write';
  return kind;
}
