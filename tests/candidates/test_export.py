"""Export CSV over the wire: the current view (filters, order, columns) as a file in the admin's DM,
every formula-like cell neutralised (OWASP CSV injection); a viewer's crafted Export is refused."""

from __future__ import annotations

import csv
import io

from sqlalchemy import func, select

from milobot.db.models import AuditEntry, OutboxMessage
from milobot.ids import CandidateList
from milobot.services.candidate_export import neutralise
from tests.candidates.support import (
    VIEWER,
    apply_filters,
    click,
    invite_viewer,
    make_agent,
    notice,
    open_list,
    rate,
    seed,
)
from tests.conftest import ADMIN
from tests.fakes import payloads

HOSTILE = {
    '=HYPERLINK("http://evil.example","x")': '\'=HYPERLINK("http://evil.example","x")',
    "+cmd|' /C calc'!A0": "'+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0": "'-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd": "'@SUM(1+1)*cmd",
    "\tTabbed": "'\tTabbed",
    "\rCarriage": "'\rCarriage",
}


def test_neutralise_follows_owasp():
    for raw, safe in HOSTILE.items():
        assert neutralise(raw) == safe
    assert neutralise("+4915112345678") == "'+4915112345678"  # a phone too: no exemption to hide behind
    assert (
        neutralise("Ada Lovelace") == "Ada Lovelace" and neutralise(None) == "" and neutralise(82.5) == "82.5"
    )


async def _csv(slack, *, since: int) -> tuple[object, list[list[str]]]:
    await slack.wait_for("files.completeUploadExternal", since=since, timeout=10)
    [name] = [n for n in slack.uploaded_files if n.startswith("candidates-")]
    upload = slack.uploaded_files.pop(name)
    text = upload.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return upload, list(csv.reader(io.StringIO(text[1:], newline="")))


async def test_export_sends_the_current_view_neutralised_to_the_dm(milo, slack):
    agent_id = await make_agent(milo, name="Backend Engineer")
    titles = list(HOSTILE)
    for i, title in enumerate(titles):
        await seed(
            milo,
            agent_id,
            f"Person {i}",
            status="completed",
            score=50 + i,
            title=title,
            phone="+4915112345678",
        )
    await seed(milo, agent_id, "=1+1 Sneaky", email="-danger@example.com", status="completed", score=99)
    await seed(milo, agent_id, "Never Interviewed")
    rated = await seed(milo, agent_id, "Rated By Others", status="completed", score=10)
    await rate(milo, rated, "UOTHER0001", 5)

    view = await open_list(milo, slack, "backend")
    _, view = await apply_filters(
        milo,
        slack,
        view,
        statuses=["completed"],
        sort="score_desc",
        columns=["score", "rating", "email", "phone", "title"],
    )
    mark = slack.mark()
    view = await click(milo, slack, view, CandidateList.EXPORT)
    assert "CSV of the 8 candidates" in notice(view) and "your DM" in notice(view)
    upload, table = await _csv(slack, since=mark)
    assert upload.channel == slack._ims[(slack.team_id, ADMIN)] and upload.channel.startswith("D")
    assert upload.name == "candidates-backend-engineer-" + upload.name.split("engineer-")[1]
    assert table[0] == [
        "Candidate ID",
        "Name",
        "Decision",
        "Score",
        "Rating",
        "Ratings",
        "E-mail",
        "Phone",
        "Current title",
    ]
    body = table[1:]
    assert [r[1] for r in body][:2] == ["'=1+1 Sneaky", "Person 5"]  # sorted by score, highest first
    assert len(body) == 8 and "Never Interviewed" not in {r[1] for r in body}  # filtered
    assert body[0][6] == "'-danger@example.com"
    assert {r[8] for r in body[1:7]} == set(HOSTILE.values())
    assert all(r[7] == "'+4915112345678" for r in body[1:7])
    blind = next(r for r in body if r[1] == "Rated By Others")
    assert blind[4:6] == ["hidden until you rate", "1"]  # blind until you rate, in the file too
    async with milo.container.db.unit_of_work() as s:
        assert (
            await s.scalar(
                select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "candidates.export")
            )
            == 1
        )


async def test_a_viewers_crafted_export_is_refused(milo, slack):
    await invite_viewer(milo, slack)
    agent_id = await make_agent(milo)
    await seed(milo, agent_id, "Ada Lovelace")
    view = await open_list(milo, slack, "backend", user=VIEWER)
    mark = slack.mark()
    after = await click(milo, slack, view, CandidateList.EXPORT, "export", user=VIEWER)
    assert "Only admins" in notice(after) and "Ada Lovelace" in str(after["blocks"])
    async with milo.container.db.unit_of_work() as s:
        queued = await s.scalar(
            select(func.count())
            .select_from(OutboxMessage)
            .where(OutboxMessage.kind == "slack.candidates_csv")
        )
    assert queued == 0
    assert "files.getUploadURLExternal" not in [c.method for c in slack.calls[mark:]]

    # And a crafted Export from outside any modal (no view): a clear message to the person.
    mark = slack.mark()
    await milo.interact(
        payloads.block_actions(
            slack.team_id, VIEWER, CandidateList.EXPORT, "x", response_url=slack.new_response_url()
        )
    )
    reply = await slack.wait_for("response_url", since=mark)
    assert "works inside a candidate list" in reply.args["text"]
    async with milo.container.db.unit_of_work() as s:
        kinds = (await s.scalars(select(OutboxMessage.kind))).all()
        assert "slack.candidates_csv" not in kinds


async def test_an_empty_export_still_has_its_header(milo, slack):
    await make_agent(milo, name="Designer")
    view = await open_list(milo, slack, "designer")
    mark = slack.mark()
    await click(milo, slack, view, CandidateList.EXPORT)
    _, table = await _csv(slack, since=mark)
    assert table == [
        ["Candidate ID", "Name", "Decision", "Score", "Status", "Rating", "Ratings", "Source", "Added (UTC)"]
    ]
