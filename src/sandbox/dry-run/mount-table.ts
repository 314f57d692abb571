// The dry run's mounts after the host is read-only, as one fstab that a single `mount -a`
// applies (one process instead of one per mount: each `mount` costs ~2 ms). Order matters:
// sources under the stage are reached through /proc/self/cwd (the script's cwd is the stage),
// so they still resolve after /tmp (which may hold the stage) is covered; `mount -c` keeps
// libmount from canonicalising them back into hidden paths.

/** The devices a dry run gets in its own /dev; nothing else of the host's /dev is reachable. */
export const dryRunDevices = ['null', 'zero', 'full', 'random', 'urandom'] as const;

/** What the mount table covers. Paths are absolute and free of newlines and backslashes. */
export interface MountTableInput {
  /** Host dir the results are copied to (bound writable into the stage as `out`). */
  outDir: string;
  /** Overlay roots, in order; the stage holds `<i>/u`, `<i>/w`, `<i>/m` for each. */
  roots: readonly string[];
  capBytes: number;
  /** Host dirs replaced by an empty tmpfs (they exist on the host). */
  hidden: readonly string[];
}

/** fstab escaping: whitespace and backslash as octal. */
export function fstabPath(p: string): string {
  return p.replace(/[\\ \t\n]/g, (c) => `\\${c.charCodeAt(0).toString(8).padStart(3, '0')}`);
}

const stage = (rel: string) => `/proc/self/cwd/${rel}`;

/** The fstab text the script hands to `mount -c -a -T`. */
export function dryRunMountTable(input: MountTableInput): string {
  const line = (src: string, dst: string, type: string, opts: string) => `${src} ${dst} ${type} ${opts} 0 0`;
  const rows = [
    line(fstabPath(input.outDir), stage('out'), 'none', 'bind'),
    line('none', stage('out'), 'none', 'remount,bind,rw,nosuid,nodev,noexec'),
    ...input.roots.map((r, i) => line('overlay', stage(`${i}/m`), 'overlay', `lowerdir=${fstabPath(r)},upperdir=${stage(`${i}/u`)},workdir=${stage(`${i}/w`)},userxattr`)),
    // Our own /proc: the pid namespace's processes only. Read-only: as host root the user
    // namespace's root owns /proc/sysrq-trigger and the like.
    line('nlsh-proc', '/proc', 'proc', 'ro,nosuid,nodev,noexec'),
    ...dryRunDevices.map((d) => line(`/dev/${d}`, stage(`dev/${d}`), 'none', 'bind')),
    line(stage('dev'), '/dev', 'none', 'rbind'),
    line('none', '/dev', 'none', 'remount,bind,ro,nosuid,noexec'),
    line('nlsh-tmp', '/tmp', 'tmpfs', `size=${input.capBytes},mode=1777,nosuid,nodev`),
    ...input.roots.map((r, i) => line(stage(`${i}/m`), fstabPath(r), 'none', 'bind,X-mount.mkdir')),
    // Last: a root bound above (a cwd that holds the runtime dir) must not show it again.
    ...input.hidden.map((h) => line('nlsh-hidden', fstabPath(h), 'tmpfs', 'size=16k,mode=755,nosuid,nodev,noexec,X-mount.mkdir')),
  ];
  return rows.join('\n') + '\n';
}
