"""Greenhouse both ways over the wire, against the fake Harvest API: connect (the key tested, stored
encrypted), map an agent to a job and stage, write-back with its retries and errors, the ATS-sync notice,
and the inbound stage change that invites one candidate."""

from __future__ import annotations

import base64
import json
import re

from sqlalchemy import func, select

from milobot.db.models import (
    AtsAgentLink,
    AtsCandidate,
    AtsConnection,
    AtsNotice,
    AtsSync,
    Candidate,
    Interview,
    Member,
    OutboxMessage,
)
from milobot.ids import Action, AtsAction
from milobot.metadata import InterviewRef, SyncRef, encode
from milobot.services.secrets import unseal
from tests.ats.support import connect, map_agent, open_map, view_text
from tests.conftest import ADMIN
from tests.fakes import payloads
from tests.fakes.greenhouse import FakeGreenhouse
from tests.interview_web.helpers import CARD_CHANNEL, make_agent
from tests.webhooks.support import api_key, post_result, result

VIEWER = "UVIEWER001"
NOTES = "/v1/candidates/*/activity_feed/notes"


async def rows(milo, model, *where):
    async with milo.container.db.unit_of_work() as s:
        return list((await s.scalars(select(model).where(*where).order_by(model.id))).all())


async def count(milo, model, *where) -> int:
    async with milo.container.db.unit_of_work() as s:
        return await s.scalar(select(func.count()).select_from(model).where(*where))


async def idle(milo) -> bool:
    return await count(milo, OutboxMessage, OutboxMessage.status == "pending") == 0


async def connected(
    milo, slack, greenhouse: FakeGreenhouse, *, stage: str | None = "AI Interview", decisions=False
):
    job = greenhouse.add_job("Backend Engineer")
    agent_id = await make_agent(milo)
    view = await connect(
        milo, slack, "greenhouse", greenhouse.api_key, "4080", secret="gh-secret-1", decisions=decisions
    )
    assert "Connected to *Greenhouse*" in view_text(view), view
    text = await map_agent(milo, slack, agent_id, str(job), stage)
    assert "now writes back" in text, text
    return agent_id, job


async def invite_viewer(milo) -> None:
    await milo.command(f"team invite <@{VIEWER}> viewer", user=ADMIN)
    await milo.wait_until(lambda: count(milo, Member, Member.slack_user_id == VIEWER))


def notice_text(call) -> str:
    return call.args["text"] + json.dumps(call.args.get("blocks"))


async def test_connect_tests_the_key_stores_it_encrypted_and_maps_a_job(milo, slack, greenhouse):
    for n in range(150):  # two pages of open jobs, plus a closed one that is not offered
        greenhouse.add_job(f"Job {n:03d}")
    greenhouse.add_job("Old role", status="closed")
    agent_id = await make_agent(milo)

    view = await connect(milo, slack, "greenhouse", "wrong-key", "4080")
    assert "Greenhouse refused the connection" in view_text(
        view
    ) and "Invalid Basic Auth credentials" in view_text(view)
    view = await connect(milo, slack, "greenhouse", greenhouse.api_key, "999")
    assert "Resource not found" in view_text(view)
    assert await count(milo, AtsConnection) == 0

    view = await connect(milo, slack, "greenhouse", greenhouse.api_key, "4080")
    text = view_text(view)
    assert "Connected to *Greenhouse*" in text and "acting as Ada Recruiter" in text
    [conn] = await rows(milo, AtsConnection)
    assert f"/ats/greenhouse/{conn.public_id}" in text
    assert greenhouse.api_key not in conn.api_key and conn.api_key and conn.inbound_secret
    check = greenhouse.calls("GET", "/v1/users/4080")[-1]
    assert check.headers["On-Behalf-Of"] == "4080" and check.headers["Authorization"].startswith("Basic ")

    await milo.command("ats", user=ADMIN)
    reply = await milo.replies(predicate=lambda c: "Greenhouse" in c.args.get("text", ""))
    shown = json.dumps(reply.args)
    assert (
        greenhouse.api_key not in shown
        and f"/ats/greenhouse/{conn.public_id}" in shown
        and "working" in shown
    )

    form = await open_map(milo, slack)
    job_select = next(b for b in form["blocks"] if b.get("block_id") == "ats_job")["element"]
    assert len(job_select["options"]) == 100 and "Old role" not in json.dumps(job_select)
    assert greenhouse.calls("GET", "/v1/jobs") and any(
        r.query.get("page") == "2" for r in greenhouse.calls("GET", "/v1/jobs")
    )

    job = next(j for j in greenhouse.jobs.values() if j["name"] == "Job 149")
    text = await map_agent(milo, slack, agent_id, str(job["id"]), "Onsite Interview")
    assert "No stage called" in text and "AI Interview" in text
    text = await map_agent(milo, slack, agent_id, str(job["id"]), "ai interview")
    assert "now writes back" in text and "AI Interview" in text
    [link] = await rows(milo, AtsAgentLink)
    assert (link.agent_id, link.job_id, link.stage_name) == (agent_id, str(job["id"]), "AI Interview")
    assert link.stage_id == str(greenhouse.stages[job["id"]][1]["id"])


