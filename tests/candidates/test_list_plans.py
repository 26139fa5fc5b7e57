"""The list reads a page one of several ways (walk the sort's index, or find the matches and sort them;
probe few matches by id), chosen by counts. Every way must give the same rows in the same order as the
rules say: this holds each against a plain Python reading of the same candidates, on the real database."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select

from milobot.db.models import Agent, Candidate, Rating
from milobot.services import candidate_list_pages as list_pages
from milobot.services import candidate_list_repo as repo
from milobot.services.candidate_query import SORTS, ListQuery, build_query
from tests.candidates.support import make_agent, rate, seed
from tests.conftest import ADMIN

T0 = datetime(2026, 2, 1, 8, 0, tzinfo=UTC)
SIZE = 7
WAYS = [
    {"probe": list_pages.PROBE, "plan": None},  # as in production
    {"probe": 0, "plan": "order"},
    {"probe": 0, "plan": "filter"},
    {"probe": 0, "plan": None},
    {"probe": 0, "plan": "order", "deep": 0},  # count a segment before reading past it
    {"probe": 0, "plan": "filter", "deep": 0},
]
QUERIES = [
    {},
    {"statuses": ["completed"]},
    {"statuses": ["invited", "in_progress"], "decisions": ["none"]},
    {"decisions": ["shortlisted", "dismissed"]},
    {"score_min": 40, "score_max": 75},
    {"date_from": date(2026, 2, 2), "date_to": date(2026, 2, 3)},
    {"date_field": "completed", "date_from": date(2026, 2, 3)},
    {"sources": ["tag:lobby", "import"]},
    {"sources": ["link"]},
    {"sources": ["tag:"]},
    {"rated": "rated"},
    {"rated": "unrated", "statuses": ["completed"]},
    {"text": "ogren"},
    {"text": "50%_x"},  # LIKE wildcards are literal
]


async def _pipeline(milo) -> int:
    rng = random.Random(9)
    agent_id = await make_agent(milo)
    await seed(milo, await make_agent(milo, name="Other"), "Not In This Agent", status="completed", score=50)
    names = ["Åsa Ögren", "Bob Stone", "Cy Young", "Dee Ogren", "Eve 50%_x Adams", "Finn Berg"]
    for i in range(60):
        status = rng.choice(["invited", "in_progress", "completed", "completed"])
        source = rng.choice(["manual", "ingest", "api", "link", "link"])
        cid = await seed(
            milo,
            agent_id,
            f"{rng.choice(names)} {i}",
            email=f"p{i}@example.com",
            status=status,
            decision=rng.choice(["none", "none", "shortlisted", "dismissed"]),
            source=source,
            tag=rng.choice(["lobby", "fair", None]) if source == "link" else None,
            score=rng.choice([35, 50, 50, 72.5, 90]) if status == "completed" else None,
            added=T0 + timedelta(hours=rng.randrange(0, 24 * 4)),
            completed=T0 + timedelta(hours=rng.randrange(24, 24 * 5)),
        )
        if status == "completed" and rng.random() < 0.6:
            for user in rng.sample([ADMIN, "UR1", "UR2"], rng.randint(1, 3)):
                await rate(milo, cid, user, rng.randint(1, 5))
    return agent_id


def _reference(rows, mine: set[int], scope, q: ListQuery) -> list[int]:
    def day(d):
        return datetime.combine(d, datetime.min.time(), tzinfo=UTC)

    def keep(c) -> bool:
        if q.statuses and c.status not in q.statuses:
            return False
        if q.decisions and c.decision not in q.decisions:
            return False
        if q.score_min is not None and (c.score is None or c.score < q.score_min):
            return False
        if q.score_max is not None and (c.score is None or c.score > q.score_max):
            return False
        when = c.completed_at if q.date_field == "completed" else c.created_at
        if q.date_from and (when is None or when < day(q.date_from)):
            return False
        if q.date_to and (when is None or when >= day(q.date_to) + timedelta(days=1)):
            return False
        if q.sources:

            def one(s):
                if s.startswith("tag:"):
                    return c.source == "link" and ((c.source_tag or "") == s[4:])
                return c.source == {"import": "ingest"}.get(s, s)

            if not any(one(s) for s in q.sources):
                return False
        if q.folded_text and q.folded_text not in (c.search_text or ""):
            return False
        if q.rated == "rated" and c.id not in mine:
            return False
        if q.rated == "unrated" and c.id in mine:
            return False
        return True

    matched = [c for c in rows if keep(c)]
    key, desc = q.sort_key, q.descending
    column = {
        "added": "created_at",
        "completed": "completed_at",
        "score": "score",
        "rating": "rating_avg",
        "name": "search_text",
    }[key]

    def first(c) -> bool:
        if key in ("added", "name"):
            return True
        if key == "rating":
            return c.rating_avg is not None and (c.decision in ("shortlisted", "dismissed") or c.id in mine)
        return getattr(c, column) is not None

    # Ties on a score, completion or rating: by date added, then id, the same way round.
    tie = (
        (lambda c: (getattr(c, column), c.id))
        if key in ("added", "name")
        else (lambda c: (getattr(c, column), c.created_at, c.id))
    )
    a = sorted((c for c in matched if first(c)), key=tie, reverse=desc)
    b = sorted((c for c in matched if not first(c)), key=lambda c: (c.created_at, c.id), reverse=True)
    return [c.id for c in a + b]


async def test_every_way_of_reading_a_page_agrees_with_the_rules(milo, slack):
    agent_id = await _pipeline(milo)
    async with milo.container.db.unit_of_work() as s:
        agent = await s.get(Agent, agent_id)
        scope = repo.Scope(agent.workspace_id, agent_id, ADMIN, "UTC")
        rows = (await s.execute(select(Candidate).where(Candidate.agent_id == agent_id))).scalars().all()
        mine = set((await s.scalars(select(Rating.candidate_id).where(Rating.slack_user_id == ADMIN))).all())

        async def everyone():
            return len(rows)

        for sort in SORTS:
            for fields in QUERIES:
                q = build_query(**fields, sort=sort)
                expected = _reference(rows, mine, scope, q)
                pages = max(1, -(-len(expected) // SIZE))
                for page in sorted({0, min(1, pages - 1), pages - 1}):
                    want = expected[page * SIZE :][:SIZE]
                    for way in WAYS:
                        total, shown, ids = await list_pages.list_page(
                            s, scope, q, page=page, size=SIZE, everyone=everyone, **way
                        )
                        assert (total, shown, ids) == (len(expected), page, want), (fields, sort, page, way)
                # A page past the end shows the last one.
                beyond = await list_pages.list_page(s, scope, q, page=pages + 3, size=SIZE, everyone=everyone)
                assert beyond == (len(expected), pages - 1, expected[(pages - 1) * SIZE :][:SIZE])
                assert await list_pages.all_ids(s, scope, q) == expected, (fields, sort)
