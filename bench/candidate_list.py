"""Database time of the candidate list at 100,000 candidates in one agent: opening it, changing a filter,
sorting and paging, each through the real service (CandidateListService), as the handlers call it.

Makes the pipeline first if the database doesn't hold it (bench/candidate_list_data.py). "Database time"
is the time spent inside the service's SQLAlchemy calls (execute/scalar/scalars, results fetched), summed
per operation; the whole service call is shown beside it. Target (issue 9): p95 < 50 ms for each.

    .venv/bin/python bench/candidate_list.py [--database-url URL] [--rounds 30] [--reset]
        default: a SQLite file in .bench/; PostgreSQL: --database-url postgresql://postgres@127.0.0.1/test_i9a
"""

from __future__ import annotations

import argparse
import asyncio
import contextvars
import functools
import os
import sys
import time
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, create_async_engine

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.candidate_list_data import (  # noqa: E402
    AGENT,
    DEFAULT_URL,
    TEAM,
    VIEWER,
    generate,
    generated,
    normalise_url,
    reset,
)
from milobot.db.engine import Database  # noqa: E402
from milobot.db.models import Agent, Workspace  # noqa: E402
from milobot.services.base import ServiceDeps  # noqa: E402
from milobot.services.candidate_list import CandidateListService  # noqa: E402
from milobot.services.candidate_query import build_query  # noqa: E402
from milobot.services.context import Identity  # noqa: E402

TARGET_MS = 50.0
_spent: contextvars.ContextVar[list[float] | None] = contextvars.ContextVar("spent", default=None)
_depth: contextvars.ContextVar[int] = contextvars.ContextVar("depth", default=0)


def _timed(method):
    @functools.wraps(method)
    async def wrapper(self, *args, **kwargs):
        spent = _spent.get()
        if spent is None or _depth.get():
            return await method(self, *args, **kwargs)
        token = _depth.set(1)
        started = time.perf_counter()
        try:
            return await method(self, *args, **kwargs)
        finally:
            spent[0] += time.perf_counter() - started
            _depth.reset(token)

    return wrapper


for _name in ("execute", "scalar", "scalars", "get", "flush"):
    setattr(AsyncSession, _name, _timed(getattr(AsyncSession, _name)))


def scenarios(agent_id: int) -> list[tuple[str, str, dict, int]]:
    """(group, label, ListQuery fields, page)."""
    recent = date(2026, 6, 1)
    return [
        ("open", "open the list (last view used: the default)", {}, -1),
        ("filter", "status: completed", {"statuses": ["completed"]}, 0),
        ("filter", "decision: shortlisted", {"decisions": ["shortlisted"]}, 0),
        ("filter", "score 70–100", {"score_min": 70, "score_max": 100}, 0),
        ("filter", "added in June", {"date_from": recent, "date_to": date(2026, 6, 30)}, 0),
        (
            "filter",
            "completed in June",
            {"date_field": "completed", "date_from": recent, "date_to": date(2026, 6, 30)},
            0,
        ),
        ("filter", "source: share link lobby-poster", {"sources": ["tag:lobby-poster"]}, 0),
        ("filter", "source: import or API", {"sources": ["import", "api"]}, 0),
        ("filter", "rated by me", {"rated": "rated"}, 0),
        ("filter", "not rated by me", {"rated": "unrated"}, 0),
        ("filter", "text: “garcía” (name)", {"text": "garcía"}, 0),
        ("filter", "text: “.4711@” (e-mail)", {"text": ".4711@"}, 0),
        (
            "filter",
            "completed, score ≥ 60, not rated by me, by score",
            {"statuses": ["completed"], "score_min": 60, "rated": "unrated", "sort": "score_desc"},
            0,
        ),
        ("sort", "score, highest first", {"sort": "score_desc"}, 0),
        ("sort", "score, lowest first", {"sort": "score_asc"}, 0),
        ("sort", "date completed, newest first", {"sort": "completed_desc"}, 0),
        ("sort", "date added, oldest first", {"sort": "added_asc"}, 0),
        ("sort", "name A–Z", {"sort": "name_asc"}, 0),
        ("sort", "rating, highest first (blind)", {"sort": "rating_desc"}, 0),
        ("sort", "rating, lowest first (blind)", {"sort": "rating_asc"}, 0),
        ("page", "page 2 (Next), default order", {}, 1),
        ("page", "page 100, default order", {}, 99),
        ("page", "last page, default order", {}, 10**6),
        ("page", "page 2, by score", {"sort": "score_desc"}, 1),
        ("page", "last page, by score (into the unscored)", {"sort": "score_desc"}, 10**6),
        ("page", "page 2, by rating (blind)", {"sort": "rating_desc"}, 1),
        ("page", "page 2, completed and not rated by me", {"statuses": ["completed"], "rated": "unrated"}, 1),
    ]


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


