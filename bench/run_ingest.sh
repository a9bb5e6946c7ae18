#!/bin/sh
# Ingest + segmentation benchmark.
#
#   bench/run_ingest.sh [CORPUS_DIR] [MIN_MB]
#
# Builds a corpus of plain-text documents in a temporary folder with make_corpus.sh: the
# text of the TimeML files under CORPUS_DIR (default: ../shared/corpus beside the source
# tree), or the articles of samples/ when that folder is absent, copied as often as needed
# to reach MIN_MB megabytes (default 50). Nothing is written into
# the source tree but the release build. Then builds the release preset and runs
# annals_bench_ingest on one and two threads.
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
corpus=${1:-"$root/../shared/corpus"}
min_mb=${2:-50}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM

sh "$root/bench/make_corpus.sh" "$corpus" "$min_mb" "$work"

cd "$root"
cmake --preset release >/dev/null
cmake --build --preset release --target annals_bench_ingest -j2 >/dev/null
"$root/build/release/bench/annals_bench_ingest" --rounds 3 "$work"
