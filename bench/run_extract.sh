#!/bin/sh
# Whole-pipeline benchmark: `annals extract` (every stage, records written) on one and two
# threads.
#
#   bench/run_extract.sh [CORPUS_DIR] [MIN_MB] [ROUNDS]
#
# Builds a corpus with make_corpus.sh (default: the TimeML text of ../shared/corpus, copied
# to reach MIN_MB megabytes, default 20), builds the release preset and runs the annals
# binary ROUNDS times (default 3) per thread count. Reports the best wall time as MB/s and
# documents/s, start-up included, the peak memory of that process, and the speed-up of -j 2,
# beside that of two -j 1 processes run at once on the two halves of the documents. Every run
# writes its records to a new file; the last run's file is deleted and written back to disk
# before the clock starts.
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
corpus=${1:-"$root/../shared/corpus"}
min_mb=${2:-20}
rounds=${3:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM

sh "$root/bench/make_corpus.sh" "$corpus" "$min_mb" "$work/in"

cd "$root"
cmake --preset release >/dev/null
cmake --build --preset release --target annals_cli -j2 >/dev/null
python3 - "$root/build/release/tools/annals" "$work" "$rounds" <<'PY'
import os, pathlib, subprocess, sys, time
annals, work, rounds = sys.argv[1], pathlib.Path(sys.argv[2]), int(sys.argv[3])
files = [p for p in (work / "in").rglob("*") if p.is_file()]
mb = sum(p.stat().st_size for p in files) / 1e6
print(f"input: {len(files)} documents, {mb:.1f} MB")
best = {}
for jobs in (1, 2):
    runs = []
    for _ in range(rounds):
        out = work / f"out{jobs}.jsonl"
        # Each timed run writes a new file, as a first run into a fresh folder does: replacing
        # the last round's 200 MB of records would time the kernel freeing them as well.
        out.unlink(missing_ok=True)
        os.sync()
        start = time.perf_counter()
        # wait4 gives this child's own peak memory.
        proc = subprocess.Popen([annals, "extract", str(work / "in"), "-j", str(jobs), "-o", str(out)],
                                stdout=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        if status != 0:
            sys.exit(f"annals extract -j {jobs} failed with status {status}")
        runs.append((wall, usage.ru_maxrss / 1024))
    wall, rss = min(runs)
    best[jobs] = wall
    print(f"-j {jobs}: {wall:.2f} s = {mb / wall:.1f} MB/s, {len(files) / wall:.0f} documents/s, "
          f"peak memory {rss:.0f} MB (best of {rounds})")
print(f"-j 2 speed-up: {best[1] / best[2]:.2f}x")
# For reference, what the machine gives two independent processes of this work: two -j 1 runs
# at once, each on half of the documents. They share caches and memory bandwidth as two
# threads do, but each also loads the resources and reads and writes its own files.
halves = [work / "half0", work / "half1"]
for i, f in enumerate(sorted(files)):
    dst = halves[i % 2] / f.relative_to(work / "in")
    dst.parent.mkdir(parents=True, exist_ok=True)
    os.link(f, dst)
walls = []
for _ in range(rounds):
    for h in halves:
        (work / f"{h.name}.jsonl").unlink(missing_ok=True)
    os.sync()
    start = time.perf_counter()
    procs = [subprocess.Popen([annals, "extract", str(h), "-j", "1", "-o", str(work / f"{h.name}.jsonl")],
                              stdout=subprocess.DEVNULL) for h in halves]
    if any(p.wait() != 0 for p in procs):
        sys.exit("annals extract on half of the input failed")
    walls.append(time.perf_counter() - start)
print(f"two -j 1 processes at once, half the documents each: {min(walls):.2f} s = "
      f"{best[1] / min(walls):.2f}x the -j 1 run (best of {rounds})")
same = (work / "out1.jsonl").read_bytes() == (work / "out2.jsonl").read_bytes()
print(f"-j 1 and -j 2 records identical: {'yes' if same else 'NO'}")
PY
