"""The job fields (current title, current employer) on the template corpus's fourth round
(people_r4.py: ten families, measured blind once on arrival, round4_on_arrival.txt, and tuned on
since), held to floors a little under what the extractor reaches now (both at 100%; 88.8% and 78.8%
on arrival). The contact fields of this round are held elsewhere."""

from __future__ import annotations

import importlib.util
from pathlib import Path

HERE = Path(__file__).resolve().parents[1] / "data" / "ingest_templates"
ROUND4_JOB_FLOORS = {"current_title": 0.95, "current_company": 0.95}


def _measure():
    spec = importlib.util.spec_from_file_location("templates_measure_r4_jobs", HERE / "measure.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def test_the_fourth_round_families_keep_their_job_figures():
    measure = _measure()
    # Round 4 is open for tuning now; measure.py still asks that it be named on purpose.
    result = measure.run(rounds=(4,), blind=True)
    accuracy = measure.totals(result["families"])
    assert len(result["families"]) == 10
    low = {f: round(accuracy[f], 3) for f in ROUND4_JOB_FLOORS if accuracy[f] < ROUND4_JOB_FLOORS[f]}
    misses = [m for m in result["misses"] if m.split(" ")[1].rstrip(":") in ROUND4_JOB_FLOORS]
    assert not low, f"job fields on the fourth round below floor: {low}; misses: {misses}"
