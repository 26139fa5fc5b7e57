"""Housekeeping jobs for the scheduler: tables that would otherwise grow for ever.

`purge_processed_events`: the ids of Slack events already handled are kept so a redelivery is dropped
(services/events.py). Slack retries for minutes, never days, so a day of ids is plenty; this job, run
hourly on one replica, deletes the rest. The same run drops reviewer-reminder claims older than a week
(each only has to outlive its reviewer's local day)."""

from __future__ import annotations

import importlib
import logging
from datetime import timedelta
from typing import Any

from milobot.db.engine import Database
from milobot.services.events import forget_old_events
from milobot.services.review_reminders import forget_old_reviewer_claims

log = logging.getLogger(__name__)

EVENT_IDS_KEPT = timedelta(days=1)
REVIEWER_CLAIMS_KEPT = timedelta(days=7)
PURGE_EVENTS_JOB = "events.purge"


async def purge_processed_events(db: Database) -> int:
    purged = await forget_old_events(db, older_than=EVENT_IDS_KEPT)
    if purged:
        log.info("purged %d processed Slack event id(s) older than a day", purged)
    return purged


async def purge_reviewer_claims(db: Database) -> int:
    async with db.unit_of_work() as session:
        purged = await forget_old_reviewer_claims(session, older_than=REVIEWER_CLAIMS_KEPT)
    if purged:
        log.info("purged %d reviewer reminder claim(s) older than a week", purged)
    return purged


def install(container: Any) -> bool:
    """Hang the purge on the one scheduler (milobot.jobs.scheduler), hourly and on one replica at a time,
    and let /metrics read the scheduler's run records. Until that scheduler is part of the app this does
    nothing and says so; `purge_processed_events` can be run by hand meanwhile."""
    scheduler = getattr(container, "scheduler", None)
    if scheduler is None:
        log.debug("no scheduler in this build: processed event ids are not purged on a timer")
        return False
    from apscheduler.triggers.interval import IntervalTrigger

    records = importlib.import_module("milobot.jobs.scheduler").job_records

    async def purge(_run: Any) -> None:
        await purge_processed_events(container.db)
        await purge_reviewer_claims(container.db)

    async def lag(db: Database) -> list[tuple[str, float | None, Any]]:
        return [(r.name, r.last_lateness_seconds, r.last_started_at) for r in await records(db)]

    scheduler.register(PURGE_EVENTS_JOB, IntervalTrigger(hours=1), purge, exclusive=True)
    container.metrics.scheduler_records = lag
    return True