async def test_write_back_after_a_500_leaves_exactly_one_note(milo, slack, greenhouse):
    await connected(milo, slack, greenhouse)
    # The first note is saved by Greenhouse but its answer is lost (500): the retry finds it by its marker.
    greenhouse.fail("POST", NOTES, 500, after=True)
    greenhouse.fail("POST", "/v1/candidates", 503)  # and creating the candidate fails once first
    key = await api_key(milo)
    assert await post_result(milo, key, result(1)) == 201
    posted = await slack.wait_for(
        "chat.postMessage",
        lambda c: c.args["channel"] == CARD_CHANNEL and "ATS sync" in notice_text(c),
        timeout=10,
    )
    text = notice_text(posted)
    assert "Candidate 1" in text and "Open in Greenhouse" in text and "app.greenhouse.io/people/" in text
    notes = greenhouse.notes_of("cand1@example.com")
    assert len(notes) == 1, notes
    assert "Overall score:" in notes[0] and "1. Tell us about an incident.: 4/5" in notes[0]
    # The note's View Report link opens the report page (signed, expiring, revocable like any other).
    link = re.search(r"View Report \(valid 7 days\): (\S+)", notes[0]).group(1)
    assert link.startswith("http://milobot.test/r/")
    page = await milo.get(link.removeprefix("http://milobot.test"))
    assert page.status == 200 and "Candidate 1" in await page.text()
    assert len(greenhouse.calls("POST", NOTES)) == 1 and len(greenhouse.calls("POST", "/v1/candidates")) == 2
    [stored] = await rows(milo, AtsCandidate)
    [cand] = greenhouse.candidates.values()
    assert stored.ats_candidate_id == str(cand["id"]) and stored.ats_application_id == str(
        cand["applications"][0]["id"]
    )
    [sync] = await rows(milo, AtsSync)
    assert sync.status == "done" and sync.note_id == str(greenhouse.notes[cand["id"]][0]["id"])


async def test_existing_candidate_is_found_by_email_and_applied_to_the_job(milo, slack, greenhouse):
    await connected(milo, slack, greenhouse)
    other = greenhouse.add_job("Other role")
    known = greenhouse.add_candidate("Known", "Person", "cand1@example.com", job_id=other)
    key = await api_key(milo)
    await post_result(milo, key, result(1))
    await greenhouse.wait_for("POST", NOTES)
    assert greenhouse.calls("POST", "/v1/candidates") == []
    assert len(greenhouse.calls("POST", f"/v1/candidates/{known['id']}/applications")) == 1
    assert len(known["applications"]) == 2 and len(greenhouse.notes[known["id"]]) == 1


