# -*- coding: utf-8 -*-
"""Score milobot's extractor on the blind corpus.

    python measure.py              # runs milobot.ingest.extract over files/ (the lead runs this)
    python measure.py --self-test  # scores expected.json against itself; never imports milobot
    python measure.py --json out.json   # additionally dump per-file results

Comparison rules
  * all fields: case-insensitive, whitespace-collapsed exact match (Unicode NFC)
  * current_title / current_company: additionally ignore punctuation/symbols (and spacing)
  * phone: E.164 compared after removing spaces
  * location: reported twice, full string and city-only (text before the first comma)
"""
import argparse
import json
import os
import re
import sys
import traceback
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
FILES = os.path.join(HERE, "files")
FIELDS = ["name", "email", "phone", "current_title", "current_company", "location", "location_city"]


# ----------------------------------------------------------------------------- normalisation
def _s(v):
    if v is None:
        return ""
    if isinstance(v, (list, tuple)):
        v = v[0] if v else ""
    return unicodedata.normalize("NFC", str(v))


# Scoring rule, applied to both sides alike: a country may be printed in its own language or in
# English ("Kraków, Polska" == "Kraków, Poland"); the extractor keeps the location as printed.
COUNTRY_ALIASES = {
    "nederland": "netherlands", "the netherlands": "netherlands", "holland": "netherlands",
    "españa": "spain", "espana": "spain", "polska": "poland", "italia": "italy",
    "deutschland": "germany", "brasil": "brazil", "méxico": "mexico", "sverige": "sweden",
    "uae": "united arab emirates", "u.a.e.": "united arab emirates", "schweiz": "switzerland",
    "suisse": "switzerland", "österreich": "austria", "belgië": "belgium", "belgique": "belgium",
    "danmark": "denmark", "norge": "norway", "suomi": "finland", "românia": "romania",
    "ελλάδα": "greece", "türkiye": "turkey", "éire": "ireland", "česko": "czech republic",
}


def alias_countries(loc):
    """Map every comma-separated part of a case-folded location through COUNTRY_ALIASES."""
    return ", ".join(COUNTRY_ALIASES.get(p.strip(), p.strip()) for p in (loc or "").split(","))


def norm(v):
    return re.sub(r"\s+", " ", _s(v)).strip().casefold()


def norm_nopunct(v):
    # drop punctuation/symbols and all whitespace: "HR-adviseur" == "HR adviseur", "S.A." == "SA"
    s = "".join(" " if unicodedata.category(ch).startswith(("P", "S")) else ch for ch in _s(v))
    return re.sub(r"\s+", "", s).casefold()


def norm_phone(v):
    return re.sub(r"\s+", "", _s(v))


def city(v):
    return norm(_s(v).split(",")[0])


COMPARE = {
    "name": norm, "email": norm, "phone": norm_phone,
    "current_title": norm_nopunct, "current_company": norm_nopunct,
    "location": lambda v: alias_countries(norm(v)), "location_city": city,
}


def field_value(rec, field):
    src = "location" if field == "location_city" else field
    return rec.get(src)


def match(field, exp, got):
    f = COMPARE[field]
    e = f(exp)
    return e != "" and e == f(got)


# ----------------------------------------------------------------------------- profile access
def _location_to_str(loc):
    if loc is None or isinstance(loc, str):
        return loc
    if isinstance(loc, dict):
        parts = [loc.get(k) for k in ("city", "region", "country")]
        return ", ".join(str(x) for x in parts if x) or None
    parts = [getattr(loc, k, None) for k in ("city", "region", "country")]
    if any(parts):
        return ", ".join(str(x) for x in parts if x)
    return str(loc)


def _get(obj, name):
    if isinstance(obj, dict):
        return obj.get(name)
    return getattr(obj, name, None)


def profile_to_record(p):
    rec = {}
    for f in ("name", "email", "phone", "current_title", "current_company", "location"):
        v = _get(p, f)
        if f == "location":
            v = _location_to_str(v)
        elif v is not None and not isinstance(v, str):
            v = _s(v)
        rec[f] = v
    return rec


def _filled(rec):
    return sum(1 for v in rec.values() if v)


# ----------------------------------------------------------------------------- scoring
def score(expected, got_by_file, notes=None):
    notes = notes or {}
    hits = {f: 0 for f in FIELDS}
    misses = []
    n = len(expected)
    for fn in sorted(expected):
        exp = expected[fn]
        got = got_by_file.get(fn) or {}
        for f in FIELDS:
            e, g = field_value(exp, f), field_value(got, f)
            if match(f, e, g):
                hits[f] += 1
            else:
                misses.append((fn, f, e, g))
    print(f"\nPer-field accuracy over {n} files")
    print("-" * 46)
    for f in FIELDS:
        print(f"  {f:<18} {hits[f]:>3}/{n:<3} {100.0 * hits[f] / n:6.1f}%")
    tot = sum(hits[f] for f in FIELDS if f != "location_city")
    den = n * (len(FIELDS) - 1)
    print("-" * 46)
    print(f"  {'overall (6 fields)':<18} {tot:>3}/{den:<3} {100.0 * tot / den:6.1f}%")
    perfect = sum(1 for fn in expected if all(match(f, field_value(expected[fn], f), field_value(got_by_file.get(fn) or {}, f))
                                           for f in FIELDS if f != "location_city"))
    print(f"  {'files all-correct':<18} {perfect:>3}/{n}")
    print(f"\nMisses ({len(misses)}):")
    for fn, f, e, g in misses:
        extra = f"   [{notes[fn]}]" if fn in notes else ""
        print(f"  {fn:<42} {f:<16} expected={e!r:<38} got={g!r}{extra}")
    return hits, misses


