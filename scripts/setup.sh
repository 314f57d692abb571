#!/bin/sh
# Set up nl-sh in this checkout: install npm packages (which bring nl-sh's own Node 24),
# build, and compile the native login launcher. Safe to run again.
set -eu
cd "$(dirname "$0")/.."

if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
npm run build

# User plugins run in isolated-vm, a native addon that must match nl-sh's own Node (its package
# ships a prebuilt binary for Node 24). If npm's install script picked it for another Node, redo
# it with nl-sh's Node first on PATH; if it still cannot load, nl-sh runs with plugins off.
rt=node_modules/node/bin/node
ivm_ok() { "$rt" --no-node-snapshot -e "require('isolated-vm')" >/dev/null 2>&1; }
if [ -x "$rt" ] && ! ivm_ok; then
  rm -rf node_modules/isolated-vm/build
  PATH="$PWD/node_modules/node/bin:$PATH" npm rebuild isolated-vm >/dev/null 2>&1 || true
  ivm_ok || echo "setup: isolated-vm does not load in nl-sh's Node; user plugins will be off" >&2
fi

sh scripts/build-launcher.sh
launcher=$PWD/bin/nl-sh

# The default local model (skip with NLSH_SKIP_MODEL=1); a failure here never fails setup.
sh scripts/setup-model.sh || true

echo "setup: done. Start nl-sh with: $launcher"
echo "setup: to make it your login shell: echo $launcher | sudo tee -a /etc/shells && chsh -s $launcher"
