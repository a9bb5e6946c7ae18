#!/usr/bin/env python3
"""Tests of the built `annals` command line, run by ctest (see CMakeLists.txt beside this file).

    cli_tests.py CHECK --annals BIN --validate BIN --source DIR --work DIR [NAME]

CHECK is one of: golden NAME, determinism, bad-input, usage, seed. Each prints what it
did and exits 0 when it passed, 1 when it failed. Only the standard library is used.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import seed_expected  # noqa: E402  (beside this file)

FAILURES = []


def fail(message):
    FAILURES.append(message)
    print("FAIL: " + message, file=sys.stderr)


def run(args, stdin=None):
    """Runs a command, returning (exit status, stdout bytes, stderr text)."""
    proc = subprocess.run(args, input=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    return proc.returncode, proc.stdout, proc.stderr.decode("utf-8", "replace")


def fresh_dir(path):
    if path.exists():
        shutil.rmtree(path)
    path.mkdir(parents=True)
    return path


def parse_records(data, what):
    records = []
    for number, line in enumerate(data.decode("utf-8").splitlines(), 1):
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError as error:
            fail(f"{what}:{number}: not JSON: {error}")
    return records


def first_difference(want, got, path=""):
    """The JSON Pointer of the first place two values differ, with both values; None if equal."""
    if type(want) is not type(got):
        return path or "/", want, got
    if isinstance(want, dict):
        for key in sorted(set(want) | set(got)):
            if key not in want or key not in got:
                return f"{path}/{key}", want.get(key, "<absent>"), got.get(key, "<absent>")
            diff = first_difference(want[key], got[key], f"{path}/{key}")
            if diff:
                return diff
        return None
    if isinstance(want, list):
        for i, (w, g) in enumerate(zip(want, got)):
            diff = first_difference(w, g, f"{path}/{i}")
            if diff:
                return diff
        if len(want) != len(got):
            return f"{path} (length)", len(want), len(got)
        return None
    return None if want == got else (path or "/", want, got)


def validate(opts, records_file, text_file=None):
    args = [opts.validate, str(opts.source / "schemas" / "document.schema.json"), str(records_file)]
    if text_file:
        args += ["--text", str(text_file)]
    status, out, err = run(args)
    print(out.decode().strip())
    if status != 0:
        fail(f"{records_file} does not validate:\n{err}")


def compare_golden(opts, label, args, expected_file):
    status, out, err = run([opts.annals, "extract", *args])
    if status != 0:
        fail(f"{label}: annals extract exited {status}: {err}")
        return
    got_file = opts.work / (expected_file.stem + ".got.jsonl")
    got_file.write_bytes(out)
    validate(opts, got_file)
    if not expected_file.exists():
        fail(f"{label}: no expected output {expected_file}; run tests/cli/update_golden.sh")
        return
    want = parse_records(expected_file.read_bytes(), str(expected_file))
    got = parse_records(out, label)
    diff = first_difference(want, got)
    if diff:
        where, w, g = diff
        fail(f"{label}: output differs from {expected_file} at {where}\n  expected: {json.dumps(w, ensure_ascii=False)}"
             f"\n  got:      {json.dumps(g, ensure_ascii=False)}\n"
             "  (if the change is intended, accept it with tests/cli/update_golden.sh)")
    else:
        print(f"{label}: {len(got)} record(s) match {expected_file.name}")


def check_golden(opts):
    name = opts.name
    samples = opts.source / "samples"
    golden = opts.source / "tests" / "data" / "golden"
    twin = samples / "jsonl" / f"{name}.jsonl"
    compare_golden(opts, f"{name}.jsonl", [str(twin)], golden / f"{name}.jsonl")
    # The .txt file with the twin's date as --dct.
    dct = json.loads(twin.read_text(encoding="utf-8").splitlines()[0])["date"]
    compare_golden(opts, f"{name}.txt", [str(samples / f"{name}.txt"), "--dct", dct], golden / f"{name}.txt.jsonl")


def check_determinism(opts):
    samples = opts.source / "samples"
    # Many documents, so that -j 2 really interleaves work across threads and batches.
    many = fresh_dir(opts.work / "many")
    texts = sorted(samples.glob("*.txt"))
    for i in range(120):
        shutil.copyfile(texts[i % len(texts)], many / f"doc-{i:03d}.txt")
    for label, inputs in (("samples/", [str(samples)]), ("120 copies", [str(many), "--dct", "2024-01-15"])):
        outputs = {}
        for run_label, extra in (("-j 1", ["-j", "1"]), ("-j 2", ["-j", "2"]), ("-j 1 again", ["-j", "1"])):
            status, out, err = run([opts.annals, "extract", *inputs, *extra])
            if status != 0:
                fail(f"{label} {run_label}: exited {status}: {err}")
            outputs[run_label] = out
        if not outputs["-j 1"]:
            fail(f"{label}: no output")
        for run_label, out in outputs.items():
            if out != outputs["-j 1"]:
                fail(f"{label}: {run_label} output differs from -j 1 output")
        count = outputs["-j 1"].count(b"\n")
        print(f"{label}: {count} records, identical bytes for -j 1, -j 2 and a second run")
    # stdin and -o give the same bytes as a file on stdout.
    twin = samples / "jsonl" / "court.jsonl"
    _, from_file, _ = run([opts.annals, "extract", str(twin)])
    status, from_stdin, err = run([opts.annals, "extract", "-"], stdin=twin.read_bytes())
    if status != 0 or from_stdin != from_file:
        fail(f"stdin: exit {status}, output {'equals' if from_stdin == from_file else 'differs from'} the file's: {err}")
    out_file = opts.work / "out.jsonl"
    status, _, err = run([opts.annals, "extract", str(twin), "-o", str(out_file)])
    if status != 0 or not out_file.exists() or out_file.read_bytes() != from_file:
        fail(f"-o: exit {status}, the file does not hold the stdout output: {err}")
    print("stdin and -o: same bytes as a file on stdout")


def check_bad_input(opts):
    folder = fresh_dir(opts.work / "bad")
    (folder / "good.txt").write_text("Ministers met in Lisbon on Monday. They agreed to meet again.\n", encoding="utf-8")
    (folder / "latin1.txt").write_bytes(b"The caf\xe9 opened.\nIt closed \xff again.\n")
    (folder / "feed.jsonl").write_bytes(
        b'{"id": "first", "text": "The court sat on Tuesday.", "date": "2024-02-09"}\n'
        b'{"id": "broken", "text": "no closing quote}\n'
        b'{"id": "third", "text": "The judge spoke."}\n')
    status, out, err = run([opts.annals, "extract", str(folder)])
    print(err.rstrip())
    if status != 1:
        fail(f"exit status {status}, expected 1")
    records = parse_records(out, "stdout")
    ids = [r.get("doc", {}).get("id") for r in records]
    if ids != ["first", "third", "good.txt"]:
        fail(f"records for {ids}, expected first, third, good.txt")
    records_file = opts.work / "bad.got.jsonl"
    records_file.write_bytes(out)
    validate(opts, records_file)
    lines = err.splitlines()
    for line in lines:
        if not line.startswith("annals: "):
            fail(f"stderr line does not start with 'annals: ': {line}")
    for bad, where in (("latin1.txt", ":1: byte 7"), ("feed.jsonl", ":2")):
        about = [line for line in lines if bad in line]
        if len(about) != 1:
            fail(f"{len(about)} messages name {bad}, expected one")
        elif not about[0].startswith(f"annals: {folder / bad}{where}"):
            fail(f"message for {bad} does not give its location {folder / bad}{where}: {about[0]}")
    if "good.txt" in err:
        fail("the good file is named on stderr")


def check_usage(opts):
    missing = opts.work / "absent.txt"
    sample = str(opts.source / "samples" / "court.txt")
    usage_errors = {
        "no subcommand": [],
        "unknown subcommand": ["frobnicate"],
        "extract without input": ["extract"],
        "unknown option": ["extract", "--no-such-flag", sample],
        "impossible --dct": ["extract", "--dct", "2021-02-30", sample],
        "free-text --dct": ["extract", "--dct", "last Tuesday", sample],
        "-j 0": ["extract", "-j", "0", sample],
        "-j not a number": ["extract", "-j", "many", sample],
        "bad --stdin-format": ["extract", "--stdin-format", "xml", "-"],
    }
    for label, args in usage_errors.items():
        status, out, err = run([opts.annals, *args], stdin=b"")
        if status != 2:
            fail(f"{label}: exit status {status}, expected 2")
        if not err.startswith("annals: "):
            fail(f"{label}: stderr does not start with 'annals: ': {err!r}")
        if out:
            fail(f"{label}: wrote to stdout")
    print(f"{len(usage_errors)} usage errors exit 2 with 'annals: ' messages")
    for args in (["--help"], ["extract", "--help"], ["-h"]):
        status, out, err = run([opts.annals, *args])
        text = out.decode()
        if status != 0 or "Usage" not in text:
            fail(f"annals {' '.join(args)}: exit {status}, no usage text")
        if args[0] == "extract" and "--dct" not in text:
            fail("annals extract --help does not describe --dct")
    status, out, err = run([opts.annals, "extract", str(missing)])
    if status != 1 or not err.startswith(f"annals: {missing}"):
        fail(f"a missing input: exit {status} (expected 1), stderr {err!r}")
    print("--help exits 0; a missing input exits 1 and is named")


def check_seed(opts):
    seed = (opts.source / ".." / "shared" / "corpus" / "seed" / "coalition-rome.txt").resolve()
    if not seed.exists():
        print(f"the shared corpus is absent ({seed}); seed test skipped")
        return
    outputs = []
    for jobs in ("1", "2"):
        status, out, err = run([opts.annals, "extract", str(seed), "--dct", "2021-06-30", "-j", jobs])
        if status != 0:
            fail(f"-j {jobs}: exit status {status}: {err}")
        outputs.append(out)
    if outputs[0] != outputs[1]:
        fail("-j 1 and -j 2 outputs differ")
    records_file = opts.work / "seed.got.jsonl"
    records_file.write_bytes(outputs[0])
    validate(opts, records_file, seed)
    records = parse_records(outputs[0], "seed")
    if len(records) != 1:
        fail(f"{len(records)} records, expected 1")
        return
    record = records[0]
    if record["doc"]["dct"] != "2021-06-30":
        fail(f"dct {record['doc']['dct']}")
    spans = [s["span"] for s in record["sentences"]]
    print(f"{len(spans)} sentences")
    if len(spans) <= 1:
        fail(f"{len(spans)} sentence(s); the article has a title line and several sentences")
    # annals_validate --text has checked that every span lies in the file, that the sentences
    # are in order, do not overlap, start and end on non-space characters at character
    # boundaries, and leave only white space between them: together they cut the text exactly.
    expected_file = seed.with_name(seed.stem + ".expected.json")
    expected = json.loads(expected_file.read_text(encoding="utf-8"))
    seed_expected.check(record, expected, fail, print)
    seed_expected.check_events(record, expected, fail, print)
    check_seed_store(opts, seed)
    print(f"{len(record['entities'])} entities, {len(record['events'])} events, "
          f"{len(record['relations'])} relations checked against "
          f"{expected_file.name}")


def check_user_data(opts):
    """A user's actor dictionary and trigger file extend extraction; a broken row in either
    stops the run with its file and line."""
    actors = opts.work / "my-actors.tsv"
    actors.write_text("# format: annals.actors/1\norg:quill-guild\tQuill Guild\torganization\tngo\t\tthe Quills\t\t\n",
                      encoding="utf-8")
    triggers = opts.work / "my-triggers.tsv"
    triggers.write_text("# format: annals.events.triggers/1\n"
                        "palaver\tnoun\tcontact.meet\tOCCURRENCE\t-\tuser/noun/palaver\n", encoding="utf-8")
    text = opts.work / "user.txt"
    text.write_text("The Quills held a long palaver with the mayor in Lisbon on Friday.\n", encoding="utf-8")
    status, out, err = run([opts.annals, "extract", str(text), "--dct", "2024-03-04",
                            "--dictionary", str(actors), "--triggers", str(triggers)])
    if status != 0:
        fail(f"extract with user files: exit status {status}: {err}")
        return
    record = parse_records(out, "user files")[0]
    if not any(e["key"] == "org:quill-guild" for e in record["entities"]):
        fail(f"the user dictionary's actor was not found: {[e['key'] for e in record['entities']]}")
    meets = [e for e in record["events"] if e["rule"] == "user/noun/palaver"]
    if not meets or meets[0]["type"] != "contact.meet":
        fail(f"the user trigger did not fire: {[(e['trigger']['text'], e['type']) for e in record['events']]}")
    for flag, path, bad in (("--dictionary", actors, "org:broken\tonly two\n"),
                            ("--triggers", triggers, "palaver\tnoun\tno.such.type\tOCCURRENCE\t-\tuser/x\n")):
        with path.open("a", encoding="utf-8") as f:
            f.write(bad)
        status, _, err = run([opts.annals, "extract", str(text), flag, str(path)])
        if status == 0 or f"{path.name}:3" not in err:
            fail(f"a broken row in a {flag} file: exit {status}, message {err.strip()!r} does not name line 3")
    print("user dictionary and triggers extend extraction; broken rows are named by file:line")


def query_json(opts, what, args):
    status, out, err = run([opts.annals, *args, "--format", "json"])
    if status != 0:
        fail(f"{what}: exit status {status}: {err}")
        return None
    return json.loads(out)


def check_seed_store(opts, seed):
    """The analyst's questions of the built store: who opposes whom with the sentence that says
    so, a path between two actors, and a timeline that never puts an undated event on the
    document's date."""
    out = opts.work / "build"
    status, _, err = run([opts.annals, "build", str(seed), "--dct", "2021-06-30", "-o", str(out)])
    if status != 0:
        fail(f"build: exit status {status}: {err}")
        return
    db = ["--db", str(out / "annals.db")]
    rows = query_json(opts, "query relations", ["query", "relations", "Global Coalition", *db]) or []
    if not any(r["relation"] == "opposes" and "Islamic State" in r["target"] and "ISIS" in r["evidence"] for r in rows):
        fail(f"query relations: no opposes with ISIS and its evidence in {rows!r}")
    steps = query_json(opts, "query path", ["query", "path", "Luigi Di Maio", "Taliban", *db]) or []
    if not steps or steps[-1]["to"] != "Taliban" or not all(s["evidence"] for s in steps):
        fail(f"query path: no path with evidence to the Taliban: {steps!r}")
    timeline = query_json(opts, "timeline", ["timeline", *db]) or {"entries": [], "undated": []}
    labels = {e["trigger"]: e["date"] for e in timeline["entries"] + timeline["undated"]}
    order = [e["trigger"] for e in timeline["entries"]]
    if labels.get("formed", {}).get("label") != "2014-09" or labels.get("meeting", {}).get("label") != "2021-06-28":
        fail(f"timeline: formation and meeting dated {labels.get('formed')} and {labels.get('meeting')}")
    elif order.index("formed") > order.index("meeting"):
        fail("timeline: the formation comes after the meeting")
    withdrawal = labels.get("withdrawal")
    if withdrawal is None or withdrawal["relation"] == "on" and "2021-06-30" in (withdrawal["earliest"], withdrawal["latest"]):
        fail(f"timeline: the withdrawal is {withdrawal}, expected undated or relative, never on the document date")
    # The picture the analyst asks for: ISIS and two hops around it.
    status, dot, err = run([opts.annals, "export", *db, "--format", "dot", "--focus", "ISIS", "--hops", "2"])
    labels = set(re.findall(r'label="([^"]*)"', dot.decode("utf-8")))
    wanted = ["Global Coalition", "Islamic State", "Khorasan", "Luigi Di Maio", "Antony J. Blinken", "Rome", "Italy",
              "Afghanistan", "contact.meet"]
    missing = [w for w in wanted if not any(w in label for label in labels)]
    if status != 0 or missing:
        fail(f"export --focus ISIS --hops 2: exit {status}, {missing} not in the picture {err}")
    print(f"store: {len(rows)} relations of the coalition, a path of {len(steps)} steps, "
          f"{len(timeline['entries'])} dated and {len(timeline['undated'])} undated timeline entries")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("check", choices=["golden", "determinism", "bad-input", "usage", "seed", "user-data"])
    parser.add_argument("name", nargs="?")
    parser.add_argument("--annals", required=True)
    parser.add_argument("--validate", required=True)
    parser.add_argument("--source", required=True, type=Path)
    parser.add_argument("--work", required=True, type=Path)
    opts = parser.parse_args()
    opts.source = opts.source.resolve()
    opts.work.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("LC_ALL", "C.UTF-8")
    {"golden": check_golden, "determinism": check_determinism, "bad-input": check_bad_input,
     "usage": check_usage, "seed": check_seed, "user-data": check_user_data}[opts.check](opts)
    if FAILURES:
        print(f"{len(FAILURES)} failure(s)", file=sys.stderr)
        return 1
    print("passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
