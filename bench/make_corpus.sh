#!/bin/sh
# Builds a benchmark corpus of plain-text documents, for the benchmark scripts.
#
#   bench/make_corpus.sh CORPUS_DIR MIN_MB OUT_DIR
#
# Takes the text of the TimeML files under CORPUS_DIR, markup stripped at run time, or the
# articles of samples/ when that folder is absent, and copies the set into OUT_DIR (as
# copy0/, copy1/, ...) as often as needed to reach MIN_MB megabytes. Prints what it made.
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
corpus=$1
min_mb=$2
out=$3

mkdir -p "$out/set"
if [ -d "$corpus" ]; then
    echo "corpus: TimeML text from $corpus"
    python3 - "$corpus" "$out/set" <<'PY'
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
    cp "$root"/samples/*.txt "$out/set/"
fi

set_bytes=$(cat "$out"/set/* | wc -c)
copies=$(( (min_mb * 1000000 + set_bytes - 1) / set_bytes ))
i=0
while [ "$i" -lt "$copies" ]; do
    cp -r "$out/set" "$out/copy$i"
    i=$((i + 1))
done
rm -rf "$out/set"
echo "corpus: $copies copies of $set_bytes bytes"
