#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Measure milobot's extractor against the blind corpus in ./files using ./expected.json.

    python measure.py              # runs milobot.ingest.extract over every file (run once, by the lead)
    python measure.py --self-test  # scores expected against itself (must be 100%); never imports milobot

Scoring
  name, email ........ case/whitespace-insensitive (curly apostrophes and quotes folded to straight)
  phone .............. E.164: got reduced to '+' and digits must equal expected
  current_title/company  case-insensitive, punctuation/symbols ignored, whitespace collapsed
  location ........... parts split on ',' (a trailing region/country code glued to the city, e.g.
                       'Brisbane QLD', is split off); each part passed through the SAME alias table on both
                       sides (country names/codes in English and local languages; US/CA/AU/NG region codes);
                       all parts must match.  location_city compares only the first part (the city).
  company_nosuffix ... informational: company ignoring legal suffixes (Ltd, Inc., GmbH, S.r.l., ...)
"""
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..")))

FIELDS = ["name", "email", "phone", "current_title", "current_company", "location", "location_city"]
INFO_FIELDS = ["company_nosuffix"]

# ----------------------------------------------------------------------------- normalisation

def base(s):
    if s is None:
        return ""
    s = unicodedata.normalize("NFKC", str(s))
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u02bc", "'").replace("`", "'")
    s = s.replace("\u201c", '"').replace("\u201d", '"').replace("\u00a0", " ")
    return re.sub(r"\s+", " ", s).strip().casefold()


def nopunct(s):
    s = base(s)
    s = "".join(" " if unicodedata.category(ch)[0] in "PS" else ch for ch in s)
    return re.sub(r"\s+", " ", s).strip()


def phone_norm(s):
    s = str(s or "").strip()
    s = re.sub(r"[^\d+]", "", s)
    if s.startswith("00"):
        s = "+" + s[2:]
    return s


LEGAL = r"(pvt|private|ltd|limited|plc|llc|llp|inc|incorporated|corp|corporation|co|company|gmbh|ag|sas|sarl|sa|s a|" \
        r"sl|s l|srl|s r l|spa|s p a|bv|b v|nv|n v|ab|oy|lda|ltda|pte|pty|dac|sae|s a e|sp z o o|sc|s c|" \
        r"sa de cv|s a de c v|inc|cpas)"


def company_nosuffix(s):
    s = nopunct(s)
    prev = None
    while prev != s:
        prev = s
        s = re.sub(r"(\s+" + LEGAL + r")$", "", s).strip()
    return s


_COUNTRY = {
    "united states": ["usa", "us", "u s", "u s a", "united states of america", "america", "estados unidos"],
    "united kingdom": ["uk", "u k", "great britain", "gb", "britain", "england", "scotland", "wales",
                       "northern ireland", "reino unido", "royaume uni", "vereinigtes königreich"],
    "canada": [],
    "australia": ["au", "aus"],
    "india": ["ind", "bharat"],
    "ireland": ["ie", "eire", "éire", "republic of ireland", "irlanda", "irland", "irlande"],
    "singapore": ["sg", "sgp", "republic of singapore"],
    "south africa": ["za", "rsa", "sa"],
    "nigeria": ["ng", "nga"],
    "philippines": ["ph", "phl", "the philippines", "pilipinas"],
    "pakistan": ["pk", "pak"],
    "egypt": ["eg", "egy", "misr", "arab republic of egypt"],
    "brazil": ["br", "bra", "brasil"],
    "mexico": ["mx", "mex", "méxico"],
    "germany": ["de", "deu", "deutschland", "allemagne", "alemania", "germania"],
    "france": ["fr", "fra"],
    "spain": ["es", "esp", "españa", "espana", "espagne", "spanien"],
    "italy": ["it", "ita", "italia", "italie", "italien"],
    "portugal": ["pt", "prt"],
    "netherlands": ["nl", "nld", "nederland", "the netherlands", "holland", "pays bas", "niederlande", "países bajos"],
    "poland": ["pl", "pol", "polska", "pologne", "polen", "polonia"],
    "sweden": ["se", "swe", "sverige", "suède", "schweden", "suecia"],
    "norway": ["no", "nor", "norge", "noreg", "norvège", "norwegen", "noruega"],
    "finland": ["fi", "fin", "suomi", "finlande", "finnland", "finlandia"],
    "romania": ["ro", "rou", "românia", "roumanie", "rumänien", "rumania"],
}
_REGION = {
    "texas": ["tx"], "ohio": ["oh"], "massachusetts": ["ma"], "colorado": ["co"], "new york": ["ny"],
    "california": ["ca"], "quebec": ["qc", "québec", "que"], "ontario": ["on", "ont"], "british columbia": ["bc"],
    "queensland": ["qld"], "victoria": ["vic"], "new south wales": ["nsw"], "western australia": ["wa"],
    "federal capital territory": ["fct"], "metro manila": ["ncr", "national capital region"],
}
ALIAS = {}
CODES = set()
for table in (_COUNTRY, _REGION):
    for canon, alts in table.items():
        ALIAS[canon] = canon
        for a in alts:
            ALIAS[a] = canon
            if len(a) <= 3:
                CODES.add(a)


def _alias(part, allow_codes):
    if part in CODES and not allow_codes:
        return part
    return ALIAS.get(part, part)


def loc_parts(s):
    s = base(s)
    if not s:
        return []
    s = s.replace("(", " ").replace(")", " ").replace("–", ",").replace("—", ",")
    s = re.sub(r"\s*[·•|/]\s*", ", ", s)
    parts = [re.sub(r"[.\s]+", " ", p).strip() for p in s.split(",")]
    parts = [p for p in parts if p]
    if len(parts) == 1:  # "Brisbane QLD" -> ["brisbane", "qld"]
        toks = parts[0].split(" ")
        if len(toks) >= 2 and toks[-1] in ALIAS:
            parts = [" ".join(toks[:-1]), toks[-1]]
    return [parts[0] if i == 0 and parts[0] not in ALIAS else _alias(p, i > 0) for i, p in enumerate(parts)]


def loc_norm(s):
    return " , ".join(loc_parts(s))


def city_norm(s):
    p = loc_parts(s)
    return p[0] if p else ""


NORM = {
    "name": base, "email": lambda s: base(s).replace("mailto:", ""), "phone": phone_norm,
    "current_title": nopunct, "current_company": nopunct, "location": loc_norm, "location_city": city_norm,
    "company_nosuffix": company_nosuffix,
}
SRC = {"location_city": "location", "company_nosuffix": "current_company"}

# ----------------------------------------------------------------------------- extraction


def _val(v, field):
    """Coerce whatever the Profile holds into a string."""
    if v is None:
        return None
    if isinstance(v, (list, tuple)):
        v = v[0] if v else None
        if v is None:
            return None
    if isinstance(v, str):
        return v
    if field == "phone":
        for a in ("e164", "number", "value"):
            if getattr(v, a, None):
                return str(getattr(v, a))
    if field == "location":
        for a in ("raw", "text", "display"):
            if isinstance(getattr(v, a, None), str) and getattr(v, a):
                return getattr(v, a)
        bits = [getattr(v, a, None) for a in ("city", "region", "country")]
        bits = [str(b) for b in bits if b]
        if bits:
            return ", ".join(bits)
    return str(v)


def run_extract(expected):
    from milobot.ingest import extract
    got, notes = {}, {}
    for fn in sorted(expected):
        path = os.path.join(HERE, "files", fn)
        with open(path, "rb") as fh:
            data = fh.read()
        try:
            results = extract(fn, data)
        except Exception as e:  # noqa: BLE001
            got[fn], notes[fn] = {}, f"EXCEPTION {type(e).__name__}: {e}"
            continue
        prof, outcomes, nprof = None, [], 0
        for r in results or []:
            outcomes.append(str(getattr(r, "outcome", "?")))
            ps = list(getattr(r, "profiles", None) or [])
            nprof += len(ps)
            if prof is None and ps:
                prof = ps[0]
        notes[fn] = f"outcome={','.join(outcomes) or 'none'} profiles={nprof}"
        got[fn] = {} if prof is None else {f: _val(getattr(prof, f, None), f)
                                           for f in ("name", "email", "phone", "current_title",
                                                     "current_company", "location")}
    return got, notes


# ----------------------------------------------------------------------------- scoring


def score(expected, got):
    rows = {}
    for fn, exp in expected.items():
        g = got.get(fn, {})
        r = {}
        for f in FIELDS + INFO_FIELDS:
            src = SRC.get(f, f)
            e_raw, g_raw = exp.get(src), g.get(src)
            r[f] = (NORM[f](e_raw) == NORM[f](g_raw) and NORM[f](e_raw) != "", e_raw, g_raw)
        rows[fn] = r
    return rows


def is_english(fn):
    return fn.startswith("en")


def table(title, rows):
    n = len(rows)
    print(f"\n== {title} ({n} files) ==")
    print(f"{'field':<20}{'correct':>9}{'acc':>9}")
    tot = 0
    for f in FIELDS + INFO_FIELDS:
        c = sum(1 for r in rows.values() if r[f][0])
        if f in FIELDS:
            tot += c
        tag = "  (info)" if f in INFO_FIELDS else ""
        print(f"{f:<20}{c:>5}/{n:<3}{(100.0 * c / n if n else 0):>8.1f}%{tag}")
    m = n * len(FIELDS)
    print(f"{'ALL FIELDS':<20}{tot:>5}/{m:<3}{(100.0 * tot / m if m else 0):>8.1f}%")


def main():
    self_test = "--self-test" in sys.argv
    with open(os.path.join(HERE, "expected.json"), encoding="utf-8") as fh:
        expected = json.load(fh)
    missing = [fn for fn in expected if not os.path.exists(os.path.join(HERE, "files", fn))]
    if missing:
        sys.exit(f"missing corpus files: {missing}")
    if self_test:
        got, notes = {fn: dict(v) for fn, v in expected.items()}, {}
        print("SELF-TEST: scoring expected.json against itself (extract() NOT called)")
    else:
        got, notes = run_extract(expected)
    rows = score(expected, got)
    table("ALL", rows)
    table("English-language subset", {k: v for k, v in rows.items() if is_english(k)})
    table("Non-English subset", {k: v for k, v in rows.items() if not is_english(k)})
    print("\n== MISSES ==")
    nm = 0
    for fn in sorted(rows):
        for f in FIELDS:
            ok, e, g = rows[fn][f]
            if not ok:
                nm += 1
                print(f"{fn:<34} {f:<16} expected={e!r:<45} got={g!r}")
        if fn in notes and not all(rows[fn][f][0] for f in FIELDS):
            print(f"{fn:<34} {'(note)':<16} {notes[fn]}")
    if nm == 0:
        print("(none)")
    if self_test:
        ok = all(rows[fn][f][0] for fn in rows for f in FIELDS + INFO_FIELDS)
        print("\nSELF-TEST", "PASSED" if ok else "FAILED")
        sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
