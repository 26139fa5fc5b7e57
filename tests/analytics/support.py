"""A known dataset for analytics tests: candidates, interviews, decisions and link visits at chosen
times, written straight to the database (the interview triggers keep the candidate list's columns, as in
production)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from milobot.db.models import Agent, AgentVersion, Candidate, Interview, LinkVisit, Rating, Workspace
from milobot.services.candidate_records import new_candidate
from milobot.services.workspaces import get_or_create_workspace

OTHER_TEAM = "T0OTHER001"
OTHER_ADMIN = "UOTHERADM1"
VIEWER = "UVIEWER001"
NY = "America/New_York"


def et(y, mo, d, h=12, mi=0) -> datetime:
    """A New York wall-clock time as aware UTC."""
    from zoneinfo import ZoneInfo

    return datetime(y, mo, d, h, mi, tzinfo=ZoneInfo(NY)).astimezone(UTC)


async def set_zone(milo, tz: str, team: str | None = None, settings: dict | None = None) -> int:
    async with milo.container.db.unit_of_work() as s:
        ws = await get_or_create_workspace(s, team or milo.slack.team_id)
        ws.time_zone = tz
        if settings is not None:
            ws.settings = settings
        return ws.id


async def make_agent(milo, name: str, *, team: str | None = None) -> int:
    async with milo.container.db.unit_of_work() as s:
        ws = await get_or_create_workspace(s, team or milo.slack.team_id)
        agent = Agent(
            workspace_id=ws.id,
            name=name,
            role_title="Engineer",
            channel_id="C0CARDS001",
            share_token=f"tok-{abs(hash((name, team))) % 10**12}",
            current_version=1,
        )
        s.add(agent)
        await s.flush()
        s.add(AgentVersion(workspace_id=ws.id, agent_id=agent.id, version=1, questions=[{"text": "Why?"}]))
        return agent.id


async def add(
    milo,
    agent_id: int,
    name: str,
    *,
    added: datetime,
    source: str = "manual",
    tag: str | None = None,
    started: datetime | None = None,
    minutes: float | None = None,
    score: float | None = None,
    decision: str = "none",
    decided: datetime | None = None,
) -> int:
    """A candidate added at `added`; with `started`, an interview begun then, finished `minutes` later."""
    async with milo.container.db.unit_of_work() as s:
        agent = await s.get(Agent, agent_id)
        c = new_candidate(
            s,
            workspace_id=agent.workspace_id,
            agent_id=agent_id,
            name=name,
            email=f"{abs(hash(name)) % 10**9}@example.com",
            phone=None,
            source=source,
            source_tag=tag,
        )
        c.created_at = added
        c.decision = decision
        c.decided_at = decided
        c.decided_by = "UDECIDER01" if decided else None
        c.status = "invited" if started is None else ("in_progress" if minutes is None else "completed")
        await s.flush()
        if started is not None:
            version = await s.scalar(select(AgentVersion.id).where(AgentVersion.agent_id == agent_id))
            s.add(
                Interview(
                    workspace_id=agent.workspace_id,
                    candidate_id=c.id,
                    agent_id=agent_id,
                    agent_version_id=version,
                    status="in_progress" if minutes is None else "completed",
                    source_tag=tag,
                    overall_score=score,
                    started_at=started,
                    completed_at=None if minutes is None else started + timedelta(minutes=minutes),
                )
            )
        return c.id


async def visit(milo, agent_id: int, tag: str | None, at: datetime) -> None:
    async with milo.container.db.unit_of_work() as s:
        agent = await s.get(Agent, agent_id)
        s.add(LinkVisit(workspace_id=agent.workspace_id, agent_id=agent_id, source_tag=tag, at=at))


async def rate(milo, candidate_id: int, user: str, value: int = 4) -> None:
    async with milo.container.db.unit_of_work() as s:
        c = await s.get(Candidate, candidate_id)
        s.add(
            Rating(
                workspace_id=c.workspace_id, candidate_id=c.id, slack_user_id=user, kind="stars", value=value
            )
        )


async def workspace_id(milo, team: str | None = None) -> int:
    async with milo.container.db.unit_of_work() as s:
        return await s.scalar(select(Workspace.id).where(Workspace.team_id == (team or milo.slack.team_id)))


async def october(milo) -> dict:
    """The known dataset: agent "Backend" (New York time) with one candidate of each source in October
    2026, two just across the month's edges, visits; agent "Design" with one; another workspace with a
    twin of Backend's first candidate (it must never show)."""
    ws = await set_zone(milo, NY)
    a = await make_agent(milo, "Backend")
    b = await make_agent(milo, "Design")
    ids = {"ws": ws, "backend": a, "design": b}
    ids["ana"] = await add(
        milo,
        a,
        "Ana",
        added=et(2026, 10, 2, 10),
        source="link",
        tag="linkedin",
        started=et(2026, 10, 2, 10),
        minutes=30,
        score=85,
    )
    ids["ben"] = await add(
        milo,
        a,
        "Ben",
        added=et(2026, 10, 3, 11),
        source="link",
        tag="linkedin",
        started=et(2026, 10, 3, 11),
        minutes=50,
        score=45,
    )
    ids["cal"] = await add(
        milo, a, "Cal", added=et(2026, 10, 5, 9), source="link", started=et(2026, 10, 5, 9)
    )
    ids["dee"] = await add(milo, a, "Dee", added=et(2026, 10, 6, 9), source="ingest")
    ids["eve"] = await add(
        milo,
        a,
        "Eve",
        added=et(2026, 10, 7, 9),
        source="manual",
        started=et(2026, 10, 7, 23),
        minutes=90,
        score=65,
        decision="shortlisted",
        decided=et(2026, 10, 9, 9),
    )
    ids["fay"] = await add(
        milo,
        a,
        "Fay",
        added=et(2026, 10, 8, 9),
        source="api",
        started=et(2026, 10, 8, 9),
        minutes=10,
        score=10,
        decision="dismissed",
        decided=et(2026, 10, 10, 9),
    )
    # 23:30 New York on Sep 30 is Oct 1 in UTC: outside October here.
    ids["gus"] = await add(milo, a, "Gus", added=et(2026, 9, 30, 23, 30))
    # 23:30 New York on Oct 31 is Nov 1 in UTC: inside October here.
    ids["hal"] = await add(milo, a, "Hal", added=et(2026, 10, 31, 23, 30))
    # Nov 1 2026 has 25 hours in New York (DST ends): 23:30 that evening is still Nov 1.
    ids["ivy"] = await add(milo, a, "Ivy", added=et(2026, 11, 1, 23, 30))
    ids["jon"] = await add(
        milo,
        b,
        "Jon",
        added=et(2026, 10, 12, 9),
        source="link",
        tag="poster",
        started=et(2026, 10, 12, 9),
        minutes=20,
        score=99,
    )
    for day in (2, 3, 4):
        await visit(milo, a, "linkedin", et(2026, 10, day, 8))
    await visit(milo, a, None, et(2026, 10, 5, 8))
    await visit(milo, a, None, et(2026, 10, 5, 9))
    await visit(milo, a, "linkedin", et(2026, 9, 29, 8))  # before the range
    await set_zone(milo, "UTC", team=OTHER_TEAM)
    x = await make_agent(milo, "Backend", team=OTHER_TEAM)
    ids["other_agent"] = x
    ids["twin"] = await add(
        milo,
        x,
        "Twin",
        added=et(2026, 10, 2, 10),
        source="link",
        tag="linkedin",
        started=et(2026, 10, 2, 10),
        minutes=30,
        score=85,
    )
    await visit(milo, x, "linkedin", et(2026, 10, 2, 8))
    return ids
