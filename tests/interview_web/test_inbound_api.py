"""The inbound results API and the API keys that guard it, over real HTTP."""

from __future__ import annotations

import json
import re
from pathlib import Path

import aiohttp
from sqlalchemy import select

from milobot.db.models import (
    Answer,
    ApiKey,
    AuditEntry,
    Candidate,
    IntegritySignal,
    Interview,
    Recording,
    StoredFile,
)
from tests.conftest import ADMIN
from tests.interview_web.helpers import (
    CARD_CHANNEL,
    GOOD_ANSWERS,
    QUESTIONS_V1,
    count,
    make_agent,
    posted_card,
)

VIEWER = "UVIEWER001"
KEY_RE = re.compile(r"milo_[0-9a-f]{8}_[A-Za-z0-9_-]+")


async def new_key(milo, n: int = 1) -> str:
    await milo.command("apikey create engine", user=ADMIN)
    reply = await milo.replies(count=n)
    reply = reply[-1] if isinstance(reply, list) else reply
    found = KEY_RE.search(reply.args["text"])
    assert found, reply.args["text"]
    return found.group(0)


def body(**overrides):
    base = {
        "external_id": "engine-run-1",
        "agent_token": "share-tok-0001",
        "candidate": {"name": "Vox Candidate", "email": "vox@example.com", "phone": "+14155550123"},
        "transcript": [{"question": q["text"], "answer": a} for q, a in zip(QUESTIONS_V1, GOOD_ANSWERS)],
        "signals": [
            {"kind": "tab_hidden", "question_index": 0},
            {"kind": "face_not_visible", "detail": {"s": 3}},
        ],
        "completed_at": "2026-03-01T12:00:00Z",
    }
    return {**base, **overrides}


async def post(milo, payload, key: str | None, **kw):
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    async with milo.http.post(
        f"{milo.base_url}/api/v1/interviews", json=payload, headers=headers, **kw
    ) as resp:
        return resp.status, await resp.json()


async def test_keys_are_shown_once_stored_hashed_listed_and_revoked(milo, slack):
    await make_agent(milo)
    key = await new_key(milo)
    async with milo.container.db.unit_of_work() as s:
        row = await s.scalar(select(ApiKey))
    assert key.split("_")[1] == row.prefix and key not in row.key_hash and len(row.key_hash) == 64

    status, answer = await post(milo, body(), key)
    assert status == 201

    await milo.command("apikey list", user=ADMIN)
    listing = await milo.replies(count=2)
    assert f"`{row.prefix}`" in listing[1].args["text"] and f"<@{ADMIN}>" in listing[1].args["text"]
    assert key not in listing[1].args["text"]

    await milo.command(f"team invite <@{VIEWER}> viewer", user=ADMIN)
    await milo.replies(count=3)
    await milo.command("apikey", user=VIEWER)
    refused = await milo.replies(count=4)
    assert "Only admins" in refused[3].args["text"] and not KEY_RE.search(refused[3].args["text"])

    await milo.command(f"apikey revoke {row.prefix}", user=ADMIN)
    revoked = await milo.replies(count=5)
    assert "revoked" in revoked[4].args["text"]
    status, answer = await post(milo, body(external_id="engine-run-2"), key)
    assert (status, answer) == (401, {"error": "invalid_api_key"})
    async with milo.container.db.unit_of_work() as s:
        actions = (await s.scalars(select(AuditEntry.action).order_by(AuditEntry.id))).all()
    assert "apikey.create" in actions and "apikey.revoke" in actions


async def test_bad_keys_get_401_and_malformed_bodies_422_naming_the_field(milo, slack):
    await make_agent(milo)
    key = await new_key(milo)
    for bad in (None, "nope", key[:-1] + ("A" if key[-1] != "A" else "B"), "milo_00000000_" + "x" * 40):
        status, answer = await post(milo, body(), bad)
        assert (status, answer) == (401, {"error": "invalid_api_key"}), bad

    cases = [
        (body(candidate={"name": "X", "email": "not-an-email"}), "candidate.email"),
        (body(candidate={"email": "x@example.com"}), "candidate.name"),
        (body(external_id=""), "external_id"),
        (body(transcript=[]), "transcript"),
        (body(transcript=[{"question": "Q?", "answer": 5}]), "transcript[0].answer"),
        (body(scores=[{"question_index": 0, "score": 9}]), "scores[0].score"),
        (body(scores=[{"question_index": 7, "score": 3}]), "scores[0].question_index"),
        (body(signals=[{"kind": "<script>"}]), "signals[0].kind"),
        (body(completed_at="yesterday"), "completed_at"),
        ({**body(), "agent_token": None}, "agent_id"),
        ([1, 2], "body"),
    ]
    for payload, field in cases:
        status, answer = await post(milo, payload, key)
        assert status == 422 and answer["error"] == "invalid_body" and answer["field"] == field, (
            field,
            answer,
        )
        assert answer["message"]
    async with milo.http.post(
        f"{milo.base_url}/api/v1/interviews",
        data=b"{not json",
        headers={"Authorization": f"Bearer {key}", "Content-Type": "application/json"},
    ) as resp:
        assert resp.status == 422 and (await resp.json())["field"] == "body"
    assert await count(milo, Interview) == 0 and await count(milo, Candidate) == 0