async def test_rate_limit_waits_as_greenhouse_says(milo, slack, greenhouse):
    await connected(milo, slack, greenhouse)
    greenhouse.fail(
        "GET", "/v1/candidates", 429, headers={"Retry-After": "1"}, body={"message": "Rate limit exceeded"}
    )
    key = await api_key(milo)
    await post_result(milo, key, result(1))
    await greenhouse.wait_for("POST", NOTES, timeout=8)
    first, second = greenhouse.calls("GET", "/v1/candidates")[:2]
    assert second.at - first.at >= 0.9  # the schedule alone would have tried again after 0.2 s
    await milo.wait_until(lambda: _all_synced(milo, 1))


async def test_other_4xx_is_final_and_shown_with_the_vendors_reason_and_retry(milo, slack, greenhouse):
    await connected(milo, slack, greenhouse)
    greenhouse.fail(
        "POST",
        "/v1/candidates",
        422,
        body={"message": "Validation error", "errors": [{"field": "email", "message": "is invalid"}]},
    )
    key = await api_key(milo)
    await post_result(milo, key, result(1))
    posted = await slack.wait_for("chat.postMessage", lambda c: "ATS sync" in notice_text(c), timeout=10)
    text = notice_text(posted)
    assert "Validation error" in text and "email is invalid" in text and "HTTP 422" in text
    retry = [
        e
        for b in posted.args["blocks"]
        if (e := b.get("accessory")) and e.get("action_id") == AtsAction.RETRY
    ]
    assert len(retry) == 1 and len(greenhouse.calls("POST", "/v1/candidates")) == 1

    # An admin's Retry writes it; the same message is updated in place.
    async def posted_ts():
        [row] = await rows(milo, AtsNotice)
        return row if row.ts and row.ts != "posting" else None

    notice_row = await milo.wait_until(posted_ts)
    await milo.interact(
        payloads.block_actions(
            slack.team_id,
            ADMIN,
            AtsAction.RETRY,
            retry[0]["value"],
            channel_id=CARD_CHANNEL,
            response_url=slack.new_response_url(),
        )
    )
    updated = await slack.wait_for(
        "chat.update",
        lambda c: "Open in Greenhouse" in notice_text(c) and c.args["ts"] == notice_row.ts,
        timeout=10,
    )
    assert updated.args["channel"] == CARD_CHANNEL
    assert len([c for c in slack.calls_to("chat.postMessage") if "ATS sync" in notice_text(c)]) == 1
    assert len(greenhouse.notes_of("cand1@example.com")) == 1


async def test_401_breaks_the_connection_tells_admins_and_retry_waits_for_a_new_key(milo, slack, greenhouse):
    await connected(milo, slack, greenhouse)
    await invite_viewer(milo)
    greenhouse.api_key = "rotated-key-0002"  # the old key is revoked in Greenhouse
    key = await api_key(milo)
    await post_result(milo, key, result(1))
    dm = await slack.wait_for("chat.postMessage", lambda c: "stopped working" in c.args["text"], timeout=10)
    assert "Invalid Basic Auth credentials" in dm.args["text"]
    posted = await slack.wait_for("chat.postMessage", lambda c: "ATS sync" in notice_text(c), timeout=10)
    assert "HTTP 401" in notice_text(posted)
    [conn] = await rows(milo, AtsConnection)
    assert conn.status == "broken"
    [sync] = await rows(milo, AtsSync)
    value = encode(SyncRef(sync_id=sync.id))

    mark = slack.mark()
    await milo.interact(
        payloads.block_actions(
            slack.team_id,
            VIEWER,
            AtsAction.RETRY,
            value,
            channel_id=CARD_CHANNEL,
            response_url=slack.new_response_url(),
        )
    )
    refusal = await slack.wait_for("response_url", since=mark)
    assert "Only admins" in refusal.args["text"]
    await milo.interact(
        payloads.block_actions(
            slack.team_id,
            ADMIN,
            AtsAction.RETRY,
            value,
            channel_id=CARD_CHANNEL,
            response_url=slack.new_response_url(),
        )
    )
    refusal = await slack.wait_for("response_url", lambda c: "new API key" in c.args["text"], since=mark)
    assert (await rows(milo, AtsSync))[0].status == "failed"

    view = await connect(milo, slack, "greenhouse", "rotated-key-0002", "4080")
    assert "Connected" in view_text(view)
    await milo.interact(
        payloads.block_actions(
            slack.team_id,
            ADMIN,
            AtsAction.RETRY,
            value,
            channel_id=CARD_CHANNEL,
            response_url=slack.new_response_url(),
        )
    )
    await slack.wait_for("chat.update", lambda c: "Open in Greenhouse" in notice_text(c), timeout=10)
    assert len(greenhouse.notes_of("cand1@example.com")) == 1


