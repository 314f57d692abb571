#!/bin/sh
# The model step of `npm run setup`: fetch the default local model unless one is set up already
# or NLSH_SKIP_MODEL=1, and say what happened either way. Never fails setup: without a model
# nl-sh still works (Ollama or cloud tiers), and `nl-sh --model pull` gets it later.
cd "$(dirname "$0")/.."
launcher=bin/nl-sh

if [ "${NLSH_SKIP_MODEL:-}" = 1 ]; then
  echo "setup: model skipped (NLSH_SKIP_MODEL=1); get it later with: $launcher --model pull"
  exit 0
fi
echo "setup: fetching the default local model (about 1.1 GB; NLSH_SKIP_MODEL=1 skips this)"
if "$launcher" --model pull --if-missing; then
  echo "setup: model ready"
else
  echo "setup: no local model for now; nl-sh works without it. Get it later with: $launcher --model pull" >&2
  echo "setup: (or, with a GGUF file you have: $launcher --model use FILE.gguf)" >&2
fi
exit 0
