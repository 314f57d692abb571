#!/usr/bin/env bash
# Regenerates test/fixtures/recordings/embedded-gemma.jsonl: the real test model's answers to the embedded e2e tests' plan requests (run as in CI: NLSH_TEST_USER set, dist built).
set -euo pipefail
cd "$(dirname "$0")/.."
out=test/fixtures/recordings/embedded-gemma.jsonl
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
rm -f "$tmp"
NLSH_E2E_RECORD="$tmp" npx vitest run test/e2e/embedded-model.test.ts
mkdir -p "$(dirname "$out")"
cp "$tmp" "$out"
echo "recorded $(($(wc -l <"$out") - 1)) exchanges in $out"
