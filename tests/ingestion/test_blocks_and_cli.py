"""The review builder within Slack's limits whatever the batch holds, and the `milobot ingest` script."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from milobot.blocks.review import edit_modal, history_blocks, review_message
from milobot.ids import Action, ReviewAction
from milobot.services.ingestion_model import AgentChoice, DraftEdit, DraftRow, FileProblem, ReviewData
from tests.fakes import blockkit
from tests.ingestion.support import corpus_pdfs

HOSTILE = "<!channel> <@U123> *Bob* & <b>Co</b>" + "x" * 400


def data(**overrides) -> ReviewData:
    rows = [
        DraftRow(
            i,
            "pending" if i % 3 else "approved",
            {
                "name": HOSTILE,
                "email": f"a{i}@x.io",
                "phone": "+14155550100",
                "current_title": HOSTILE,
                "current_company": "Acme",
                "location": HOSTILE,
                "skills": [HOSTILE] * 8,
                "source_file": HOSTILE,
            },
            HOSTILE if i % 2 else None,
            "U0DECIDER1",
            "http://milobot.test/i/tok",
        )
        for i in range(1, 11)
    ]
    problems = [
        FileProblem(
            f"bundle.zip/{HOSTILE}-{i}.pdf", "encrypted", "This PDF is password-protected. " + HOSTILE
        )
        for i in range(10)
    ]
    base = {
        "batch_id": 7,
        "status": "review",
        "uploaded_by": "U0ADMIN",
        "file_names": ["a.zip"],
        "file_count": 230,
        "profile_count": 200,
        "pending": 150,
        "approved": 40,
        "discarded": 10,
        "flagged_pending": 5,
        "problems": problems,
        "problem_count": 30,
        "problem_outcomes": {"encrypted": 20, "corrupt": 10},
        "rows": rows,
        "page": 3,
        "page_count": 20,
        "first_index": 30,
        "agents": [AgentChoice(i, HOSTILE) for i in range(1, 101)],
        "agent_id": 3,
        "agent_name": HOSTILE,
    }
    return ReviewData(**{**base, **overrides})


def mrkdwn_texts(node) -> list[str]:
    if isinstance(node, dict):
        found = [node["text"]] if node.get("type") == "mrkdwn" else []
        return found + [t for v in node.values() for t in mrkdwn_texts(v)]
    if isinstance(node, list):
        return [t for v in node for t in mrkdwn_texts(v)]
    return []


def test_a_full_page_with_hostile_text_stays_within_slacks_limits_and_is_escaped():
    text, blocks = review_message(data())
    assert blockkit.validate_message_blocks(blocks) == []
    assert len(blocks) <= 50
    dumped = json.dumps(blocks, ensure_ascii=False)
    mrkdwn = " ".join(mrkdwn_texts(blocks))
    # plain_text (options, dialog text, header) is shown literally by Slack; mrkdwn must be escaped.
    assert "<!channel>" not in mrkdwn and "<@U123>" not in mrkdwn and "<b>" not in mrkdwn
    assert "&lt;!channel&gt;" in mrkdwn
    assert "more (10 corrupt, 20 encrypted in all)." in dumped and "…and " in dumped
    assert "page 4 of 20" in dumped
    actions = [e["action_id"] for b in blocks if b["type"] == "actions" for e in b["elements"]]
    assert actions.count(ReviewAction.APPROVE_DUPLICATE) and actions.count(Action.REVIEW_APPROVE)
    assert Action.REVIEW_PAGE in actions and ReviewAction.PAGE_NEXT in actions
    assert text == "Import #7: 230 files, 200 profiles, 30 problems"


def test_reading_done_modal_and_history_are_valid_too():
    _, reading = review_message(data(status="extracting"))
    assert "Reading 230 files…" in json.dumps(reading, ensure_ascii=False)
    _, done = review_message(data(status="done", pending=0, flagged_pending=0))
    assert blockkit.validate_message_blocks(done) == [] and "Approve all" not in json.dumps(done)
    _, empty = review_message(data(agents=[], agent_id=None, agent_name=None))
    assert "/milo agent new" in json.dumps(empty) and blockkit.validate_message_blocks(empty) == []
    modal = edit_modal(
        DraftEdit(7, 1, {"name": HOSTILE * 10, "skills": [HOSTILE] * 30, "source_file": HOSTILE})
    )
    assert blockkit.validate_view(modal) == []
    _, history = history_blocks([])
    assert "No imports yet" in json.dumps(history)


def test_the_milobot_ingest_console_script_prints_json_per_file():
    ((name, _, email),) = corpus_pdfs(1)
    pdf = Path(__file__).resolve().parents[1] / "data" / "ingest" / "resumes" / name
    script = Path(sys.executable).parent / "milobot"
    out = subprocess.run(
        [str(script), "ingest", str(pdf), "--json"], capture_output=True, text=True, timeout=60, check=True
    )
    (line,) = out.stdout.strip().splitlines()
    result = json.loads(line)
    assert result["file"] == name and result["outcome"] == "ok" and result["reason"]
    (profile,) = result["profiles"]
    assert profile["email"].lower() == email
    assert set(profile) >= {
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
