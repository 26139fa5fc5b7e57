"""Nightly roll-up of analytics days, so nobody pays for it on their first `/milo analytics`.

The day rollup (`analytics_days`, milobot/services/analytics.py) is filled lazily: a day that is over is
stored the first time a summary reads it. Left at that, the first look at a long range pays for every day
from the rows (at a million interviews, ~130 ms for one agent's year and seconds for the workspace's) and
so does the first digest of the week. This job reads, once a night on one replica, the last two years of
every agent and of every workspace up to yesterday: the first night fills what is missing, later nights
add the one day just over and any day a late write invalidated. Reading through `summarize` keeps one
code path for what a stored day holds."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select

from milobot.db.models import Agent, Workspace
from milobot.services.analytics import summarize
from milobot.services.analytics_range import days_range, zone

log = logging.getLogger(__name__)

ROLLUP_JOB = "analytics.rollup"
# "last year" and "this year" reach back at most two calendar years; older ranges are rare and still work.
DAYS_BACK = 731


async def run_rollup(container: Any, now: datetime) -> int:
    """Roll up every workspace and agent up to yesterday (local). Returns how many summaries were read."""
    db = container.db
    async with db.unit_of_work() as session:
        workspaces = [(w.id, w.time_zone) for w in (await session.scalars(select(Workspace))).all()]
    read = 0
    for workspace_id, time_zone in workspaces:
        tz = zone(time_zone)
        yesterday = now.astimezone(tz).date() - timedelta(days=1)
        span = days_range(yesterday - timedelta(days=DAYS_BACK - 1), yesterday, tz, "rollup")
        async with db.unit_of_work() as session:
            agent_ids = list(
                (await session.scalars(select(Agent.id).where(Agent.workspace_id == workspace_id))).all()
            )
        for agent_id in [None, *agent_ids]:  # None: the workspace as a whole
            await summarize(
                db, workspace_id=workspace_id, agent_id=agent_id, start=span.start, end=span.end, now=now
            )
            read += 1
    log.info("analytics rollup: %d summaries brought up to date", read)
    return read


def install(container: Any) -> bool:
    """Nightly at 02:30 UTC on the one scheduler (milobot.jobs.scheduler), on one replica at a time."""
    scheduler = getattr(container, "scheduler", None)
    if scheduler is None:
        log.debug("no scheduler in this build: analytics days are rolled up on first read only")
        return False
    from apscheduler.triggers.cron import CronTrigger

    async def job(run: Any) -> None:
        await run_rollup(container, run.now)

    scheduler.register(ROLLUP_JOB, CronTrigger(hour=2, minute=30, timezone="UTC"), job, exclusive=True)
    return True
