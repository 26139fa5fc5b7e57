"""Slack redelivers events it thinks we missed (X-Slack-Retry-Num). Each event id is claimed once, and the
claim counts as done only when the listener finished its work:

- the first delivery inserts the row (claimed, not completed) and runs the listener;
- the listener finished: the claim is completed, and every later delivery, on any replica, after any
  restart, is acknowledged and dropped;
- the listener failed: the claim is released (the row deleted), so Slack's retry does the work afresh;
- the process died mid-way: the claim never completes, and a delivery arriving after CLAIM_TTL takes it
  over (Slack retries after about 1 and 5 minutes);
- a delivery that finds a fresh claim still running elsewhere is told to come back later.

Recording the id in its own transaction before the listener ran (the old way) dropped the retry of a
delivery that had failed, so a résumé DM'd during a hiccup was never imported."""

from __future__ import annotations

import enum
import os
import socket
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError

from milobot.db.engine import Database
from milobot.db.models import ProcessedEvent
from milobot.db.types import utcnow
from milobot.services.base import rowcount

# Longer than any listener runs (the longest waits 2 s for a file's twin event), shorter than Slack's
# second retry (about a minute after the first).
CLAIM_TTL = timedelta(seconds=30)
_HOST = f"{socket.gethostname()}:{os.getpid()}"


class ClaimState(enum.Enum):
    CLAIMED = "claimed"  # ours: run the listener
    DONE = "done"  # handled before: acknowledge and drop
    BUSY = "busy"  # a fresh claim is running elsewhere: ask Slack to retry later


@dataclass(frozen=True)
class Claim:
    state: ClaimState
    event_id: str
    token: str | None = None


def _token() -> str:
    return f"{_HOST}:{uuid.uuid4().hex[:12]}"[:64]


async def claim_event(
    db: Database, *, event_id: str, team_id: str | None, now: datetime | None = None
) -> Claim:
    now = now or utcnow()
    token = _token()
    try:
        async with db.unit_of_work() as session:
            session.add(ProcessedEvent(event_id=event_id, team_id=team_id, received_at=now, claimed_by=token))
        return Claim(ClaimState.CLAIMED, event_id, token)
    except IntegrityError:
        pass
    async with db.unit_of_work() as session:
        row = await session.scalar(select(ProcessedEvent).where(ProcessedEvent.event_id == event_id))
        if row is None:  # released between our insert and this read: the retry after this one claims it
            return Claim(ClaimState.BUSY, event_id)
        if row.completed_at is not None:
            return Claim(ClaimState.DONE, event_id)
        if row.received_at > now - CLAIM_TTL:
            return Claim(ClaimState.BUSY, event_id)
        # A claim that never completed and is past its time: its holder is gone. Take it over, on the
        # condition that nobody else did in the meantime.
        taken = await session.execute(
            update(ProcessedEvent)
            .where(
                ProcessedEvent.event_id == event_id,
                ProcessedEvent.completed_at.is_(None),
                ProcessedEvent.claimed_by == row.claimed_by,
                ProcessedEvent.received_at == row.received_at,
            )
            .values(received_at=now, claimed_by=token)
        )
        if rowcount(taken) != 1:
            return Claim(ClaimState.BUSY, event_id)
        return Claim(ClaimState.CLAIMED, event_id, token)


async def claim_once(db: Database, *, event_id: str, team_id: str | None) -> bool:
    """The first of several deliveries of something wins, for good (claimed and completed at once): for
    keys whose effect happens in the same request, like a repeated interaction (handlers/review_common)."""
    try:
        async with db.unit_of_work() as session:
            session.add(
                ProcessedEvent(event_id=event_id, team_id=team_id, claimed_by=_token(), completed_at=utcnow())
            )
    except IntegrityError:
        return False
    return True


async def complete_event(db: Database, claim: Claim) -> None:
    async with db.unit_of_work() as session:
        await session.execute(
            update(ProcessedEvent)
            .where(ProcessedEvent.event_id == claim.event_id, ProcessedEvent.claimed_by == claim.token)
            .values(completed_at=utcnow())
        )


async def release_event(db: Database, claim: Claim) -> None:
    """The listener failed: forget the claim, so Slack's retry does the work."""
    async with db.unit_of_work() as session:
        await session.execute(
            delete(ProcessedEvent).where(
                ProcessedEvent.event_id == claim.event_id,
                ProcessedEvent.claimed_by == claim.token,
                ProcessedEvent.completed_at.is_(None),
            )
        )


async def forget_old_events(db: Database, *, older_than: timedelta = timedelta(days=3)) -> int:
    """Slack stops retrying after minutes; three days of ids is plenty and keeps the table small."""
    async with db.unit_of_work() as session:
        result = await session.execute(
            delete(ProcessedEvent).where(ProcessedEvent.received_at < utcnow() - older_than)
        )
        return rowcount(result) or 0
