"""The one scheduler of timed work: one APScheduler AsyncIOScheduler per `serve`/`socket` process
(`MILOBOT_SCHEDULER=off` leaves it out of a process), on which every periodic job hangs with
`register(name, trigger, func, exclusive=True)`.

Replicas each run their own scheduler; the database decides who works:
- an *exclusive* job holds a lease on its `scheduler_locks` row while it runs, and a replica skips a run
  when another one started the job less than ~one interval ago, so an hourly job runs about once an
  hour across all replicas, and never twice at the same time;
- a non-exclusive job (digests) runs everywhere and makes its own claims per unit of work.
Every run, on any replica, writes the job's record on its row: when it started, how late behind its
trigger, when it finished and how; `job_records(db)` reads them for /metrics.

Time comes from the container's clock. APScheduler only says "now"; `run_now(name, now=…)` is the same
path with a time of the caller's choosing, which is how tests drive a job through a day without sleeping.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import or_, select, update

from milobot.db.engine import Database
from milobot.db.models import SchedulerLock
from milobot.services.outbox import dialect_insert

log = logging.getLogger(__name__)

LEASE = timedelta(minutes=15)  # an exclusive run longer than this may be started again elsewhere
GAP_SHARE = 0.9  # a run this share of an interval after another replica's start is skipped


@dataclass(frozen=True)
class Run:
    """What a job is told: the time the run is for (aware UTC), and how late it started."""

    name: str
    now: datetime
    lateness_seconds: float = 0.0


JobFunc = Callable[[Run], Awaitable[None]]


@dataclass
class _Job:
    name: str
    trigger: Any
    func: JobFunc
    exclusive: bool

    def gap(self, now: datetime) -> timedelta:
        """The least time between two runs across replicas: most of the trigger's period (an interval
        trigger's interval; for a cron trigger, the time between its next two fire times)."""
        interval = getattr(self.trigger, "interval", None)
        if isinstance(interval, timedelta):
            return interval * GAP_SHARE
        try:
            first = self.trigger.get_next_fire_time(None, now)
            second = self.trigger.get_next_fire_time(first, first + timedelta(seconds=1)) if first else None
        except Exception:  # a trigger of another kind: the lease alone keeps runs apart
            return timedelta(0)
        return (second - first) * GAP_SHARE if first and second else timedelta(0)


@dataclass(frozen=True)
class JobRecord:
    name: str
    last_started_at: datetime | None
    last_lateness_seconds: float | None
    last_finished_at: datetime | None
    last_error: str | None
    runs: int


async def job_records(db: Database) -> list[JobRecord]:
    async with db.unit_of_work() as session:
        rows = (await session.execute(select(SchedulerLock).order_by(SchedulerLock.name))).scalars().all()
        return [
            JobRecord(
                r.name,
                r.last_started_at,
                r.last_lateness_seconds,
                r.last_finished_at,
                r.last_error,
                r.runs or 0,
            )
            for r in rows
        ]


