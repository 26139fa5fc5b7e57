"""Delivering the outbox. Rows are claimed with a lease (FOR UPDATE SKIP LOCKED on PostgreSQL, plus a
conditional update that works on SQLite too), so replicas never send the same row twice; a replica that
dies mid-send leaves a lease that expires and another picks the row up."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import or_, select, update

from milobot.db.engine import Database
from milobot.db.models import OutboxMessage, Workspace
from milobot.db.types import utcnow

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 10
LEASE = timedelta(seconds=120)


class PermanentFailure(Exception):
    """Retrying will not help (a channel that doesn't exist, a revoked token): give up at once."""


@dataclass(frozen=True)
class Delivery:
    id: int
    workspace_id: int
    team_id: str
    kind: str
    payload: dict[str, Any]
    attempts: int


Deliverer = Callable[[Delivery], Awaitable[dict[str, Any] | None]]


def backoff(attempts: int) -> timedelta:
    return timedelta(seconds=min(900, 2 ** min(attempts, 10)))


class OutboxWorker:
    def __init__(
        self,
        db: Database,
        *,
        poll_seconds: float = 2.0,
        batch_size: int = 20,
        concurrency: int = 8,
        lease: timedelta = LEASE,
    ):
        self.db = db
        self.poll_seconds = poll_seconds
        self.batch_size = batch_size
        self.lease = lease
        self._stopping = False
        self.deliverers: dict[str, Deliverer] = {}
        self.worker_id = f"{socket.gethostname()}:{os.getpid()}:{id(self):x}"
        self._wake = asyncio.Event()
        self._task: asyncio.Task | None = None
        self._sem = asyncio.Semaphore(concurrency)

    def register(self, kind: str, deliverer: Deliverer) -> None:
        self.deliverers[kind] = deliverer

    def kick(self) -> None:
        self._wake.set()

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.get_running_loop().create_task(self._run(), name="outbox-worker")

    async def stop(self, grace: float = 0.0) -> None:
        """Stop claiming rows; let the deliveries under way finish for up to `grace` seconds; cancel
        what is left and give its claims back, so another process delivers it at once rather than when
        the lease runs out."""
        task, self._task = self._task, None
        if task is not None:
            self._stopping = True
            self.kick()
            if grace > 0:
                await asyncio.wait({task}, timeout=grace)
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        self._stopping = False
        await asyncio.shield(self.release_claims())

    async def release_claims(self) -> int:
        """Give back every row this worker still holds. The holder stays named, so whoever delivers it
        next knows an attempt may have been under way."""
        try:
            async with self.db.unit_of_work() as session:
                result = await session.execute(
                    update(OutboxMessage)
                    .where(OutboxMessage.claimed_by == self.worker_id, OutboxMessage.status == "pending")
                    .values(claimed_until=utcnow())
                )
        except Exception:
            log.warning(
                "outbox: could not release this worker's claims; their leases will run out", exc_info=True
            )
            return 0
        released = result.rowcount or 0
        if released:
            log.info("outbox: released %d row(s) still being delivered, for another process", released)
        return released

    async def _run(self) -> None:
        while not self._stopping:
            try:
                delivered = await self.run_once()
            except asyncio.CancelledError:
                raise
            except Exception:  # the loop must outlive a database hiccup
                log.exception("outbox sweep failed")
                delivered = 0
            if delivered or self._stopping:
                continue  # there may be more due right now (or: stopping, leave the loop)
            self._wake.clear()
            try:
                await asyncio.wait_for(self._wake.wait(), timeout=self.poll_seconds)
            except TimeoutError:
                pass

    async def claim(self, now: datetime | None = None) -> list[Delivery]:
        now = now or utcnow()
        async with self.db.unit_of_work() as session:
            due = (
                select(OutboxMessage.id)
                .where(
                    OutboxMessage.status == "pending",
                    OutboxMessage.next_attempt_at <= now,
                    or_(OutboxMessage.claimed_until.is_(None), OutboxMessage.claimed_until < now),
                )
                .order_by(OutboxMessage.id)
                .limit(self.batch_size)
                .with_for_update(skip_locked=True)
            )
            ids = (await session.scalars(due)).all()
            claimed: list[int] = []
            for row_id in ids:
                result = await session.execute(
                    update(OutboxMessage)
                    .where(
                        OutboxMessage.id == row_id,
                        OutboxMessage.status == "pending",
                        or_(OutboxMessage.claimed_until.is_(None), OutboxMessage.claimed_until < now),
                    )
                    .values(claimed_by=self.worker_id, claimed_until=now + self.lease)
                )
                if result.rowcount == 1:
                    claimed.append(row_id)
            if not claimed:
                return []
            rows = (
                await session.execute(
                    select(OutboxMessage, Workspace.team_id)
                    .join(Workspace, Workspace.id == OutboxMessage.workspace_id)
                    .where(OutboxMessage.id.in_(claimed))
                    .order_by(OutboxMessage.id)
                )
            ).all()
            return [
                Delivery(m.id, m.workspace_id, team, m.kind, dict(m.payload or {}), m.attempts)
                for m, team in rows
            ]

    async def run_once(self) -> int:
        batch = await self.claim()
        # Rows for the same Slack message must stay in order (post before update), so a batch is
        # delivered in id order per workspace, with different workspaces in parallel.
        by_workspace: dict[int, list[Delivery]] = {}
        for d in batch:
            by_workspace.setdefault(d.workspace_id, []).append(d)
        await asyncio.gather(*(self._deliver_in_order(items) for items in by_workspace.values()))
        return len(batch)

    async def _deliver_in_order(self, items: list[Delivery]) -> None:
        async with self._sem:
            for item in items:
                await self._deliver(item)

    async def _deliver(self, item: Delivery) -> None:
        deliverer = self.deliverers.get(item.kind)
        error: str | None = None
        permanent = False
        result: dict[str, Any] | None = None
        if deliverer is None:
            error, permanent = f"no deliverer for {item.kind!r}", True
        else:
            try:
                result = await deliverer(item)
            except PermanentFailure as exc:
                error, permanent = str(exc), True
            except Exception as exc:
                log.warning("outbox %s (%s) failed: %s", item.id, item.kind, exc, exc_info=True)
                error = f"{type(exc).__name__}: {exc}"
        await self._finish(item, error=error, permanent=permanent, result=result)

    async def _finish(
        self, item: Delivery, *, error: str | None, permanent: bool, result: dict | None
    ) -> None:
        now = utcnow()
        attempts = item.attempts + 1
        values: dict[str, Any] = {"attempts": attempts, "claimed_by": None, "claimed_until": None}
        if error is None:
            values |= {"status": "done", "done_at": now, "result": result, "last_error": None}
        elif permanent or attempts >= MAX_ATTEMPTS:
            values |= {"status": "dead", "last_error": error[:2000]}
            log.error("outbox %s (%s) gave up after %s attempts: %s", item.id, item.kind, attempts, error)
        else:
            values |= {"next_attempt_at": now + backoff(attempts), "last_error": error[:2000]}
        async with self.db.unit_of_work() as session:
            await session.execute(
                update(OutboxMessage)
                .where(OutboxMessage.id == item.id, OutboxMessage.claimed_by == self.worker_id)
                .values(**values)
            )
