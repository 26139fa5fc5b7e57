"""Field accuracy over the template corpus (tests/data/ingest_templates): résumés made from public
templates (JSON Resume themes printed by chromium, LaTeX CV classes, Word layouts) with made-up
people. Scored by the corpus's own measure.py, which measures this checkout; the per-family table
is in the README. Floors sit a little under what the extractor reaches now, so a change that costs
accuracy on templates fails here; the README says where they stand against the issue's targets."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parents[1] / "data" / "ingest_templates"


def _floors(name, email, phone, location, title, company):
    return {
        "name": name,
        "email": email,
        "phone": phone,
        "location": location,
        "current_title": title,
        "current_company": company,
    }


# Per round, floors a little under what the extractor reaches on it now. Round 1 was developed
# against from the start; rounds 2 to 14 were each measured once on arrival, blind (the
# roundN_on_arrival.txt files beside the corpus), and only then read for general mechanisms, so
# their floors are no blind figures: the README's table of blind figures is. Round 15 was measured
# once on arrival on the final extraction code and never tuned on: its floors sit under that figure.
# (name, e-mail, phone, location, current title, current company)
FLOORS_BY_ROUND = {
    1: _floors(0.97, 0.99, 0.97, 0.96, 0.98, 0.97),
    2: _floors(0.97, 0.99, 0.95, 0.95, 0.98, 0.98),
    3: _floors(0.97, 0.97, 0.97, 0.95, 0.97, 0.97),
    4: _floors(0.97, 0.98, 0.97, 0.96, 0.95, 0.95),
    5: _floors(0.97, 0.98, 0.97, 0.97, 0.93, 0.96),
    6: _floors(0.97, 0.98, 0.97, 0.97, 0.97, 0.97),
    7: _floors(0.97, 0.98, 0.97, 0.97, 0.97, 0.96),
    8: _floors(0.97, 0.98, 0.97, 0.97, 0.97, 0.97),
    9: _floors(0.97, 0.98, 0.97, 0.97, 0.97, 0.97),
    10: _floors(0.97, 0.98, 0.96, 0.97, 0.97, 0.97),
    11: _floors(0.97, 0.98, 0.97, 0.97, 0.97, 0.97),
    12: _floors(0.97, 0.98, 0.97, 0.97, 0.97, 0.97),
    13: _floors(0.97, 0.98, 0.96, 0.97, 0.97, 0.97),
    14: _floors(0.97, 0.98, 0.97, 0.97, 0.95, 0.93),
    15: _floors(0.97, 0.98, 0.97, 0.97, 0.93, 0.92),
}
FAMILIES_PER_ROUND = {
    1: 20,
    2: 8,
    3: 10,
    4: 10,
    5: 10,
    6: 10,
    7: 10,
    8: 10,
    9: 10,
    10: 10,
    11: 10,
    12: 10,
    13: 10,
    14: 10,
    15: 10,
}


def _measure():
    spec = importlib.util.spec_from_file_location("templates_measure", HERE / "measure.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("round_", sorted(FLOORS_BY_ROUND))
def test_each_tuned_round_keeps_its_figures(round_, capsys):
    measure = _measure()
    result = measure.run(rounds=(round_,))
    accuracy = measure.totals(result["families"])
    floors = FLOORS_BY_ROUND[round_]
    assert len(result["families"]) == FAMILIES_PER_ROUND[round_]
    with capsys.disabled():
        print(f"\n\ningest accuracy over round {round_}'s {len(result['families'])} template families")
        for field, floor in floors.items():
            print(f"  {field:<16} {accuracy[field]:6.1%}  (floor {floor:.0%})")
    low = {f: round(accuracy[f], 3) for f in floors if accuracy[f] < floors[f]}
    assert not low, f"round {round_} below floor: {low}; misses: {result['misses']}"


def test_the_held_rounds_are_the_ones_floored_here():
    assert tuple(sorted(FLOORS_BY_ROUND)) == _measure().HELD_ROUNDS


def test_the_unseen_round_is_not_measured_unless_asked_for(monkeypatch):
    # A new round is measured once, by the lead (measure.py --round N), then tuned on; the scorer
    # refuses a round while it is the blind one, before it loads the extractor, and the default
    # rounds leave it out. Round 15, the last, has been measured (round15_on_arrival.txt): no round
    # waits now, so the refusal is shown on a round set blind here.
    measure = _measure()
    assert measure.BLIND_ROUND is None or measure.BLIND_ROUND not in measure.HELD_ROUNDS
    monkeypatch.setattr(measure, "BLIND_ROUND", 15)
    monkeypatch.setattr(measure, "load_extract", lambda: pytest.fail("the extractor was loaded"))
    with pytest.raises(ValueError):
        measure.run(rounds=(15,))
    with pytest.raises(ValueError):
        measure.run(rounds=(1, 15))
    # Every round's files are committed and counted (the family field of expected.json).
    expected = json.loads((HERE / "expected.json").read_text(encoding="utf-8"))
    for round_, families in FAMILIES_PER_ROUND.items():
        assert len({e["family"] for e in expected.values() if e["round"] == round_}) == families, round_
    assert all((HERE / "files" / rel).is_file() for rel in expected)


def test_the_scorer_measures_this_checkout():
    extract = _measure().load_extract()
    module = sys.modules[extract.__module__]
    assert Path(module.__file__).resolve().is_relative_to(HERE.parents[2])
