#!/usr/bin/env python3
"""Each export format read by the real program it is for, run by ctest (see CMakeLists.txt).

    export_consumers.py CHECK --annals BIN --fixture BIN --read-dot-boost BIN --validate-json BIN
                        --source DIR --work DIR [--node-modules DIR]

CHECK is one of:
  dot        Graphviz's `dot` program renders every DOT variant; Boost's read_graphviz reads
             it back with the same nodes, edges, keys and labels
  graphml    NetworkX reads the GraphML with the same nodes, edges and attributes
  gexf       NetworkX reads the GEXF 1.3 with the same nodes, edges, attributes and dates
  cytoscape  cytoscape (npm) loads the Cytoscape.js JSON headless in Node
  csv        Python's csv module reads nodes.csv and edges.csv with the same counts and values
  json       node-link JSON and TimelineJS JSON validate against their schemas; NetworkX reads
             the node-link JSON
  timeml     `annals eval timeml` scores 100 on the TimeML export, read by the project's reader
  pictures   SVG, PNG and PDF are what they claim, SVG and PNG byte-identical run to run
  build      `annals build` writes the default set and each file opens in its consumer
  flags      unknown names, formats and kinds, a missing store, defaults, an empty selection,
             --top read from the store's top part equal to --top on the whole graph
  large      a synthetic store, --top 100 to PNG: cut with a note, within the time limit
A consumer that is missing fails the check: nothing is skipped.
"""

import argparse
import csv
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

FAILURES = []


def fail(message):
    FAILURES.append(message)
    print("FAIL: " + message, file=sys.stderr)


def check(condition, message):
    if not condition:
        fail(message)
    return condition


