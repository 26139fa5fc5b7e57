"""What the App Home tab shows a person: their role, the agents, imports waiting for review."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from milobot.db.models import Agent, Candidate, IngestionBatch, IngestionDraft
from milobot.services.base import Service
from milobot.services.context import Identity


@dataclass(frozen=True)
class HomeAgent:
    id: int
    name: str
    role_title: str | None
    status: str
    candidates: int


@dataclass(frozen=True)
class PendingBatch:
    id: int
    waiting: int  # profiles not yet approved or discarded
    created_at: object


@dataclass(frozen=True)
class HomeData:
    user_id: str
    role: str | None
    admin_ids: tuple[str, ...]
    agents: list[HomeAgent] = field(default_factory=list)
    agent_total: int = 0
    pending_batches: list[PendingBatch] = field(default_factory=list)
    analytics: HomeAnalytics | None = None  # the workspace's last 30 days


@dataclass(frozen=True)
class HomeAnalytics:
    invited: int
    started: int
    completed: int
    completion_rate: float | None
    awaiting_review: int


HOME_AGENT_LIMIT = 15


class HomeService(Service):
    async def home(self, *, identity: Identity) -> HomeData:
        async with self.acting(identity) as (session, actor):
            if not actor.is_member:
                return HomeData(user_id=actor.user_id, role=None, admin_ids=actor.admin_ids)
            total = (
                await session.execute(
                    select(func.count()).select_from(Agent).where(Agent.workspace_id == actor.workspace_id)
                )
            ).scalar_one()
            counts = (
                select(Candidate.agent_id, func.count().label("n"))
                .where(Candidate.workspace_id == actor.workspace_id)
                .group_by(Candidate.agent_id)
                .subquery()
            )
            rows = (
                await session.execute(
                    select(Agent, func.coalesce(counts.c.n, 0))
                    .outerjoin(counts, counts.c.agent_id == Agent.id)
                    .where(Agent.workspace_id == actor.workspace_id)
                    .order_by(Agent.status, Agent.created_at.desc())
                    .limit(HOME_AGENT_LIMIT)
                )
            ).all()
            batches = (
                await session.scalars(
                    select(IngestionBatch)
                    .where(
                        IngestionBatch.workspace_id == actor.workspace_id,
                        IngestionBatch.uploaded_by == actor.user_id,
                        IngestionBatch.status == "review",
                    )
                    .order_by(IngestionBatch.created_at.desc())
                    .limit(5)
                )
            ).all()
            pending = []
            for b in batches:
                waiting = (
                    await session.execute(
                        select(func.count())
                        .select_from(IngestionDraft)
                        .where(IngestionDraft.batch_id == b.id, IngestionDraft.status == "pending")
                    )
                ).scalar_one()
                pending.append(PendingBatch(id=b.id, waiting=waiting, created_at=b.created_at))
            analytics = await _home_analytics(session, actor.workspace_id, self.now())
            return HomeData(
                user_id=actor.user_id,
                role=actor.role,
                admin_ids=actor.admin_ids,
                agents=[HomeAgent(a.id, a.name, a.role_title, a.status, n) for a, n in rows],
                agent_total=total,
                pending_batches=pending,
                analytics=analytics,
            )


async def _home_analytics(session: AsyncSession, workspace_id: int, now: datetime) -> HomeAnalytics:
    # Imported here: analytics pulls the range parser and queries only the home's numbers need.
    from milobot.services.analytics import summarize, workspace_zone
    from milobot.services.analytics_range import parse_range
    from milobot.services.review_queue import awaiting_count

    rng = parse_range("", await workspace_zone(session, workspace_id), now)
    s = await summarize(session, workspace_id=workspace_id, start=rng.start, end=rng.end, now=now)
    waiting = await awaiting_count(session, workspace_id=workspace_id)
    return HomeAnalytics(s.invited, s.started, s.completed, s.completion_rate, waiting)
