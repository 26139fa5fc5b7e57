"""The Package ZIP's plain-text files (transcript.txt, contents.txt) are read in any editor: a name or
answer carrying an invisible direction control (U+202E …) must not turn the rest of its line around."""

from __future__ import annotations

from datetime import UTC, datetime

from milobot.render.report_zip import contents_text, transcript_text
from milobot.services.report_data import ReportData

OVERRIDE, ISOLATE = "\u202e", "\u2067"


def _data() -> ReportData:
    return ReportData(
        workspace_id=1,
        candidate_id=7,
        candidate_name=f"Rosa{OVERRIDE}fdp.exe Quintal",
        email=None,
        phone=None,
        location=None,
        current_title=None,
        current_company=None,
        candidate_status="invited",
        decision="none",
        decided_by=None,
        agent_name=f"Night {ISOLATE}Shift",
        role_title=f"Porter{OVERRIDE}",
        generated_at=datetime(2026, 12, 5, 9, 0, tzinfo=UTC),
    )


def test_transcript_text_drops_direction_controls_and_keeps_the_letters():
    text = transcript_text(_data()).decode("utf-8")
    assert OVERRIDE not in text and ISOLATE not in text
    assert "Candidate: Rosafdp.exe Quintal" in text
    assert "Interview agent: Night Shift" in text and "Role: Porter" in text
    assert "No interview yet." in text


def test_contents_text_drops_direction_controls_in_the_title_and_headings():
    text = contents_text(
        title=f"Night {OVERRIDE}Shift shortlist",
        made_by="U0ADMIN01",
        made_at=datetime(2026, 12, 5, 9, 0, tzinfo=UTC),
        sections=[(f"01-rosa — Rosa{OVERRIDE} Quintal", ["report.pdf"], [])],
    ).decode("utf-8")
    assert OVERRIDE not in text
    assert "Candidate files: Night Shift shortlist" in text and "01-rosa — Rosa Quintal" in text
    assert "  report.pdf" in text
