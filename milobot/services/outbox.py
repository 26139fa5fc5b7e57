"""Writing to the outbox. The delivery side lives in milobot.jobs.outbox; services only enqueue, in the
same transaction as the state change, so a crash can neither lose an effect nor send one for a change
that was rolled back."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from milobot.db.models import OutboxMessage

ENQUEUED = "milobot.outbox.enqueued"  # session.info flag set by enqueue()

# Kinds the delivery job knows how to send.
SLACK_POST = "slack.post"  # chat.postMessage {channel, text, blocks}; may remember ts on a row
SLACK_UPDATE = "slack.update"  # chat.update {channel, ts, text, blocks}
SLACK_DM = "slack.dm"  # conversations.open + chat.postMessage {user, text, blocks}
SLACK_EPHEMERAL = "slack.ephemeral"  # chat.postEphemeral {channel, user, text}
EMAIL = "email"  # {to, subject, text, html}
WEBHOOK = "webhook"  # {delivery_id}
ATS = "ats"  # {connection_id, candidate_id, interview_id}


def enqueue(
    session: AsyncSession,
    *,
    workspace_id: int,
    kind: str,
    payload: dict[str, Any],
    dedupe_key: str | None = None,
) -> OutboxMessage:
    message = OutboxMessage(workspace_id=workspace_id, kind=kind, payload=payload, dedupe_key=dedupe_key)
    session.add(message)
    session.info[ENQUEUED] = True
    return message


def enqueued(session: AsyncSession) -> bool:
    """Whether this unit of work added outbox rows (so the worker should be woken after it commits)."""
    return bool(session.info.get(ENQUEUED))
