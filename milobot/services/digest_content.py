"""What a digest says: the period's numbers, the activity chart's data, and who waits for a review.

This is the digest's one seam to the analytics feature: everything the digest shows is read here and
handed on as plain data (DigestContent), so the numbers can come from `services/analytics.py`
(`summarize`, `awaiting_review`) without the job, the builder or the tests changing."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import and_, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from milobot.db.models import Agent, Candidate, Interview

TOP_WAITING = 5
CHART_DAYS = {"daily": 14, "weekly": 56}


@dataclass(frozen=True)
class Waiting:
    candidate_id: int
    agent_id: int
    agent_name: str
    name: str
    score: float | None
    completed_at: datetime | None


@dataclass
class DigestContent:
    title: str
    start: datetime
    end: datetime
    invited: int = 0
    started: int = 0
    completed: int = 0
    median_minutes: float | None = None
    average_score: float | None = None
    waiting_total: int = 0
    waiting: list[Waiting] = field(default_factory=list)
    chart_days: list[date] = field(default_factory=list)
    chart_counts: list[int] = field(default_factory=list)

    @property
    def completion_rate(self) -> float | None:
        return self.completed / self.started if self.started else None

    @property
    def is_empty(self) -> bool:
        return not (self.invited or self.started or self.completed or self.waiting_total)


def _scope(model, workspace_id: int, agent_id: int | None):
    where = [model.workspace_id == workspace_id]
    if agent_id is not None:
        where.append(model.agent_id == agent_id)
    return where


async def collect(
    session: AsyncSession,
    *,
    workspace_id: int,
    agent_id: int | None,
    title: str,
    frequency: str,
    start: datetime,
    end: datetime,
) -> DigestContent:
    content = DigestContent(title=title, start=start, end=end)
    content.invited = (
        await session.scalar(
            select(func.count())
            .select_from(Candidate)
            .where(
                *_scope(Candidate, workspace_id, agent_id),
                Candidate.created_at >= start,
                Candidate.created_at < end,
            )
        )
    ) or 0
    content.started = (
        await session.scalar(
            select(func.count())
            .select_from(Interview)
            .where(
                *_scope(Interview, workspace_id, agent_id),
                Interview.started_at >= start,
                Interview.started_at < end,
            )
        )
    ) or 0
    done = (
        await session.execute(
            select(Interview.started_at, Interview.completed_at, Interview.overall_score).where(
                *_scope(Interview, workspace_id, agent_id),
                Interview.completed_at >= start,
                Interview.completed_at < end,
            )
        )
    ).all()
    content.completed = len(done)
    if done:
        minutes = [(c - s).total_seconds() / 60 for s, c, _ in done if s is not None and c is not None]
        content.median_minutes = statistics.median(minutes) if minutes else None
        scores = [score for _, _, score in done if score is not None]
        content.average_score = sum(scores) / len(scores) if scores else None

    waiting_where = [
        *_scope(Candidate, workspace_id, agent_id),
        Candidate.status == "completed",
        Candidate.rating_count == 0,
        Candidate.decision == "none",
    ]
    content.waiting_total = (
        await session.scalar(select(func.count()).select_from(Candidate).where(*waiting_where))
    ) or 0
    if content.waiting_total:
        rows = (
            await session.execute(
                select(
                    Candidate.id,
                    Candidate.agent_id,
                    Agent.name,
                    Candidate.name,
                    Candidate.score,
                    Candidate.completed_at,
                )
                .join(
                    Agent, and_(Agent.id == Candidate.agent_id, Agent.workspace_id == Candidate.workspace_id)
                )
                .where(*waiting_where)
                .order_by(Candidate.completed_at.asc(), Candidate.id.asc())
                .limit(TOP_WAITING)
            )
        ).all()
        content.waiting = [Waiting(*row) for row in rows]

    days = CHART_DAYS.get(frequency, 14)
    first = (end - timedelta(days=days)).date()
    per_day = dict(
        (
            await session.execute(
                select(func.date(Interview.completed_at), func.count())
                .where(
                    *_scope(Interview, workspace_id, agent_id),
                    Interview.completed_at >= end - timedelta(days=days),
                    Interview.completed_at < end,
                )
                .group_by(func.date(Interview.completed_at))
            )
        ).all()
    )
    counts = {str(k): v for k, v in per_day.items()}
    content.chart_days = [first + timedelta(days=i) for i in range(days)]
    content.chart_counts = [int(counts.get(d.isoformat(), 0)) for d in content.chart_days]
    return content


def chart_png(content: DigestContent) -> bytes | None:
    """The activity chart (CPU work: callers run it off the event loop). None when there is nothing to
    draw, so an empty period shows "No data." rather than an empty chart."""
    if not any(content.chart_counts):
        return None
    from milobot.render.digest_chart import activity_png

    return activity_png(content.chart_days, content.chart_counts)
