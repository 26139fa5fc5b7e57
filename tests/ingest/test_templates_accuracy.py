"""Field accuracy over the template corpus (tests/data/ingest_templates): résumés made from public
templates (JSON Resume themes printed by chromium, LaTeX CV classes, Word layouts) with made-up
people. Scored by the corpus's own measure.py, which measures this checkout; the per-family table
is in the README. Floors sit a little under what the extractor reaches now, so a change that costs
accuracy on templates fails here; the README says where they stand against the issue's targets."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parents[1] / "data" / "ingest_templates"
FLOORS = {
    "name": 0.97,
    "email": 0.99,
    "phone": 0.97,
    "location": 0.96,
    "current_title": 0.98,
    "current_company": 0.97,
}


def _measure():
    spec = importlib.util.spec_from_file_location("templates_measure", HERE / "measure.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def scores():
    measure = _measure()
    result = measure.run(unseen=False)
    return measure.totals(result["families"]), result["misses"], len(result["families"])


def test_template_families_field_accuracy(scores, capsys):
    accuracy, misses, families = scores
    with capsys.disabled():
        print(f"\n\ningest accuracy over {families} template families")
        for field, floor in FLOORS.items():
            print(f"  {field:<16} {accuracy[field]:6.1%}  (floor {floor:.0%})")
    low = {f: round(accuracy[f], 3) for f in FLOORS if accuracy[f] < FLOORS[f]}
    assert not low, f"template accuracy below floor: {low}; misses: {misses}"


# The second round's families (measure.py --unseen): measured once on arrival (README, and
# tests/data/ingest_templates/round2_on_arrival.txt), then read for general mechanisms; held here
# to floors a little under their figures since.
ROUND2_FLOORS = {
    "name": 0.97,
    "email": 0.99,
    "phone": 0.95,
    "location": 0.95,
    "current_title": 0.98,
    "current_company": 0.98,
}


def test_the_second_round_families_keep_their_figures():
    measure = _measure()
    result = measure.run(unseen=True)
    accuracy = measure.totals(result["families"])
    assert len(result["families"]) == 8
    low = {f: round(accuracy[f], 3) for f in ROUND2_FLOORS if accuracy[f] < ROUND2_FLOORS[f]}
    assert not low, f"accuracy on the second round's families below floor: {low}; misses: {result['misses']}"


# The third round's families (measure.py --round 3, the "dev" round, tuned on): read for general
# job-entry mechanisms (tests/ingest/test_job_entry_mechanisms.py); title and company held a little
# under their figures since (100% and 100%; 65.0% and 72.5% at the start). The other fields are
# another helper's and sit at their figures on arrival, a little under.
ROUND3_FLOORS = {
    "name": 0.92,
    "email": 0.96,
    "phone": 0.93,
    "location": 0.70,
    "current_title": 0.97,
    "current_company": 0.97,
}


def test_the_third_round_families_keep_their_figures():
    measure = _measure()
    result = measure.run(rounds=(3,))
    accuracy = measure.totals(result["families"])
    assert len(result["families"]) == 10
    low = {f: round(accuracy[f], 3) for f in ROUND3_FLOORS if accuracy[f] < ROUND3_FLOORS[f]}
    assert not low, f"accuracy on the third round's families below floor: {low}; misses: {result['misses']}"


def test_the_unseen_round_is_not_measured_unless_asked_for():
    # Round 6 is measured once, by the lead, at the end (measure.py --round 6): the scorer refuses
    # it before it loads the extractor, and the default rounds leave it out.
    measure = _measure()
    with pytest.raises(ValueError):
        measure.run(rounds=(measure.BLIND_ROUND,))
    assert measure.BLIND_ROUND == 6
    assert measure.BLIND_ROUND not in measure.TUNED_ROUNDS


def test_the_scorer_measures_this_checkout():
    extract = _measure().load_extract()
    module = sys.modules[extract.__module__]
    assert Path(module.__file__).resolve().is_relative_to(HERE.parents[2])
