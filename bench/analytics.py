"""Analytics at scale: 1,000,000 interviews across 500 agents of one workspace (two years of them), then
how long `summarize` takes per agent and for the whole workspace, the recent feed, and the review queue
that digests and reminders read.

    .venv/bin/python bench/analytics.py [--database-url URL] [--interviews 1000000] [--agents 500]
                                         [--rounds 200] [--reset]

The data is loaded fast and honestly: the schema is migrated to head; the secondary indexes and the
candidate-list triggers are dropped for the load and re-created afterwards from their own DDL (so the
measured database has exactly production's indexes); rows go in with executemany (SQLite) or COPY
(PostgreSQL); the candidates' read-model columns (score, completed_at, rating_count), which the triggers
keep in production, are written consistently with the interviews. A second run on the same database
skips the load.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from milobot.db import analytics_triggers, list_triggers  # noqa: E402
from milobot.db.engine import Database  # noqa: E402
from milobot.db.migrate import upgrade_to_head  # noqa: E402
from milobot.db.models import Agent, AgentVersion, Interview, Workspace  # noqa: E402
from milobot.services.analytics import recent_feed, summarize  # noqa: E402
from milobot.services.analytics_range import parse_range  # noqa: E402
from milobot.services.review_queue import awaiting_review  # noqa: E402

TEAM = "TBENCHANLY"
TZ = "Europe/Berlin"
NOW = datetime(2026, 12, 1, 12, tzinfo=UTC)
DAYS = 730
TAGS = ["lobby-poster", "career-fair", "linkedin", "referral", "university", None]
CHUNK = 50_000
TABLES = ("candidates", "interviews", "link_visits")
DEFAULT_URL = f"sqlite+aiosqlite:///{ROOT / '.bench' / 'analytics.sqlite3'}"


def normalise_url(url: str) -> str:
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+asyncpg://" + url.split("://", 1)[1]
    if url.startswith("sqlite:///"):
        return "sqlite+aiosqlite:///" + url[len("sqlite:///") :]
    return url


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


async def generated(engine: AsyncEngine, count: int) -> int | None:
    try:
        async with engine.connect() as conn:
            ws = await conn.scalar(select(Workspace.id).where(Workspace.team_id == TEAM))
            if ws is None:
                return None
            n = await conn.scalar(
                select(func.count()).select_from(Interview).where(Interview.workspace_id == ws)
            )
            return ws if n == count else None
    except Exception:
        return None


# ---------------------------------------------------------------- load


async def _secondary_indexes(conn, postgres: bool) -> list[tuple[str, str]]:
    """(name, DDL) of every index on the loaded tables that no constraint owns."""
    if postgres:
        rows = await conn.execute(
            text(
                "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = 'public' "
                "AND i.tablename = ANY(:t) AND NOT EXISTS (SELECT 1 FROM pg_constraint c "
                "WHERE c.conname = i.indexname)"
            ),
            {"t": list(TABLES)},
        )
    else:
        rows = await conn.execute(
            text(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                "AND tbl_name IN ('candidates', 'interviews', 'link_visits')"
            )
        )
    return [(n, d) for n, d in rows]


def _stamp(dt: datetime, postgres: bool):
    # SQLite keeps what SQLAlchemy's DateTime writes: "YYYY-MM-DD HH:MM:SS.ffffff", UTC, zone dropped.
    return dt if postgres else dt.strftime("%Y-%m-%d %H:%M:%S.%f")


def _rows(
    rng: random.Random, ws: int, agents: list[int], versions: dict[int, int], first: int, n: int, pg: bool
):
    candidates, interviews = [], []
    start = NOW - timedelta(days=DAYS)
    for k in range(n):
        cid = first + k
        agent = agents[cid % len(agents)]
        added = start + timedelta(seconds=rng.randrange(DAYS * 86400))
        roll = rng.random()
        source, tag = (
            ("link", rng.choice(TAGS))
            if roll < 0.55
            else ("ingest", None)
            if roll < 0.75
            else ("manual", None)
            if roll < 0.9
            else ("api", None)
        )
        started = added + timedelta(minutes=rng.randrange(5, 2 * 24 * 60))
        done = rng.random() < 0.8
        completed = started + timedelta(minutes=rng.randrange(8, 60)) if done else None
        score = round(min(100.0, max(0.0, rng.gauss(62, 18))), 1) if done else None
        decision, decided = "none", None
        if done:
            d = rng.random()
            if d < 0.10:
                decision = "shortlisted"
            elif d < 0.25:
                decision = "dismissed"
            if decision != "none":
                decided = completed + timedelta(hours=rng.randrange(1, 72))
        rated = 1 if done and rng.random() < 0.85 else 0
        status = "completed" if done else "in_progress"
        name = f"Bench Candidate {cid}"
        candidates.append(
            (
                cid,
                ws,
                agent,
                name,
                f"c{cid}@example.com",
                f"c{cid}@example.com",
                "[]",
                "[]",
                "[]",
                source,
                tag,
                f"an-{cid}",
                status,
                decision,
                _stamp(decided, pg) if decided else None,
                "UBENCHADM1" if decided else None,
                0,
                _stamp(added, pg),
                _stamp(added, pg),
                score,
                _stamp(completed, pg) if completed else None,
                rated,
                85.0 if rated else None,
                f"bench candidate {cid} c{cid}@example.com",
                0,
            )
        )
        interviews.append(
            (
                cid,
                ws,
                cid,
                agent,
                versions[agent],
                status,
                "web",
                tag if source == "link" else None,
                score,
                _stamp(started, pg),
                _stamp(completed, pg) if completed else None,
            )
        )
    return candidates, interviews


C_COLS = (
    "id",
    "workspace_id",
    "agent_id",
    "name",
    "email",
    "email_normalized",
    "links",
    "skills",
    "education",
    "source",
    "source_tag",
    "token",
    "status",
    "decision",
    "decided_at",
    "decided_by",
    "nudge_count",
    "created_at",
    "updated_at",
    "score",
    "completed_at",
    "rating_count",
    "rating_avg",
    "search_text",
    "report_epoch",
)
I_COLS = (
    "id",
    "workspace_id",
    "candidate_id",
    "agent_id",
    "agent_version_id",
    "status",
    "source",
    "source_tag",
    "overall_score",
    "started_at",
    "completed_at",
)
V_COLS = ("workspace_id", "agent_id", "source_tag", "at")


async def _put(conn, table: str, cols: tuple[str, ...], rows: list[tuple], pg: bool) -> None:
    raw = (await conn.get_raw_connection()).driver_connection
    if pg:
        await raw.copy_records_to_table(table, records=rows, columns=list(cols))
    else:
        marks = ",".join("?" * len(cols))
        await raw.executemany(f"INSERT INTO {table} ({','.join(cols)}) VALUES ({marks})", rows)


async def generate(url: str, *, interviews: int, agents: int, seed: int = 11, log=print) -> int:
    engine = create_async_engine(url)
    await upgrade_to_head(engine)
    pg = engine.dialect.name == "postgresql"
    rng = random.Random(seed)
    t0 = time.perf_counter()
    async with engine.begin() as conn:
        ws = (
            await conn.execute(
                text(
                    "INSERT INTO workspaces (team_id, time_zone, settings, created_at) VALUES (:t, :z, :s, :c) RETURNING id"
                ),
                {"t": TEAM, "z": TZ, "s": json.dumps({"cost_per_interview": 2.0}), "c": NOW},
            )
        ).scalar_one()
        ids = []
        for i in range(agents):
            agent = (
                await conn.execute(
                    text(
                        "INSERT INTO agents (workspace_id, name, status, share_token, current_version, created_at) "
                        "VALUES (:w, :n, 'active', :s, 1, :c) RETURNING id"
                    ),
                    {"w": ws, "n": f"Agent {i:03d}", "s": f"an-bench-{i}", "c": NOW},
                )
            ).scalar_one()
            ids.append(agent)
        await conn.execute(
            text(
                "INSERT INTO agent_versions (workspace_id, agent_id, version, questions, created_at) VALUES (:w, :a, 1, '[]', :c)"
            ),
            [{"w": ws, "a": a, "c": NOW} for a in ids],
        )
        versions = dict((await conn.execute(select(AgentVersion.agent_id, AgentVersion.id))).all())
        indexes = await _secondary_indexes(conn, pg)
        for name, _ in indexes:
            await conn.execute(text(f'DROP INDEX "{name}"'))
        await conn.run_sync(list_triggers.uninstall)
        await conn.run_sync(analytics_triggers.uninstall)
        log(f"  schema ready, {len(indexes)} secondary indexes and the list triggers set aside for the load")
        done = 0
        while done < interviews:
            n = min(CHUNK, interviews - done)
            cands, ivs = _rows(rng, ws, ids, versions, done + 1, n, pg)
            await _put(conn, "candidates", C_COLS, cands, pg)
            await _put(conn, "interviews", I_COLS, ivs, pg)
            done += n
            if done % 200_000 == 0 or done == interviews:
                log(f"  {done:,} candidates and interviews ({time.perf_counter() - t0:.0f} s)")
        visits = []
        start = NOW - timedelta(days=DAYS)
        for _ in range(interviews // 4):
            at = start + timedelta(seconds=rng.randrange(DAYS * 86400))
            visits.append((ws, rng.choice(ids), rng.choice(TAGS), _stamp(at, pg)))
        await _put(conn, "link_visits", V_COLS, visits, pg)
        log(f"  {len(visits):,} link visits ({time.perf_counter() - t0:.0f} s)")
        for _name, ddl in indexes:
            await conn.execute(text(ddl))
        await conn.run_sync(list_triggers.install)
        await conn.run_sync(analytics_triggers.install)
        log(f"  indexes and triggers back ({time.perf_counter() - t0:.0f} s)")
        if pg:
            for table in ("candidates", "interviews"):
                await conn.execute(
                    text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), max(id)) FROM {table}")
                )
    async with engine.connect() as conn:
        if pg:  # what a running deployment soon has: autovacuum analyses new tables by itself
            conn = await conn.execution_options(isolation_level="AUTOCOMMIT")
            await conn.execute(text("VACUUM ANALYZE"))
        else:
            await conn.execute(text("ANALYZE"))
            await conn.commit()
    await engine.dispose()
    log(f"  generated in {time.perf_counter() - t0:.0f} s")
    return ws


# ---------------------------------------------------------------- measure


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


async def measure(url: str, ws: int, rounds: int) -> list[tuple[str, int, float, float, float]]:
    db = Database.from_url(url)
    async with db.unit_of_work() as s:
        agents = list((await s.scalars(select(Agent.id).where(Agent.workspace_id == ws))).all())
        await s.execute(text("DELETE FROM analytics_days"))  # every run starts with nothing rolled up
    rng = random.Random(5)
    out = []

    async def run(label: str, targets: list, work) -> None:
        times = []
        for target in targets:
            t = time.perf_counter()
            await work(target)
            times.append((time.perf_counter() - t) * 1000)
        out.append((label, len(targets), statistics.median(times), pct(times, 0.95), max(times)))

    sample = rng.sample(agents, min(rounds, len(agents)))
    for label in ("last 30d", "last 365d"):
        r = parse_range(label, TZ, NOW)

        async def one(agent, r=r):
            async with db.unit_of_work() as s:
                await summarize(
                    s, workspace_id=ws, agent_id=agent, start=r.start, end=r.end, time_zone=TZ, now=NOW
                )

        await run(f"summarize, one agent, {label}, first read", sample, one)
        await run(f"summarize, one agent, {label}", sample, one)
        await run(f"summarize, workspace, {label}, first read", [None], one)
        await run(f"summarize, workspace, {label}", [None] * max(10, rounds // 10), one)

    async def feed(agent):
        async with db.unit_of_work() as s:
            await recent_feed(s, ws, agent)

    async def queue(_agent):
        async with db.unit_of_work() as s:
            await awaiting_review(s, workspace_id=ws, completed_before=NOW - timedelta(days=1), limit=10)

    async def queue_agent(agent):
        async with db.unit_of_work() as s:
            await awaiting_review(s, workspace_id=ws, agent_id=agent, limit=10)

    await run("recent feed, one agent (10 items)", sample, feed)
    await run("awaiting review, workspace, oldest 10", [None] * max(10, rounds // 10), queue)
    await run("awaiting review, one agent, oldest 10", sample, queue_agent)
    await db.dispose()
    return out


async def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--interviews", type=int, default=1_000_000)
    parser.add_argument("--agents", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--reset", action="store_true", help="drop everything in that database first")
    args = parser.parse_args()
    url = normalise_url(args.database_url)
    (ROOT / ".bench").mkdir(exist_ok=True)
    engine = create_async_engine(url)
    if args.reset:
        await reset(engine)
    ws = await generated(engine, args.interviews)
    await engine.dispose()
    print(f"database: {engine.dialect.name}; load average before: {os.getloadavg()[0]:.2f}")
    if ws is None:
        print(f"generating {args.interviews:,} interviews across {args.agents} agents…")
        engine = create_async_engine(url)
        await reset(engine)
        await engine.dispose()
        ws = await generate(url, interviews=args.interviews, agents=args.agents)
    else:
        print("already generated")
        engine = create_async_engine(url)
        await upgrade_to_head(engine)  # a database generated by an older milobot gets the new schema
        await engine.dispose()
    rows = await measure(url, ws, args.rounds)
    print(f"\n{'query':<52} {'runs':>5} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for label, n, p50, p95, worst in rows:
        print(f"{label:<52} {n:>5} {p50:>8.1f} {p95:>8.1f} {worst:>8.1f}")
    print(f"\nload average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())} ({os.cpu_count()} cores)")


if __name__ == "__main__":
    asyncio.run(main())
