"""Helpers shared by the ingest tests: where the corpus lives and how a field counts as right."""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1] / "data" / "ingest"


def expected() -> dict:
    return json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))


def norm(s: str | None) -> str:
    s = unicodedata.normalize("NFKC", s or "")
    return re.sub(r"\s+", " ", s).strip(" .,").casefold()


def norm_link(s: str) -> str:
    return re.sub(r"^(?:https?://)?(?:www\.)?", "", s.strip().lower()).rstrip("/")


def elapsed_years(generated_on: str) -> float:
    year, month = map(int, generated_on.split("-"))
    today = dt.date.today()
    return ((today.year * 12 + today.month) - (year * 12 + month)) / 12


def field_scores(got: dict, exp: dict, elapsed: float) -> dict[str, float]:
    """1.0/0.0 per exact field; recall in [0, 1] for list fields. Only fields present in exp are scored."""
    scores: dict[str, float] = {}
    for key in ("name", "email", "phone", "location", "current_title", "current_company"):
        if key in exp:
            scores[key] = float(norm(got.get(key)) == norm(exp[key]))
    if "years_experience" in exp:
        target = exp["years_experience"] + (elapsed if exp.get("years_is_open_ended") else 0)
        value = got.get("years_experience")
        scores["years_experience"] = float(value is not None and abs(value - target) <= 1.0)
    if "links" in exp:
        have = {norm_link(x) for x in got.get("links") or []}
        scores["links"] = sum(norm_link(x) in have for x in exp["links"]) / max(1, len(exp["links"]))
    if "skills" in exp:
        have = {norm(x) for x in got.get("skills") or []}
        scores["skills"] = sum(norm(x) in have for x in exp["skills"]) / max(1, len(exp["skills"]))
    if "education" in exp:
        blob = " | ".join(norm(x) for x in got.get("education") or [])
        scores["education"] = sum(norm(x) in blob for x in exp["education"]) / max(1, len(exp["education"]))
    return scores
