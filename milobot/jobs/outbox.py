"""Delivering the outbox. Rows are claimed with a lease (FOR UPDATE SKIP LOCKED on PostgreSQL, plus a
conditional update that works on SQLite too), so replicas never send the same row twice; a replica that
dies mid-send leaves a lease that expires and another picks the row up."""

from __future__ import annotations

import asyncio
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


class RetryAfter(Exception):
    """Try again in `seconds`: a kind with its own retry schedule (webhooks, ATS write-backs) or a
    server's Retry-After. The deliverer owns that schedule and raises PermanentFailure when it ends."""

    def __init__(self, seconds: float, reason: str = ""):
        super().__init__(reason or f"retry in {seconds:g}s")
        self.seconds = max(0.0, float(seconds))


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
        self, db: Database, *, poll_seconds: float = 2.0, batch_size: int = 20, concurrency: int = 8
    ):
        self.db = db
        self.poll_seconds = poll_seconds
        self.batch_size = batch_size
        self.deliverers: dict[str, Deliverer] = {}
        # Kinds whose rows need no order among themselves (each a call to its own endpoint): they run as
        # tasks of their own, so a batch of a workspace's Slack messages (delivered in order) doesn't hold
        # them up, nor they the next claim. Claiming stops while max_inflight of them still run: a row
        # claimed but not started would only sit on its lease.
        self.unordered: set[str] = set()
        self.max_inflight = 4 * concurrency
        self._inflight: set[asyncio.Task] = set()
        self.worker_id = f"{socket.gethostname()}:{os.getpid()}:{id(self):x}"
        self._wake = asyncio.Event()
        self._task: asyncio.Task | None = None
        self._sem = asyncio.Semaphore(concurrency)

    def register(self, kind: str, deliverer: Deliverer, *, ordered: bool = True) -> None:
        self.deliverers[kind] = deliverer
        if not ordered:
            self.unordered.add(kind)

    def kick(self) -> None:
        self._wake.set()

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.get_running_loop().create_task(self._run(), name="outbox-worker")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            try:
                await self._task
            except asyncio.CancelledError:
                pass
            self._task = None
        if self._inflight:  # let calls under way finish and be recorded; a straggler is retried later
            _, late = await asyncio.wait(set(self._inflight), timeout=5)
            for task in late:
                task.cancel()
            await asyncio.gather(*late, return_exceptions=True)

    async def _run(self) -> None:
        while True:
            try:
                delivered = await self.run_once()
            except asyncio.CancelledError:
                raise
            except Exception:  # the loop must outlive a database hiccup
                log.exception("outbox sweep failed")
                delivered = 0
            if delivered:
                continue  # there may be more due right now
            self._wake.clear()
            try:
                await asyncio.wait_for(self._wake.wait(), timeout=self.poll_seconds)
            except TimeoutError:
                pass

    async def claim(self, now: datetime | None = None, limit: int | None = None) -> list[Delivery]:
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
                .limit(limit or self.batch_size)
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
                    .values(claimed_by=self.worker_id, claimed_until=now + LEASE)
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
        while len(self._inflight) >= self.max_inflight:
            await asyncio.wait(set(self._inflight), return_when=asyncio.FIRST_COMPLETED)
        batch = await self.claim(limit=min(self.batch_size, self.max_inflight - len(self._inflight)))
        # Rows for the same Slack message must stay in order (post before update), so a batch is
        # delivered in id order per workspace, with different workspaces in parallel.
        by_workspace: dict[int, list[Delivery]] = {}
        for d in batch:
            if d.kind in self.unordered:
                task = asyncio.get_running_loop().create_task(self._deliver(d), name=f"outbox-{d.id}")
                self._inflight.add(task)
                task.add_done_callback(self._inflight.discard)
            else:
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
        delay: float | None = None
        result: dict[str, Any] | None = None
        if deliverer is None:
            error, permanent = f"no deliverer for {item.kind!r}", True
        else:
            try:
                result = await deliverer(item)
            except PermanentFailure as exc:
                error, permanent = str(exc), True
            except RetryAfter as exc:
                error, delay = str(exc), exc.seconds
            except Exception as exc:
                log.warning("outbox %s (%s) failed: %s", item.id, item.kind, exc, exc_info=True)
                error = f"{type(exc).__name__}: {exc}"
        await self._finish(item, error=error, permanent=permanent, result=result, delay=delay)

    async def _finish(
        self,
        item: Delivery,
        *,
        error: str | None,
        permanent: bool,
        result: dict | None,
        delay: float | None = None,
    ) -> None:
        now = utcnow()
        attempts = item.attempts + 1
        values: dict[str, Any] = {"attempts": attempts, "claimed_by": None, "claimed_until": None}
        if error is None:
            values |= {"status": "done", "done_at": now, "result": result, "last_error": None}
        elif delay is not None and not permanent:
            values |= {"next_attempt_at": now + timedelta(seconds=delay), "last_error": error[:2000]}
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