async def test_notices_within_a_minute_share_one_message(milo, slack, greenhouse):
    await connected(milo, slack, greenhouse)
    key = await api_key(milo)
    for n in (1, 2, 3):
        await post_result(milo, key, result(n))
    await milo.wait_until(lambda: _all_synced(milo, 3), timeout=10)
    await milo.wait_until(lambda: idle(milo), timeout=10)
    posts = [c for c in slack.calls_to("chat.postMessage") if "ATS sync" in notice_text(c)]
    assert len(posts) == 1
    last = ([c for c in slack.calls_to("chat.update") if "ATS sync" in notice_text(c)] or posts)[-1]
    assert all(f"Candidate {n}" in notice_text(last) for n in (1, 2, 3))


async def _all_synced(milo, n: int) -> bool:
    return await count(milo, AtsSync, AtsSync.status == "done") == n


async def test_shortlist_is_written_only_when_the_connection_asks(milo, slack, greenhouse):
    await connected(milo, slack, greenhouse, decisions=True)
    key = await api_key(milo)
    await post_result(milo, key, result(1))
    await greenhouse.wait_for("POST", NOTES)
    [interview] = await rows(milo, Interview)
    await milo.interact(
        payloads.block_actions(
            slack.team_id,
            ADMIN,
            Action.CANDIDATE_SHORTLIST,
            encode(InterviewRef(interview_id=interview.id)),
            response_url=slack.new_response_url(),
        )
    )
    await greenhouse.wait_for("POST", NOTES, count=2)
    notes = greenhouse.notes_of("cand1@example.com")
    assert "was shortlisted for Backend Engineer" in notes[1]
    assert greenhouse.calls("POST", "/v1/candidates") and len(greenhouse.calls("POST", "/v1/candidates")) == 1


