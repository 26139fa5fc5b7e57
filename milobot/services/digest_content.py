"""What a digest says: the period's numbers, the activity chart's data, and who waits for a review.

The numbers are the analytics feature's (`services/analytics.py` `summarize` over the period, in the
workspace's time zone; `services/review_queue.py` for who waits), handed on as plain data
(DigestContent), so the job, the builder and the tests do not depend on how they are computed. The
chart spans more than the period (14 days for a daily digest, 8 weeks for a weekly one): one grouped
query of completions per day."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from milobot.db.models import Agent, Interview
from milobot.services.analytics import summarize
from milobot.services.review_queue import awaiting_count, awaiting_review

TOP_WAITING = 5
CHART_DAYS = {"daily": 14, "weekly": 56}
CHART_CACHE = 256  # charts kept for reuse (identical inputs within a run of the digest job)


@dataclass(frozen=True)
class Waiting:
    candidate_id: int
    agent_id: int
    agent_name: str
    name: str
    score: float | None
    completed_at: datetime | None
    agent_privacy: str | None = None  # the agent's override of the public-channel privacy setting


@dataclass
class DigestContent:
    title: str
    start: datetime
    end: datetime
    invited: int = 0
    started: int = 0
    completed: int = 0
    completion_rate: float | None = None  # of the interviews begun in the period, the share finished
    median_minutes: float | None = None
    score_buckets: list[tuple[str, int]] = field(default_factory=list)
    shortlisted: int = 0
    dismissed: int = 0
    waiting_total: int = 0
    waiting: list[Waiting] = field(default_factory=list)
    chart_days: list[date] = field(default_factory=list)
    chart_counts: list[int] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (self.invited or self.started or self.completed or self.waiting_total)


async def collect(
    session: AsyncSession,
    *,
    workspace_id: int,
    agent_id: int | None,
    title: str,
    frequency: str,
    start: datetime,
    end: datetime,
    time_zone: str | None = None,
) -> DigestContent:
    summary = await summarize(
        session, workspace_id=workspace_id, agent_id=agent_id, start=start, end=end, time_zone=time_zone
    )
    content = DigestContent(
        title=title,
        start=start,
        end=end,
        invited=summary.invited,
        started=summary.started,
        completed=summary.completed,
        completion_rate=summary.completion_rate,
        median_minutes=summary.median_minutes_to_complete,
        score_buckets=[(label, n) for label, n in summary.score_buckets if n],
        shortlisted=summary.shortlisted,
        dismissed=summary.dismissed,
    )
    content.waiting_total = await awaiting_count(session, workspace_id=workspace_id, agent_id=agent_id)
    if content.waiting_total:
        waiting = await awaiting_review(
            session, workspace_id=workspace_id, agent_id=agent_id, limit=TOP_WAITING
        )
        overrides = dict(
            (
                await session.execute(
                    select(Agent.id, Agent.public_channel_privacy).where(
                        Agent.workspace_id == workspace_id, Agent.id.in_({w.agent_id for w in waiting})
                    )
                )
            ).all()
        )
        content.waiting = [
            Waiting(
                w.candidate_id,
                w.agent_id,
                w.agent_name,
                w.candidate_name,
                w.score,
                w.completed_at,
                overrides.get(w.agent_id),
            )
            for w in waiting
        ]

    days = CHART_DAYS.get(frequency, 14)
    first = (end - timedelta(days=days)).date()
    scope = [Interview.workspace_id == workspace_id]
    if agent_id is not None:
        scope.append(Interview.agent_id == agent_id)
    day = func.date(Interview.completed_at)
    per_day = (
        await session.execute(
            select(day, func.count())
            .where(
                *scope,
                Interview.status == "completed",
                Interview.completed_at >= end - timedelta(days=days),
                Interview.completed_at < end,
            )
            .group_by(day)
        )
    ).all()
    counts = {str(k): int(v) for k, v in per_day}
    content.chart_days = [first + timedelta(days=i) for i in range(days + 1)]
    content.chart_counts = [counts.get(d.isoformat(), 0) for d in content.chart_days]
    return content


def chart_png(content: DigestContent) -> bytes | None:
    """The activity chart (CPU work: callers run it off the event loop). None when there is nothing to
    draw, so an empty period shows "No data." rather than an empty chart."""
    if not any(content.chart_counts):
        return None
    return _bars(tuple(content.chart_days), tuple(content.chart_counts))


@functools.lru_cache(maxsize=CHART_CACHE)
def _bars(days: tuple[date, ...], counts: tuple[int, ...]) -> bytes:
    # The chart depends only on these (no names in the image: those are in the message and alt text),
    # so the digests of one agent and period in several channels, or the workspace-wide ones, draw it
    # once. Bounded: a few MB at ~13 kB a chart.
    from milobot.render.charts import daily_bars_png  # matplotlib: imported by the first chart only

    title = f"Completed interviews per day ({sum(counts)} in all)"
    return daily_bars_png(list(days), list(counts), title=title)
