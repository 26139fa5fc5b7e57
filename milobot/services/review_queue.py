"""Completed interviews nobody on the team has rated yet, oldest first: what digests list as "waiting
for review" and what reviewer reminders nag about. Plain data out, always within one workspace.

"Rated" reads the candidate's rating_count, which database triggers keep (milobot/db/list_triggers.py),
so this is one index range per workspace (ix_candidates_review, migration 0011), not a join per
candidate. A candidate already shortlisted or dismissed counts as reviewed: nobody needs reminding."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from milobot.db.engine import Database
from milobot.db.models import Agent, Candidate, Interview


@dataclass(frozen=True)
class AwaitingReview:
    candidate_id: int
    candidate_name: str
    agent_id: int
    agent_name: str
    interview_id: int | None  # the candidate's latest completed interview
    score: float | None
    completed_at: datetime


async def awaiting_review(
    db: AsyncSession | Database,
    *,
    workspace_id: int,
    agent_id: int | None = None,
    completed_before: datetime | None = None,
    limit: int = 50,
) -> list[AwaitingReview]:
    """Candidates of active agents whose interview is complete and unrated and who have no decision,
    oldest completion first. `completed_before` keeps only those finished before that instant (e.g.
    "waiting more than a business day")."""
    if isinstance(db, Database):
        async with db.unit_of_work() as session:
            return await _awaiting(session, workspace_id, agent_id, completed_before, limit)
    return await _awaiting(db, workspace_id, agent_id, completed_before, limit)


def _waiting(workspace_id: int, agent_id: int | None) -> list[ColumnElement[bool]]:
    """What "waiting for review" means, for the list and its count alike: completed, nobody on the team has
    rated it or decided on it, and its agent is still active."""
    where: list[ColumnElement[bool]] = [
        Candidate.workspace_id == workspace_id,
        Candidate.status == "completed",
        Candidate.completed_at.is_not(None),
        Candidate.rating_count == 0,
        Candidate.decision == "none",
        Agent.status == "active",
    ]
    if agent_id is not None:
        where.append(Candidate.agent_id == agent_id)
    return where


async def _awaiting(
    session: AsyncSession,
    workspace_id: int,
    agent_id: int | None,
    completed_before: datetime | None,
    limit: int,
) -> list[AwaitingReview]:
    where = _waiting(workspace_id, agent_id)
    if completed_before is not None:
        where.append(Candidate.completed_at < completed_before)
    latest = (
        select(func.max(Interview.id))
        .where(
            Interview.workspace_id == workspace_id,
            Interview.candidate_id == Candidate.id,
            Interview.status == "completed",
        )
        .correlate(Candidate)
        .scalar_subquery()
    )
    rows = await session.execute(
        select(
            Candidate.id,
            Candidate.name,
            Candidate.agent_id,
            Agent.name,
            latest,
            Candidate.score,
            Candidate.completed_at,
        )
        .join(Agent, Agent.id == Candidate.agent_id)
        .where(*where)
        .order_by(Candidate.completed_at, Candidate.id)
        .limit(max(1, limit))
    )
    return [AwaitingReview(*row) for row in rows]


async def awaiting_count(session: AsyncSession, *, workspace_id: int, agent_id: int | None = None) -> int:
    where = _waiting(workspace_id, agent_id)
    n = await session.scalar(
        select(func.count()).select_from(Candidate).join(Agent, Agent.id == Candidate.agent_id).where(*where)
    )
    return int(n or 0)
