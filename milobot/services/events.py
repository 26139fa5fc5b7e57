"""Slack redelivers events it thinks we missed (X-Slack-Retry-Num). The first delivery of an event_id
claims it by inserting a row; every later delivery, on any replica, after any restart, loses the insert."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError

from milobot.db.engine import Database
from milobot.db.models import ProcessedEvent
from milobot.db.types import utcnow


async def claim_event(db: Database, *, event_id: str, team_id: str | None) -> bool:
    try:
        async with db.unit_of_work() as session:
            session.add(ProcessedEvent(event_id=event_id, team_id=team_id))
    except IntegrityError:
        return False
    return True


async def forget_old_events(db: Database, *, older_than: timedelta = timedelta(days=3)) -> int:
    """Slack stops retrying after minutes; three days of ids is plenty and keeps the table small."""
    async with db.unit_of_work() as session:
        result = await session.execute(
            delete(ProcessedEvent).where(ProcessedEvent.received_at < utcnow() - older_than)
        )
        return result.rowcount or 0
