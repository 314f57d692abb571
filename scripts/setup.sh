#!/bin/sh
# Set up nl-sh in this checkout: install npm packages (which bring nl-sh's own Node 24),
# build, and compile the native login launcher. Safe to run again.
set -eu
cd "$(dirname "$0")/.."

if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
npm run build

# The launcher, bin/nl-sh: native where a C compiler exists (it alone can see a login argv[0]
# such as "-nl-sh", and it passes every environment entry to bash untouched), else the sh one.
mkdir -p bin
cc=$(command -v cc || command -v gcc || command -v clang || true)
if [ -n "$cc" ] && "$cc" -O2 -Wall -Wextra -o bin/nl-sh.tmp src/launcher/nl-sh.c; then
  mv bin/nl-sh.tmp bin/nl-sh
else
  echo "setup: no C compiler found; using the sh launcher, which cannot tell a login shell (install gcc and run setup again)" >&2
  cp libexec/nl-sh.sh bin/nl-sh.tmp && chmod 755 bin/nl-sh.tmp && mv bin/nl-sh.tmp bin/nl-sh
fi
launcher=$PWD/bin/nl-sh

# Record a Node for the launcher in case the bundled one is missing on this platform.
bundled=$PWD/node_modules/node/bin/node
if [ -x "$bundled" ]; then printf '%s\n' "$bundled" > .node-path; else command -v node > .node-path || true; fi

echo "setup: done. Start nl-sh with: $launcher"
echo "setup: to make it your login shell: echo $launcher | sudo tee -a /etc/shells && chsh -s $launcher"