def run(args, **kw):
    proc = subprocess.run([str(a) for a in args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False, **kw)
    return proc.returncode, proc.stdout, proc.stderr.decode("utf-8", "replace")


def must(args, what, **kw):
    status, out, err = run(args, **kw)
    if status != 0:
        fail(f"{what}: exit {status}: {err.strip()}")
    return out, err


class Exports:
    """The fixture store and the exports of it, made on demand."""

    def __init__(self, opts):
        self.opts = opts
        self.work = opts.work
        if self.work.exists():
            shutil.rmtree(self.work)
        self.work.mkdir(parents=True)
        self.store = self.work / "tricky.db"
        must([opts.fixture, "tricky", self.store], "building the fixture store")

    def export(self, fmt, name, *flags):
        path = self.work / name
        out, err = must([self.opts.annals, "export", "--db", self.store, "--format", fmt, "-o", path, *flags],
                        f"annals export --format {fmt} {' '.join(flags)}")
        return path

    def node_link(self, *flags):
        path = self.export("json", "graph-" + "-".join(f.strip("-") for f in flags) + ".json", *flags)
        return json.loads(path.read_text(encoding="utf-8"))


SELECTIONS = [(), ("--focus", "Ana O'Neil", "--hops", "2"), ("--kinds", "actors,places"), ("--type", "contact"),
              ("--top", "2"), ("--min-weight", "2"), ("--from", "2030-03-04", "--to", "2030-03-31")]


def dot_unescape(label):
    out, i = [], 0
    while i < len(label):
        if label[i] == "\\" and i + 1 < len(label) and label[i + 1] in "n\\":
            out.append("\n" if label[i + 1] == "n" else "\\")
            i += 2
        else:
            out.append(label[i])
            i += 1
    return "".join(out).replace("&amp;", "&")


def edge_signature(source, target, kind, type_):
    return (source, target, kind, type_)


def check_dot(ex):
    if not check(shutil.which("dot"), "the `dot` program (Debian package graphviz) is not installed"):
        return
    for flags in SELECTIONS:
        suffix = "-".join(f.strip("-").replace(" ", "_").replace("'", "") for f in flags)
        dot_file = ex.export("dot", f"graph{suffix}.dot", *flags)
        status, _, err = run(["dot", "-Tsvg", dot_file, "-o", os.devnull])
        check(status == 0 and "Error" not in err, f"dot rejects {dot_file.name}: {err.strip()}")
        out, _ = must([ex.opts.read_dot_boost, dot_file], f"Boost read_graphviz of {dot_file.name}")
        if not out:
            continue
        boost = json.loads(out)
        graph = ex.node_link(*flags)
        # Boost numbers vertices in its own order: match them by DOT name, n<i> for vertex i.
        nodes = {b["id"]: b for b in boost["nodes"] if not b["id"].startswith("legend_")}
        check(len(nodes) == len(graph["nodes"]), f"{dot_file.name}: Boost reads {len(nodes)} nodes, want {len(graph['nodes'])}")
        check(len(boost["edges"]) == len(graph["links"]), f"{dot_file.name}: Boost reads {len(boost['edges'])} edges")
        by_id = {}
        for i, n in enumerate(graph["nodes"]):
            b = nodes.get(f"n{i}")
            if not check(b is not None, f"{dot_file.name}: no node n{i}"):
                continue
            by_id[b["id"]] = n["id"]
            check(dot_unescape(b["key"]) == n["id"], f"{dot_file.name}: key {b['key']!r} is not {n['id']!r}")
            check(b["kind"] == n["kind"], f"{dot_file.name}: {n['id']} kind {b['kind']!r}")
            if n["kind"] != "event":
                check(dot_unescape(b["label"]) == n["name"], f"{dot_file.name}: label {b['label']!r} is not {n['name']!r}")
        got = Counter(edge_signature(by_id.get(e["source"]), by_id.get(e["target"]), e["kind"], e["type"]) for e in boost["edges"])
        want = Counter(edge_signature(l["source"], l["target"], l["kind"], l["type"]) for l in graph["links"])
        check(got == want, f"{dot_file.name}: Boost's edges differ from the graph's")
    names = [n["name"] for n in ex.node_link()["nodes"]]
    for piece in ['"Noir"', "Back\\slash", "<b>Bold</b>", "Twin\nHarbour", "\U0001F680", "R&amp;D"]:
        check(any(piece in n for n in names), f"the fixture lost a name holding {piece!r}")


def networkx():
    try:
        import networkx as nx
    except ImportError:
        fail("NetworkX (Debian package python3-networkx) is not installed")
        return None
    return nx


def compare_attributes(what, graph, G):
    check(G.number_of_nodes() == len(graph["nodes"]), f"{what}: {G.number_of_nodes()} nodes, want {len(graph['nodes'])}")
    check(G.number_of_edges() == len(graph["links"]), f"{what}: {G.number_of_edges()} edges, want {len(graph['links'])}")
    for n in graph["nodes"]:
        if not check(n["id"] in G.nodes, f"{what}: node {n['id']!r} missing"):
            continue
        data = G.nodes[n["id"]]
        for key in ("kind", "name", "type"):
            check(data.get(key) == n[key], f"{what}: {n['id']} {key} is {data.get(key)!r}, want {n[key]!r}")
        check(data.get("sources") == n["sources"], f"{what}: {n['id']} sources {data.get('sources')!r}")
        if n.get("geo"):
            check(abs(data.get("lat", 1e9) - n["geo"]["lat"]) < 1e-9, f"{what}: {n['id']} lat {data.get('lat')!r}")
    got = Counter((u, v, d.get("kind"), d.get("type"), d.get("weight")) for u, v, d in G.edges(data=True))
    want = Counter((l["source"], l["target"], l["kind"], l["type"], l["weight"]) for l in graph["links"])
    check(got == want, f"{what}: edges or their kind, type and weight differ")


def check_graphml(ex):
    nx = networkx()
    if not nx:
        return
    for flags in SELECTIONS[:3]:
        path = ex.export("graphml", "graph.graphml", *flags)
        compare_attributes(f"GraphML {' '.join(flags)}", ex.node_link(*flags), nx.read_graphml(path))


def read_gexf_13(nx, path):
    """NetworkX 3 reads GEXF 1.3 itself; older NetworkX (Debian 12 ships 2.8) is told the 1.3
    namespaces, which its reader otherwise handles the same way."""
    from networkx.readwrite import gexf
    if "1.3" not in gexf.GEXF.versions:
        v = dict(gexf.GEXF.versions["1.2draft"])
        v.update({"NS_GEXF": "http://gexf.net/1.3", "NS_VIZ": "http://gexf.net/1.3/viz", "VERSION": "1.3",
                  "SCHEMALOCATION": "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd"})
        gexf.GEXF.versions["1.3"] = v
    return nx.read_gexf(path, version="1.3")


def check_gexf(ex):
    nx = networkx()
    if not nx:
        return
    for flags in SELECTIONS[:3]:
        path = ex.export("gexf", "graph.gexf", *flags)
        graph = ex.node_link(*flags)
        G = read_gexf_13(nx, path)
        compare_attributes(f"GEXF {' '.join(flags)}", graph, G)
        check(G.graph.get("mode") == "dynamic", "GEXF: the graph is not dynamic")
        for n in graph["nodes"]:
            d = n.get("date")
            if n["id"] in G.nodes and d and d["relation"] == "on":
                data = G.nodes[n["id"]]
                check((data.get("start"), data.get("end")) == (d["earliest"], d["latest"]),
                      f"GEXF: {n['id']} spans {data.get('start')}..{data.get('end')}, want {d['earliest']}..{d['latest']}")
        dated = sum(1 for _, d in G.nodes(data=True) if "start" in d or "end" in d)
        check(dated > 0, "GEXF: no node has a start or end")


CYTOSCAPE_SCRIPT = r"""
const fs = require('fs');
const cytoscape = require('cytoscape');
const data = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const cy = cytoscape({headless: true, styleEnabled: true, elements: data.elements, style: data.style});
const out = {version: cytoscape.version, nodes: cy.nodes().length, edges: cy.edges().length,
             ids: cy.nodes().map(n => n.id()), kinds: cy.nodes().map(n => n.data('kind')),
             classed: cy.nodes().filter(n => n.hasClass(n.data('kind'))).length,
             ends: cy.edges().filter(e => e.source().nonempty() && e.target().nonempty()).length,
             labels: cy.nodes().map(n => n.data('name'))};
console.log(JSON.stringify(out));
cy.destroy();
process.exit(0); // headless cytoscape keeps a render timer alive
"""


def check_cytoscape(ex):
    modules = ex.opts.node_modules
    if not check(shutil.which("node"), "node (Debian package nodejs) is not installed"):
        return
    if not check(modules and (Path(modules) / "cytoscape").is_dir(),
                 f"cytoscape is not installed in {modules} (bash tools/setup.sh test installs it with npm)"):
        return
    script = ex.work / "load_cytoscape.js"
    script.write_text(CYTOSCAPE_SCRIPT, encoding="utf-8")
    env = dict(os.environ, NODE_PATH=str(modules))
    for flags in SELECTIONS[:3]:
        path = ex.export("cytoscape", "graph.cyjs", *flags)
        out, err = must(["node", script, path], "cytoscape loading the export", env=env)
        if not out:
            continue
        got = json.loads(out)
        graph = ex.node_link(*flags)
        what = f"cytoscape {got['version']} {' '.join(flags)}"
        check(got["nodes"] == len(graph["nodes"]), f"{what}: {got['nodes']} nodes, want {len(graph['nodes'])}")
        check(got["edges"] == len(graph["links"]), f"{what}: {got['edges']} edges, want {len(graph['links'])}")
        check(got["ends"] == got["edges"], f"{what}: edges without both ends")
        check(got["classed"] == got["nodes"], f"{what}: nodes without their kind as a class")
        check(got["ids"] == [n["id"] for n in graph["nodes"]], f"{what}: node ids differ")
        check(got["labels"] == [n["name"] for n in graph["nodes"]], f"{what}: names differ")
        check("warn" not in err.lower() and "error" not in err.lower(), f"{what}: cytoscape says {err.strip()}")


def check_csv(ex):
    for flags in SELECTIONS[:3]:
        folder = ex.work / ("csv" + "-".join(f.strip("-").replace(",", "_").replace(" ", "_").replace("'", "") for f in flags))
        folder.mkdir()
        ex.export("csv", folder.name, *flags)
        graph = ex.node_link(*flags)
        with open(folder / "nodes.csv", newline="", encoding="utf-8") as f:
            nodes = list(csv.DictReader(f))
        with open(folder / "edges.csv", newline="", encoding="utf-8") as f:
            edges = list(csv.DictReader(f))
        what = f"CSV {' '.join(flags)}"
        check(len(nodes) == len(graph["nodes"]), f"{what}: {len(nodes)} node rows, want {len(graph['nodes'])}")
        check(len(edges) == len(graph["links"]), f"{what}: {len(edges)} edge rows, want {len(graph['links'])}")
        for row, n in zip(nodes, graph["nodes"]):
            check(row["Id"] == n["id"] and row["name"] == n["name"] and row["kind"] == n["kind"],
                  f"{what}: row {row['Id']!r} {row['name']!r} is not {n['id']!r} {n['name']!r}")
        got = Counter((e["Source"], e["Target"], e["kind"], e["type"], int(e["weight"])) for e in edges)
        want = Counter((l["source"], l["target"], l["kind"], l["type"], l["weight"]) for l in graph["links"])
        check(got == want, f"{what}: edge rows differ from the graph's links")
    ex.export("csv", "prefixed/g")
    check((ex.work / "prefixed" / "g_nodes.csv").exists() and (ex.work / "prefixed" / "g_edges.csv").exists(),
          "CSV with a prefix did not write g_nodes.csv and g_edges.csv")
    must([ex.opts.annals, "export", "--db", ex.store, "--format", "csv", "-o", str(ex.work / "slashed") + "/"],
         "csv into a new folder named with a trailing slash")
    check((ex.work / "slashed" / "nodes.csv").exists(), "CSV into 'slashed/' did not write slashed/nodes.csv")


def validate(ex, schema, path):
    status, out, err = run([ex.opts.validate_json, ex.opts.source / "schemas" / schema, path])
    check(status == 0, f"{path.name} does not validate against {schema}: {err.strip()}")


def check_json(ex):
    for flags in SELECTIONS:
        validate(ex, "graph.schema.json", ex.export("json", "graph.json", *flags))
    nx = networkx()
    if nx:
        graph = ex.node_link()
        from networkx.readwrite import json_graph
        try:
            G = json_graph.node_link_graph(graph, edges="links")
        except TypeError:  # NetworkX before 3.4 knows only "links"
            G = json_graph.node_link_graph(graph)
        check(G.is_directed() and G.is_multigraph(), "NetworkX reads the node-link JSON as another kind of graph")
        check(G.number_of_nodes() == len(graph["nodes"]) and G.number_of_edges() == len(graph["links"]),
              "NetworkX reads other counts from the node-link JSON")
    tjs = ex.work / "timelinejs.json"
    out, _ = must([ex.opts.annals, "timeline", "--db", ex.store, "--format", "timelinejs"], "annals timeline")
    tjs.write_bytes(out)
    validate(ex, "timelinejs.schema.json", tjs)
    check(len(json.loads(out)["events"]) >= 3, "TimelineJS JSON has fewer than 3 events")


def check_timeml(ex):
    folder = ex.export("timeml", "timeml")
    files = sorted(folder.glob("*.tml"))
    check(len(files) == 2, f"TimeML: {len(files)} files, want one per document (2)")
    out, err = must([ex.opts.annals, "eval", "timeml", folder], "annals eval timeml on the export")
    text = out.decode()
    print(text)
    # The TIMEX3 block (Task A) is scored; the EVENT block (Task B) is printed: the extractor's
    # own events need not be the store's merged ones.
    timex_block = text.split("EVENT")[0]
    rows = {line.split()[0]: line.split()[1:] for line in timex_block.splitlines()
            if line[:1].islower() and len(line.split()) == 4}
    check("TIMEX3" in timex_block and "3 gold" in timex_block, "TimeML round trip: not the 3 TIMEX3 of the fixture")
    for row in ("strict", "value", "type"):
        check(rows.get(row) == ["100.00", "100.00", "100.00"], f"TimeML round trip: {row} is {rows.get(row)}, want 100")
    for f in files:
        root = ET.parse(f).getroot()
        check(len(root.findall(".//EVENT")) > 0, f"{f.name}: no EVENT")
        check(all(e.get("class") for e in root.findall(".//EVENT")), f"{f.name}: an EVENT without class")
        eiids = {m.get("eiid") for m in root.findall("MAKEINSTANCE")}
        tids = {t.get("tid") for t in root.iter("TIMEX3")}
        for link in root.findall("TLINK"):
            check(link.get("eventInstanceID") in eiids and link.get("relatedToTime") in tids, f"{f.name}: a dangling TLINK")
    check(any(ET.parse(f).getroot().findall("TLINK") for f in files), "TimeML: no TLINK at all")


def check_pictures(ex):
    svg = ex.export("svg", "graph.svg")
    root = ET.parse(svg).getroot()
    check(root.tag.endswith("svg"), "the SVG is not SVG")
    text = svg.read_text(encoding="utf-8")
    for piece in ["Back\\slash Union", "&lt;b&gt;Bold&lt;/b&gt; Front", "Legend", "\U0001F680 Rocket Club"]:
        check(piece in text, f"the SVG lacks {piece!r}")
    png = ex.export("png", "graph.png", "--focus", "Ana O'Neil", "--hops", "4")
    check(png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", "the PNG is not a PNG")
    check(ex.export("pdf", "graph.pdf").read_bytes()[:5] == b"%PDF-", "the PDF is not a PDF")
    again = ex.work / "again"
    again.mkdir()
    for name in ("graph.svg", "graph.png", "graph.pdf"):
        fmt = name.split(".")[1]
        flags = ["--focus", "Ana O'Neil", "--hops", "4"] if fmt == "png" else []
        must([ex.opts.annals, "export", "--db", ex.store, "--format", fmt, "-o", again / name, *flags], "second run")
        check((again / name).read_bytes() == (ex.work / name).read_bytes(), f"{name} differs between two runs")
    out, _ = must([ex.opts.annals, "export", "--db", ex.store, "--format", "png"], "png to a pipe")
    check(out[:4] == b"\x89PNG", "png to a pipe did not write the PNG to stdout")


def check_build(ex):
    out_dir = ex.work / "build"
    stdout, _ = must([ex.opts.annals, "build", ex.opts.source / "samples", "-o", out_dir], "annals build samples/")
    expected = ["graph.dot", "graph.svg", "graph.json", "graph.graphml", "timeline.json", "timelinejs.json"]
    for name in expected:
        check((out_dir / name).exists(), f"annals build did not write {name}")
        check(name in stdout.decode(), f"annals build did not say it wrote {name}")
    if all((out_dir / n).exists() for n in expected):
        status, _, err = run(["dot", "-Tsvg", out_dir / "graph.dot", "-o", os.devnull])
        check(status == 0, f"dot rejects build's graph.dot: {err}")
        ET.parse(out_dir / "graph.svg")
        validate(ex, "graph.schema.json", out_dir / "graph.json")
        validate(ex, "timeline.schema.json", out_dir / "timeline.json")
        validate(ex, "timelinejs.schema.json", out_dir / "timelinejs.json")
        nx = networkx()
        if nx:
            G = nx.read_graphml(out_dir / "graph.graphml")
            graph = json.loads((out_dir / "graph.json").read_text(encoding="utf-8"))
            check(G.number_of_nodes() == len(graph["nodes"]), "build's GraphML and node-link JSON disagree")
    check_build_repeatable(ex, out_dir, expected)


def store_dump(path):
    """The store's rows as SQL text, a canonical form of its content."""
    with sqlite3.connect(path) as db:
        return list(db.iterdump())


def check_build_repeatable(ex, first, expected):
    """Building samples/ again gives the same store and the same exports, byte for byte;
    building two documents one after the other gives the same store in either order."""
    again = ex.work / "build-again"
    must([ex.opts.annals, "build", ex.opts.source / "samples", "-o", again], "annals build samples/ again")
    for name in expected + ["documents.jsonl"]:
        check((again / name).read_bytes() == (first / name).read_bytes(), f"a second build wrote another {name}")
    check(store_dump(again / "annals.db") == store_dump(first / "annals.db"), "a second build made another store")
    a, b = ex.opts.source / "samples" / "conflict.txt", ex.opts.source / "samples" / "court.txt"
    dumps = []
    for order in ((a, b), (b, a)):
        out = ex.work / f"build-{order[0].stem}-first"
        for doc in order:
            must([ex.opts.annals, "build", doc, "-o", out], f"annals build {doc.name}")
        dumps.append(store_dump(out / "annals.db"))
    check(dumps[0] == dumps[1], "building A then B and B then A made different stores")


def check_large(ex):
    store = ex.work / "synthetic.db"
    must([ex.opts.fixture, "synthetic", store, "20000", "500", "50"], "building a synthetic store")
    start = time.monotonic()
    png = ex.work / "large.png"
    _, err = must([ex.opts.annals, "export", "--db", store, "--format", "png", "--top", "100", "-o", png], "large export")
    seconds = time.monotonic() - start
    print(f"synthetic 20,000 events, --top 100 to PNG: {seconds:.1f} s")
    check(png.read_bytes()[:4] == b"\x89PNG", "the large PNG is not a PNG")
    check("cut to the 200 most connected of" in err, f"the large picture does not say it was cut: {err.strip()}")
    check(seconds < 60, f"the large export took {seconds:.1f} s")


def check_flags(ex):
    status, _, err = run([ex.opts.annals, "export", "--db", ex.store, "--format", "dot", "--focus", "Ana ONeil"])
    check(status == 1 and "did you mean" in err and "Ana O'Neil" in err, f"an unknown --focus: exit {status}, {err.strip()}")
    status, _, err = run([ex.opts.annals, "export", "--db", ex.store, "--format", "jpeg"])
    check(status == 2 and err.startswith("annals: "), f"an unknown --format: exit {status}, {err.strip()}")
    status, _, err = run([ex.opts.annals, "export", "--db", ex.store, "--format", "dot", "--kinds", "actors,people"])
    check(status == 2, f"an unknown --kinds: exit {status}")
    status, _, err = run([ex.opts.annals, "export", "--db", ex.work / "missing.db", "--format", "dot"])
    check(status == 1 and "missing.db" in err, f"a missing store: exit {status}, {err.strip()}")
    here = ex.work / "cwd"
    here.mkdir()
    must([ex.opts.annals, "export", "--db", ex.store, "--format", "csv"], "csv without -o", cwd=here)
    check((here / "nodes.csv").exists() and (here / "edges.csv").exists(), "csv without -o did not write ./nodes.csv")
    out, err = must([ex.opts.annals, "export", "--db", ex.store, "--format", "dot", "--from", "1990", "--to", "1990"], "an empty selection")
    check("the selection is empty" in err and out.startswith(b"digraph"), "an empty selection is not said, or not valid DOT")
    top, _ = must([ex.opts.annals, "export", "--db", ex.store, "--format", "json", "--top", "2"], "--top alone")
    both, _ = must([ex.opts.annals, "export", "--db", ex.store, "--format", "json", "--top", "2", "--hops", "2",
                    "--kinds", "actors,places,events"], "--top read from the whole graph")
    check(top == both, "--top alone (read from the store's top part) differs from --top on the whole graph")


CHECKS = {"dot": check_dot, "flags": check_flags, "graphml": check_graphml, "gexf": check_gexf, "cytoscape": check_cytoscape,
          "csv": check_csv, "json": check_json, "timeml": check_timeml, "pictures": check_pictures,
          "build": check_build, "large": check_large}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("check", choices=sorted(CHECKS))
    for name in ("annals", "fixture", "read-dot-boost", "validate-json", "source", "work"):
        parser.add_argument("--" + name, type=Path, required=True)
    parser.add_argument("--node-modules", type=Path)
    opts = parser.parse_args()
    CHECKS[opts.check](Exports(opts))
    if FAILURES:
        print(f"{len(FAILURES)} failed", file=sys.stderr)
        return 1
    print(f"export {opts.check}: passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
