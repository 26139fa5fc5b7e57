"""The digest job: every minute (MILOBOT_SCHEDULER_TICK_SECONDS), on every replica, find the digests
that are due, claim each period (services/digests.py: one winner across replicas), and post what was
won, a few at a time, paced per channel (slack/digests.py).

It is not an exclusive job: every replica looks, and the per-period claim decides who posts. So the
work is shared, and a replica that dies with claims in hand only delays them by their lease."""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime
from typing import Any

from slack_sdk.errors import SlackApiError

from milobot.jobs.scheduler import Run
from milobot.services.digests import DigestService, DueDigest
from milobot.slack.digests import DigestPoster, Undeliverable
from milobot.slack.tokens import NoTokenForWorkspace

log = logging.getLogger(__name__)

DIGESTS_JOB = "digests.due"
CONCURRENCY = 24  # digests built and posted at once per process (each waits on Slack and the database)


class DigestRunner:
    def __init__(self, container: Any, service: DigestService | None = None):
        self.container = container
        self.service = service or DigestService(container.deps)
        self.poster = DigestPoster(container.slack_clients, container.channel_kinds)
        self.holder = container.scheduler.holder if getattr(container, "scheduler", None) else "digests"

    async def tick(self, now: datetime) -> int:
        """Claim and post every digest due at `now`; returns how many this process posted."""
        due = await self.service.due(now=now)
        if not due:
            return 0
        slots = asyncio.Semaphore(CONCURRENCY)

        async def one(item: DueDigest) -> bool:
            async with slots:
                if not await self.service.claim(item, holder=self.holder, now=now):
                    return False
                return await self.send(item, now=now)

        results = await asyncio.gather(*(one(d) for d in due))
        sent = sum(1 for r in results if r)
        if sent:
            log.info("posted %d digest(s) due at %s", sent, now.isoformat(timespec="minutes"))
        return sent

    async def send(self, item: DueDigest, *, now: datetime) -> bool:
        """Build and post one claimed digest, and record how it ended."""
        try:
            content = await self.service.content(item)

            async def posted(ts: str) -> None:
                if not item.ad_hoc:
                    await self.service.posted(item, holder=self.holder, ts=ts)

            await self.poster.post(item, content, posted=posted)
        except (Undeliverable, NoTokenForWorkspace) as exc:
            log.warning("digest #%s %s not posted: %s", item.subscription_id, item.period.key, exc)
            if not item.ad_hoc:
                await self.service.finish(
                    item, holder=self.holder, now=now, error=str(exc) or "undeliverable"
                )
            if item.ad_hoc:
                raise
            return False
        except (TimeoutError, SlackApiError, OSError) as exc:
            log.warning(
                "digest #%s %s: Slack failed (%s); trying again later",
                item.subscription_id,
                item.period.key,
                exc,
            )
            if not item.ad_hoc:
                await self.service.retry_later(item, holder=self.holder, now=now, error=str(exc))
            if item.ad_hoc:
                raise
            return False
        if not item.ad_hoc:
            await self.service.finish(item, holder=self.holder, now=now)
        return True


def install(container: Any) -> bool:
    """Hang the digest job on the scheduler (non-exclusive: the period claims keep it once)."""
    scheduler = getattr(container, "scheduler", None)
    if scheduler is None:
        return False
    from apscheduler.triggers.interval import IntervalTrigger

    runner = DigestRunner(container)
    container.digest_runner = runner

    async def job(run: Run) -> None:
        await runner.tick(run.now)

    seconds = max(0.05, float(getattr(container.settings, "scheduler_tick_seconds", 60.0)))
    scheduler.register(DIGESTS_JOB, IntervalTrigger(seconds=seconds), job, exclusive=False)
    return True
