#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Measure milobot.ingest.extract against the blind corpus.

    python measure.py              # runs extract() over files/, prints per-field accuracy + every miss
    python measure.py --self-test  # expected vs expected (must be 100%), never imports/calls extract

Comparison rules
  name, email, phone      : case-insensitive; whitespace collapsed (email/phone: all whitespace removed)
  current_title/company   : as above, plus all punctuation ignored
  location                : parts split on ',' -> each part case/whitespace/punctuation-insensitive, then a
                            symmetric country-name alias map ("Nederland" == "Netherlands" == "The Netherlands")
  location (city only)    : first comma-separated part only, same normalisation
"""
import argparse
import json
import os
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
FIELDS = ("name", "email", "phone", "current_title", "current_company", "location")

# ---------------------------------------------------------------- normalisation
COUNTRY_ALIASES = {
    "germany": ["deutschland", "germany", "federal republic of germany", "bundesrepublik deutschland", "allemagne", "alemania"],
    "netherlands": ["nederland", "netherlands", "the netherlands", "holland", "pays-bas", "países bajos", "niederlande"],
    "spain": ["españa", "espana", "spain", "espagne", "spanien"],
    "france": ["france", "frankreich", "francia"],
    "sweden": ["sverige", "sweden", "schweden", "suède"],
    "denmark": ["danmark", "denmark", "dänemark", "danemark"],
    "czech republic": ["česká republika", "ceska republika", "czech republic", "czechia", "česko", "cesko", "tschechien"],
    "turkey": ["türkiye", "turkiye", "turkey", "türkei", "turquie", "republic of türkiye"],
    "switzerland": ["schweiz", "suisse", "svizzera", "switzerland", "swiss confederation"],
    "austria": ["österreich", "osterreich", "austria", "autriche"],
    "belgium": ["belgië", "belgie", "belgique", "belgium", "belgien"],
    "italy": ["italia", "italy", "italien", "italie"],
    "poland": ["polska", "poland", "polen"],
    "norway": ["norge", "norway", "norwegen"],
    "finland": ["suomi", "finland"],
    "portugal": ["portugal"],
    "mexico": ["méxico", "mexico"],
    "brazil": ["brasil", "brazil"],
    "ireland": ["ireland", "éire", "eire", "republic of ireland"],
    "united kingdom": ["uk", "u.k.", "united kingdom", "great britain", "gb", "united kingdom of great britain and northern ireland"],
    "united states": ["usa", "u.s.a.", "us", "u.s.", "united states", "united states of america", "america"],
    "canada": ["canada"],
    "australia": ["australia"],
    "new zealand": ["new zealand", "aotearoa", "aotearoa new zealand", "nz"],
    "india": ["india", "bharat", "bhārat"],
    "nigeria": ["nigeria", "federal republic of nigeria"],
    "kenya": ["kenya"],
    "south africa": ["south africa", "rsa", "republic of south africa", "suid-afrika"],
    "singapore": ["singapore", "republic of singapore"],
    "philippines": ["philippines", "the philippines", "republic of the philippines"],
}


def _base(s):
    s = unicodedata.normalize("NFKC", str(s or "")).casefold()
    return " ".join(s.split())


def _nopunct(s):
    s = "".join(" " if unicodedata.category(c)[0] in "PS" else c for c in _base(s))
    return " ".join(s.split())


_ALIAS = {}
for canon, names in COUNTRY_ALIASES.items():
    for n in names + [canon]:
        _ALIAS[_nopunct(n)] = canon
        _ALIAS[_nopunct(n).replace(" ", "")] = canon


def _loc_part(part):
    k = _nopunct(part)
    return _ALIAS.get(k, _ALIAS.get(k.replace(" ", ""), k))


def norm(field, v):
    if field in ("email", "phone"):
        return "".join(_base(v).split())
    if field in ("current_title", "current_company"):
        return _nopunct(v)
    if field == "location":
        return tuple(p for p in (_loc_part(x) for x in str(v or "").split(",")) if p)
    if field == "city":
        parts = [p for p in str(v or "").split(",") if p.strip()]
        return _loc_part(parts[0]) if parts else ""
    return _base(v)


def as_text(v):
    """Profile values are expected to be strings; be tolerant of small wrapper objects."""
    if v is None:
        return ""
    if isinstance(v, str):
        return v
    for attr in ("e164", "raw", "text", "display", "value"):
        a = getattr(v, attr, None)
        if isinstance(a, str) and a:
            return a
    if hasattr(v, "city"):
        parts = [getattr(v, k, None) for k in ("city", "region", "country")]
        return ", ".join(p for p in parts if p)
    return str(v)


# ---------------------------------------------------------------- run
def run_extract(files_dir, names):
    sys.path.insert(0, os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..")))
    from milobot.ingest import extract
    got, notes = {}, {}
    for fn in names:
        with open(os.path.join(files_dir, fn), "rb") as f:
            data = f.read()
        try:
            results = extract(fn, data)
        except Exception as exc:  # noqa: BLE001
            got[fn], notes[fn] = {}, f"EXCEPTION {type(exc).__name__}: {exc}"
            continue
        outcomes = [str(getattr(r, "outcome", "?")) for r in results or []]
        prof = next((pr for r in results or [] for pr in (getattr(r, "profiles", None) or [])), None)
        if prof is None:
            got[fn], notes[fn] = {}, f"NO PROFILE (outcomes={outcomes})"
            continue
        got[fn] = {k: as_text(getattr(prof, k, None)) for k in FIELDS}
        nprof = sum(len(getattr(r, "profiles", None) or []) for r in results)
        if nprof != 1:
            notes[fn] = f"{nprof} profiles (outcomes={outcomes}); first one scored"
    return got, notes


def score(expected, got, notes):
    cols = list(FIELDS) + ["location(city)"]
    ok = {c: 0 for c in cols}
    misses = []
    for fn, exp in expected.items():
        g = got.get(fn, {})
        for c in cols:
            f = "location" if c == "location(city)" else c
            kind = "city" if c == "location(city)" else f
            e, a = exp.get(f, ""), g.get(f, "")
            if norm(kind, e) == norm(kind, a):
                ok[c] += 1
            elif c != "location(city)":
                misses.append((fn, c, e, a))
    n = len(expected)
    print(f"Corpus: {n} files\n")
    print(f"{'field':18s} {'correct':>9s} {'accuracy':>9s}")
    for c in cols:
        print(f"{c:18s} {ok[c]:>5d}/{n:<3d} {100.0 * ok[c] / n:8.1f}%")
    tot = sum(ok[c] for c in FIELDS)
    print(f"{'ALL (6 fields)':18s} {tot:>5d}/{n * len(FIELDS):<3d} {100.0 * tot / (n * len(FIELDS)):8.1f}%")
    perfect = sum(1 for fn in expected if all(norm(f, expected[fn][f]) == norm(f, got.get(fn, {}).get(f, "")) for f in FIELDS))
    print(f"{'files all-correct':18s} {perfect:>5d}/{n:<3d} {100.0 * perfect / n:8.1f}%")
    if notes:
        print("\nNotes:")
        for fn, t in notes.items():
            print(f"  {fn}: {t}")
    print(f"\nMisses ({len(misses)}):")
    for fn, c, e, a in misses:
        print(f"  {fn:40s} {c:16s} expected={e!r}  got={a!r}")
    city_miss = [fn for fn in expected if norm("city", expected[fn]["location"]) != norm("city", got.get(fn, {}).get("location", ""))]
    if city_miss:
        print(f"\nCity-only misses ({len(city_miss)}): " + ", ".join(city_miss))
    return tot == n * len(FIELDS)


def _normaliser_checks():
    assert norm("location", "Utrecht, Nederland") == norm("location", "utrecht,  Netherlands")
    assert norm("location", "Brno, Czechia") == norm("location", "Brno, Česká republika")
    assert norm("location", "İstanbul, Türkiye") == norm("location", "İSTANBUL, Türkiye")
    assert norm("location", "London, UK") == norm("location", "London, United Kingdom")
    assert norm("location", "Austin, TX") != norm("location", "Austin, Texas, USA")
    assert norm("city", "Austin, TX") == norm("city", "Austin")
    assert norm("current_company", "Merlion Pay Pte. Ltd.") == norm("current_company", "merlion pay pte ltd")
    assert norm("phone", "+44 7700 900461") == norm("phone", "+447700900461")
    assert norm("name", "Sanne  de Vries") == norm("name", "sanne de vries")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--self-test", action="store_true", help="score expected against itself; does not call extract")
    ap.add_argument("--files", default=os.path.join(HERE, "files"))
    ap.add_argument("--expected", default=os.path.join(HERE, "expected.json"))
    a = ap.parse_args()
    with open(a.expected, encoding="utf-8") as f:
        expected = json.load(f)
    missing = [fn for fn in expected if not os.path.exists(os.path.join(a.files, fn))]
    if missing:
        sys.exit(f"missing files: {missing}")
    if a.self_test:
        _normaliser_checks()
        print("SELF-TEST (expected vs expected; extract not called; normaliser checks passed)")
        ok = score(expected, {k: dict(v) for k, v in expected.items()}, {})
        sys.exit(0 if ok else 1)
    got, notes = run_extract(a.files, list(expected))
    score(expected, got, notes)


if __name__ == "__main__":
    main()
