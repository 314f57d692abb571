// Pure: a sandbox profile as bubblewrap arguments. Mounts apply in order and later ones win, so
// the order is: read-only root, fresh /dev and /proc, private /tmp, then writable binds, then
// the protected paths re-bound read-only on top of them.
//
// Security notes (see DESIGN.md "The sandbox"):
// - `--cap-drop ALL`: as root, bwrap keeps capabilities and `--ro-bind / /` would not stop a
//   `mount -o remount,rw /`. Without user namespaces root is not remapped, so drop them always.
// - `--new-session`: the command gets no controlling terminal, so TIOCSTI cannot push
//   keystrokes into the user's shell (CVE-2017-5226). The cost: /dev/tty is unavailable
//   (ENXIO), and the pty's job-control keys reach bwrap, not the command (^C still ends it,
//   since --die-with-parent kills the command when bwrap dies).
// - A read-only bind alone does not stop `mv .git elsewhere && mkdir -p .git/hooks`: renaming
//   an ancestor of a mount point is allowed. So each directory between a writable root and a
//   protected path is bound onto itself (still writable): a mount point cannot be renamed or
//   removed (EBUSY), so the protected path stays where git and bash look for it.
// - Protected paths that do not exist cannot be bound (bwrap would create a host file as the
//   mount point); prepare.ts reports them, and the run moves aside whatever the command left there.
// - The host view (read-only profile where the command is confined from inside): a new pid
//   namespace over the host's /proc, so `ps` shows the host's processes but no host pid can be
//   named to kill(2), ptrace(2) or pidfd_send_signal(2) from inside; the host's network namespace
//   so `ss` shows its listeners, with connections refused by the confinement (socket filter).
// - `hide`: the user's runtime dir holds the D-Bus, agent and container sockets and nl-sh's own
//   control channel (a FIFO stays writable on a read-only mount): each is replaced by an empty
//   tmpfs.

import type { SandboxProfile } from './sandbox-types.js';

/** Tells the builder whether a path exists (inject `existsSync`; keeps the builder pure). */
export type PathExists = (path: string) => boolean;

/** The bwrap argv (path first, ending with `--`) for a profile. */
export function buildBwrapArgs(bwrapPath: string, profile: SandboxProfile, exists: PathExists, helpers: readonly string[] = []): string[] {
  const args = [bwrapPath, '--die-with-parent', '--new-session'];
  // process-control keeps the host's pid namespace: naming host processes is its purpose.
  if (profile.hostView) args.push('--unshare-user-try', '--unshare-ipc', ...(profile.kind === 'process-control' ? [] : ['--unshare-pid']), '--unshare-uts', '--unshare-cgroup-try');
  else args.push('--unshare-all', ...(profile.network ? ['--share-net'] : []));
  args.push('--cap-drop', 'ALL', '--ro-bind', '/', '/', '--dev', '/dev');
  if (!profile.hostView) args.push('--proc', '/proc');
  if (profile.privateTmp) args.push('--tmpfs', '/tmp');
  for (const path of profile.visible) if (exists(path)) args.push('--ro-bind', path, path);
  for (const path of profile.writable) if (exists(path)) args.push('--bind', path, path);
  const pinned = new Set<string>();
  for (const path of profile.protect) {
    if (!exists(path)) continue;
    for (const dir of ancestorsWithinWritable(profile.writable, path)) {
      if (pinned.has(dir)) continue;
      pinned.add(dir);
      args.push('--bind', dir, dir);
    }
  }
  for (const path of profile.protect) if (exists(path)) args.push('--ro-bind', path, path);
  // Last, so that no writable bind (a cwd above the runtime dir) shows it again.
  for (const path of profile.hide) if (exists(path)) args.push('--tmpfs', path);
  // nl-sh's own helper runs inside: bound back wherever it lives (a checkout under /tmp is
  // behind the private /tmp otherwise).
  for (const path of helpers) args.push('--ro-bind', path, path);
  args.push('--');
  return args;
}

/** Protected paths that the builder had to skip because they do not exist. */
export function unboundProtectedPaths(profile: SandboxProfile, exists: PathExists): string[] {
  return profile.protect.filter((p) => !exists(p) && profile.writable.some((w) => p === w || p.startsWith(`${w}/`)));
}

// Directories strictly between the innermost writable root containing `path` and `path`.
function ancestorsWithinWritable(writable: readonly string[], path: string): string[] {
  const root = writable.filter((w) => path.startsWith(`${w}/`)).sort((a, b) => b.length - a.length)[0];
  if (root === undefined) return [];
  const parts = path.slice(root.length + 1).split('/').slice(0, -1);
  return parts.map((_, i) => `${root}/${parts.slice(0, i + 1).join('/')}`);
}
