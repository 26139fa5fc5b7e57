"""Reviewer reminders on the scheduler (services/review_reminders.py holds the rule). Every quarter of an
hour on one replica at a time; the service's claims keep it to one DM per reviewer per local day even
if two replicas ran it at once, so the interval only decides how soon after 9:00 a reminder goes out."""

from __future__ import annotations

import logging
from typing import Any

from milobot.services.review_reminders import ReminderRun, ReviewReminderService

log = logging.getLogger(__name__)

REMINDERS_JOB = "reviews.remind"
EVERY_MINUTES = 15


async def send_reminders(service: ReviewReminderService, run: Any) -> ReminderRun:
    done = await service.run(now=run.now)
    if done.reminded or done.creators_told:
        log.info(
            "review reminders: %d reviewer DM(s), %d creator note(s)",
            len(done.reminded),
            len(done.creators_told),
        )
    return done


def install(container: Any) -> bool:
    scheduler = getattr(container, "scheduler", None)
    if scheduler is None:
        log.debug("no scheduler in this build: reviewer reminders are not sent on a timer")
        return False
    from apscheduler.triggers.interval import IntervalTrigger

    service = ReviewReminderService(container.deps)

    async def remind(run: Any) -> None:
        await send_reminders(service, run)

    scheduler.register(REMINDERS_JOB, IntervalTrigger(minutes=EVERY_MINUTES), remind, exclusive=True)
    return True
