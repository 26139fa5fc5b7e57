"""Housekeeping jobs for the scheduler: tables that would otherwise grow for ever.

`purge_processed_events`: the ids of Slack events already handled are kept so a redelivery is dropped
(services/events.py). Slack retries for minutes, never days, so a day of ids is plenty; this job, run
hourly on one replica, deletes the rest."""

from __future__ import annotations

import logging
from datetime import timedelta

from milobot.db.engine import Database
from milobot.services.events import forget_old_events

log = logging.getLogger(__name__)

EVENT_IDS_KEPT = timedelta(days=1)
PURGE_EVENTS_JOB = "events.purge"


async def purge_processed_events(db: Database) -> int:
    purged = await forget_old_events(db, older_than=EVENT_IDS_KEPT)
    if purged:
        log.info("purged %d processed Slack event id(s) older than a day", purged)
    return purged