async def measure(url: str, rounds: int) -> list[tuple[str, str, float, float, float, int]]:
    db = Database(create_async_engine(url))
    service = CandidateListService(ServiceDeps(db=db))
    async with db.unit_of_work() as s:
        agent_id = await s.scalar(
            select(Agent.id)
            .join(Workspace, Workspace.id == Agent.workspace_id)
            .where(Workspace.team_id == TEAM, Agent.name == AGENT)
        )
    who = Identity(team_id=TEAM, user_id=VIEWER)
    results = []
    for group, label, fields, page in scenarios(agent_id):
        query = build_query(**fields)
        db_ms, call_ms, cpu_ms, total = [], [], [], 0

        async def once(query=query, page=page):
            if page < 0:
                return await service.open(identity=who, agent_id=agent_id)
            return await service.show(identity=who, agent_id=agent_id, query=query, page=page)

        await once()  # warm the caches as a list already in use would have them
        for _ in range(rounds):
            spent = [0.0]
            token = _spent.set(spent)
            cpu, started = time.process_time(), time.perf_counter()
            listed = await once()
            call_ms.append((time.perf_counter() - started) * 1000)
            cpu_ms.append((time.process_time() - cpu) * 1000)
            _spent.reset(token)
            db_ms.append(spent[0] * 1000)
            total = listed.total
        results.append(
            (group, label, pct(db_ms, 0.5), pct(db_ms, 0.95), pct(call_ms, 0.95), pct(cpu_ms, 0.95), total)
        )
    await db.dispose()
    return results


async def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--candidates", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument(
        "--reset", action="store_true", help="drop everything in that database and generate again"
    )
    args = parser.parse_args()
    url = normalise_url(args.database_url)
    (ROOT / ".bench").mkdir(exist_ok=True)
    engine = create_async_engine(url)
    if args.reset:
        await reset(engine)
    ready = await generated(engine, args.candidates)
    await engine.dispose()
    if not ready:
        print(f"generating {args.candidates:,} candidates in one agent on {engine.dialect.name} …")
        await generate(url, count=args.candidates)
    load_before = os.getloadavg()[0]
    results = await measure(url, args.rounds)
    load_after = os.getloadavg()[0]
    print(f"\n{engine.dialect.name}: {args.candidates:,} candidates in one agent, {args.rounds} rounds each")
    print(f"load average {load_before:.1f} before, {load_after:.1f} after, on {os.cpu_count()} CPUs")
    print(
        f"{'':6} {'operation':52} {'db p50':>7} {'db p95':>7} {'call p95':>9} {'cpu p95':>8} {'matches':>8}"
    )
    worst = 0.0
    for group, label, p50, p95, call95, cpu95, total in results:
        worst = max(worst, p95)
        flag = "" if p95 < TARGET_MS else "  over target"
        print(f"{group:6} {label:52} {p50:7.1f} {p95:7.1f} {call95:9.1f} {cpu95:8.1f} {total:8,}{flag}")
    for group in ("open", "filter", "sort", "page"):
        p95s = [r[3] for r in results if r[0] == group]
        print(f"worst p95 of database time, {group}: {max(p95s):.1f} ms")
    print(
        f"target p95 < {TARGET_MS:.0f} ms: {'met' if worst < TARGET_MS else 'NOT met'} (worst {worst:.1f} ms)"
    )
    if engine.dialect.name == "sqlite":
        print(
            "cpu: this process's CPU time per operation (SQLite runs in it), steadier than wall time on a busy machine"
        )
    else:
        print("cpu: this process's CPU time only; PostgreSQL's own work is in its server")


if __name__ == "__main__":
    asyncio.run(main())
