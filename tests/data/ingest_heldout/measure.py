#!/usr/bin/env python3
"""Measure milobot's extractor on the blind held-out résumé corpus.

Usage:  .venv/bin/python tests/data/ingest_heldout/measure.py [-v]

For every file in expected.json, runs milobot.ingest.extract on the bytes and
compares the first profile with the ground truth:
  * name, email, location: exact match after Unicode NFC, case-folding and
    whitespace collapsing;
  * phone: exact E.164 string (whitespace removed);
  * current_title, current_company: case-insensitive, punctuation stripped,
    whitespace collapsed.
Prints per-field accuracy, per-layout accuracy and every miss. Exit status is 0
regardless of accuracy (this is a measurement, not a test gate).
"""
from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from milobot.ingest import extract

try:
    from people import P  # layout/tool metadata, optional
    META = {p["stem"]: p for p in P}
except ImportError:  # pragma: no cover
    META = {}

FIELDS = ["name", "email", "phone", "current_title", "current_company", "location"]


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


def _ws(s: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", s)).strip().casefold()


def _nopunct(s: str) -> str:
    s = unicodedata.normalize("NFC", s)
    s = "".join(" " if unicodedata.category(ch).startswith("P") else ch for ch in s)
    return _ws(s)


def norm(field: str, value) -> str | None:
    if value is None:
        return None
    value = str(value)
    if field == "phone":
        return re.sub(r"\s+", "", value)
    if field in ("current_title", "current_company"):
        return _nopunct(value)
    if field == "location":
        return alias_countries(_ws(value))
    return _ws(value)


def main(argv):
    verbose = "-v" in argv
    expected = json.loads((HERE / "expected.json").read_text(encoding="utf-8"))
    hits = defaultdict(int)
    layout_hits = defaultdict(lambda: [0, 0])
    misses, notes = [], []
    for fname, exp in expected.items():
        data = (HERE / fname).read_bytes()
        results = extract(fname, data)
        profiles = [pr for r in results for pr in (r.profiles or [])]
        outcomes = {r.outcome for r in results}
        if outcomes != {"ok"}:
            notes.append(f"{fname}: outcome={sorted(outcomes)} reason={[r.reason for r in results]}")
        if len(profiles) != 1:
            notes.append(f"{fname}: {len(profiles)} profiles extracted (scoring the first)")
        got = profiles[0].to_dict() if profiles else {}
        meta = META.get(Path(fname).stem, {})
        layout = f"{meta.get('layout', '?')} ({meta.get('tool', '?')})"
        if verbose:
            print(f"{fname}: {json.dumps({k: got.get(k) for k in FIELDS}, ensure_ascii=False)}")
        for f in FIELDS:
            ok = norm(f, exp[f]) == norm(f, got.get(f))
            hits[f] += ok
            layout_hits[layout][0] += ok
            layout_hits[layout][1] += 1
            if not ok:
                misses.append((fname, f, exp[f], got.get(f)))

    n = len(expected)
    print(f"Held-out corpus: {n} files  ({HERE})\n")
    print("Per-field accuracy")
    for f in FIELDS:
        print(f"  {f:<16} {hits[f]:>3}/{n}  {100 * hits[f] / n:5.1f}%")
    tot = sum(hits.values())
    print(f"  {'ALL FIELDS':<16} {tot:>3}/{n * len(FIELDS)}  {100 * tot / (n * len(FIELDS)):5.1f}%")
    print("\nPer-layout accuracy (all fields)")
    for lay, (h, t) in sorted(layout_hits.items()):
        print(f"  {lay:<28} {h:>3}/{t:<3} {100 * h / t:5.1f}%")
    if notes:
        print("\nNotes")
        for x in notes:
            print("  " + x)
    print(f"\nMisses ({len(misses)})")
    for fname, f, e, g in misses:
        print(f"  {fname:<36} {f:<16} expected={e!r:<46} got={g!r}")


if __name__ == "__main__":
    main(sys.argv[1:])
