"""The list's "name or e-mail contains" search reads a trigram index (FTS5 on SQLite, pg_trgm on
PostgreSQL) from three characters on, and LIKE below that. Either way it must find exactly the candidates
whose folded name or e-mail contains the folded text: substrings anywhere, non-ASCII names typed with or
without their accents, quotes and LIKE wildcards taken literally, and a renamed or erased candidate found
under the new name only, or not at all."""

from __future__ import annotations

from sqlalchemy import delete, select, text

from milobot.db.list_triggers import SEARCH_TABLE
from milobot.db.models import Agent, Candidate
from milobot.db.search_text import fold
from milobot.services import candidate_list_pages as list_pages
from milobot.services import candidate_list_repo as repo
from milobot.services.candidate_query import build_query
from tests.candidates.support import make_agent, seed
from tests.conftest import ADMIN

PEOPLE = [
    ("Åsa Ögren", "asa.ogren.4711@example.com"),
    ("José García", "jg@empresa.es"),
    ("Zoë Müller-Lüdenscheidt", "zoe@beispiel.de"),
    ("Chen Wei 陈伟", "chen.wei@example.cn"),
    ('Dan "The Man" O\'Neil', "dan@example.com"),
    ("Eve 50%_x Adams", "eve.4711@example.org"),
    ("Straße Groß", "gross@example.de"),
]
SEARCHES = [
    "ogren",  # without the accent
    "ÖGREN",  # upper case, with it
    "sa ö",  # across the space between first and last name
    ".4711@",  # in the middle of two e-mails
    "garcía",
    "müller-lü",
    "陈伟",  # two characters: below a trigram, LIKE reads it
    "陈伟 ",  # folded (spaces trimmed) to the same
    '"the man"',  # double quotes are text, not FTS5 syntax
    "o'neil",
    "50%_x",  # LIKE wildcards are literal
    "%",
    "strasse",  # ß casefolds to ss on both sides
    "ea",
    "example",
    "nobody-has-this",
    "chen wei 陈伟 chen.wei@example.cn",  # the whole folded text
]


async def _ids(s, scope, q) -> tuple[int, list[int]]:
    async def everyone() -> int:
        return 100

    total, _, ids = await list_pages.list_page(s, scope, q, page=0, size=50, everyone=everyone)
    assert await repo.count(s, scope, q) == total
    return total, sorted(ids)


async def test_search_finds_exactly_the_folded_substrings(milo, slack):
    agent_id = await make_agent(milo)
    other_agent = await make_agent(milo, name="Other")
    for name, email in PEOPLE:
        await seed(milo, agent_id, name, email=email)
        await seed(milo, other_agent, name, email=email)  # same people elsewhere: never listed here
    async with milo.container.db.unit_of_work() as s:
        agent = await s.get(Agent, agent_id)
        scope = repo.Scope(agent.workspace_id, agent_id, ADMIN, "UTC")
        rows = (await s.execute(select(Candidate).where(Candidate.agent_id == agent_id))).scalars().all()
        for typed in SEARCHES:
            q = build_query(text=typed)
            want = sorted(c.id for c in rows if fold(typed) in c.search_text)
            assert await _ids(s, scope, q) == (len(want), want), typed
            # With another filter beside it, and sorted by name, the same candidates.
            both = build_query(text=typed, statuses=["invited"], sort="name_asc")
            assert await _ids(s, scope, both) == (len(want), want), typed
    assert len([c for c in rows if "ogren" in c.search_text]) == 1


async def test_search_follows_renames_and_erasure(milo, slack):
    agent_id = await make_agent(milo)
    kept = await seed(milo, agent_id, "Marta Kowalski", email="marta@example.com")
    gone = await seed(milo, agent_id, "Marta Kowalska", email="mk@example.com")
    async with milo.container.db.unit_of_work() as s:
        c = await s.get(Candidate, kept)
        c.name = "Marta Nowak-Kowalski"  # the ORM hook refolds search_text, the trigger reindexes it
        c.email = "nowak@example.com"
    async with milo.container.db.unit_of_work() as s:
        await s.execute(delete(Candidate).where(Candidate.id == gone))
    async with milo.container.db.unit_of_work() as s:
        agent = await s.get(Agent, agent_id)
        scope = repo.Scope(agent.workspace_id, agent_id, ADMIN, "UTC")
        assert await _ids(s, scope, build_query(text="nowak-kow")) == (1, [kept])
        assert await _ids(s, scope, build_query(text="kowalsk")) == (1, [kept])
        assert await _ids(s, scope, build_query(text="marta@")) == (0, [])
        assert await _ids(s, scope, build_query(text="mk@ex")) == (0, [])
        if s.bind.dialect.name == "sqlite":
            # The index holds exactly the candidates' texts, nothing stale.
            indexed = (await s.execute(text(f"SELECT rowid, search_text FROM {SEARCH_TABLE}"))).all()
            stored = (await s.execute(select(Candidate.id, Candidate.search_text))).all()
            assert sorted(map(tuple, indexed)) == sorted(map(tuple, stored))


async def test_search_reads_the_trigram_index(milo, slack):
    """From three characters the search is answered by the index, not by reading every candidate."""
    agent_id = await make_agent(milo)
    await seed(milo, agent_id, "Åsa Ögren")
    async with milo.container.db.unit_of_work() as s:
        agent = await s.get(Agent, agent_id)
        scope = repo.Scope(agent.workspace_id, agent_id, ADMIN, "UTC")
        where = repo.conditions(scope, build_query(text="ögren"), plain=frozenset({"id"}))
        stmt = select(Candidate.id).where(*where)
        if s.bind.dialect.name == "sqlite":
            compiled = stmt.compile(s.bind, compile_kwargs={"literal_binds": True})
            plan = " ".join(
                str(r[-1]) for r in (await s.execute(text(f"EXPLAIN QUERY PLAN {compiled}"))).all()
            )
            assert f"{SEARCH_TABLE} VIRTUAL TABLE" in plan and "INTEGER PRIMARY KEY" in plan, plan
        else:
            found = await s.scalar(
                text("SELECT count(*) FROM pg_indexes WHERE indexname = 'ix_candidates_list_trigram'")
            )
            assert found == 1
        assert list((await s.scalars(stmt)).all()) != []
