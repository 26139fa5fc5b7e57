"""The outbox: nothing lost, nothing sent twice; and the health check."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from sqlalchemy import select, update

from milobot.db.engine import Database
from milobot.db.models import OutboxMessage
from milobot.db.types import utcnow
from milobot.jobs.outbox import OutboxWorker, PermanentFailure
from milobot.services import outbox
from milobot.services.workspaces import get_or_create_workspace


async def _enqueue(db: Database, n: int, kind: str = "test") -> list[int]:
    async with db.unit_of_work() as s:
        ws = await get_or_create_workspace(s, "T0OUTBOX01")
        rows = [outbox.enqueue(s, workspace_id=ws.id, kind=kind, payload={"n": i}) for i in range(n)]
        await s.flush()
        return [r.id for r in rows]


async def test_two_workers_never_deliver_the_same_row_twice(database_url):
    db = Database.from_url(database_url)
    try:
        await _enqueue(db, 40)
        delivered: list[int] = []

        async def deliver(item):
            delivered.append(item.payload["n"])
            await asyncio.sleep(0)  # yield so the two workers interleave
            return {}

        workers = [OutboxWorker(db, batch_size=5), OutboxWorker(db, batch_size=5)]
        for w in workers:
            w.register("test", deliver)
        for _ in range(20):
            counts = await asyncio.gather(*(w.run_once() for w in workers))
            if sum(counts) == 0:
                break
        assert sorted(delivered) == list(range(40))
        async with db.unit_of_work() as s:
            statuses = (await s.scalars(select(OutboxMessage.status))).all()
        assert statuses == ["done"] * 40
    finally:
        await db.dispose()


async def test_a_crashed_claim_is_retried_after_its_lease_and_failures_back_off(database_url):
    db = Database.from_url(database_url)
    try:
        [row_id] = await _enqueue(db, 1)
        crashed = OutboxWorker(db)
        assert [d.id for d in await crashed.claim()] == [row_id]  # claimed, then the replica "dies"
        survivor = OutboxWorker(db)
        assert await survivor.claim() == []  # the lease still holds
        later = utcnow() + timedelta(minutes=3)
        claimed = await survivor.claim(now=later)
        assert [d.id for d in claimed] == [row_id]

        attempts = []

        async def flaky(item):
            attempts.append(item.attempts)
            raise RuntimeError("receiver down")

        survivor.register("test", flaky)
        await survivor._deliver(claimed[0])
        async with db.unit_of_work() as s:
            row = await s.get(OutboxMessage, row_id)
            assert row.status == "pending" and row.attempts == 1 and "receiver down" in row.last_error
            assert row.next_attempt_at > utcnow()

        async def permanent(item):
            raise PermanentFailure("channel_not_found")

        survivor.register("test", permanent)
        async with db.unit_of_work() as s:
            await s.execute(update(OutboxMessage).values(next_attempt_at=utcnow() - timedelta(seconds=1)))
        assert await survivor.run_once() == 1
        async with db.unit_of_work() as s:
            row = await s.get(OutboxMessage, row_id)
            assert row.status == "dead" and row.last_error == "channel_not_found"
    finally:
        await db.dispose()


async def test_healthz_checks_the_database(milo):
    resp = await milo.get("/healthz")
    assert resp.status == 200 and (await resp.json())["database"] == "ok"
    broken = Database.from_url("postgresql+asyncpg://nobody@127.0.0.1:1/none")
    real, milo.container.db = milo.container.db, broken
    try:
        resp = await milo.get("/healthz")
        assert resp.status == 503 and (await resp.json())["database"] == "unreachable"
    finally:
        milo.container.db = real
        await broken.dispose()


async def test_the_worker_is_woken_only_by_commits_that_enqueued(database_url):
    from milobot.services.base import Service, ServiceDeps

    db = Database.from_url(database_url)
    kicks: list[str] = []
    service = Service(ServiceDeps(db=db, outbox_kick=lambda: kicks.append("kick")))
    try:
        async with service.unit() as s:
            await get_or_create_workspace(s, "T0OUTBOX01")  # a write, but nothing to deliver
        assert kicks == []
        async with service.unit() as s:
            ws = await get_or_create_workspace(s, "T0OUTBOX01")
            outbox.enqueue(s, workspace_id=ws.id, kind="test", payload={})
        assert kicks == ["kick"]
        try:
            async with service.unit() as s:
                outbox.enqueue(s, workspace_id=ws.id, kind="test", payload={})
                raise RuntimeError("rolled back")
        except RuntimeError:
            pass
        assert kicks == ["kick"]  # a rolled-back row is nothing to deliver
    finally:
        await db.dispose()
