"""SIGTERM and Ctrl-C stop a real `milobot serve` cleanly: exit status 0, no traceback, and a delivery in
flight either finishes (within the grace period) or is given back for another process."""

from __future__ import annotations

import asyncio
import re
import signal

import aiohttp
import pytest
from sqlalchemy import select

from milobot.db.engine import Database
from milobot.db.models import OutboxMessage
from milobot.db.types import utcnow
from milobot.services.workspaces import get_or_create_workspace
from tests.conftest import ADMIN
from tests.fakes import signing
from tests.harness import SIGNING_SECRET
from tests.operations.support import HeldSlack, ServeProcess, serve_env, until


@pytest.fixture
async def held_slack():
    async with HeldSlack() as fake:
        yield fake


async def _enqueue_post(db: Database, team_id: str, text: str) -> int:
    async with db.unit_of_work() as s:
        ws = await get_or_create_workspace(s, team_id)
        row = OutboxMessage(
            workspace_id=ws.id, kind="slack.post", payload={"channel": "C0CHAN0001", "text": text}
        )
        s.add(row)
        await s.flush()
        return row.id


async def _row(db: Database, row_id: int) -> OutboxMessage:
    async with db.unit_of_work() as s:
        return await s.scalar(select(OutboxMessage).where(OutboxMessage.id == row_id))


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "Ctrl-C"])
async def test_a_delivery_and_a_listener_in_flight_finish_and_the_process_exits_0(
    signum, held_slack, database_url, tmp_path
):
    slack = held_slack
    db = Database.from_url(database_url)
    serve = ServeProcess(serve_env(tmp_path, slack, database_url), tmp_path)
    post_gate = slack.hold("chat.postMessage")
    view_gate = slack.hold("views.open")
    await serve.start()
    try:
        row_id = await _enqueue_post(db, slack.team_id, "in flight at shutdown")
        await asyncio.wait_for(slack.arrived["chat.postMessage"].wait(), 20)
        # A slash command acknowledged, its listener waiting on Slack (views.open) at the same moment.
        async with aiohttp.ClientSession() as http:
            resp = await signing.post_command(
                http,
                f"{serve.url}/slack/events",
                SIGNING_SECRET,
                team_id=slack.team_id,
                user_id=ADMIN,
                text="agent new",
                channel_id="C0CHAN0001",
                response_url=slack.new_response_url(),
            )
            assert resp.status == 200
        await asyncio.wait_for(slack.arrived["views.open"].wait(), 20)

        serve.signal(signum)
        # The process is now stopping and waiting for both; Slack answers a moment later.
        await asyncio.sleep(0.5)  # a slow Slack: the answers come after the signal, not before it
        assert serve.proc.poll() is None, "it should wait for work under way"
        post_gate.set()
        view_gate.set()
        assert await serve.exited() == 0
        stderr = serve.stderr()
        assert "Traceback" not in stderr, stderr
        assert "milobot stopped" in stderr
        frozen = re.search(r"startup heap frozen: (\d+) objects", stderr)
        assert frozen and int(frozen.group(1)) > 50_000, stderr  # the app and its modules, out of full passes
        row = await _row(db, row_id)
        assert row.status == "done" and row.claimed_until is None
        assert [c.args["text"] for c in slack.calls_to("chat.postMessage")] == ["in flight at shutdown"]
        assert len(slack.calls_to("views.open")) == 1
    finally:
        post_gate.set()
        view_gate.set()
        await serve.stop()
        await db.dispose()


async def test_a_delivery_still_in_flight_after_the_grace_period_is_released_for_another_process(
    held_slack, database_url, tmp_path
):
    slack = held_slack
    db = Database.from_url(database_url)
    serve = ServeProcess(serve_env(tmp_path, slack, database_url, MILOBOT_SHUTDOWN_GRACE="1"), tmp_path)
    gate = slack.hold("chat.postMessage")
    await serve.start()
    try:
        row_id = await _enqueue_post(db, slack.team_id, "stuck at shutdown")
        await asyncio.wait_for(slack.arrived["chat.postMessage"].wait(), 20)
        claimed = await _row(db, row_id)
        assert claimed.claimed_by and claimed.claimed_until > utcnow()  # held for two minutes, normally
        serve.signal(signal.SIGTERM)
        assert await serve.exited() == 0
        stderr = serve.stderr()
        assert "Traceback" not in stderr, stderr
        assert "released 1 row" in stderr
        row = await _row(db, row_id)
        # Pending, and free for the next process now rather than when the lease would have run out.
        assert row.status == "pending" and row.claimed_until <= utcnow()

        gate.set()
        second = ServeProcess(serve_env(tmp_path, slack, database_url), tmp_path, name="second")
        await second.start()
        try:

            async def delivered():
                return (await _row(db, row_id)).status == "done"

            await until(delivered, what="the released row delivered by the next process")
        finally:
            await second.stop()
    finally:
        gate.set()
        await serve.stop()
        await db.dispose()


async def test_socket_mode_stops_on_sigterm_after_answering_what_it_acknowledged(
    slack, database_url, tmp_path
):
    from tests.fakes.signing import command_form
    from tests.fakes.socket_mode import FakeSocketModeServer

    app_token = "xapp-1-A0TEST-0001-shutdowntest"
    async with FakeSocketModeServer() as server:
        slack._tokens[app_token] = slack.team_id
        slack._api_apps_connections_open = lambda ws, args, call, request: {"ok": True, "url": server.url}
        env = serve_env(tmp_path, slack, database_url, SLACK_APP_TOKEN=app_token)
        process = ServeProcess(env, tmp_path, "socket", command="socket")
        await process.start()
        try:
            await slack.wait_for("apps.connections.open", timeout=20)
            form = command_form(
                team_id=slack.team_id, user_id=ADMIN, text="help", response_url=slack.new_response_url()
            )
            await server.outgoing.put(
                {
                    "envelope_id": "env-stop",
                    "type": "slash_commands",
                    "accepts_response_payload": True,
                    "payload": form,
                }
            )
            await asyncio.wait_for(server.acked.wait(), timeout=20)
            process.signal(signal.SIGTERM)
            assert await process.exited() == 0
            stderr = process.stderr()
            assert "Traceback" not in stderr, stderr
            assert "milobot stopped" in stderr
            await slack.wait_for("response_url", timeout=5)  # the acknowledged command was answered
        finally:
            await process.stop()
