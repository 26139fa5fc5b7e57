"""Makes a big hiring pipeline for the candidate-list benchmark: 100,000 candidates in one agent, with
interviews, ratings and notes, plus a smaller agent and another workspace around it (so every query has
to pick its rows out of a crowd).

Inserted through SQLAlchemy Core in batches, on a database migrated to head: the read-model triggers
fire for every interview and rating as they would in production; the folded search text, which the ORM
hook sets in production, is computed here.

    .venv/bin/python bench/candidate_list_data.py [--database-url URL] [--candidates 100000] [--reset]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, insert, select, text
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from milobot.db.migrate import upgrade_to_head  # noqa: E402
from milobot.db.models import (  # noqa: E402
    Agent,
    AgentVersion,
    Candidate,
    Interview,
    Member,
    Note,
    Rating,
    Workspace,
)
from milobot.db.search_text import search_key  # noqa: E402

TEAM = "TBENCHLIST"
OTHER_TEAM = "TBENCHOTHR"
VIEWER = "UBENCHVIEW"  # the person whose list is measured: an admin who rated some candidates
TEAMMATES = [VIEWER] + [f"UBENCHT{i:03d}" for i in range(1, 8)]
AGENT = "Backend Engineer"
TAGS = ["lobby-poster", "career-fair", "linkedin", "referral", "university", "newsletter"]
FIRST = "Ada Grace Linus Marta Åsa José Zoë Chen Priya Omar Fatima Lars Ingrid Mateo Sofia Kofi Yuki Noah Amara Ivan".split()
LAST = "Lovelace Hopper Ögren García Müller Nguyen Okafor Tanaka Rossi Novak Silva Dubois Kowalski Haddad Jensen Moreau".split()
TITLES = ["Backend Engineer", "SRE", "Data Engineer", "Platform Engineer", "Software Developer", None]
PLACES = ["Berlin", "London", "Lagos", "São Paulo", "Tokyo", "Toronto", None]
T0 = datetime(2026, 1, 1, tzinfo=UTC)
BATCH = 2000
DEFAULT_URL = f"sqlite+aiosqlite:///{ROOT / '.bench' / 'candidate_list.sqlite3'}"


def normalise_url(url: str) -> str:
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+asyncpg://" + url.split("://", 1)[1]
    if url.startswith("sqlite:///"):
        return "sqlite+aiosqlite:///" + url[len("sqlite:///") :]
    return url


async def generated(engine: AsyncEngine, count: int) -> bool:
    """Whether this database already holds the pipeline (so a second bench run needn't make it again)."""
    try:
        async with engine.connect() as conn:
            n = await conn.scalar(
                select(func.count())
                .select_from(Candidate)
                .join(Agent, Agent.id == Candidate.agent_id)
                .join(Workspace, Workspace.id == Agent.workspace_id)
                .where(Workspace.team_id == TEAM, Agent.name == AGENT)
            )
            return n == count
    except Exception:
        return False


async def reset(engine: AsyncEngine) -> None:
    async with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            await conn.execute(text("DROP SCHEMA public CASCADE"))
            await conn.execute(text("CREATE SCHEMA public"))
        else:
            names = (await conn.execute(text("SELECT name FROM sqlite_master WHERE type='table'"))).scalars()
            await conn.execute(text("PRAGMA foreign_keys=OFF"))
            for name in list(names):
                if not name.startswith("sqlite_"):
                    await conn.execute(text(f'DROP TABLE IF EXISTS "{name}"'))


async def _workspace(conn, team: str, members: list[str]) -> int:
    ws = (
        await conn.execute(
            insert(Workspace)
            .values(team_id=team, settings={}, time_zone="Europe/Berlin")
            .returning(Workspace.id)
        )
    ).scalar_one()
    await conn.execute(
        insert(Member), [{"workspace_id": ws, "slack_user_id": u, "role": "admin"} for u in members]
    )
    return ws


async def _agent(conn, ws: int, name: str) -> int:
    agent = (
        await conn.execute(
            insert(Agent)
            .values(
                workspace_id=ws,
                name=name,
                status="active",
                share_token=f"bench-{ws}-{name}",
                current_version=1,
            )
            .returning(Agent.id)
        )
    ).scalar_one()
    await conn.execute(
        insert(AgentVersion).values(workspace_id=ws, agent_id=agent, version=1, questions=[{"text": "Why?"}])
    )
    return agent


def _people(rng: random.Random, ws: int, agent: int, start_id: int, n: int):
    """Candidate rows and what happened to each (interview, ratings, notes), as plain dicts."""
    candidates, interviews, ratings, notes = [], [], [], []
    for k in range(n):
        cid = start_id + k
        first, last = rng.choice(FIRST), rng.choice(LAST)
        name = f"{first} {last}"
        email = f"{first.lower()}.{last.lower()}.{cid}@example.com"
        added = T0 + timedelta(minutes=rng.randrange(180 * 24 * 60))
        roll = rng.random()
        source, tag = (
            ("link", rng.choice(TAGS + [None]))
            if roll < 0.45
            else ("ingest", None)
            if roll < 0.75
            else ("manual", None)
            if roll < 0.9
            else ("api", None)
        )
        state = rng.random()
        status = "invited" if state < 0.35 else "in_progress" if state < 0.5 else "completed"
        decision = "none"
        if status == "completed":
            d = rng.random()
            decision = "shortlisted" if d < 0.1 else "dismissed" if d < 0.25 else "none"
        elif rng.random() < 0.03:
            decision = "dismissed"
        candidates.append(
            {
                "id": cid,
                "workspace_id": ws,
                "agent_id": agent,
                "name": name,
                "email": email,
                "email_normalized": email,
                "phone": f"+49151{cid:08d}"[:15],
                "location": rng.choice(PLACES),
                "current_title": rng.choice(TITLES),
                "source": source,
                "source_tag": tag,
                "token": f"bench-{cid}",
                "status": status,
                "decision": decision,
                "created_at": added,
                "updated_at": added,
                "links": [],
                "skills": [],
                "education": [],
                "search_text": search_key(name, email),
            }
        )
        if status != "invited":
            done = status == "completed"
            interviews.append(
                {
                    "workspace_id": ws,
                    "candidate_id": cid,
                    "agent_id": agent,
                    "status": status,
                    "source": "web",
                    "overall_score": round(min(100, max(0, rng.gauss(65, 15))), 1) if done else None,
                    "started_at": added + timedelta(hours=1),
                    "completed_at": added + timedelta(hours=rng.randrange(2, 240)) if done else None,
                }
            )
        if status == "completed" and rng.random() < 0.35:
            for user in rng.sample(TEAMMATES, rng.randint(1, 4)):
                kind = "stars" if rng.random() < 0.7 else "thumbs"
                value = rng.randint(1, 5) if kind == "stars" else rng.choice((1, -1))
                ratings.append(
                    {
                        "workspace_id": ws,
                        "candidate_id": cid,
                        "slack_user_id": user,
                        "kind": kind,
                        "value": value,
                    }
                )
        if status == "completed" and rng.random() < 0.2:
            for _ in range(rng.randint(1, 2)):
                notes.append(
                    {
                        "workspace_id": ws,
                        "candidate_id": cid,
                        "author_id": rng.choice(TEAMMATES),
                        "body": "Strong on incident response; ask about the schema question next round.",
                    }
                )
    return candidates, interviews, ratings, notes


async def _insert(conn, model, rows: list[dict], version_of: dict[int, int] | None = None) -> None:
    for start in range(0, len(rows), BATCH):
        chunk = rows[start : start + BATCH]
        if version_of is not None:
            chunk = [{**r, "agent_version_id": version_of[r["agent_id"]]} for r in chunk]
        await conn.execute(insert(model), chunk)


async def generate(url: str, *, count: int, seed: int = 7, log=print) -> None:
    engine = create_async_engine(url)
    await upgrade_to_head(engine)
    rng = random.Random(seed)
    started = time.perf_counter()
    async with engine.begin() as conn:
        ws = await _workspace(conn, TEAM, TEAMMATES)
        main = await _agent(conn, ws, AGENT)
        small = await _agent(conn, ws, "Designer")
        other_ws = await _workspace(conn, OTHER_TEAM, ["UOTHERADM1"])
        elsewhere = await _agent(conn, other_ws, AGENT)
        versions = dict((await conn.execute(select(AgentVersion.agent_id, AgentVersion.id))).all())
        next_id = 1
        for agent, wsid, n in (
            (main, ws, count),
            (small, ws, max(1, count // 20)),
            (elsewhere, other_ws, max(1, count // 10)),
        ):
            people, interviews, ratings, notes = _people(rng, wsid, agent, next_id, n)
            next_id += n
            await _insert(conn, Candidate, people)
            await _insert(conn, Interview, interviews, versions)
            await _insert(conn, Rating, ratings)
            await _insert(conn, Note, notes)
            log(
                f"  agent {agent}: {n:,} candidates, {len(interviews):,} interviews, {len(ratings):,} ratings, {len(notes):,} notes"
            )
        if engine.dialect.name == "postgresql":
            await conn.execute(
                text("SELECT setval(pg_get_serial_sequence('candidates', 'id'), max(id)) FROM candidates")
            )
    if engine.dialect.name == "postgresql":
        # What a running deployment soon has: autovacuum analyses new tables by itself.
        async with engine.connect() as conn:
            conn = await conn.execution_options(isolation_level="AUTOCOMMIT")
            await conn.execute(text("VACUUM ANALYZE"))
    await engine.dispose()
    log(f"  generated in {time.perf_counter() - started:.1f} s")


async def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--candidates", type=int, default=100_000)
    parser.add_argument("--reset", action="store_true", help="drop everything in that database first")
    args = parser.parse_args()
    url = normalise_url(args.database_url)
    (ROOT / ".bench").mkdir(exist_ok=True)
    engine = create_async_engine(url)
    if args.reset:
        await reset(engine)
    done = await generated(engine, args.candidates)
    await engine.dispose()
    if done:
        print("already generated")
        return
    await generate(url, count=args.candidates)


if __name__ == "__main__":
    asyncio.run(main())
