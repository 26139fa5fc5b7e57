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
