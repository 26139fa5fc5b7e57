"""`milobot socket`: the same handlers over Socket Mode, against a fake Socket Mode server."""

from __future__ import annotations

import asyncio

from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler

from milobot.runtime import Runtime
from tests.conftest import ADMIN
from tests.fakes.signing import command_form
from tests.fakes.socket_mode import FakeSocketModeServer
from tests.harness import make_settings

APP_TOKEN = "xapp-1-A0TEST-socket"


async def test_a_slash_command_over_socket_mode_is_acked_and_answered(tmp_path, slack, database_url):
    async with FakeSocketModeServer() as server:
        # The fake Web API answers apps.connections.open (app token) with the socket server's URL.
        slack._tokens[APP_TOKEN] = slack.team_id
        slack._api_apps_connections_open = lambda ws, args, call, request: {"ok": True, "url": server.url}

        settings = make_settings(
            tmp_path, slack=slack, database_url=database_url, admins={ADMIN}, slack_app_token=APP_TOKEN
        )
        runtime = Runtime(settings, migrate_on_start=False, socket_mode=True)
        handler = AsyncSocketModeHandler(runtime.bolt, APP_TOKEN, web_client=runtime.bolt.client)
        await handler.connect_async()
        try:
            form = command_form(
                team_id=slack.team_id, user_id=ADMIN, text="help", response_url=slack.new_response_url()
            )
            await server.outgoing.put(
                {
                    "envelope_id": "env-1",
                    "type": "slash_commands",
                    "accepts_response_payload": True,
                    "payload": form,
                }
            )
            await asyncio.wait_for(server.acked.wait(), timeout=5)
            assert server.acks[0]["envelope_id"] == "env-1"
            reply = await slack.wait_for("response_url")
            assert "/milo agent new" in str(reply.args["blocks"])
            assert slack.calls_to("apps.connections.open")[0].token == APP_TOKEN
        finally:
            await handler.close_async()
            await runtime.container.replier.close()
            await runtime.container.db.dispose()
