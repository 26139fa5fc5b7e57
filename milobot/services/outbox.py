"""Writing to the outbox. The delivery side lives in milobot.jobs.outbox; services only enqueue, in the
same transaction as the state change, so a crash can neither lose an effect nor send one for a change
that was rolled back."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy import update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from milobot.db.models import OutboxMessage
from milobot.db.types import utcnow

ENQUEUED = "milobot.outbox.enqueued"  # session.info flag set by enqueue()

# Kinds the delivery job knows how to send.
SLACK_POST = "slack.post"  # chat.postMessage {channel, text, blocks}; may remember ts on a row
SLACK_UPDATE = "slack.update"  # chat.update {channel, ts, text, blocks}
SLACK_DM = "slack.dm"  # conversations.open + chat.postMessage {user, text, blocks}
SLACK_EPHEMERAL = "slack.ephemeral"  # chat.postEphemeral {channel, user, text}
SLACK_FILE_DELETE = "slack.file_delete"  # files.delete {file}: an upload that names an erased person
EMAIL = "email"  # {to, subject, text, html}
WEBHOOK = "webhook"  # {delivery_id}
ATS = "ats"  # {connection_id, candidate_id, interview_id}


def default_ordering_key(workspace_id: int, kind: str, payload: dict[str, Any]) -> str | None:
    """Rows delivered one after another: messages to one channel or one person keep their order (and a
    post comes before the update of that message). Other rows (e-mail, uploads) are independent."""
    if kind in (SLACK_POST, SLACK_UPDATE, SLACK_EPHEMERAL) and payload.get("channel"):
        return f"{workspace_id}:channel:{payload['channel']}"[:200]
    if kind == SLACK_DM and payload.get("user"):
        return f"{workspace_id}:dm:{payload['user']}"[:200]
    return None


def enqueue(
    session: AsyncSession,
    *,
    workspace_id: int,
    kind: str,
    payload: dict[str, Any],
    dedupe_key: str | None = None,
    ordering_key: str | None = None,
) -> OutboxMessage:
    """`ordering_key`: rows sharing one are delivered in order, one at a time, on any replica (default:
    derived from the kind and payload))."""
    key = ordering_key if ordering_key is not None else default_ordering_key(workspace_id, kind, payload)
    message = OutboxMessage(
        workspace_id=workspace_id, kind=kind, payload=payload, dedupe_key=dedupe_key, ordering_key=key
    )
    session.add(message)
    session.info[ENQUEUED] = True
    return message


def enqueued(session: AsyncSession) -> bool:
    """Whether this unit of work added outbox rows (so the worker should be woken after it commits)."""
    return bool(session.info.get(ENQUEUED))


def dialect_insert(session: AsyncSession) -> Callable[[Any], postgresql.Insert | sqlite.Insert]:
    """INSERT with ON CONFLICT for the database in use (both dialects spell it the same way)."""
    if session.bind is not None and session.bind.dialect.name == "postgresql":
        return postgresql.insert
    return sqlite.insert


async def enqueue_coalesced(
    session: AsyncSession,
    *,
    workspace_id: int,
    kind: str,
    payload: dict[str, Any],
    dedupe_key: str,
    due: datetime,
) -> None:
    """Enqueue unless a row with `dedupe_key` is still waiting, in which case that row (which renders
    what it sends at delivery time) covers this change too. The deliverer releases the key with
    `release_dedupe_key` before it reads the state it sends, so a change committed after that read
    always finds the key free and enqueues a row of its own.

    On PostgreSQL the conflict branch is a no-op update: it locks the waiting row until this
    transaction commits, so the release (an UPDATE of that row) waits for this change to be visible.
    SQLite serialises writers, which gives the same order."""
    insert = dialect_insert(session)
    statement = (
        insert(OutboxMessage)
        .values(
            workspace_id=workspace_id,
            kind=kind,
            payload=payload,
            dedupe_key=dedupe_key,
            status="pending",
            attempts=0,
            next_attempt_at=due,
            created_at=utcnow(),
        )
        .on_conflict_do_update(
            index_elements=[OutboxMessage.dedupe_key], set_={"attempts": OutboxMessage.attempts}
        )
    )
    await session.execute(statement)
    session.info[ENQUEUED] = True


async def release_dedupe_key(session: AsyncSession, *, outbox_id: int) -> None:
    await session.execute(update(OutboxMessage).where(OutboxMessage.id == outbox_id).values(dedupe_key=None))
