"""Checks an extraction record against an analyst's reading of the same article (the seed's
*.expected.json): every `must` entity, place, time expression, event and relation, and the
items of `must_not`; the `should` items are reported, not required.

Everything compared is read from the expected file at run time; nothing of the article is
written here."""

import re


def _overlaps(a, b):
    a, b = a.lower(), b.lower()
    return a in b or b in a


def _mentions(entity):
    return [m["text"] for m in entity["mentions"]]


def _best_entity(record, texts):
    """The entity whose mentions match the given texts best: the same text counts twice, one
    text inside the other once."""
    best, score = None, 0
    for e in record["entities"]:
        ms = [m for m in _mentions(e) if m.strip()]
        s = sum(2 if t in ms else 1 if any(_overlaps(m, t) for m in ms) else 0 for t in texts)
        if s > score:
            best, score = e, s
    return best


def _by_name(record, name, known):
    if name in known:
        return known[name]
    for e in record["entities"]:
        if e["name"].lower() == name.lower() or any(m.lower() == name.lower() for m in _mentions(e)):
            return e
    return None


def _has_relation(record, rel, known):
    s, t = _by_name(record, rel["source"], known), _by_name(record, rel["target"], known)
    return bool(s and t and any(r["type"] == rel["type"] and r["source"] == s["id"] and r["target"] == t["id"]
                                for r in record["relations"]))


def _known_entities(record, expected):
    """The record's entity for each must entity and place of the reading, by its name."""
    known = {}
    for item in expected["entities"]["must"] + expected["places"]["must"]:
        e = _best_entity(record, item.get("mentions", [item["name"]]))
        if e is not None:
            known[item["name"]] = e
    return known


def check(record, expected, fail, note):
    known = _known_entities(record, expected)
    for item in expected["entities"]["must"] + expected["places"]["must"]:
        texts = item.get("mentions", [item["name"]])
        e = known.get(item["name"])
        if e is None:
            fail(f"must entity {item['name']!r}: not found")
            continue
        if e["type"] != item["type"]:
            fail(f"{item['name']!r}: type {e['type']}, expected {item['type']}")
        if "subtype" in item and e["subtype"] != item["subtype"]:
            fail(f"{item['name']!r}: subtype {e['subtype']}, expected {item['subtype']}")
        for t in texts:
            if not any(_overlaps(m, t) for m in _mentions(e)):
                fail(f"{item['name']!r}: mention {t!r} not among {_mentions(e)}")
        if "role" in item and e["attributes"].get("role") != item["role"]:
            fail(f"{item['name']!r}: role {e['attributes'].get('role')!r}, expected {item['role']!r}")
        if "lat" in item and (e["geo"] is None or abs(e["geo"]["lat"] - item["lat"]) > 0.1
                              or abs(e["geo"]["lon"] - item["lon"]) > 0.1):
            fail(f"{item['name']!r}: coordinates {e['geo']}, expected {item['lat']}, {item['lon']}")
    for item in expected["entities"]["must"] + expected["places"]["must"]:
        e = known.get(item["name"])
        for field in ("affiliation", "country"):
            if e is None or field not in item:
                continue
            other = _by_name(record, item[field], known)
            code = other["attributes"].get("country") if other else None
            if code is None or e["attributes"].get("country") != code:
                fail(f"{item['name']!r}: {field} {item[field]!r} (country {code}) but attributes {e['attributes']}")
    for rel in expected["relations"]["must"]:
        if not _has_relation(record, rel, known):
            fail(f"relation {rel['source']!r} {rel['type']} {rel['target']!r}: missing")
    for rel in expected["relations"]["should"]:
        found = _has_relation(record, rel, known)
        note(f"{'holds' if found else 'misses'}: should relation {rel['source']!r} {rel['type']} {rel['target']!r}")
    all_mentions = {m for e in record["entities"] for m in _mentions(e)}
    for item in expected["must_not"]:
        if "as entities" in item:
            for phrase in re.findall(r"'([^']+)'", item):
                if phrase in all_mentions:
                    fail(f"must_not: {phrase!r} is an entity mention")
        m = re.match(r"(.+?) and (.+?) merged into one entity", item)
        if m:
            a, b = _by_name(record, m.group(1), known), _by_name(record, m.group(2), known)
            if a is None or b is None or a["id"] == b["id"]:
                fail(f"must_not: {m.group(1)!r} and {m.group(2)!r} are not two entities")


def _event_problems(record, ev, item, known):
    """What is wrong with `ev` as the analyst's event `item` (empty when it holds)."""
    problems = []
    by_role = {}
    for a in ev["arguments"]:
        by_role.setdefault(a["role"], set()).add(a["entity"])
    everyone = set().union(*by_role.values()) if by_role else set()
    for field, ids in (("participants", everyone), ("organizers", by_role.get("organizer", set()))):
        for name in item.get(field, []):
            e = _by_name(record, name, known)
            if e is None or e["id"] not in ids:
                problems.append(f"{field[:-1]} {name!r} not among {sorted(ids)}")
    if "place" in item:
        e = _by_name(record, item["place"], known)
        if e is None or ev["place"] != e["id"]:
            problems.append(f"place {ev['place']}, expected {item['place']!r}")
    time = ev["time"] or {}
    if "time" in item and time.get("value") != item["time"]:
        problems.append(f"time {time.get('value')!r}, expected {item['time']!r}")
    if "modality" in item and ev["modality"] != item["modality"]:
        problems.append(f"modality {ev['modality']}, expected {item['modality']}")
    return problems


def _find_event(record, item, known):
    """The event of the item's type and trigger that fits it best, with what is still wrong."""
    best = None
    for ev in record["events"]:
        if "type" in item and ev["type"] != item["type"]:
            continue
        if "trigger" in item and ev["trigger"]["text"].lower() != item["trigger"].lower():
            continue
        # An item without a trigger names its event in words: the trigger is one of them.
        if "trigger" not in item and ev["trigger"]["text"].lower() not in re.findall(r"[\w-]+", item["what"].lower()):
            continue
        problems = _event_problems(record, ev, item, known)
        if best is None or len(problems) < len(best[1]):
            best = (ev, problems)
    return best


def check_events(record, expected, fail, note):
    known = _known_entities(record, expected)
    for item in expected["timexes"]["must"]:
        if not any(t["text"] == item["text"] and t["type"] == item["type"] and t["value"] == item["value"]
                   for t in record["timexes"]):
            fail(f"timex {item['text']!r}: expected {item['type']} {item['value']}")
    for item in expected["events"]["must"]:
        found = _find_event(record, item, known)
        if found is None:
            fail(f"event {item['what']!r}: no {item.get('type')} event with trigger {item.get('trigger')!r}")
        elif found[1]:
            fail(f"event {item['what']!r} ({found[0]['id']}): " + "; ".join(found[1]))
    # must_not: nothing without its own date sits on the document date as a fact.
    dct = record["doc"]["dct"]
    for ev in record["events"]:
        time = ev["time"] or {}
        if time.get("source") != "explicit" and time.get("interval") == [dct, dct]:
            fail(f"must_not: event {ev['id']} ({ev['trigger']['text']!r}) placed on the document date")
    held = []
    for group, items in (("timex", expected["timexes"]["should"]), ("event", expected["events"]["should"])):
        for item in items:
            if group == "timex":
                ok = any(t["text"].endswith(item["text"]) and t["value"] == item["value"] for t in record["timexes"])
            else:
                found = _find_event(record, item, known)
                ok = found is not None and not found[1]
            held.append(f"{'holds' if ok else 'misses'}: should {group} {item.get('text') or item['what']!r}")
    for line in held:
        note(line)
