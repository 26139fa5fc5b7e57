"""Every job on the one scheduler (milobot/jobs/scheduler.py), installed from one list: a feature with
timed work adds its module here. Each module's `install(container) -> bool` registers its jobs on
`container.scheduler` and says whether it did."""

from __future__ import annotations

import logging
from typing import Any

from milobot.jobs import analytics_rollup, digests, housekeeping, reminders, retention

log = logging.getLogger(__name__)

JOB_MODULES: list[Any] = [
    housekeeping,  # purge of processed Slack event ids (hourly)
    digests,  # analytics digests to channels (every minute)
    analytics_rollup,  # analytics days rolled up ahead of the first read (nightly, 02:30 UTC)
    retention,  # erase candidates past the workspace's retention period (daily, 03:00 UTC)
    reminders,  # reviewer reminders: one DM a day per reviewer, weekdays in working hours (every 15 min)
]


def install_all(container: Any) -> list[str]:
    installed = []
    for module in JOB_MODULES:
        if module.install(container):
            installed.append(module.__name__.rsplit(".", 1)[-1])
    return installed
