"""A person with everything milobot can hold about them, and the searches that prove it is gone: every
text column of every table, the data folder's bytes, and the messages the fake Slack holds now."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import aiohttp
from sqlalchemy import String, Text, select, text
from sqlalchemy.types import JSON

from milobot.db.models import (
    AuditEntry,
    Base,
    Candidate,
    IngestionBatch,
    IngestionDraft,
    IngestionFile,
    Interview,
    Note,
    OutboxMessage,
    Rating,
    StoredFile,
    Webhook,
    WebhookDelivery,
)
from milobot.services import outbox
from milobot.services.workspaces import get_or_create_workspace
from tests.conftest import ADMIN
from tests.interview_web.helpers import CARD_CHANNEL, GOOD_ANSWERS, QUESTIONS_V1, make_agent

EMAIL = "jane.roe+cv@example.com"
OTHER_TEAM = "T0OTHER0001"
KEY_RE = re.compile(r"milo_[0-9a-f]{8}_[A-Za-z0-9_-]+")


async def new_key(milo) -> str:
    mark = milo.slack.mark()
    await milo.command("apikey create engine", user=ADMIN)
    reply = await milo.slack.wait_for("response_url", since=mark)
    found = KEY_RE.search(reply.args["text"])
    assert found, reply.args["text"]
    return found.group(0)


async def post_interview(milo, key: str, *, external_id: str, agent_token: str, email: str = EMAIL) -> dict:
    payload = {
        "external_id": external_id,
        "agent_token": agent_token,
        "candidate": {"name": "Jane Roe", "email": email, "phone": "+14155550123"},
        "transcript": [{"question": q["text"], "answer": a} for q, a in zip(QUESTIONS_V1, GOOD_ANSWERS)],
        "signals": [{"kind": "tab_hidden", "question_index": 0}],
        "completed_at": "2026-03-01T12:00:00Z",
    }
    form = aiohttp.FormData()
    form.add_field("data", json.dumps(payload), content_type="application/json")
    # The recording's bytes carry the address, so the data-folder search would find a leftover.
    form.add_field(
        "recording_audio", b"ID3" + email.encode() + b"\0" * 512, filename="a.mp3", content_type="audio/mpeg"
    )
    async with milo.http.post(
        f"{milo.base_url}/api/v1/interviews", data=form, headers={"Authorization": f"Bearer {key}"}
    ) as resp:
        assert resp.status in (200, 201), await resp.text()
        return await resp.json()


@dataclass
class Seeded:
    key: str
    candidate_ids: list[int]
    interview_ids: list[int]
    cards: list[tuple[str, str]]


async def seed_person(milo, *, interviews: int = 2, email: str = EMAIL) -> Seeded:
    """Two agents (one interview each, via the inbound API with a recording, cards posted), then what
    the rest of the product adds: a rating, a note, a résumé on disk, an import draft and its upload,
    a webhook delivery not yet sent, an e-mail waiting in the outbox, audit lines about them."""
    tokens = []
    for n in range(interviews):
        token = f"share-tok-{n:04d}"
        await make_agent(milo, name=f"Agent {n}", share_token=token)
        tokens.append(token)
    key = await new_key(milo)
    for n, token in enumerate(tokens):
        await post_interview(milo, key, external_id=f"run-{n}", agent_token=token, email=email)

    async def carded():
        async with milo.container.db.unit_of_work() as s:
            rows = (await s.scalars(select(Interview))).all()
        return rows if len(rows) == interviews and all(r.card_ts for r in rows) else None

    rows = await milo.wait_until(carded, timeout=15)
    data = Path(milo.settings.data_dir)
    async with milo.container.db.unit_of_work() as s:
        ws = await get_or_create_workspace(s, milo.slack.team_id)
        candidates = (await s.scalars(select(Candidate).order_by(Candidate.id))).all()
        first = candidates[0]
        resume = data / str(ws.id) / "uploads" / "resume-jane"
        resume.parent.mkdir(parents=True, exist_ok=True)
        resume.write_bytes(b"%PDF-1.4 Jane Roe " + email.encode())
        first.resume_path = str(resume)
        s.add(StoredFile(workspace_id=ws.id, candidate_id=first.id, kind="resume", path=str(resume)))
        s.add(Rating(workspace_id=ws.id, candidate_id=first.id, slack_user_id=ADMIN, kind="stars", value=4))
        s.add(Note(workspace_id=ws.id, candidate_id=first.id, author_id=ADMIN, body=f"Wrote from {email}"))
        upload = data / str(ws.id) / "uploads" / "sha-of-upload"
        upload.write_bytes(b"Jane Roe, " + email.encode())
        batch = IngestionBatch(
            workspace_id=ws.id, uploaded_by=ADMIN, channel_id="D0ADMINDM1", status="review"
        )
        s.add(batch)
        await s.flush()
        f = IngestionFile(
            workspace_id=ws.id, batch_id=batch.id, filename="jane-roe.pdf", stored_path=str(upload)
        )
        s.add(f)
        await s.flush()
        s.add(
            IngestionDraft(
                workspace_id=ws.id,
                batch_id=batch.id,
                file_id=f.id,
                profile={"name": "Jane Roe", "email": email},
            )
        )
        hook = Webhook(
            workspace_id=ws.id, url="https://hooks.example.com/x", events=["candidate.created"], secret="x"
        )
        s.add(hook)
        await s.flush()
        s.add(
            WebhookDelivery(
                workspace_id=ws.id,
                webhook_id=hook.id,
                message_id="msg-1",
                event="candidate.created",
                payload={"data": {"candidate": {"id": first.id, "email": email}}},
            )
        )
        row = outbox.enqueue(
            s,
            workspace_id=ws.id,
            kind=outbox.EMAIL,
            payload={"to": email, "subject": "Reminder", "text": "Hi Jane"},
        )
        row.status = "dead"  # held, not sent: the test must not depend on the mailer
        s.add(
            AuditEntry(
                workspace_id=ws.id,
                actor_id=ADMIN,
                action="candidate.note",
                target_type="candidate",
                target_id=str(first.id),
                detail={"name": "Jane Roe"},
            )
        )
        s.add(AuditEntry(workspace_id=ws.id, actor_id=ADMIN, action="team.invite", detail={"user": "U1"}))
        ids = [c.id for c in candidates]
    return Seeded(key, ids, [r.id for r in rows], [(r.card_channel, r.card_ts) for r in rows])


async def seed_other_workspace(milo, email: str = EMAIL) -> int:
    """The same address as a candidate of another workspace (straight in the database)."""
    from milobot.services.candidate_records import new_candidate

    agent_id = await make_agent(milo, name="Elsewhere", share_token="share-tok-other", team_id=OTHER_TEAM)
    async with milo.container.db.unit_of_work() as s:
        ws = await get_or_create_workspace(s, OTHER_TEAM)
        c = new_candidate(s, workspace_id=ws.id, agent_id=agent_id, name="Jane Roe", email=email)
        await s.flush()
        return c.id


async def rows_carrying(milo, needle: str) -> list[tuple[str, int | None]]:
    """(table.column, workspace id) of every row whose text or JSON carries `needle`, in every table of
    the schema (workspace id None for the few tables without one)."""
    hits: list[tuple[str, int | None]] = []
    needle = needle.lower()
    async with milo.container.db.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            columns = [c for c in table.columns if isinstance(c.type, String | Text | JSON)]
            if not columns:
                continue
            ws = table.columns.get("workspace_id")
            result = await conn.execute(select(*columns, ws if ws is not None else text("NULL")))
            for row in result.all():
                for column, value in zip(columns, row[:-1]):
                    if value is None:
                        continue
                    flat = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
                    if needle in flat.lower():
                        hits.append((f"{table.name}.{column.name}", row[-1]))
    return hits


def files_carrying(root: Path, needle: str) -> list[str]:
    found = []
    raw = needle.encode()
    for path in root.rglob("*"):
        if path.is_file() and raw in path.read_bytes():
            found.append(str(path))
    return found


def messages_carrying(slack, needle: str) -> list[tuple[str, str]]:
    """Messages as Slack holds them now (after every chat.update), in every channel and DM."""
    return [
        (channel, ts)
        for channel, by_ts in slack.messages.items()
        for ts, message in by_ts.items()
        if needle.lower() in json.dumps(message).lower()
    ]


async def outbox_idle(milo) -> bool:
    async with milo.container.db.unit_of_work() as s:
        pending = (
            await s.execute(
                text("SELECT count(*) FROM outbox WHERE status = 'pending' AND kind <> 'slack.home'")
            )
        ).scalar()
    return pending == 0


__all__ = ["CARD_CHANNEL", "OutboxMessage"]
