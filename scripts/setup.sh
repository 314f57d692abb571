#!/bin/sh
# Set up nl-sh in this checkout: install npm packages (which bring nl-sh's own Node 24),
# build, and compile the native login launcher. Safe to run again.
set -eu
cd "$(dirname "$0")/.."

if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
npm run build

# The native login launcher (build/nl-sh): the only way to see a login argv[0] such as "-nl-sh".
mkdir -p build
cc=$(command -v cc || command -v gcc || command -v clang || true)
if [ -n "$cc" ] && "$cc" -O2 -Wall -Wextra -o build/nl-sh.tmp src/launcher/login-launcher.c; then
  mv build/nl-sh.tmp build/nl-sh
  launcher=$PWD/build/nl-sh
else
  echo "setup: no C compiler; using bin/nl-sh (as a login shell it cannot tell login from non-login: install gcc and run setup again)" >&2
  launcher=$PWD/bin/nl-sh
fi

# Record a Node for the launcher in case the bundled one is missing on this platform.
bundled=$PWD/node_modules/node/bin/node
if [ -x "$bundled" ]; then printf '%s\n' "$bundled" > .node-path; else command -v node > .node-path || true; fi

echo "setup: done. Start nl-sh with: $launcher"
echo "setup: to make it your login shell: echo $launcher | sudo tee -a /etc/shells && chsh -s $launcher"
