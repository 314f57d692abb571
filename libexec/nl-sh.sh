#!/bin/sh
# nl-sh's compile-free launcher, installed as bin/nl-sh only where setup found no C compiler
# for the native one (src/launcher/nl-sh.c, whose rules this mirrors). Two limits follow from
# being a script run by /bin/sh, and are why the native launcher exists: a script never sees a
# login argv[0] ("-nl-sh"), and dash drops environment entries that are not shell identifiers
# (bash's exported functions). Everything else: non-interactive use execs bash directly (same
# bytes, same status, no lingering process); interactive use runs nl-sh's Node; anything
# missing means plain bash with a one-line warning. Nobody is ever locked out.

# Bash as sshd or login would run it: by name, so that $0 and messages say "bash".
nlsh_exec_bash() {
  if [ -n "${NLSH_BASH:-}" ]; then exec "$NLSH_BASH" "$@"; fi
  if command -v bash >/dev/null 2>&1; then exec bash "$@"; fi
  for c in /bin/bash /usr/bin/bash /usr/local/bin/bash; do [ -x "$c" ] && exec "$c" "$@"; done
  echo "nl-sh: no bash found; install bash" >&2
  exit 127
}

nlsh_fallback() {
  echo "nl-sh: $1; starting plain bash (see 'nl-sh --doctor')" >&2
  shift
  nlsh_exec_bash "$@"
}

# Decide as bash does: -c or a script operand means non-interactive; otherwise stdin and
# stderr must both be terminals. nl-sh's own flags (before any operand) always run nl-sh.
nlsh_wants_nlsh() {
  own=no
  skip=no
  while [ $# -gt 0 ]; do
    a=$1
    shift
    if [ "$skip" = yes ]; then skip=no; continue; fi
    case "$a" in
      --|-) [ $# -gt 0 ] && { [ "$own" = yes ]; return; }; break ;;
      --version|--help|--route|--risk|--suggest|--ask|--dry-run|--doctor|--config|--history|--model|--explain|--json|--print-command|--nlsh-*) own=yes ;;
      --rcfile|--init-file) skip=yes ;;
      --*) ;;
      -*c*) [ "$own" = yes ]; return ;;
      -?*|+?*) case "$a" in *[oO]*) skip=yes ;; esac ;;
      *) [ "$own" = yes ]; return ;;
    esac
  done
  [ "$own" = yes ] && return 0
  [ "${NLSH_DISABLE:-}" = 1 ] && return 1
  [ "${TERM:-}" = dumb ] && return 1
  [ -t 0 ] && [ -t 2 ]
}

nlsh_wants_nlsh "$@" || nlsh_exec_bash "$@"

# Our install directory: this file is <root>/bin/nl-sh or <root>/libexec/nl-sh.sh.
self=$0
[ -e "$self" ] || nlsh_fallback "cannot locate its install directory" "$@"
if [ -h "$self" ]; then self=$(readlink -f -- "$self" 2>/dev/null) || self=$0; fi
dir=${self%/*}
[ "$dir" = "$self" ] && dir=.
root=$(cd "$dir/.." 2>/dev/null && pwd -P) || nlsh_fallback "cannot locate its install directory" "$@"

node=$root/node_modules/node/bin/node
# Node 20 knows these; the bundled Node also the last two (an unknown flag stops Node at once).
flags='--liftoff-only --max-semi-space-size=1 --max-opt=2 --optimize-for-size --expose-gc'
if [ -x "$node" ]; then
  flags="$flags --wasm-wrapper-tiering-budget=1000000000 --invocation-count-for-feedback-allocation=64"
else
  node=
  [ -r "$root/.node-path" ] && IFS= read -r node < "$root/.node-path"
  [ -n "$node" ] && [ -x "$node" ] || node=$(command -v node 2>/dev/null)
fi
[ -n "$node" ] || nlsh_fallback "no Node.js runtime found (run 'npm run setup' in $root)" "$@"
[ -f "$root/dist/entry.js" ] || nlsh_fallback "not built (run 'npm run setup' in $root)" "$@"

# V8 flags that bound the shell's memory: see src/launcher/nl-sh.c.
# shellcheck disable=SC2086 # the flags are words
NLSH_ROOT=$root NLSH_ARGV0=$0 exec "$node" $flags "$root/dist/entry.js" "$@"
nlsh_fallback "could not run $node" "$@"