class Scheduler:
    def __init__(self, db: Database, *, clock: Callable[[], datetime], enabled: bool = True):
        self.db = db
        self.clock = clock
        self.enabled = enabled
        self.holder = f"{socket.gethostname()}:{os.getpid()}:{id(self):x}"[:64]
        self.jobs: dict[str, _Job] = {}
        self._aps: Any = None
        self._scheduled: dict[str, datetime] = {}
        self._running: set[asyncio.Task] = set()
        self.stopping = False  # set by stop(): jobs take no new work
        self._in_flight: set[str] = set()

    def register(self, name: str, trigger: Any, func: JobFunc, *, exclusive: bool = True) -> None:
        if name in self.jobs:
            raise ValueError(f"scheduler job {name!r} is registered twice")
        self.jobs[name] = _Job(name, trigger, func, exclusive)
        if self._aps is not None:
            self._add(self.jobs[name])

    # ------------------------------------------------------------------ life cycle

    async def start(self) -> None:
        if not self.enabled:
            log.info("scheduler off in this process (MILOBOT_SCHEDULER=off)")
            return
        # Imported here: a process with the scheduler off never loads APScheduler.
        from apscheduler.events import EVENT_JOB_SUBMITTED
        from apscheduler.schedulers.asyncio import AsyncIOScheduler

        self._aps = AsyncIOScheduler(timezone="UTC")
        self._aps.add_listener(self._submitted, EVENT_JOB_SUBMITTED)
        for job in self.jobs.values():
            self._add(job)
        self._aps.start()
        log.info("scheduler started: %s", ", ".join(sorted(self.jobs)) or "no jobs")

    def _add(self, job: _Job) -> None:
        # coalesce: runs missed while the loop was busy (or the process asleep) become one run.
        self._aps.add_job(
            self._fire,
            trigger=job.trigger,
            args=[job.name],
            id=job.name,
            name=job.name,
            max_instances=1,
            coalesce=True,
            misfire_grace_time=None,
            replace_existing=True,
        )

    def _submitted(self, event: Any) -> None:
        # Sent before the run's coroutine starts: the time it was due, to measure how late it starts.
        times = getattr(event, "scheduled_run_times", None) or []
        if times:
            self._scheduled[event.job_id] = max(times)

    async def stop(self, *, grace: float = 5.0) -> None:
        """On SIGTERM (through the runtime's stop hooks): no new runs; runs under way are told to stop
        taking work (`stopping`) and given `grace` seconds to finish what they hold, so none is cut off
        in the middle of a database write; what still runs after that is cancelled, and an exclusive run
        gives its lease back (in `run_now`'s finally)."""
        self.stopping = True
        if self._aps is not None:
            self._aps.shutdown(wait=False)
            self._aps = None
        tasks = list(self._running)
        if tasks:
            _done, pending = await asyncio.wait(tasks, timeout=grace)
            for task in pending:
                task.cancel()
            await asyncio.gather(*pending, return_exceptions=True)

    async def _fire(self, name: str) -> None:
        """What APScheduler calls: start the run as a task of our own and return. APScheduler's executor
        cancels the jobs it is running the moment it shuts down, which would cut a run off in the middle
        of a database write; a task of ours is stopped by `stop`, with its grace period. One run of a job
        at a time per process, as APScheduler's max_instances=1 did."""
        if name in self._in_flight:
            log.debug("scheduler job %s: the previous run is still going; this one is skipped", name)
            return
        scheduled = self._scheduled.pop(name, None)
        task = asyncio.get_running_loop().create_task(self._run(name, scheduled), name=f"scheduler:{name}")
        self._in_flight.add(name)
        self._running.add(task)

        def done(t: asyncio.Task) -> None:
            self._running.discard(t)
            self._in_flight.discard(name)

        task.add_done_callback(done)

    async def _run(self, name: str, scheduled: datetime | None) -> None:
        try:
            await self.run_now(name, now=self.clock(), scheduled=scheduled)
        except asyncio.CancelledError:
            log.info("scheduler job %s: stopped mid-run", name)  # only stop() cancels, after its grace
        except Exception:
            log.exception("scheduler job %s failed", name)

    # ------------------------------------------------------------------ one run

    async def run_now(self, name: str, *, now: datetime, scheduled: datetime | None = None) -> bool:
        """Run job `name` for time `now` on this process, if the database lets it (exclusive jobs).
        Returns whether it ran. The job's exceptions propagate after being recorded."""
        job = self.jobs[name]
        lateness = max(0.0, (now - scheduled).total_seconds()) if scheduled is not None else 0.0
        if not await self._begin(job, now=now, lateness=lateness):
            log.debug("scheduler job %s: another replica has it", name)
            return False
        error: str | None = None
        started = time.monotonic()
        try:
            await job.func(Run(name=name, now=now, lateness_seconds=lateness))
        except BaseException as exc:
            error = f"{type(exc).__name__}: {exc}"[:500]
            raise
        finally:
            finished = now + timedelta(seconds=time.monotonic() - started)
            await asyncio.shield(self._end(job, finished=finished, error=error))
        return True

    async def _begin(self, job: _Job, *, now: datetime, lateness: float) -> bool:
        async with self.db.unit_of_work() as session:
            insert = dialect_insert(session)
            await session.execute(
                insert(SchedulerLock)
                .values(name=job.name, runs=0)
                .on_conflict_do_nothing(index_elements=["name"])
            )
            values = {
                "last_started_at": now,
                "last_lateness_seconds": lateness,
                "last_error": None,
                "runs": SchedulerLock.runs + 1,
            }
            stmt = update(SchedulerLock).where(SchedulerLock.name == job.name)
            if job.exclusive:
                values |= {"holder": self.holder, "lease_until": now + LEASE}
                stmt = stmt.where(
                    or_(SchedulerLock.lease_until.is_(None), SchedulerLock.lease_until < now),
                    or_(
                        SchedulerLock.last_started_at.is_(None),
                        SchedulerLock.last_started_at <= now - job.gap(now),
                        SchedulerLock.last_started_at > now,  # a clock set back (tests, NTP): run
                    ),
                )
            result = await session.execute(stmt.values(**values).execution_options(synchronize_session=False))
            return bool(result.rowcount)

    async def _end(self, job: _Job, *, finished: datetime, error: str | None) -> None:
        try:
            async with self.db.unit_of_work() as session:
                values: dict[str, Any] = {"last_finished_at": finished}
                if error:
                    values["last_error"] = error
                stmt = update(SchedulerLock).where(SchedulerLock.name == job.name)
                if job.exclusive:
                    values |= {"holder": None, "lease_until": None}
                    stmt = stmt.where(SchedulerLock.holder == self.holder)
                await session.execute(stmt.values(**values).execution_options(synchronize_session=False))
        except Exception:
            log.warning("scheduler job %s: could not record its end; its lease runs out", job.name)
