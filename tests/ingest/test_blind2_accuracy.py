"""Field accuracy over the second blind corpus (tests/data/ingest_blind2/, made without sight of the
extractor). Its first measurement: name 90%, email 100%, phone 95%, location 70%, title 82.5%,
company 77.5%. The fixes that followed were general mechanisms (column gutters, labels set above
their values, referees' numbers, street addresses, head nouns, verb-led bullets, ...), each
covered on made-up text in test_parse_blind2_mechanisms.py, never keyed on this corpus's values.

Floors sit a little under what the extractor reaches now (name/email/phone/title/company 100%,
location 95%: the two misses want the city-state "Singapore, Singapore").
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from milobot.ingest import extract

BLIND2 = Path(__file__).resolve().parents[1] / "data" / "ingest_blind2"
FIELDS = ("name", "email", "phone", "location", "current_title", "current_company")
FLOORS = {
    "name": 0.95,
    "email": 0.975,
    "phone": 0.95,
    "location": 0.90,
    "current_title": 0.95,
    "current_company": 0.95,
}


def _measure_module():
    # The corpus author's own comparison rules (measure.norm, measure.as_text).
    spec = importlib.util.spec_from_file_location("blind2_measure", BLIND2 / "measure.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def blind2_scores():
    measure = _measure_module()
    expected = json.loads((BLIND2 / "expected.json").read_text(encoding="utf-8"))
    hits = {f: 0 for f in FIELDS}
    misses: list[str] = []
    for fname, exp in expected.items():
        results = extract(fname, (BLIND2 / "files" / fname).read_bytes())
        assert [r.outcome for r in results] == ["ok"], (fname, [r.reason for r in results])
        profile = results[0].profiles[0]
        for f in FIELDS:
            got = measure.as_text(getattr(profile, f, None))
            if measure.norm(f, got) == measure.norm(f, exp[f]):
                hits[f] += 1
            else:
                misses.append(f"{fname} {f}: got {got!r}, expected {exp[f]!r}")
    return {f: hits[f] / len(expected) for f in FIELDS}, misses, len(expected)


def test_blind2_field_accuracy(blind2_scores, capsys):
    accuracy, misses, n = blind2_scores
    with capsys.disabled():
        print(f"\n\ningest accuracy over the second blind corpus ({n} files)")
        for f in FIELDS:
            print(f"  {f:<16} {accuracy[f]:6.1%}  (floor {FLOORS[f]:.1%})")
        for miss in misses:
            print(f"  miss: {miss}")
    low = {f: round(accuracy[f], 3) for f in FIELDS if accuracy[f] < FLOORS[f]}
    assert not low, f"blind2 accuracy below floor: {low}; misses: {misses}"
