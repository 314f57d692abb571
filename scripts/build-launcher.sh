#!/bin/sh
# Build bin/nl-sh, the launcher, and bin/nl-sh-confine, the sandbox's helper (below). The launcher: native where a C compiler exists (it alone can see a login
# argv[0] such as "-nl-sh", and it passes every environment entry to bash untouched), else the
# POSIX sh one. Used by setup (a checkout), prepack (the npm package) and postinstall (a machine
# that installed the package: the shipped binary is rebuilt for it, or replaced if it cannot run).
set -eu
cd "$(dirname "$0")/.."
mkdir -p bin
cc=$(command -v cc || command -v gcc || command -v clang || true)
if [ -n "$cc" ] && "$cc" -O2 -Wall -Wextra -o bin/nl-sh.tmp src/launcher/nl-sh.c; then
  mv bin/nl-sh.tmp bin/nl-sh
elif [ -x bin/nl-sh ] && NLSH_DISABLE=1 bin/nl-sh -c true 2>/dev/null; then
  echo "nl-sh: no C compiler found; keeping the launcher that came with the package" >&2
else
  echo "nl-sh: no C compiler found; using the sh launcher, which cannot tell a login shell (install gcc and run setup again)" >&2
  cp libexec/nl-sh.sh bin/nl-sh.tmp && chmod 755 bin/nl-sh.tmp && mv bin/nl-sh.tmp bin/nl-sh
fi

# nl-sh-confine applies Landlock, seccomp and limits inside the sandbox. Without a compiler a
# shipped binary is kept if it runs here; otherwise there is none, and the sandbox says it is
# degraded (the capability probe finds no helper).
if [ -n "$cc" ] && "$cc" -O2 -Wall -Wextra -o bin/nl-sh-confine.tmp src/confine/nl-sh-confine.c src/confine/pids-cgroup.c src/confine/reaper.c src/confine/signal-guard.c; then
  mv bin/nl-sh-confine.tmp bin/nl-sh-confine
elif [ -x bin/nl-sh-confine ] && bin/nl-sh-confine --probe >/dev/null 2>&1; then
  echo "nl-sh: no C compiler found; keeping the sandbox helper that came with the package" >&2
else
  rm -f bin/nl-sh-confine bin/nl-sh-confine.tmp
  echo "nl-sh: no C compiler found; the sandbox runs without its helper (no Landlock or seccomp; install gcc and run setup again)" >&2
fi

# Record a Node for the launcher in case the bundled one is missing on this platform.
bundled=$PWD/node_modules/node/bin/node
if [ -x "$bundled" ]; then printf '%s\n' "$bundled" > .node-path; else command -v node > .node-path || true; fi
