"""The contact fields (name, e-mail, phone, location) on the template corpus's fourth round
(people_r4.py: ten families, measured blind once on arrival, open for tuning since), held to floors
a little under what the extractor reaches now (all four at 100%; on arrival: name 96.2%, e-mail
98.7%, phone 86.2%, location 96.4%). Round 5 is never measured here."""

from __future__ import annotations

import importlib.util
from pathlib import Path

HERE = Path(__file__).resolve().parents[1] / "data" / "ingest_templates"
ROUND4_CONTACT_FLOORS = {"name": 0.97, "email": 0.98, "phone": 0.97, "location": 0.96}


def _measure():
    spec = importlib.util.spec_from_file_location("templates_measure_r4", HERE / "measure.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def test_the_fourth_round_families_keep_their_contact_figures():
    measure = _measure()
    # blind=True only says "yes, round 4": measure.py guarded it while it was still unseen.
    result = measure.run(rounds=(4,), blind=True)
    accuracy = measure.totals(result["families"])
    assert len(result["families"]) == 10
    low = {f: round(accuracy[f], 3) for f in ROUND4_CONTACT_FLOORS if accuracy[f] < ROUND4_CONTACT_FLOORS[f]}
    misses = [m for m in result["misses"] if m.split(" ")[1].rstrip(":") in ROUND4_CONTACT_FLOORS]
    assert not low, f"contact fields on the fourth round below floor: {low}; misses: {misses}"