async def test_what_no_database_stores_gets_422_not_a_500(milo, slack):
    """NaN, a NUL and an unpaired surrogate parse in Python but PostgreSQL (NaN, NUL) or UTF-8 (the
    surrogate) refuse them; a valid date-time whose UTC falls outside years 1-9999 overflows."""
    await make_agent(milo)
    key = await new_key(milo)
    clean = json.dumps(body())
    cases = [
        (clean.replace('"s": 3', '"s": NaN'), "body", "JSON"),  # not JSON at all (RFC 8259)
        (clean.replace('"s": 3', '"s": -Infinity'), "body", "JSON"),
        (clean.replace("Vox Candidate", "Vox\\u0000Candidate"), "body", "NUL"),
        (clean.replace("Vox Candidate", "Vox \\ud800"), "body", "surrogate"),
        (json.dumps(body(signals=[{"kind": "x", "detail": {"\udfff": 1}}])), "body", "surrogate"),
        (json.dumps(body(completed_at="0001-01-01T00:00:00+01:00")), "completed_at", "9999"),
        (json.dumps(body(completed_at="9999-12-31T23:59:59-10:00")), "completed_at", "9999"),
    ]
    for raw, field, words in cases:
        async with milo.http.post(
            f"{milo.base_url}/api/v1/interviews",
            data=raw.encode("utf-8", "surrogatepass"),
            headers={"Authorization": f"Bearer {key}", "Content-Type": "application/json"},
        ) as resp:
            assert resp.status == 422, (raw[:80], resp.status, await resp.text())
            answer = await resp.json()
        assert answer["field"] == field and words in answer["message"], answer
    assert await count(milo, Interview) == 0 and await count(milo, Candidate) == 0
    status, _ = await post(milo, body(candidate={"name": "Zoë 😀 مرحبا", "email": "z@example.com"}), key)
    assert status == 201


async def test_same_external_id_twice_makes_one_interview_and_one_card_and_is_scored(milo, slack):
    await make_agent(milo)
    key = await new_key(milo)
    status, first = await post(milo, body(), key)
    assert status == 201 and first["created"] is True
    interview = await posted_card(milo)
    status, again = await post(milo, body(), key)
    assert status == 200 and again["interview_id"] == first["interview_id"] and again["created"] is False
    # The same external_id with a different body is refused, not silently answered as the first.
    status, reused = await post(
        milo, body(candidate={"name": "Someone Else", "email": "else@example.com"}), key
    )
    assert status == 409 and reused["error"] == "external_id_reused"

    assert await count(milo, Interview) == 1 and await count(milo, Candidate) == 1
    assert await count(milo, Answer) == 3 and await count(milo, IntegritySignal) == 2
    async with milo.container.db.unit_of_work() as s:
        candidate = await s.scalar(select(Candidate))
    assert candidate.source == "api" and candidate.phone == "+14155550123"
    # No scores were posted, so the built-in scorer scored it, against the agent's rubric.
    assert interview.scorer == "rubric" and interview.overall_score is not None and interview.source == "api"
    cards = [c for c in slack.calls_to("chat.postMessage") if c.args["channel"] == CARD_CHANNEL]
    assert len(cards) == 1
    text = str(cards[0].args["blocks"])
    assert "Left the tab once" in text and "face not visible" in text
    assert f"{round(interview.overall_score)}/100" in text


async def test_the_agent_must_belong_to_the_keys_workspace(milo, slack):
    await make_agent(milo, share_token="other-ws-agent", team_id="T0OTHER001")
    own = await make_agent(milo)
    key = await new_key(milo)
    status, _ = await post(milo, body(agent_token="other-ws-agent"), key)
    assert status == 404
    other_id = own - 1
    status, _ = await post(milo, {**body(agent_id=other_id), "agent_token": None}, key)
    assert status == 404
    assert await count(milo, Interview) == 0


async def test_posted_scores_and_a_recording_in_multipart(milo, slack):
    await make_agent(milo)
    key = await new_key(milo)
    payload = body(
        scores=[
            {"question_index": i, "score": s, "evidence": [GOOD_ANSWERS[i][:30]]}
            for i, s in enumerate([5, 3, 4])
        ]
    )
    form = aiohttp.FormData()
    import json

    form.add_field("data", json.dumps(payload), content_type="application/json")
    form.add_field("recording_audio", b"ID3" + b"\0" * 2048, filename="call.mp3", content_type="audio/mpeg")
    async with milo.http.post(
        f"{milo.base_url}/api/v1/interviews", data=form, headers={"Authorization": f"Bearer {key}"}
    ) as resp:
        assert resp.status == 201, await resp.text()
    interview = await posted_card(milo)
    # Weighted 1, 3, 1 by the agent's rubric: (1*1 + 0.5*3 + 0.75*1) / 5.
    assert interview.scorer == "external" and interview.overall_score == 65.0
    async with milo.container.db.unit_of_work() as s:
        recording = await s.scalar(select(Recording))
        stored = await s.scalar(select(StoredFile))
    assert recording.kind == "audio" and recording.size == 2051 and stored.path == recording.path
    assert str(milo.settings.data_dir) in recording.path and "/recordings/" in recording.path
    assert Path(recording.path).read_bytes()[:3] == b"ID3"

    # Too large a recording is refused with the part named, and nothing is kept.
    import milobot.inbound_api as api

    limit, api.MAX_RECORDING_BYTES = api.MAX_RECORDING_BYTES, 1024
    try:
        form = aiohttp.FormData()
        form.add_field(
            "data", json.dumps(body(external_id="engine-run-big")), content_type="application/json"
        )
        form.add_field("recording_video", b"\0" * 4096, filename="v.mp4", content_type="video/mp4")
        async with milo.http.post(
            f"{milo.base_url}/api/v1/interviews", data=form, headers={"Authorization": f"Bearer {key}"}
        ) as resp:
            assert resp.status == 413 and (await resp.json())["field"] == "recording_video"
    finally:
        api.MAX_RECORDING_BYTES = limit
    assert await count(milo, Interview) == 1
