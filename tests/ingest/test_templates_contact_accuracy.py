"""The contact fields (name, e-mail, phone, location) on the template corpus's third round (the "dev"
round, people_r3.py: ten families tuned on), held to floors a little under what the extractor reaches
now (all four at 100%). The first two rounds are held by test_templates_accuracy.py; round 4 is never
measured here (measure.py refuses it)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

HERE = Path(__file__).resolve().parents[1] / "data" / "ingest_templates"
ROUND3_CONTACT_FLOORS = {"name": 0.97, "email": 0.97, "phone": 0.97, "location": 0.95}


def _measure():
    spec = importlib.util.spec_from_file_location("templates_measure_r3", HERE / "measure.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def test_the_third_round_families_keep_their_contact_figures():
    measure = _measure()
    result = measure.run(rounds=(3,))
    accuracy = measure.totals(result["families"])
    assert len(result["families"]) == 10
    low = {f: round(accuracy[f], 3) for f in ROUND3_CONTACT_FLOORS if accuracy[f] < ROUND3_CONTACT_FLOORS[f]}
    misses = [m for m in result["misses"] if m.split(" ")[1].rstrip(":") in ROUND3_CONTACT_FLOORS]
    assert not low, f"contact fields on the third round below floor: {low}; misses: {misses}"
