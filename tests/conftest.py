"""Fixtures shared by the whole suite.

Every integration test runs a real milobot: a real database (a fresh SQLite file, or PostgreSQL when
MILOBOT_TEST_DATABASE_URL is set), the real aiohttp app on an ephemeral port, a fake Slack Web API on
another, and requests signed for real (house rule 7)."""

from __future__ import annotations

import gc
import os
import shutil
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from tests.fakes.slack_api import FakeSlack
from tests.fakes.smtp import FakeSMTP
from tests.harness import MiloHarness, forget_finished_apps, make_settings

PG_URL = os.environ.get("MILOBOT_TEST_DATABASE_URL")
ADMIN = "UADMIN0001"


_NO_DATABASE = Path(__file__).parent / "ingest"


def pytest_collection_modifyitems(config, items):
    """The PostgreSQL pass skips tests/ingest: résumé extraction reads files and never a database, so
    there it would only repeat the SQLite pass's work exactly (2-4 minutes of the two cores CI shares,
    which took CI past fifteen minutes). A test there that asks for a database stops the run instead
    of being skipped."""
    if not PG_URL:
        return
    skip = pytest.mark.skip(reason="reads no database: the SQLite pass runs it")
    for item in items:
        if item.path.is_relative_to(_NO_DATABASE):
            if "database_url" in getattr(item, "fixturenames", ()):
                raise pytest.UsageError(f"{item.nodeid} uses a database: move it out of tests/ingest")
            item.add_marker(skip)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """Before each test, freeze what is alive (modules, session fixtures, caches: 300,000 to 800,000
    objects over a run), as `milobot serve` freezes its start-up heap (milobot.heap). Without this,
    every full collection during a test walked all of it, 0.3-0.8 s on this machine, and landed at
    random inside tests that bound a stall or a time (the event-loop stall test, the oversized-file
    checks). The previous test's app is gone by now (see _let_finished_apps_go), so what is frozen is
    long-lived; only the collection of cycles among frozen objects is given up."""
    gc.collect()
    gc.freeze()


@pytest.fixture(autouse=True)
def _let_finished_apps_go():
    """aiohttp (3.10+) memoises each request's middleware chain in a process-wide LRU cache of 1,024
    entries keyed by the handler and the app (aio-libs/aiohttp#9158). A server has one app, so that
    is nothing; this suite starts a new app per test, and the cache kept the last 1,024 alive with
    their engines, clients and caches: 1.5 million objects by the middle of a run, and a full
    collection then stopped the event loop for 1-2 s, failing the loop-stall and CPU-cost tests at
    random (tests/foundation/test_app_release.py holds this)."""
    yield
    forget_finished_apps()


@pytest.fixture(scope="session")
def migrated_sqlite_template(tmp_path_factory) -> Path:
    """Migrate once, copy the file per test: every test gets a fresh, real, migrated SQLite file."""
    import asyncio

    from milobot.db.engine import make_engine
    from milobot.db.migrate import upgrade_to_head

    path = tmp_path_factory.mktemp("template") / "template.sqlite3"

    async def build() -> None:
        engine = make_engine(f"sqlite+aiosqlite:///{path}")
        await upgrade_to_head(engine)
        async with engine.begin() as conn:
            await conn.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
        await engine.dispose()

    asyncio.run(build())
    return path


@pytest.fixture(scope="session")
def migrated_postgres() -> str | None:
    if not PG_URL:
        return None
    import asyncio

    from milobot.config import _normalise_db_url
    from milobot.db.migrate import upgrade_to_head

    url = _normalise_db_url(PG_URL)

    async def build() -> None:
        engine = create_async_engine(url)
        async with engine.begin() as conn:
            await conn.execute(text("DROP SCHEMA public CASCADE"))
            await conn.execute(text("CREATE SCHEMA public"))
        await upgrade_to_head(engine)
        await engine.dispose()

    asyncio.run(build())
    return url


@pytest.fixture
async def database_url(tmp_path, migrated_sqlite_template, migrated_postgres) -> str:
    if migrated_postgres:
        # One migrated schema for the session; each test starts from empty tables.
        engine = create_async_engine(migrated_postgres)
        async with engine.begin() as conn:
            names = (
                (
                    await conn.execute(
                        text(
                            "SELECT tablename FROM pg_tables WHERE schemaname='public' AND tablename <> 'alembic_version'"
                        )
                    )
                )
                .scalars()
                .all()
            )
            await _empty_tables(conn, names)
        await engine.dispose()
        return migrated_postgres
    path = tmp_path / "milobot.sqlite3"
    shutil.copy(migrated_sqlite_template, path)
    return f"sqlite+aiosqlite:///{path}"


async def _empty_tables(conn, names: list[str]) -> None:
    """Empty every table with DELETE, children before parents, and rewind the sequences moved.

    TRUNCATE ... RESTART IDENTITY CASCADE over the 45 tables made new files for each: 0.21 s a test
    with its commit here, four minutes of the PostgreSQL pass. A test leaves a few rows, which DELETE
    removes in 2-3 ms; the commit skips the WAL flush (these rows matter to no one after a crash).
    Rewinding the sequences keeps ids starting at 1, as on a fresh SQLite file."""
    from milobot.db.models import Base

    ours = [t.name for t in reversed(Base.metadata.sorted_tables)]  # children first
    order = [n for n in names if n not in ours] + [
        n for n in ours if n in names
    ]  # slack_sdk's own tables first
    raw = (await conn.get_raw_connection()).driver_connection
    quoted = ['"' + n.replace('"', '""') + '"' for n in order]
    await raw.execute("SET LOCAL synchronous_commit = off; " + "; ".join(f"DELETE FROM {q}" for q in quoted))
    moved = await raw.fetch(
        "SELECT quote_ident(schemaname) || '.' || quote_ident(sequencename) AS name FROM pg_sequences "
        "WHERE schemaname = 'public' AND last_value IS NOT NULL"
    )
    if moved:
        await raw.execute("SELECT " + ", ".join(f"setval('{r['name']}', 1, false)" for r in moved))


@pytest.fixture
async def slack():
    async with FakeSlack() as fake:
        # The agents' usual channels in tests are private ones, where cards and notices carry names and
        # contact details; public channels carry initials and numbers (tests/privacy, reliability).
        for channel in ("C0CARDS001", "C0CHAN0001"):
            fake.add_channel(channel, "hiring", is_private=True, is_channel=False, is_group=True)
        yield fake
        fake.assert_no_violations()


@pytest.fixture
async def smtp():
    async with FakeSMTP() as server:
        yield server


@pytest.fixture
def settings_overrides() -> dict:
    """Tests override settings by redefining this fixture (or by parametrising it)."""
    return {}


@pytest.fixture
async def milo(tmp_path, slack, database_url, settings_overrides):
    settings = make_settings(
        tmp_path, slack=slack, database_url=database_url, admins={ADMIN}, **settings_overrides
    )
    async with MiloHarness(settings, slack) as harness:
        yield harness
