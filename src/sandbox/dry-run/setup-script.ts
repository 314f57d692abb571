// The tiny sh script that runs inside `unshare`: read-only host, overlays on the roots, a
// private /tmp, the command under `timeout`, then the upper dirs copied out with a listing
// of each changed directory's merged view (which reveals opaque, i.e. replaced, directories).

/** Exit status the script uses when the sandbox itself could not be set up. */
export const setupFailedStatus = 213;

const script = String.raw`
fail() { echo "nl-sh-dry-run-setup: $1" >&2; exit 213; }
cmd=$1 cap=$2 secs=$3 out=$4 stage=$5 cwd=$6; shift 6
skip=/nl-sh-none
mount -t sysfs -o ro,nosuid,nodev,noexec nlsh-sys /sys 2>/dev/null && skip=/sys
awk -v skip="$skip" '$6 !~ /(^|,)ro(,|$)/ && $5 != skip && index($5, skip "/") != 1 {print $5}' /proc/self/mountinfo | while IFS= read -r m; do
  mount -o remount,bind,ro "$m" 2>/dev/null
done
[ -w / ] && fail "could not make the host read-only"
mount -t tmpfs -o "size=$cap,mode=700" nlsh-dry "$stage" || fail "could not mount the upper tmpfs"
cd "$stage" || fail "no stage"
mkdir out && mount --bind "$out" out && mount -o remount,bind,rw out || fail "could not bind the output dir"
i=0
for r; do
  mkdir "$i" "$i/u" "$i/w" "$i/m" || fail "mkdir"
  mount -t overlay overlay -o "lowerdir=$r,upperdir=$stage/$i/u,workdir=$stage/$i/w,userxattr" "$i/m" || fail "could not mount an overlay on $r"
  i=$((i+1))
done
mount -t tmpfs -o "size=$cap,mode=1777" nlsh-tmp /tmp || fail "could not mount a private /tmp"
i=0
for r; do
  mkdir -p "$r" 2>/dev/null
  mount --bind "$i/m" "$r" || fail "could not bind the overlay on $r"
  i=$((i+1))
done
(cd "$cwd" && exec timeout -k 1 "$secs" bash -c "$cmd" nl-sh </dev/null)
echo $? > out/status
stat -f -c '%a %S' . > out/space
i=0
for r; do
  mkdir "out/$i"
  (cd -P "$i/u" && find . -type d -exec sh -c 'for d; do printf "%s\0" "$d"; find "../m/$d" -mindepth 1 -maxdepth 1 -printf "%f\0"; printf "\0"; done' sh {} +) > "out/$i.dirs"
  cp -a "$i/u/." "out/$i/" 2>/dev/null || echo "copy-incomplete" >> out/notes
  i=$((i+1))
done
exit 0
`;

/** The argv that runs `command` dry: unshare, then sh with the script and its arguments. */
export function dryRunArgv(opts: { command: string; capBytes: number; timeoutSeconds: number; outDir: string; stageDir: string; cwd: string; roots: string[] }): string[] {
  return [
    'unshare', '--user', '--map-root-user', '--mount', '--net', '--pid', '--kill-child',
    'sh', '-c', script, 'nl-sh-dry-run',
    opts.command, String(opts.capBytes), String(opts.timeoutSeconds), opts.outDir, opts.stageDir, opts.cwd, ...opts.roots,
  ];
}