# ----------------------------------------------------------------------------- runners
def load_expected():
    with open(os.path.join(HERE, "expected.json"), encoding="utf-8") as f:
        return json.load(f)


def run_extract(expected):
    sys.path.insert(0, os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..")))
    from milobot.ingest import extract  # noqa: E402

    got, notes, outcomes = {}, {}, {}
    for fn in sorted(expected):
        path = os.path.join(FILES, fn)
        with open(path, "rb") as fh:
            data = fh.read()
        try:
            results = extract(fn, data)
        except Exception as ex:  # noqa: BLE001
            notes[fn] = f"EXCEPTION {type(ex).__name__}: {ex}"
            traceback.print_exc()
            got[fn] = {}
            continue
        profiles, oc = [], []
        for r in results or []:
            oc.append(str(_get(r, "outcome")))
            profiles.extend(_get(r, "profiles") or [])
        outcomes[fn] = ",".join(oc)
        if not profiles:
            notes[fn] = f"no profiles (outcome={outcomes[fn]})"
            got[fn] = {}
            continue
        recs = [profile_to_record(p) for p in profiles]
        if len(recs) > 1:
            notes[fn] = f"{len(recs)} profiles; scored the first"
        got[fn] = recs[0]
    print("Outcomes:")
    from collections import Counter
    for k, v in Counter(outcomes.values()).most_common():
        print(f"  {v:>3}  {k}")
    return got, notes


def self_test(expected):
    # 1) expected vs expected must be 100 %
    print("== self-test 1: expected vs expected (must be 100%) ==")
    hits, misses = score(expected, {fn: dict(r) for fn, r in expected.items()})
    ok1 = not misses
    # 2) the normalisers accept harmless variants and reject wrong values
    print("\n== self-test 2: normaliser unit checks ==")
    cases = [
        ("name", "Johanna Weiß", "  JOHANNA   weiß ", True),
        ("name", "Sarah Holloway", "Sarah Holloway BSc", False),
        ("email", "a.b@example.com", "A.B@EXAMPLE.COM", True),
        ("phone", "+447700900123", "+44 7700 900123", True),
        ("phone", "+447700900123", "07700 900123", False),
        ("current_title", "Monitoring & Evaluation Officer", "Monitoring Evaluation Officer", True),
        ("current_title", "HR-adviseur", "HR adviseur", True),
        ("current_company", "St Brigid's Private Hospital", "St Brigids Private Hospital", True),
        ("current_company", "Tejo Capital, S.A.", "Tejo Capital SA", True),
        ("current_company", "Tejo Capital, S.A.", "Tejo Capital", False),
        ("current_company", "Tejo Capital, S.A.", "tejo capital s.a.", True),
        ("current_title", "Store Manager", "Assistant Store Manager", False),
        ("location", "Toronto, ON", "toronto,  on", True),
        ("location", "Toronto, ON", "Toronto, Ontario", False),
        ("location_city", "Toronto, ON", "Toronto, Ontario", True),
        ("location_city", "Kraków, Polska", "Kraków", True),
        ("name", "", "", False),
    ]
    ok2 = True
    for f, e, g, want in cases:
        src = {"location_city": "location"}.get(f, f)
        res = match(f, e, g)
        flag = "ok " if res == want else "BAD"
        ok2 &= res == want
        print(f"  {flag} {f:<16} {e!r:<36} vs {g!r:<36} -> {res}")
    # 3) profile_to_record handles objects / dict locations
    class Loc:  # noqa: D401
        city, region, country = "Toronto", "ON", None
    class Prof:
        name, email, phone, current_title, current_company, location = "X", "x@example.com", "+1", "T", "C", Loc()
    r = profile_to_record(Prof())
    ok3 = r["location"] == "Toronto, ON"
    print(f"\n== self-test 3: object location -> {r['location']!r} {'ok' if ok3 else 'BAD'}")
    # 4) sanity of expected.json itself
    ok4 = True
    for fn, rec in expected.items():
        if not os.path.exists(os.path.join(FILES, fn)):
            print("  missing file", fn); ok4 = False
        if not re.fullmatch(r"\+[1-9]\d{6,14}", rec["phone"]):
            print("  bad E.164", fn, rec["phone"]); ok4 = False
        if not re.search(r"@example\.(com|net|org)$", rec["email"]):
            print("  bad email domain", fn); ok4 = False
        if "," not in rec["location"]:
            print("  location not 'City, X'", fn); ok4 = False
    print(f"== self-test 4: expected.json sanity ({len(expected)} entries, files present, E.164, domains) {'ok' if ok4 else 'BAD'}")
    ok = ok1 and ok2 and ok3 and ok4
    print("\nSELF-TEST", "PASSED" if ok else "FAILED")
    return 0 if ok else 1


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--self-test", action="store_true")
    ap.add_argument("--json")
    a = ap.parse_args()
    expected = load_expected()
    if a.self_test:
        sys.exit(self_test(expected))
    got, notes = run_extract(expected)
    score(expected, got, notes)
    for fn, n in sorted(notes.items()):
        print(f"  note: {fn}: {n}")
    if a.json:
        with open(a.json, "w", encoding="utf-8") as f:
            json.dump({"got": got, "notes": notes}, f, ensure_ascii=False, indent=2)


if __name__ == "__main__":
    main()
