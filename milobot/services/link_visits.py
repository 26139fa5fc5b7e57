"""Counting opens of shared interview links without a database write per anonymous GET.

A visit is noted in memory and the notes are written in one transaction every few seconds (and when
the process stops). Each client address is counted through a small token bucket, so a script
reloading the poster's URL adds a handful of rows, not one per request; people behind one address
(an office, a lobby tablet) are still counted up to the bucket's rate. A replica that dies loses at
most one interval of visits: analytics, not a ledger."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from milobot.config import Bucket
from milobot.db.engine import Database
from milobot.db.models import LinkVisit
from milobot.db.types import utcnow
from milobot.ratelimit import TokenBuckets

log = logging.getLogger(__name__)

MAX_PENDING = 10_000  # between two flushes; beyond it visits are dropped (and logged), not buffered
VISITS_PER_CLIENT = Bucket(20, 1 / 60)


@dataclass(frozen=True)
class _Visit:
    workspace_id: int
    agent_id: int
    source_tag: str | None
    at: datetime


class LinkVisitCounter:
    def __init__(self, db: Database, *, flush_seconds: float = 30.0, clock: Callable[[], datetime] = utcnow):
        self.db = db
        self.flush_seconds = flush_seconds
        self.clock = clock
        self._pending: list[_Visit] = []
        self._dropped = 0
        self._per_client = TokenBuckets(VISITS_PER_CLIENT)
        self._task: asyncio.Task[None] | None = None

    def record(self, *, workspace_id: int, agent_id: int, source_tag: str | None, client: str) -> bool:
        """Note one open of an agent's shared link; False when it wasn't counted."""
        if self._per_client.take(f"{client}|{agent_id}") > 0:
            return False
        if len(self._pending) >= MAX_PENDING:
            self._dropped += 1
            return False
        self._pending.append(_Visit(workspace_id, agent_id, source_tag, self.clock()))
        return True

    async def flush(self) -> int:
        batch, self._pending = self._pending, []
        if self._dropped:
            log.warning(
                "link visits: %s dropped since the last flush (over %s pending)", self._dropped, MAX_PENDING
            )
            self._dropped = 0
        if not batch:
            return 0
        try:
            async with self.db.unit_of_work() as session:
                session.add_all(
                    LinkVisit(
                        workspace_id=v.workspace_id, agent_id=v.agent_id, source_tag=v.source_tag, at=v.at
                    )
                    for v in batch
                )
        except Exception:
            log.exception(
                "link visits: could not write %s visits; keeping them for the next flush", len(batch)
            )
            self._pending = (batch + self._pending)[:MAX_PENDING]
            return 0
        return len(batch)

    async def _run(self) -> None:
        while True:
            await asyncio.sleep(self.flush_seconds)  # the flush interval itself, not a wait for a result
            await self.flush()

    async def start(self) -> None:
        if self._task is None:
            self._task = asyncio.get_running_loop().create_task(self._run(), name="link-visits")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        await self.flush()