async def test_inbound_stage_change_invites_one_candidate(milo, slack, greenhouse, smtp):
    agent_id, job = await connected(milo, slack, greenhouse)
    [conn] = await rows(milo, AtsConnection)
    person = greenhouse.add_candidate("Grace", "Hopper", "grace@example.com", job_id=job)
    url = f"{milo.base_url}/ats/greenhouse/{conn.public_id}"
    body = json.dumps(greenhouse.stage_change_body(person, "AI Interview")).encode()

    async def post(data: bytes, signature: str | None, target: str = url):
        headers = {"Content-Type": "application/json"}
        if signature is not None:
            headers["Signature"] = signature
        async with milo.http.post(target, data=data, headers=headers) as resp:
            return resp.status

    assert await post(body, None) == 401
    assert await post(body, FakeGreenhouse.sign("wrong-secret", body)) == 401
    assert await post(body, FakeGreenhouse.sign("gh-secret-1", body + b" ")) == 401
    assert (
        await post(
            body, FakeGreenhouse.sign("gh-secret-1", body), f"{milo.base_url}/ats/greenhouse/nope-nope-nope"
        )
        == 404
    )
    assert (
        await post(
            body, FakeGreenhouse.sign("gh-secret-1", body), f"{milo.base_url}/ats/lever/{conn.public_id}"
        )
        == 404
    )
    assert await count(milo, Candidate) == 0

    signed = FakeGreenhouse.sign("gh-secret-1", body)
    assert await post(body, signed) == 202
    assert await post(body, signed) == 200  # the same delivery again
    invite = await smtp.wait_for_message(lambda m: m["To"] == "grace@example.com", timeout=10)
    assert "/i/" in invite.get_body(("plain",)).get_content()
    await milo.wait_until(lambda: idle(milo))
    # A second, different delivery about the same person (Greenhouse retries with a new body) adds no one.
    again = json.dumps({**json.loads(body), "retry": 1}).encode()
    assert await post(again, FakeGreenhouse.sign("gh-secret-1", again)) == 202
    await milo.wait_until(lambda: idle(milo))
    [candidate] = await rows(milo, Candidate)
    assert (candidate.agent_id, candidate.email, candidate.source, candidate.name) == (
        agent_id,
        "grace@example.com",
        "ats",
        "Grace Hopper",
    )
    assert len([m for m in smtp.messages if m["To"] == "grace@example.com"]) == 1
    # A stage that isn't mapped invites no one.
    other = greenhouse.add_candidate("Alan", "Turing", "alan@example.com", job_id=job)
    onsite = json.dumps(greenhouse.stage_change_body(other, "Onsite")).encode()
    assert await post(onsite, FakeGreenhouse.sign("gh-secret-1", onsite)) == 202
    await milo.wait_until(lambda: idle(milo))
    assert await count(milo, Candidate) == 1

    # Their interview's write-back goes to the same Greenhouse candidate: no new one is created.
    key = await api_key(milo)
    await post_result(milo, key, result(7, email="grace@example.com"))
    await greenhouse.wait_for("POST", NOTES)
    assert greenhouse.calls("POST", "/v1/candidates") == [] and len(greenhouse.notes[person["id"]]) == 1


async def test_viewer_cannot_see_or_connect_an_ats(milo, slack, greenhouse):
    await connected(milo, slack, greenhouse)
    await invite_viewer(milo)
    await milo.command("ats", user=VIEWER)
    reply = await milo.replies(predicate=lambda c: "Only admins" in c.args.get("text", ""))
    assert "/ats/greenhouse/" not in json.dumps(reply.args)
    tested = len(greenhouse.requests)
    view = await connect(milo, slack, "greenhouse", "viewer-own-key", "4080", user=VIEWER)
    assert "Only admins" in view_text(view)
    assert len(greenhouse.requests) == tested  # the viewer's key never left milobot
    [conn] = await rows(milo, AtsConnection)
    assert unseal(milo.settings.secret_key, conn.api_key) == greenhouse.api_key


async def test_a_vendor_quoting_our_api_key_in_its_error_never_puts_it_in_the_notice(milo, slack, greenhouse):
    """The vendor's words go into the ATS-sync notice in the agent's channel and the sync's stored
    error; a vendor that echoes the credential it was sent must not publish the key there."""
    await connected(milo, slack, greenhouse)
    basic = base64.b64encode(f"{greenhouse.api_key}:".encode()).decode()
    greenhouse.fail(
        "POST",
        "/v1/candidates",
        422,
        body={"message": f"Bad request with key {greenhouse.api_key} (header Basic {basic})"},
    )
    key = await api_key(milo)
    await post_result(milo, key, result(1))
    posted = await slack.wait_for("chat.postMessage", lambda c: "ATS sync" in notice_text(c), timeout=10)
    text = notice_text(posted)
    assert "Bad request with key [API key] (header [API key])" in text and "HTTP 422" in text
    await milo.wait_until(lambda: idle(milo), timeout=10)
    [sync] = await rows(milo, AtsSync)
    for where in (text, sync.error):
        assert greenhouse.api_key not in where and basic not in where
