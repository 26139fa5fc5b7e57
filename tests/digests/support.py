"""Digest tests: a clock the test sets, a workspace with a time zone, agents and interviews seeded
directly, and the digest job run for a chosen "now" through the scheduler's own path (run_now)."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select

from milobot.db.models import Agent, AgentVersion, Candidate, DigestPeriod, Interview, Workspace
from milobot.jobs.digests import DIGESTS_JOB
from milobot.services.workspaces import get_or_create_workspace

DIGEST_CHANNEL = "C0DIGEST01"
_tokens = itertools.count(1)


class Clock:
    def __init__(self, now: datetime):
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def use_clock(milo, now: datetime) -> Clock:
    clock = Clock(now)
    milo.container.deps.clock = clock
    return clock


async def set_workspace(milo, team_id: str, *, time_zone: str = "UTC", **settings) -> int:
    async with milo.container.db.unit_of_work() as s:
        ws = await get_or_create_workspace(s, team_id)
        ws.time_zone = time_zone
        ws.settings = {**(ws.settings or {}), **settings}
        return ws.id


async def add_agent(milo, team_id: str, name: str = "Backend Engineer") -> int:
    async with milo.container.db.unit_of_work() as s:
        ws = await get_or_create_workspace(s, team_id)
        agent = Agent(workspace_id=ws.id, name=name, share_token=f"share-{name}-{next(_tokens)}")
        s.add(agent)
        await s.flush()
        s.add(AgentVersion(workspace_id=ws.id, agent_id=agent.id, version=1, questions=[]))
        return agent.id


async def add_interview(
    milo,
    agent_id: int,
    *,
    name: str,
    started: datetime,
    completed: datetime | None = None,
    score: float | None = None,
) -> int:
    async with milo.container.db.unit_of_work() as s:
        agent = await s.get(Agent, agent_id)
        version = await s.scalar(select(AgentVersion.id).where(AgentVersion.agent_id == agent_id))
        candidate = Candidate(
            workspace_id=agent.workspace_id,
            agent_id=agent_id,
            name=name,
            email=f"{name.split()[0].lower()}@example.com",
            token=f"tok-{next(_tokens)}",
            status="completed" if completed else "in_progress",
            created_at=started,
        )
        s.add(candidate)
        await s.flush()
        s.add(
            Interview(
                workspace_id=agent.workspace_id,
                candidate_id=candidate.id,
                agent_id=agent_id,
                agent_version_id=version,
                status="completed" if completed else "in_progress",
                started_at=started,
                completed_at=completed,
                overall_score=score,
            )
        )
        return candidate.id


async def tick(milo, now: datetime) -> None:
    """One run of the digest job for `now`, as the scheduler would make it; then the clock says `now`."""
    milo.container.deps.clock = Clock(now)
    await milo.container.scheduler.run_now(DIGESTS_JOB, now=now)


def posts(slack, channel: str = DIGEST_CHANNEL) -> list:
    return [c for c in slack.calls_to("chat.postMessage") if c.args.get("channel") == channel]


async def periods(milo) -> list[tuple[str, str]]:
    async with milo.container.db.unit_of_work() as s:
        rows = (
            await s.execute(select(DigestPeriod.period, DigestPeriod.status).order_by(DigestPeriod.id))
        ).all()
        return [tuple(r) for r in rows]


async def count_periods(milo) -> int:
    async with milo.container.db.unit_of_work() as s:
        return (await s.scalar(select(func.count()).select_from(DigestPeriod))) or 0


async def workspace_tz(milo, team_id: str) -> str:
    async with milo.container.db.unit_of_work() as s:
        return (await s.scalar(select(Workspace.time_zone).where(Workspace.team_id == team_id))) or ""


def hours(n: float) -> timedelta:
    return timedelta(hours=n)
