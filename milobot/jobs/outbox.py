"""Delivering the outbox. Rows are claimed with a lease (FOR UPDATE SKIP LOCKED on PostgreSQL, plus a
conditional update that works on SQLite too), so replicas never send the same row twice; a replica that
dies mid-send leaves a lease that expires and another picks the row up.

While a row is being delivered a heartbeat extends its lease, so a slow delivery (a scoring model, an
upload, an SMTP server retrying) is never claimed again by another replica mid-way. Each row is its own
task: one slow row does not hold up the others claimed with it. Rows that must keep their order (a post
before the update of the same message) share an `ordering_key`, and only the oldest pending row of a key
can be claimed, on any replica. A row taken over from a lease that ran out, or retried after a failure,
is marked `retried`, so its deliverer first looks for an effect that may already have landed."""

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

from sqlalchemy import exists, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from milobot.db.engine import Database
from milobot.db.models import OutboxMessage, Workspace
from milobot.db.types import utcnow
from milobot.services import outbox as queue

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
    # An earlier attempt may have had its effect (it failed after sending, or its replica died
    # mid-send): look for the effect before producing it again, where the far side allows it.
    retried: bool = False
    created_at: datetime | None = None


Deliverer = Callable[[Delivery], Awaitable[dict[str, Any] | None]]
# Called when a row of its kind is given up on (a permanent failure, or the last attempt failed), in the
# unit of work that marks it dead, with what failed last (None when no deliverer was registered): so the
# people who caused the effect hear that it never happened, and a crash can't lose that.
GaveUp = Callable[[AsyncSession, Delivery, BaseException | None], Awaitable[None]]


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
        self.concurrency = concurrency
        self.lease = lease
        self._stopping = False
        self.deliverers: dict[str, Deliverer] = {}
        self.gave_up: dict[str, GaveUp] = {}
        self.worker_id = f"{socket.gethostname()}:{os.getpid()}:{id(self):x}"
        self._wake = asyncio.Event()
        self._task: asyncio.Task | None = None
        self._inflight: set[asyncio.Task] = set()

    def register(self, kind: str, deliverer: Deliverer, *, on_dead: GaveUp | None = None) -> None:
        self.deliverers[kind] = deliverer
        if on_dead is not None:
            self.gave_up[kind] = on_dead

    def kick(self) -> None:
        self._wake.set()

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.get_running_loop().create_task(self._run(), name="outbox-worker")

    async def stop(self, grace: float = 0.0) -> None:
        """Stop claiming rows; let the deliveries under way finish for up to `grace` seconds; cancel
        what is left (each cancelled delivery gives its lease back) and release whatever this worker
        still holds, so another process delivers it at once rather than when the lease runs out."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + grace
        task, self._task = self._task, None
        if task is not None:
            self._stopping = True
            self.kick()
            if grace > 0:  # the loop leaves at once once it sees _stopping; the wait is only a bound
                await asyncio.wait({task}, timeout=max(0.001, deadline - loop.time()))
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        inflight = list(self._inflight)
        if inflight and deadline > loop.time():
            await asyncio.wait(inflight, timeout=deadline - loop.time())
        for t in inflight:
            t.cancel()
        await asyncio.gather(*inflight, return_exceptions=True)
        self._stopping = False
        await asyncio.shield(self.release_claims())

    async def release_claims(self) -> int:
        """Give back every row this worker still holds. The holder stays named, so whoever delivers it
        next knows an attempt may have been under way (and looks for an effect that already landed)."""
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
                started = await self._fill()
            except asyncio.CancelledError:
                raise
            except Exception:  # the loop must outlive a database hiccup
                log.exception("outbox sweep failed")
                started = 0
            if started or self._stopping:
                continue  # there may be more due right now (or: stopping, leave the loop)
            self._wake.clear()
            # asyncio.timeout, not wait_for: on Python 3.11 wait_for loses a cancellation that lands as
            # the wake-up fires (a delivery finishing kicks the loop), and stop() then waits forever.
            try:
                async with asyncio.timeout(self.poll_seconds):
                    await self._wake.wait()
            except TimeoutError:
                pass

    async def _fill(self) -> int:
        """Claim as many rows as there are free delivery slots and start each as its own task; a task
        that finishes wakes the loop to claim more."""
        room = self.concurrency - len(self._inflight)
        if room <= 0:
            return 0
        batch = await self.claim(limit=min(self.batch_size, room))
        for item in batch:
            task = asyncio.get_running_loop().create_task(self._deliver(item), name=f"outbox-{item.id}")
            self._inflight.add(task)
            task.add_done_callback(self._delivered)
        return len(batch)

    def _delivered(self, task: asyncio.Task) -> None:
        self._inflight.discard(task)
        self.kick()

    async def claim(self, now: datetime | None = None, *, limit: int | None = None) -> list[Delivery]:
        now = now or utcnow()
        free = or_(OutboxMessage.claimed_until.is_(None), OutboxMessage.claimed_until < now)
        earlier = aliased(OutboxMessage)
        # Only the oldest pending row of an ordering key: the next one waits until it is done (or dead).
        behind = exists().where(
            earlier.ordering_key == OutboxMessage.ordering_key,
            earlier.status == "pending",
            earlier.id < OutboxMessage.id,
        )
        async with self.db.unit_of_work() as session:
            due = (
                select(OutboxMessage.id, OutboxMessage.claimed_by)
                .where(
                    OutboxMessage.status == "pending",
                    OutboxMessage.next_attempt_at <= now,
                    free,
                    ~behind,
                )
                .order_by(OutboxMessage.id)
                .limit(limit or self.batch_size)
                .with_for_update(skip_locked=True, of=OutboxMessage)
            )
            candidates = (await session.execute(due)).all()
            claimed: dict[int, bool] = {}
            for row_id, previous_holder in candidates:
                result = await session.execute(
                    update(OutboxMessage)
                    .where(OutboxMessage.id == row_id, OutboxMessage.status == "pending", free)
                    .values(claimed_by=self.worker_id, claimed_until=now + self.lease)
                )
                if result.rowcount == 1:
                    # A holder is still named only when its lease ran out before it finished.
                    claimed[row_id] = previous_holder is not None
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
                Delivery(
                    m.id,
                    m.workspace_id,
                    team,
                    m.kind,
                    dict(m.payload or {}),
                    m.attempts,
                    retried=m.attempts > 0 or claimed[m.id],
                    created_at=m.created_at,
                )
                for m, team in rows
            ]

    async def run_once(self) -> int:
        """Claim one batch and deliver it, each row as its own task; returns how many were claimed."""
        batch = await self.claim()
        await asyncio.gather(*(self._deliver(d) for d in batch))
        return len(batch)

    async def _heartbeat(self, item: Delivery) -> None:
        """Keep extending the lease while the row is being delivered."""
        interval = max(0.05, self.lease.total_seconds() / 3)
        while True:
            await asyncio.sleep(interval)  # a timer, not a wait for other work
            try:
                async with self.db.unit_of_work() as session:
                    kept = await session.execute(
                        update(OutboxMessage)
                        .where(
                            OutboxMessage.id == item.id,
                            OutboxMessage.claimed_by == self.worker_id,
                            OutboxMessage.status == "pending",
                        )
                        .values(claimed_until=utcnow() + self.lease)
                    )
            except asyncio.CancelledError:
                raise
            except Exception:
                log.warning("outbox %s: could not extend its lease", item.id, exc_info=True)
                continue
            if kept.rowcount != 1:
                log.warning("outbox %s (%s): lease lost while delivering", item.id, item.kind)
                return

    async def _deliver(self, item: Delivery) -> None:
        deliverer = self.deliverers.get(item.kind)
        error: str | None = None
        permanent = False
        delay: float | None = None
        result: dict[str, Any] | None = None
        failure: BaseException | None = None
        if deliverer is None:
            error, permanent = f"no deliverer for {item.kind!r}", True
        else:
            heartbeat = asyncio.get_running_loop().create_task(self._heartbeat(item))
            try:
                result = await deliverer(item)
            except PermanentFailure as exc:
                error, permanent, failure = str(exc), True, exc
            except RetryAfter as exc:
                error, delay, failure = str(exc), exc.seconds, exc
            except asyncio.CancelledError:
                # Shutting down mid-delivery: let the lease lapse now rather than in two minutes. The
                # holder stays named, so whoever takes the row over looks for a landed effect first.
                heartbeat.cancel()
                await asyncio.shield(self._abandon(item))
                raise
            except Exception as exc:
                log.warning("outbox %s (%s) failed: %s", item.id, item.kind, exc, exc_info=True)
                error, failure = f"{type(exc).__name__}: {exc}", exc
            finally:
                heartbeat.cancel()
        await self._finish(
            item, error=error, permanent=permanent, result=result, delay=delay, failure=failure
        )

    async def _abandon(self, item: Delivery) -> None:
        try:
            async with self.db.unit_of_work() as session:
                await session.execute(
                    update(OutboxMessage)
                    .where(OutboxMessage.id == item.id, OutboxMessage.claimed_by == self.worker_id)
                    .values(claimed_until=utcnow())
                )
        except Exception:
            log.warning("outbox %s: could not give its lease back", item.id, exc_info=True)

    async def _finish(
        self,
        item: Delivery,
        *,
        error: str | None,
        permanent: bool,
        result: dict | None,
        delay: float | None = None,
        failure: BaseException | None = None,
    ) -> None:
        now = utcnow()
        dead = False
        attempts = item.attempts + 1
        values: dict[str, Any] = {"attempts": attempts, "claimed_by": None, "claimed_until": None}
        if error is None:
            values |= {"status": "done", "done_at": now, "result": result, "last_error": None}
        elif delay is not None and not permanent:
            # The deliverer's own schedule (it raises PermanentFailure when that ends), not MAX_ATTEMPTS.
            values |= {"next_attempt_at": now + timedelta(seconds=delay), "last_error": error[:2000]}
        elif permanent or attempts >= MAX_ATTEMPTS:
            values |= {"status": "dead", "last_error": error[:2000]}
            dead = True
            log.error("outbox %s (%s) gave up after %s attempts: %s", item.id, item.kind, attempts, error)
        else:
            values |= {"next_attempt_at": now + backoff(attempts), "last_error": error[:2000]}
        async with self.db.unit_of_work() as session:
            recorded = await session.execute(
                update(OutboxMessage)
                .where(OutboxMessage.id == item.id, OutboxMessage.claimed_by == self.worker_id)
                .values(**values)
            )
            if recorded.rowcount != 1 and error is None:
                await _delete_uploads_of_an_erased_row(session, item, result)
            if dead and recorded.rowcount == 1 and item.kind in self.gave_up:
                await self._tell_gave_up(session, item, failure)

    async def _tell_gave_up(
        self, session: AsyncSession, item: Delivery, failure: BaseException | None
    ) -> None:
        """A failing hook must not keep the row from being marked dead (it would be claimed again when
        its lease ran out and sent again): its work is rolled back to a savepoint and logged."""
        try:
            async with session.begin_nested():
                await self.gave_up[item.kind](session, item, failure)
        except Exception:
            log.exception("outbox %s (%s): telling that it was given up on failed", item.id, item.kind)


async def _delete_uploads_of_an_erased_row(
    session: AsyncSession, item: Delivery, result: dict | None
) -> None:
    """A row deleted while it was delivered was about someone erased meanwhile (services/erasure.py
    deletes the rows about them, and reads the uploads of those already done): what this delivery uploaded
    shows them, and no one else will find it, so it goes. A row merely taken over by another worker still
    exists and keeps its uploads."""
    uploads = [str(f) for f in (result or {}).get("slack_files") or [] if f]
    if not uploads:
        return
    if await session.scalar(select(OutboxMessage.id).where(OutboxMessage.id == item.id)) is not None:
        return
    if await session.scalar(select(Workspace.id).where(Workspace.id == item.workspace_id)) is None:
        return  # the workspace itself is gone (uninstalled): its token with it
    for file_id in uploads:
        queue.enqueue(
            session, workspace_id=item.workspace_id, kind=queue.SLACK_FILE_DELETE, payload={"file": file_id}
        )
    log.info("outbox %s (%s): its row was erased while delivering; deleting its upload", item.id, item.kind)
