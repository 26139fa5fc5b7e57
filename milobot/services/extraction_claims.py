"""Leases on imports being extracted, so replicas share extraction: one process reads an import at a time,
renews its lease while it works, and gives it back when it stops; an import whose holder died (its lease
ran out) is taken over by whichever replica looks next. Files already recorded are not read again: each
file's result is committed on its own (services/ingestion_intake.py)."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, or_, select, update

from milobot.db.engine import Database
from milobot.db.models import IngestionBatch
from milobot.db.types import utcnow
from milobot.services.base import rowcount


def _free(now: datetime) -> ColumnElement[bool]:
    return or_(
        IngestionBatch.extraction_claimed_until.is_(None), IngestionBatch.extraction_claimed_until < now
    )


async def claim(db: Database, *, batch_id: int, holder: str, lease: timedelta) -> bool:
    now = utcnow()
    async with db.unit_of_work() as session:
        result = await session.execute(
            update(IngestionBatch)
            .where(
                IngestionBatch.id == batch_id,
                IngestionBatch.status == "extracting",
                or_(_free(now), IngestionBatch.extraction_claimed_by == holder),
            )
            .values(extraction_claimed_by=holder, extraction_claimed_until=now + lease)
        )
        return rowcount(result) == 1


async def renew(db: Database, *, batch_id: int, holder: str, lease: timedelta) -> bool:
    async with db.unit_of_work() as session:
        result = await session.execute(
            update(IngestionBatch)
            .where(IngestionBatch.id == batch_id, IngestionBatch.extraction_claimed_by == holder)
            .values(extraction_claimed_until=utcnow() + lease)
        )
        return rowcount(result) == 1


async def release(db: Database, *, batch_id: int, holder: str) -> None:
    async with db.unit_of_work() as session:
        await session.execute(
            update(IngestionBatch)
            .where(IngestionBatch.id == batch_id, IngestionBatch.extraction_claimed_by == holder)
            .values(extraction_claimed_by=None, extraction_claimed_until=None)
        )


async def claimable(db: Database, *, now: datetime | None = None, limit: int = 50) -> list[int]:
    """Imports still being extracted that nobody holds: never started, or their holder is gone."""
    now = now or utcnow()
    async with db.unit_of_work() as session:
        return list(
            (
                await session.scalars(
                    select(IngestionBatch.id)
                    .where(IngestionBatch.status == "extracting", _free(now))
                    .order_by(IngestionBatch.id)
                    .limit(limit)
                )
            ).all()
        )
