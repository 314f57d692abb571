// The tiny sh script that runs inside `unshare`: read-only host, then one mount table (see
// mount-table.ts) for the overlays on the roots, its own /proc and /dev, a private /tmp and
// the user's session dirs hidden; the command under `timeout` with stdin from /dev/null, then
// the upper dirs copied out with a listing of each changed directory's merged view (which
// reveals opaque, i.e. replaced, directories).

import { dryRunDevices, dryRunMountTable } from './mount-table.js';

/** Exit status the script uses when the sandbox itself could not be set up. */
export const setupFailedStatus = 213;

const script = String.raw`
fail() { echo "nl-sh-dry-run-setup: $1" >&2; exit 213; }
cmd=$1 cap=$2 secs=$3 out=$4 stage=$5 cwd=$6 table=$7 n=$8; shift 8
sys=/sys
mount -t sysfs -o ro,nosuid,nodev,noexec nlsh-sys /sys 2>/dev/null || sys=/nl-sh-none
# Every host mount read-only, except the trees that are replaced below anyway.
awk '$6 !~ /(^|,)ro(,|$)/ {print $5}' /proc/self/mountinfo | while IFS= read -r m; do
  case "$m" in "$sys"|"$sys"/*|/proc|/proc/*|/dev|/dev/*|/tmp|/tmp/*|/run|/run/*) continue;; esac
  mount -o remount,bind,ro "$m" 2>/dev/null
done
[ -w / ] && fail "could not make the host read-only"
mount -t tmpfs -o "size=$cap,mode=700" nlsh-dry "$stage" || fail "could not mount the upper tmpfs"
cd "$stage" || fail "no stage"
# The user's definitions, kept open on fd 3: the stage itself is out of sight once /tmp is replaced.
cat > defs && exec 3<defs || fail "could not read the definitions"
mkdir out dev || fail "mkdir"
for d in ${dryRunDevices.join(' ')}; do : > "dev/$d" || fail "mkdir"; done
i=0
while [ "$i" -lt "$n" ]; do mkdir "$i" "$i/u" "$i/w" "$i/m" || fail "mkdir"; i=$((i+1)); done
printf '%s' "$table" > table || fail "no table"
mount -c -a -T table 2>err || fail "could not isolate the dry run: $(grep -m 1 mount: err)"
[ -c /dev/null ] && [ ! -e /dev/tty ] || fail "could not mount a private /dev"
# The command runs with no capabilities at all (bounding set emptied, no_new_privs): root of the
# user namespace, which this script needed to be for the mounts, would let it remount the host
# read-write or unmount what hides /run, /tmp and /proc.
(cd "$cwd" && exec timeout -k 1 "$secs" setpriv --bounding-set=-all --inh-caps=-all --ambient-caps=-all --no-new-privs -- bash -c '. /proc/self/fd/3; exec 3<&-; eval "$1"' nl-sh "$cmd" </dev/null)
echo $? > out/status
exec 3<&-
stat -f -c '%a %S' . > out/space
i=0
while [ "$i" -lt "$n" ]; do
  mkdir "out/$i"
  (cd -P "$i/u" && find . -type d -exec sh -c 'for d; do printf "%s\0" "$d"; find "../m/$d" -mindepth 1 -maxdepth 1 -printf "%f\0"; printf "\0"; done' sh {} +) > "out/$i.dirs"
  cp -a "$i/u/." "out/$i/" 2>/dev/null || echo "copy-incomplete" >> out/notes
  i=$((i+1))
done
exit 0
`;

/** The argv that runs `command` dry: unshare, then sh with the script and its arguments. */
export function dryRunArgv(opts: { command: string; capBytes: number; timeoutSeconds: number; outDir: string; stageDir: string; cwd: string; roots: string[]; hidden: string[] }): string[] {
  const table = dryRunMountTable({ outDir: opts.outDir, roots: opts.roots, capBytes: opts.capBytes, hidden: opts.hidden });
  return [
    'unshare', '--user', '--map-root-user', '--mount', '--net', '--pid', '--kill-child',
    'sh', '-c', script, 'nl-sh-dry-run',
    opts.command, String(opts.capBytes), String(opts.timeoutSeconds), opts.outDir, opts.stageDir, opts.cwd, table, String(opts.roots.length),
  ];
}
