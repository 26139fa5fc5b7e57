"""The one scheduler: exclusive jobs run on one replica at a time and about once per interval across
replicas; every run leaves a record (when, how late) that /metrics shows; the APScheduler side really
fires jobs in a running process, and stops cleanly."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from milobot.jobs.digests import DIGESTS_JOB
from milobot.jobs.housekeeping import PURGE_EVENTS_JOB
from milobot.jobs.retention import RETENTION_JOB
from milobot.jobs.scheduler import Run, Scheduler, job_records
from tests.digests.support import utc


@pytest.fixture
def settings_overrides() -> dict:
    return {"run_scheduler": False}


async def test_an_exclusive_job_runs_on_one_replica_at_a_time_and_once_per_interval(milo):
    db = milo.container.db
    ran: list[tuple[str, object]] = []
    gate = asyncio.Event()

    def replica(name: str) -> Scheduler:
        scheduler = Scheduler(db, clock=lambda: utc(2026, 5, 4, 9), enabled=False)

        async def job(run: Run) -> None:
            ran.append((name, run.now))
            await gate.wait()

        scheduler.register("test.exclusive", IntervalTrigger(hours=1), job)
        return scheduler

    a, b = replica("a"), replica("b")
    first = asyncio.create_task(a.run_now("test.exclusive", now=utc(2026, 5, 4, 9, 0)))
    await milo.wait_until(lambda: _async(bool(ran)))
    # While a holds the lease, b's run of the same job (even a later fire) does not start.
    assert await b.run_now("test.exclusive", now=utc(2026, 5, 4, 9, 1)) is False
    gate.set()
    assert await first is True
    # a finished at 09:00; b's own hourly fire at 09:20 is within the interval: skipped.
    assert await b.run_now("test.exclusive", now=utc(2026, 5, 4, 9, 20)) is False
    assert await b.run_now("test.exclusive", now=utc(2026, 5, 4, 10, 5)) is True
    assert [name for name, _ in ran] == ["a", "b"]

    (record,) = [r for r in await job_records(db) if r.name == "test.exclusive"]
    assert record.runs == 2 and record.last_started_at == utc(2026, 5, 4, 10, 5) and record.last_error is None


async def test_a_daily_cron_job_runs_once_a_day_across_replicas(milo):
    ran: list[str] = []

    def replica(name: str) -> Scheduler:
        scheduler = Scheduler(milo.container.db, clock=lambda: utc(2026, 5, 4, 3), enabled=False)

        async def job(run: Run) -> None:
            ran.append(name)

        scheduler.register("test.daily", CronTrigger(hour=3, minute=0, timezone="UTC"), job)
        return scheduler

    a, b = replica("a"), replica("b")
    assert await a.run_now("test.daily", now=utc(2026, 5, 4, 3, 0, 0)) is True
    assert await b.run_now("test.daily", now=utc(2026, 5, 4, 3, 0, 2)) is False  # a ran it today
    assert await b.run_now("test.daily", now=utc(2026, 5, 5, 3, 0, 1)) is True
    assert ran == ["a", "b"]


async def _async(value):
    return value


async def test_a_failing_job_records_its_error_and_gives_its_lease_back(milo):
    scheduler = Scheduler(milo.container.db, clock=lambda: utc(2026, 5, 4, 9), enabled=False)

    async def job(run: Run) -> None:
        raise RuntimeError("the disk is full")

    scheduler.register("test.failing", IntervalTrigger(minutes=1), job)
    with pytest.raises(RuntimeError):
        await scheduler.run_now("test.failing", now=utc(2026, 5, 4, 9, 0))
    (record,) = [r for r in await job_records(milo.container.db) if r.name == "test.failing"]
    assert "the disk is full" in (record.last_error or "")
    with pytest.raises(RuntimeError):  # the lease was given back: the next minute runs again
        await scheduler.run_now("test.failing", now=utc(2026, 5, 4, 9, 1))


async def test_lateness_is_recorded_and_shown_on_metrics(milo):
    scheduler = milo.container.scheduler
    assert {DIGESTS_JOB, PURGE_EVENTS_JOB, RETENTION_JOB} <= set(scheduler.jobs)
    now = utc(2026, 5, 4, 9, 0, 42)
    await scheduler.run_now(DIGESTS_JOB, now=now, scheduled=now - timedelta(seconds=42))
    async with milo.http.get(f"{milo.base_url}/metrics") as resp:
        body = await resp.text()
    assert f'milobot_scheduler_lag_seconds{{job="{DIGESTS_JOB}"}} 42.0' in body
    assert (
        f'milobot_scheduler_last_run_timestamp_seconds{{job="{DIGESTS_JOB}"}} {now.timestamp():.9e}' in body
    )


@pytest.mark.parametrize("settings_overrides", [{"run_scheduler": True, "scheduler_tick_seconds": 0.1}])
async def test_the_apscheduler_fires_jobs_in_a_running_process(milo):
    async def digest_runs():
        records = {r.name: r for r in await job_records(milo.container.db)}
        record = records.get(DIGESTS_JOB)
        return record is not None and record.runs >= 3 and record.last_finished_at is not None

    await milo.wait_until(digest_runs, timeout=10)
    await milo.container.scheduler.stop()  # what SIGTERM's stop hooks do: no error, nothing left running
    assert not milo.container.scheduler._running
