"""A stopped milobot lets go of its app: nothing process-wide keeps the aiohttp app, its database
engine and its clients alive. The suite starts one app per test; when something did keep them (an
aiohttp cache, see tests/conftest.py), the heap grew by ~11,000 objects a test and full collections
late in a run stalled the event loop for over a second."""

from __future__ import annotations

import gc
import weakref

from tests.conftest import ADMIN
from tests.harness import MiloHarness, forget_finished_apps, make_settings


async def test_a_stopped_app_and_its_engine_are_freed(tmp_path, slack, database_url):
    settings = make_settings(tmp_path, slack=slack, database_url=database_url, admins={ADMIN})
    async with MiloHarness(settings, slack) as harness:
        resp = await harness.get("/healthz")  # a request builds (and caches) the middleware chain
        assert resp.status == 200
        app = weakref.ref(harness.runtime.web)
        engine = weakref.ref(harness.container.db.engine)
        harness.runtime = None
    forget_finished_apps()  # what the suite's autouse fixture does after each test, done here mid-test
    gc.collect()
    assert app() is None, "the stopped aiohttp app is still referenced"
    assert engine() is None, "the stopped app's database engine is still referenced"
