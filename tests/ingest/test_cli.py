"""`milobot ingest FILE... [--json]`: one JSON object per file, or per ZIP entry, per line."""

from __future__ import annotations

import json

from milobot.ingest import run_cli

from .corpus import CORPUS

PROFILE_KEYS = {
    "name",
    "email",
    "phone",
    "location",
    "links",
    "current_title",
    "current_company",
    "years_experience",
    "skills",
    "education",
}


def _lines(capsys) -> list[dict]:
    out = capsys.readouterr().out
    return [json.loads(line) for line in out.splitlines()]


def test_json_for_a_pdf(capsys):
    assert run_cli([str(CORPUS / "resumes" / "00_classic.pdf"), "--json"]) == 0
    (obj,) = _lines(capsys)
    assert set(obj) == {"file", "outcome", "reason", "profiles"}
    assert obj["file"] == "00_classic.pdf" and obj["outcome"] == "ok"
    (profile,) = obj["profiles"]
    assert set(profile) == PROFILE_KEYS
    assert profile["email"] and profile["phone"].startswith("+")


def test_json_for_a_zip_is_one_line_per_entry(capsys):
    assert run_cli(["--json", str(CORPUS / "zips" / "bundle.zip")]) == 0
    objs = _lines(capsys)
    expected = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))["files"]["zips/bundle.zip"][
        "entries"
    ]
    assert [o["file"] for o in objs] == [e["file"] for e in expected]
    assert [o["outcome"] for o in objs] == [e["outcome"] for e in expected]
    csv_line = next(o for o in objs if o["file"].endswith(".csv"))
    assert len(csv_line["profiles"]) == 6 and all(set(p) == PROFILE_KEYS for p in csv_line["profiles"])


def test_readable_summary_and_missing_file(tmp_path, capsys):
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    status = run_cli([str(CORPUS / "resumes" / "36_word.docx"), str(empty), str(tmp_path / "missing.pdf")])
    captured = capsys.readouterr()
    assert status == 1  # one file could not be read at all
    assert "36_word.docx: ok" in captured.out and "•" in captured.out
    assert "empty.pdf: empty" in captured.out
    assert "missing.pdf: cannot read" in captured.err
