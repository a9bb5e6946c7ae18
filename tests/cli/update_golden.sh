#!/usr/bin/env bash
# Regenerates the expected outputs of the golden tests (tests/data/golden/) from the current
# build. This is the deliberate way to accept new output when a stage changes: run it, read
# `git diff tests/data/golden` to check that every change is an improvement, and commit the
# new files with the change that caused them.
#
#   tests/cli/update_golden.sh [BUILD_DIR]     (default: build/dev)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=${1:-$root/build/dev}
annals=$build/tools/annals
if [ ! -x "$annals" ]; then
  echo "update_golden: no annals binary at $annals; build first or name the build folder" >&2
  exit 2
fi

golden=$root/tests/data/golden
mkdir -p "$golden"
for text in "$root"/samples/*.txt; do
  name=$(basename "$text" .txt)
  twin=$root/samples/jsonl/$name.jsonl
  # The .txt file is run with its twin's date, as cli_tests.py does.
  dct=$(python3 -c 'import json, sys; print(json.loads(open(sys.argv[1], encoding="utf-8").readline())["date"])' "$twin")
  (cd "$root" && "$annals" extract "samples/jsonl/$name.jsonl") > "$golden/$name.jsonl"
  (cd "$root" && "$annals" extract "samples/$name.txt" --dct "$dct") > "$golden/$name.txt.jsonl"
  echo "update_golden: wrote tests/data/golden/$name.jsonl and $name.txt.jsonl"
done
