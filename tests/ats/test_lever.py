"""Lever both ways over the wire, against the fake Lever API: connect, map a posting (offset paging),
write-back with perform_as and a note whose answer was lost, and the signed candidateStageChange."""

from __future__ import annotations

import json

from sqlalchemy import func, select

from milobot.db.models import AtsAgentLink, AtsConnection, AtsSync, Candidate, OutboxMessage
from tests.ats.support import connect, map_agent, open_map, view_text
from tests.fakes.lever import FakeLever
from tests.interview_web.helpers import make_agent
from tests.webhooks.support import api_key, post_result, result

NOTES = "/v1/opportunities/*/notes"


async def rows(milo, model, *where):
    async with milo.container.db.unit_of_work() as s:
        return list((await s.scalars(select(model).where(*where).order_by(model.id))).all())


async def count(milo, model, *where) -> int:
    async with milo.container.db.unit_of_work() as s:
        return await s.scalar(select(func.count()).select_from(model).where(*where))


async def idle(milo) -> bool:
    return await count(milo, OutboxMessage, OutboxMessage.status == "pending") == 0


async def connected(milo, slack, lever: FakeLever) -> tuple[int, str]:
    lever.add_posting("Data Analyst")
    posting = lever.add_posting("Backend Engineer")
    lever.add_posting("Closed role", state="closed")
    lever.add_posting("Designer")
    agent_id = await make_agent(milo)
    view = await connect(milo, slack, "lever", lever.api_key, "u-lever-1", secret="lever-signature-token")
    assert "Connected to *Lever*" in view_text(view) and "acting as Lee Recruiter" in view_text(view)
    form = await open_map(milo, slack)
    options = next(b for b in form["blocks"] if b.get("block_id") == "ats_job")["element"]["options"]
    assert [o["text"]["text"] for o in options] == [
        "Data Analyst",
        "Backend Engineer",
        "Designer",
    ]  # two pages
    text = await map_agent(milo, slack, agent_id, posting, "AI interview")
    assert "now writes back" in text, text
    return agent_id, posting


async def test_connect_and_map_a_posting(milo, slack, lever):
    view = await connect(milo, slack, "lever", lever.api_key, "u-nobody")
    assert "Lever refused the connection" in view_text(view) and "User not found" in view_text(view)
    agent_id, posting = await connected(milo, slack, lever)
    [link] = await rows(milo, AtsAgentLink)
    assert (link.agent_id, link.job_id, link.stage_name, link.stage_id) == (
        agent_id,
        posting,
        "AI Interview",
        "stage-ai",
    )
    assert any(r.query.get("offset") == "2" for r in lever.calls("GET", "/v1/postings"))
    [conn] = await rows(milo, AtsConnection)
    assert lever.api_key not in conn.api_key and "lever-signature-token" not in (conn.inbound_secret or "")


async def test_write_back_creates_the_opportunity_and_one_note_after_a_lost_answer(milo, slack, lever):
    _, posting = await connected(milo, slack, lever)
    lever.fail("POST", NOTES, 500, after=True)
    key = await api_key(milo)
    await post_result(milo, key, result(3))
    await slack.wait_for("chat.postMessage", lambda c: "Open in Lever" in json.dumps(c.args), timeout=10)
    [opp] = lever.opportunities.values()
    assert opp["emails"] == ["cand3@example.com"] and opp["applications"][0]["posting"] == posting
    created = lever.calls("POST", "/v1/opportunities")[0]
    assert created.query["perform_as"] == "u-lever-1" and created.json["postings"] == [posting]
    notes = lever.notes_of("cand3@example.com")
    assert len(notes) == 1 and "Overall score:" in notes[0]
    assert all(r.query.get("perform_as") == "u-lever-1" for r in lever.calls("POST", NOTES))
    [sync] = await rows(milo, AtsSync)
    assert sync.status == "done" and sync.note_id == lever.notes[opp["id"]][0]["id"]


async def test_signed_stage_change_invites_one_candidate(milo, slack, lever, smtp):
    agent_id, posting = await connected(milo, slack, lever)
    [conn] = await rows(milo, AtsConnection)
    opp = lever.add_opportunity("Katherine Johnson", "katherine@example.com", posting)
    url = f"{milo.base_url}/ats/lever/{conn.public_id}"
    data = lever.stage_change_body(opp, "stage-ai", "lever-signature-token")

    async def post(payload) -> int:
        async with milo.http.post(url, json=payload) as resp:
            return resp.status

    assert await post({**data, "signature": "0" * 64}) == 401
    assert await post({k: v for k, v in data.items() if k != "signature"}) == 401
    assert await post({**data, "triggeredAt": data["triggeredAt"] + 1}) == 401
    assert await count(milo, Candidate) == 0
    assert await post(data) == 202
    assert await post(data) == 200
    invite = await smtp.wait_for_message(lambda m: m["To"] == "katherine@example.com", timeout=10)
    assert "/i/" in invite.get_body(("plain",)).get_content()
    await milo.wait_until(lambda: idle(milo))
    [candidate] = await rows(milo, Candidate)
    assert (candidate.agent_id, candidate.name, candidate.source) == (agent_id, "Katherine Johnson", "ats")
    assert (
        len(lever.calls("GET", f"/v1/opportunities/{opp['id']}")) == 1
    )  # fetched once, for the one delivery
    # A stage change to a stage no agent is mapped to adds no one.
    other = lever.add_opportunity("Dorothy Vaughan", "dorothy@example.com", posting)
    assert await post(lever.stage_change_body(other, "stage-onsite", "lever-signature-token")) == 202
    await milo.wait_until(lambda: idle(milo))
    assert await count(milo, Candidate) == 1
