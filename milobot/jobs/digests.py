"""The digest job: every minute (MILOBOT_SCHEDULER_TICK_SECONDS), on every replica, find the digests
that are due, claim each period (services/digests.py: one winner across replicas), and post what was
won, a few at a time, paced per channel (slack/digests.py).

It is not an exclusive job: every replica looks, and the per-period claim decides who posts. So the
work is shared, and a replica that dies with claims in hand only delays them by their lease."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import defaultdict
from collections.abc import AsyncIterator
from datetime import datetime
from typing import Any

from slack_sdk.errors import SlackApiError

from milobot.jobs.scheduler import Run
from milobot.services.digest_content import DigestContent
from milobot.services.digests import DigestService, DueDigest
from milobot.slack.digests import DigestPoster, Undeliverable
from milobot.slack.tokens import NoTokenForWorkspace

log = logging.getLogger(__name__)

DIGESTS_JOB = "digests.due"
NOT_INSTALLED = "not_installed"  # the error recorded when no token speaks for the workspace
CONCURRENCY = 24  # digests built and posted at once per process (each waits on Slack and the database)


def _code(exc: BaseException) -> str:
    """What a failed try records on its period: Slack's error code, not the client's whole message (the
    list words the code for people)."""
    if isinstance(exc, SlackApiError):
        return str((exc.response.get("error") if exc.response is not None else None) or "slack_error")
    if isinstance(exc, TimeoutError):
        return "timeout"
    return type(exc).__name__


class DigestRunner:
    def __init__(self, container: Any, service: DigestService | None = None):
        self.container = container
        self.service = service or DigestService(container.deps)
        self.poster = DigestPoster(container.slack_clients, container.channel_kinds)
        self.holder = container.scheduler.holder if getattr(container, "scheduler", None) else "digests"

    async def tick(self, now: datetime) -> int:
        """Claim and post every digest due at `now`; returns how many this process posted.

        Two passes: every claimed digest's message first (database reads and one Slack call each, so a
        thousand due in one minute are out within it), then the charts, whose drawing is CPU work done
        two at a time. A period counts as sent when its chart is up; a replica that takes over a period
        whose message went out adds only the chart."""
        due = await self.service.due(now=now, holder=self.holder)
        if not due:
            return 0
        slots = asyncio.Semaphore(CONCURRENCY)
        channels: dict[tuple[int, str], list[DueDigest]] = defaultdict(list)
        for item in sorted(due, key=lambda d: d.subscription_id):
            channels[(item.workspace_id, item.channel_id)].append(item)

        async def message(item: DueDigest) -> tuple[DueDigest, DigestContent, str] | None:
            async with self._outcome(item, now=now):
                content = await self.service.content(item)
                ts = await self.poster.post_message(item, content, posted=self._posted(item))
                return item, content, ts
            return None

        async def channel(items: list[DueDigest]) -> list[tuple[DueDigest, DigestContent, str]]:
            """A channel's digests one after another, in the same order on every replica: the replica
            that wins the first claim keeps the channel, and one that loses a claim leaves it."""
            out = []
            for item in items:
                async with slots:
                    if self._stopping() or not await self.service.claim(item, holder=self.holder, now=now):
                        break
                    done = await message(item)
                if done is not None:
                    out.append(done)
            return out

        async def chart(item: DueDigest, content: DigestContent, ts: str) -> bool:
            async with self._outcome(item, now=now):
                await self.poster.post_chart(item, content, ts=ts)
                await self.service.finish(item, holder=self.holder, now=now)
                return True
            return False

        try:
            groups = await asyncio.gather(*(channel(g) for g in channels.values()))
            posted = [p for group in groups for p in group]
            sent = sum(await asyncio.gather(*(chart(*p) for p in posted)))
        except asyncio.CancelledError:  # stopping (SIGTERM): hand what we hold to another replica now
            await asyncio.shield(self._release(due))
            raise
        if sent:
            log.info("posted %d digest(s) due at %s", sent, now.isoformat(timespec="minutes"))
        return sent

    def _stopping(self) -> bool:
        """The process is stopping: claim nothing more (what is claimed is finished or given back)."""
        scheduler = getattr(self.container, "scheduler", None)
        return bool(scheduler is not None and scheduler.stopping)

    async def _release(self, items: list[DueDigest]) -> None:
        try:
            await self.service.release(items, holder=self.holder)
        except Exception:
            log.warning("could not give back digest claims; their leases run out on their own")

    def _posted(self, item: DueDigest):
        async def posted(ts: str) -> None:
            if not item.ad_hoc:
                await self.service.posted(item, holder=self.holder, ts=ts)

        return posted

    @contextlib.asynccontextmanager
    async def _outcome(self, item: DueDigest, *, now: datetime) -> AsyncIterator[None]:
        """Slack's refusals, recorded on the period: for good (this period is over), or for now."""
        try:
            yield
        except (Undeliverable, NoTokenForWorkspace) as exc:
            log.warning("digest #%s %s not posted: %s", item.subscription_id, item.period.key, exc)
            if item.ad_hoc:
                raise
            code = NOT_INSTALLED if isinstance(exc, NoTokenForWorkspace) else str(exc) or "undeliverable"
            await self.service.finish(item, holder=self.holder, now=now, error=code)
        except (TimeoutError, SlackApiError, OSError) as exc:
            log.warning(
                "digest #%s %s: Slack failed (%s); trying again later",
                item.subscription_id,
                item.period.key,
                exc,
            )
            if item.ad_hoc:
                raise
            await self.service.retry_later(item, holder=self.holder, now=now, error=_code(exc))

    async def send(self, item: DueDigest, *, now: datetime) -> bool:
        """Build and post one digest at once, message and chart (Send now)."""
        async with self._outcome(item, now=now):
            content = await self.service.content(item)
            await self.poster.post(item, content, posted=self._posted(item))
            if not item.ad_hoc:
                await self.service.finish(item, holder=self.holder, now=now)
            return True
        return False


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
