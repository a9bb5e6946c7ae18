#!/bin/sh
# Ingest + segmentation benchmark.
#
#   bench/run_ingest.sh [CORPUS_DIR] [MIN_MB]
#
# Builds a corpus of plain-text documents in a temporary folder: the text of the TimeML
# files under CORPUS_DIR (default: ../shared/corpus beside the source tree), markup
# stripped at run time, or the articles of samples/ when that folder is absent; the set is
# copied as often as needed to reach MIN_MB megabytes (default 50). Nothing is written into
# the source tree but the release build. Then builds the release preset and runs
# annals_bench_ingest on one and two threads.
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
corpus=${1:-"$root/../shared/corpus"}
min_mb=${2:-50}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM

mkdir -p "$work/set"
if [ -d "$corpus" ]; then
    echo "corpus: TimeML text from $corpus"
    python3 - "$corpus" "$work/set" <<'PY'
import html, pathlib, re, sys
src, dst = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
n = 0
for f in sorted(src.rglob("*.tml")):
    xml = f.read_text(encoding="utf-8", errors="replace")
    m = re.search(r"<TEXT>(.*?)</TEXT>", xml, re.S)
    if not m:
        continue
    text = html.unescape(re.sub(r"<[^>]+>", "", m.group(1))).strip()
    if text:
        n += 1
        (dst / f"doc{n:05d}.txt").write_text(text + "\n", encoding="utf-8")
print(f"{n} documents")
PY
else
    echo "corpus: samples/ (no corpus at $corpus)"
    cp "$root"/samples/*.txt "$work/set/"
fi

set_bytes=$(cat "$work"/set/* | wc -c)
copies=$(( (min_mb * 1000000 + set_bytes - 1) / set_bytes ))
i=0
while [ "$i" -lt "$copies" ]; do
    cp -r "$work/set" "$work/copy$i"
    i=$((i + 1))
done
rm -rf "$work/set"
echo "corpus: $copies copies of $set_bytes bytes"

cd "$root"
cmake --preset release >/dev/null
cmake --build --preset release --target annals_bench_ingest -j2 >/dev/null
"$root/build/release/bench/annals_bench_ingest" --rounds 3 "$work"
