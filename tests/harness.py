"""A running milobot for tests, and the signed requests a test sends it."""

from __future__ import annotations

import asyncio
import logging
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import aiohttp
from aiohttp.test_utils import TestServer

from milobot.config import Settings, load_settings
from milobot.runtime import Runtime
from tests.fakes import payloads, signing
from tests.fakes.slack_api import FakeSlack

SIGNING_SECRET = "test-signing-secret-0123456789abcdef"
SECRET_KEY = "test-secret-key-0123456789abcdefghijklmn"


def make_settings(
    tmp_path: Path, *, slack: FakeSlack, database_url: str, admins: set[str], **overrides: Any
) -> Settings:
    base = load_settings(
        {
            "SLACK_BOT_TOKEN": slack.bot_token,
            "SLACK_SIGNING_SECRET": SIGNING_SECRET,
            "SLACK_API_URL": slack.url,
            "DATABASE_URL": database_url,
            "MILOBOT_DATA_DIR": str(tmp_path / "data"),
            "MILOBOT_PUBLIC_URL": "http://milobot.test",
            "MILOBOT_ADMINS": ",".join(sorted(admins)),
            "MILOBOT_SECRET_KEY": SECRET_KEY,
        },
        env_file=None,
    )
    return replace(base, outbox_poll_seconds=0.2, **overrides)


def unhandled_errors(caplog, request=None) -> list[str]:
    """milobot's ERROR lines over the whole test so far: setup, body and teardown. In a fixture's
    teardown `caplog.records` holds the teardown's lines alone; the body's are get_records("call").
    A test that causes an error on purpose names it: `@pytest.mark.expected_errors(r"gave up after")`."""
    marker = request.node.get_closest_marker("expected_errors") if request is not None else None
    expected = [re.compile(p) for p in (marker.args if marker else ())]
    records = [*caplog.get_records("setup"), *caplog.get_records("call"), *caplog.records]
    return [
        message
        for r in records
        if r.levelno >= logging.ERROR and r.name.startswith("milobot")
        for message in [r.getMessage()]
        if not any(p.search(message) for p in expected)
    ]


def forget_finished_apps() -> None:
    """Drop aiohttp's process-wide cache of middleware chains, which holds every app that served a
    request (see tests/conftest.py's _let_finished_apps_go)."""
    from aiohttp import web_app

    cache = getattr(web_app, "_cached_build_middleware", None)
    if cache is not None:
        cache.cache_clear()


class MiloHarness:
    def __init__(self, settings: Settings, slack: FakeSlack):
        self.settings = settings
        self.slack = slack
        self.runtime: Runtime | None = None
        self.server: TestServer | None = None
        self.http: aiohttp.ClientSession | None = None

    async def __aenter__(self) -> MiloHarness:
        await self.start()
        return self

    async def __aexit__(self, *exc) -> None:
        await self.stop()

    async def start(self) -> None:
        # The test database is already migrated; the runtime must not race it.
        self.runtime = Runtime(self.settings, migrate_on_start=False)
        self.server = TestServer(self.runtime.web, host="127.0.0.1")
        await self.server.start_server()
        if self.http is None:
            self.http = aiohttp.ClientSession()

    async def stop(self) -> None:
        if self.server is not None:
            await self.server.close()
            self.server = None
        if self.http is not None:
            await self.http.close()
            self.http = None

    async def restart(self) -> None:
        """Stop the whole app and start a new one on the same database, as a crash-and-restart would."""
        http, self.http = self.http, None
        await self.stop()
        self.http = http
        await self.start()

    @property
    def container(self):
        return self.runtime.container

    @property
    def base_url(self) -> str:
        return str(self.server.make_url("")).rstrip("/")

    @property
    def events_url(self) -> str:
        return f"{self.base_url}/slack/events"

    async def seat(self, team_id: str, user_id: str, role: str = "admin") -> None:
        """Put someone on a workspace's milobot team directly. MILOBOT_ADMINS seed admins only in the
        bot token's own workspace, so a test of another workspace seats its admin this way."""
        from milobot.db.models import Member
        from milobot.services.workspaces import get_or_create_workspace

        async with self.container.db.unit_of_work() as s:
            ws = await get_or_create_workspace(s, team_id)
            s.add(Member(workspace_id=ws.id, slack_user_id=user_id, role=role))

    async def get(self, path: str, **kwargs) -> aiohttp.ClientResponse:
        resp = await self.http.get(f"{self.base_url}{path}", **kwargs)
        await resp.read()
        return resp

    # -- signed Slack requests ------------------------------------------------------------------

    async def command(
        self, text: str, *, user: str, team: str | None = None, channel: str = "C0CHAN0001", **kw
    ):
        team = team or self.slack.team_id
        kw.setdefault("response_url", self.slack.new_response_url(team))
        return await signing.post_command(
            self.http,
            self.events_url,
            SIGNING_SECRET,
            team_id=team,
            user_id=user,
            text=text,
            channel_id=channel,
            **kw,
        )

    async def interact(self, payload: dict[str, Any], **kw):
        return await signing.post_interactive(self.http, self.events_url, SIGNING_SECRET, payload, **kw)

    async def event(self, envelope: dict[str, Any], **kw):
        return await signing.post_event(self.http, self.events_url, SIGNING_SECRET, envelope, **kw)

    async def replies(self, *, count: int = 1, timeout: float = 5.0, predicate=None):
        """Wait for messages sent to a response_url (ephemeral replies to commands and buttons)."""
        return await self.slack.wait_for("response_url", predicate=predicate, count=count, timeout=timeout)

    async def wait_until(self, condition, *, timeout: float = 5.0, interval: float = 0.02):
        """Poll an async condition until it is truthy; for state that has no Web API call to wait on."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            result = await condition()
            if result:
                return result
            if loop.time() > deadline:
                raise AssertionError(f"condition not met within {timeout}s")
            await asyncio.sleep(interval)  # poll interval, bounded by the deadline above


def block_action(team: str, user: str, action_id: str, value: str, **kw) -> dict[str, Any]:
    return payloads.block_actions(team, user, action_id, value, **kw)
