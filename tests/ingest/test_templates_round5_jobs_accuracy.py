"""The job fields (current title, current employer) on the template corpus's fifth round
(people_r5.py: ten families, measured blind once on arrival, round5_on_arrival.txt, and tuned on
since), held to floors a little under what the extractor reaches now (title 96.2%, employer 100%;
65.0% and 65.0% on arrival). The contact fields of this round are held elsewhere."""

from __future__ import annotations

import importlib.util
from pathlib import Path

HERE = Path(__file__).resolve().parents[1] / "data" / "ingest_templates"
ROUND5_JOB_FLOORS = {"current_title": 0.93, "current_company": 0.96}


def _measure():
    spec = importlib.util.spec_from_file_location("templates_measure_r5_jobs", HERE / "measure.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def test_the_fifth_round_families_keep_their_job_figures():
    measure = _measure()
    # Round 5 is open for tuning now; measure.py still asks that it be named on purpose.
    result = measure.run(rounds=(5,), blind=True)
    accuracy = measure.totals(result["families"])
    assert len(result["families"]) == 10
    low = {f: round(accuracy[f], 3) for f in ROUND5_JOB_FLOORS if accuracy[f] < ROUND5_JOB_FLOORS[f]}
    misses = [m for m in result["misses"] if m.split(" ")[1].rstrip(":") in ROUND5_JOB_FLOORS]
    assert not low, f"job fields on the fifth round below floor: {low}; misses: {misses}"
