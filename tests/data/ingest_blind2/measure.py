#!/usr/bin/env python3
"""Second blind corpus (made without sight of the extractor): run extract() over files/ and score against expected.json."""
import json, os, re, sys, traceback, unicodedata
sys.path.insert(0, os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..")))
from milobot.ingest import extract

HERE = os.path.dirname(os.path.abspath(__file__))
FILES = os.path.join(HERE, "files")
FIELDS = ["name", "email", "phone", "location", "current_title", "current_company"]

def as_text(v):
    if v is None:
        return ""
    if isinstance(v, str):
        return v
    if isinstance(v, (list, tuple)):
        return ", ".join(as_text(x) for x in v if as_text(x))
    if isinstance(v, dict):
        parts = [v.get(k) for k in ("city", "region", "state", "country") if v.get(k)]
        return ", ".join(map(str, parts)) if parts else str(v)
    parts = [getattr(v, k, None) for k in ("city", "region", "country")]
    if any(parts):
        city, region, country = parts
        return ", ".join(str(x) for x in (city, region or country) if x)
    for k in ("text", "raw", "value", "e164"):
        if isinstance(getattr(v, k, None), str):
            return getattr(v, k)
    return str(v)

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


def ws(s):
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", s)).strip().casefold()

def nopunct(s):
    s = "".join(" " if unicodedata.category(ch).startswith("P") else ch for ch in unicodedata.normalize("NFC", s))
    return ws(s)

def norm(field, s):
    if field == "phone":
        return re.sub(r"\s+", "", s).casefold()
    if field in ("current_title", "current_company"):
        return nopunct(s)
    if field == "location":
        return alias_countries(ws(s))
    return ws(s)

def city(s):
    return ws(s.split(",")[0]) if s else ""

def main():
    expected = json.load(open(os.path.join(HERE, "expected.json"), encoding="utf-8"))
    hits = {f: 0 for f in FIELDS}
    city_hits = 0
    misses, notes = [], []
    by_layout = {}
    for fn in sorted(expected):
        exp = expected[fn]
        data = open(os.path.join(FILES, fn), "rb").read()
        got = {f: "" for f in FIELDS}
        try:
            results = extract(fn, data)
            profiles = [pr for r in results for pr in (getattr(r, "profiles", None) or [])]
            outcomes = [str(getattr(r, "outcome", "?")) for r in results]
            if len(profiles) != 1:
                notes.append(f"{fn}: {len(profiles)} profiles, outcomes={outcomes}")
            if profiles:
                pr = profiles[0]
                got = {f: as_text(getattr(pr, f, None)) for f in FIELDS}
        except Exception as e:
            notes.append(f"{fn}: EXCEPTION {type(e).__name__}: {e}")
            traceback.print_exc(limit=2)
        lay = by_layout.setdefault(f"{exp['layout']}/{exp['tool']}", [0, 0])
        for f in FIELDS:
            ok = norm(f, got[f]) == norm(f, exp[f])
            hits[f] += ok
            lay[0] += ok; lay[1] += 1
            if not ok:
                misses.append(f"  {fn:52s} {f:16s} expected={exp[f]!r}  got={got[f]!r}")
        city_hits += city(got["location"]) == city(exp["location"])
    n = len(expected)
    print(f"Blind corpus: {n} files\n")
    print("Per-field accuracy:")
    for f in FIELDS:
        print(f"  {f:16s} {hits[f]:3d}/{n}  {100*hits[f]/n:5.1f}%")
    tot = sum(hits.values())
    print(f"  {'OVERALL':16s} {tot:3d}/{n*len(FIELDS)}  {100*tot/(n*len(FIELDS)):5.1f}%")
    print(f"  (supplementary) location city-only match: {city_hits}/{n}  {100*city_hits/n:5.1f}%\n")
    print("Per-layout field accuracy:")
    for k in sorted(by_layout):
        a, b = by_layout[k]
        print(f"  {k:20s} {a:3d}/{b}  {100*a/b:5.1f}%")
    if notes:
        print("\nNotes:")
        for x in notes:
            print("  " + x)
    print(f"\nMisses ({len(misses)}):")
    for m in misses:
        print(m)

if __name__ == "__main__":
    main()
