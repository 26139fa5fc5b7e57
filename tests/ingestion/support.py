"""Helpers for the ingestion tests: agents straight in the database, résumé bytes from the corpus,
DMing files to the running app, and reading the review message back from the fake Slack."""

from __future__ import annotations

import io
import itertools
import json
import zipfile
from pathlib import Path

from sqlalchemy import func, select

from milobot import metadata
from milobot.db.models import Agent, AgentVersion, Candidate, IngestionBatch, IngestionDraft
from milobot.services.workspaces import get_or_create_workspace
from tests.conftest import ADMIN
from tests.fakes import payloads

CORPUS = Path(__file__).resolve().parents[1] / "data" / "ingest"
ADMIN_DM = "D0ADMIN001"
_ids = itertools.count(1)


def corpus_pdfs(n: int) -> list[tuple[str, bytes, str]]:
    """`n` résumé PDFs from the corpus with one known, distinct e-mail each: (name, bytes, e-mail)."""
    expected = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))["files"]
    out, seen = [], set()
    for rel, exp in sorted(expected.items()):
        profiles = exp.get("profiles") or []
        path = CORPUS / rel
        if not rel.endswith(".pdf") or exp.get("outcome") != "ok" or len(profiles) != 1 or not path.exists():
            continue
        email = (profiles[0].get("email") or "").lower()
        if not email or email in seen:
            continue
        seen.add(email)
        out.append((path.name, path.read_bytes(), email))
        if len(out) == n:
            return out
    raise AssertionError(f"the corpus has only {len(out)} usable résumé PDFs, {n} wanted")


def make_zip(entries: list[tuple[str, bytes]]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries:
            zf.writestr(name, data)
    return buf.getvalue()


async def make_agent(milo, name: str = "Backend Engineer", *, team_id: str | None = None) -> int:
    async with milo.container.db.unit_of_work() as s:
        ws = await get_or_create_workspace(s, team_id or milo.slack.team_id)
        agent = Agent(
            workspace_id=ws.id,
            name=name,
            role_title=name,
            channel_id="C0HIRING01",
            share_token=f"tok-{name.lower().replace(' ', '-')}-{next(_ids)}",
            current_version=1,
        )
        s.add(agent)
        await s.flush()
        s.add(
            AgentVersion(
                workspace_id=ws.id,
                agent_id=agent.id,
                version=1,
                questions=[
                    {
                        "text": "Tell me about a project.",
                        "anchor_1": "vague",
                        "anchor_5": "specific",
                        "weight": 1,
                    }
                ],
            )
        )
        return agent.id


async def add_candidate(milo, agent_id: int, *, name: str, email: str) -> None:
    async with milo.container.db.unit_of_work() as s:
        agent = await s.get(Agent, agent_id)
        s.add(
            Candidate(
                workspace_id=agent.workspace_id,
                agent_id=agent_id,
                name=name,
                email=email,
                email_normalized=email.lower(),
                token=f"ctok-{next(_ids)}",
            )
        )


def register(
    slack, name: str, data: bytes, mimetype: str = "application/pdf", *, team_id: str | None = None
) -> dict:
    file_id = f"F0TEST{next(_ids):05d}"
    return slack.register_file(team_id or slack.team_id, file_id, name, data, mimetype, user_id=ADMIN)


async def dm_files(
    milo, files: list[dict], *, user: str = ADMIN, channel: str = ADMIN_DM, also_file_shared: bool = False
):
    if also_file_shared:  # Slack sends both; the app must process each file once
        for f in files:
            await milo.event(payloads.file_shared(milo.slack.team_id, user, f["id"], channel))
    return await milo.event(payloads.message_im_with_files(milo.slack.team_id, user, channel, files))


def review_of(slack, batch) -> dict:
    """The review message in its current state in the fake Slack."""
    message = slack.message(batch.channel_id, batch.message_ts)
    assert message is not None, f"no message at {batch.channel_id}/{batch.message_ts}"
    return message


def buttons(message: dict, action_id: str) -> list[dict]:
    return [
        el
        for block in message.get("blocks") or []
        for el in block.get("elements") or []
        if block.get("type") == "actions" and el.get("action_id") == action_id
    ]


def click(slack, message: dict, button: dict, *, user: str = ADMIN, team_id: str | None = None) -> dict:
    return payloads.block_actions(
        team_id or slack.team_id,
        user,
        button["action_id"],
        button["value"],
        message=message,
        channel_id=ADMIN_DM,
        response_url=slack.new_response_url(kind="actions"),
    )


async def batches(milo) -> list[IngestionBatch]:
    async with milo.container.db.unit_of_work() as s:
        return list((await s.scalars(select(IngestionBatch).order_by(IngestionBatch.id))).all())


async def one_batch(milo) -> IngestionBatch:
    found = await batches(milo)
    assert len(found) == 1, f"{len(found)} batches"
    return found[0]


async def candidates_of(milo, agent_id: int) -> list[Candidate]:
    async with milo.container.db.unit_of_work() as s:
        return list(
            (
                await s.scalars(
                    select(Candidate).where(Candidate.agent_id == agent_id).order_by(Candidate.id)
                )
            ).all()
        )


async def drafts(milo, batch_id: int) -> list[IngestionDraft]:
    async with milo.container.db.unit_of_work() as s:
        return list(
            (
                await s.scalars(
                    select(IngestionDraft)
                    .where(IngestionDraft.batch_id == batch_id)
                    .order_by(IngestionDraft.id)
                )
            ).all()
        )


async def draft_count(milo, status: str) -> int:
    async with milo.container.db.unit_of_work() as s:
        return await s.scalar(
            select(func.count()).select_from(IngestionDraft).where(IngestionDraft.status == status)
        )


async def review_ready(milo, slack, *, status: str = "review") -> tuple[IngestionBatch, dict]:
    """Wait until the batch reached `status` and its review message shows that state; return both."""

    async def ready():
        found = await batches(milo)
        if not found or found[-1].status != status or not found[-1].message_ts:
            return None
        message = slack.message(found[-1].channel_id, found[-1].message_ts)
        if message is None or "Review import" not in json.dumps(message.get("blocks") or []):
            return None
        return found[-1], message

    return await milo.wait_until(ready, timeout=30)


def draft_ref(value: str) -> metadata.DraftRef:
    return metadata.decode(metadata.DraftRef, value)
