"""The contact fields (name, e-mail, phone, location) on the template corpus's fifth round
(people_r5.py: ten families, measured blind once on arrival, open for tuning since), held to floors
a little under what the extractor reaches now (name 96.2%, e-mail 100%, phone 98.8%, location
94.4%; on arrival: name 95.0%, e-mail 89.9%, phone 98.8%, location 64.8%). Round 6 is never
measured here."""

from __future__ import annotations

import importlib.util
from pathlib import Path

HERE = Path(__file__).resolve().parents[1] / "data" / "ingest_templates"
ROUND5_CONTACT_FLOORS = {"name": 0.95, "email": 0.98, "phone": 0.97, "location": 0.93}


def _measure():
    spec = importlib.util.spec_from_file_location("templates_measure_r5", HERE / "measure.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def test_the_fifth_round_families_keep_their_contact_figures():
    measure = _measure()
    # blind=True only says "yes, round 5": measure.py guards it as the blind round.
    result = measure.run(rounds=(5,), blind=True)
    accuracy = measure.totals(result["families"])
    assert len(result["families"]) == 10
    low = {f: round(accuracy[f], 3) for f in ROUND5_CONTACT_FLOORS if accuracy[f] < ROUND5_CONTACT_FLOORS[f]}
    misses = [m for m in result["misses"] if m.split(" ")[1].rstrip(":") in ROUND5_CONTACT_FLOORS]
    assert not low, f"contact fields on the fifth round below floor: {low}; misses: {misses}"
