"""Issue 8, item 3: a 1 MB body, plain and chunked, to each public route of a running `milobot serve`
gets 413, and the server's resident memory grows by less than 10 MB through all of it.

The inbound API checks the API key before it reads a byte: an unauthenticated 1 MB post gets 401
unread. With a key, its own (larger, JSON-sized) limit holds for plain and chunked bodies alike."""

from __future__ import annotations

import asyncio
import hashlib

import aiohttp
from sqlalchemy import select

from milobot.db.engine import Database
from milobot.db.models import Agent, AgentVersion, ApiKey, Candidate
from milobot.inbound_api import MAX_JSON_BYTES
from milobot.services.workspaces import get_or_create_workspace
from tests.security.support import SECRET_KEY, PeakRss, clean_env, milobot_process

MB = 1024 * 1024
API_KEY = "milo_0badc0de_" + "k" * 40
PARALLEL = 4


async def _seed(database_url: str) -> str:
    """An agent, a candidate with a personal link, and an API key, straight into the database."""
    db = Database.from_url(database_url)
    try:
        async with db.unit_of_work() as s:
            ws = await get_or_create_workspace(s, "T0MILO0001")
            agent = Agent(workspace_id=ws.id, name="Backend", share_token="share-tok-0001", current_version=1)
            s.add(agent)
            await s.flush()
            s.add(AgentVersion(workspace_id=ws.id, agent_id=agent.id, version=1, questions=[{"text": "Q?"}]))
            s.add(Candidate(workspace_id=ws.id, agent_id=agent.id, name="C", token="personal-tok-0001"))
            s.add(
                ApiKey(
                    workspace_id=ws.id,
                    prefix="0badc0de",
                    key_hash=hashlib.sha256(API_KEY.encode()).hexdigest(),
                )
            )
        async with db.unit_of_work() as s:
            assert await s.scalar(select(ApiKey.prefix)) == "0badc0de"
    finally:
        await db.dispose()
    return "personal-tok-0001"


def _routes(personal: str) -> list[tuple[str, str]]:
    return [
        ("POST", "/slack/events"),
        ("GET", "/slack/install"),
        ("GET", "/slack/oauth_redirect"),
        ("GET", "/healthz"),
        ("GET", "/i/share-tok-0001"),
        ("GET", "/i/static/interview.js"),
        ("POST", "/i/share-tok-0001/start"),
        ("POST", "/i/share-tok-0001/forget"),
        ("POST", f"/i/{personal}/consent"),
        ("POST", f"/i/{personal}/answer"),
        ("POST", f"/i/{personal}/signals"),
    ]


async def _send(http, method: str, url: str, size: int, *, chunked: bool, headers=None) -> int:
    payload = b"a=" + b"x" * (size - 2)

    async def chunks():
        for i in range(0, len(payload), 64 * 1024):
            yield payload[i : i + 64 * 1024]

    headers = {"Content-Type": "application/x-www-form-urlencoded", **(headers or {})}
    try:
        async with http.request(method, url, data=chunks() if chunked else payload, headers=headers) as resp:
            await resp.read()
            return resp.status
    except (aiohttp.ClientOSError, aiohttp.ServerDisconnectedError):
        return -1  # the server hung up while we were still sending: it took none of it either


async def test_a_one_megabyte_body_to_each_public_route_gets_413_and_memory_stays_flat(
    tmp_path, slack, database_url
):
    personal = await _seed(database_url)
    env = clean_env(
        SLACK_CLIENT_ID="1111.2222",
        SLACK_CLIENT_SECRET="oauth-client-secret",
        SLACK_SIGNING_SECRET="test-signing-secret",
        SLACK_API_URL=slack.url,
        DATABASE_URL=database_url,
        MILOBOT_DATA_DIR=str(tmp_path / "data"),
        MILOBOT_SECRET_KEY=SECRET_KEY,
    )
    async with milobot_process("serve", tmp_path, env) as milobot, aiohttp.ClientSession() as http:
        routes = _routes(personal)
        api = f"{milobot.base_url}/api/v1/interviews"
        auth = {"Authorization": f"Bearer {API_KEY}", "Content-Type": "application/json"}
        # Warm up every route once (imports, pools, first allocations), then measure.
        for method, path in routes:
            await _send(http, method, milobot.base_url + path, 1024, chunked=False)
        await _send(http, "POST", api, 1024, chunked=False, headers=auth)

        with PeakRss(milobot.process.pid) as rss:
            for method, path in routes:
                for chunked in (False, True):
                    statuses = await asyncio.gather(
                        *(
                            _send(http, method, milobot.base_url + path, MB, chunked=chunked)
                            for _ in range(PARALLEL)
                        )
                    )
                    assert set(statuses) == {413}, (method, path, chunked, statuses)
            for chunked in (False, True):
                unauthenticated = await asyncio.gather(
                    *(_send(http, "POST", api, MB, chunked=chunked) for _ in range(PARALLEL))
                )
                assert set(unauthenticated) <= {401, -1} and 401 in unauthenticated, unauthenticated
                over = await asyncio.gather(
                    *(
                        _send(http, "POST", api, MAX_JSON_BYTES + MB, chunked=chunked, headers=auth)
                        for _ in range(PARALLEL)
                    )
                )
                assert set(over) == {413}, (chunked, over)
        print(f"server RSS {rss.baseline / MB:.1f} MB, peak growth {rss.growth_mb:.2f} MB")
        assert rss.growth_mb < 10, f"server RSS grew {rss.growth_mb:.1f} MB"
        async with http.get(f"{milobot.base_url}/healthz") as resp:
            assert resp.status == 200  # still serving
