"""`milobot socket`: the same handlers over Socket Mode, against a fake Socket Mode server."""

from __future__ import annotations

import asyncio
import json

from aiohttp import WSMsgType, web
from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler

from milobot.runtime import Runtime
from tests.conftest import ADMIN
from tests.fakes.signing import command_form
from tests.harness import make_settings

APP_TOKEN = "xapp-1-A0TEST-socket"


class FakeSocketModeServer:
    """Speaks the Socket Mode protocol: hello, then envelopes; records the app's acks."""

    def __init__(self):
        self.acks: list[dict] = []
        self.acked = asyncio.Event()
        self.outgoing: asyncio.Queue = asyncio.Queue()
        self._runner: web.AppRunner | None = None
        self.url = ""

    async def _ws(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        await ws.send_json({"type": "hello", "num_connections": 1, "connection_info": {"app_id": "A0TEST"}})

        async def pump() -> None:
            while True:
                await ws.send_json(await self.outgoing.get())

        pumping = asyncio.create_task(pump())
        try:
            async for msg in ws:
                if msg.type == WSMsgType.TEXT:
                    self.acks.append(json.loads(msg.data))
                    self.acked.set()
        finally:
            pumping.cancel()
        return ws

    async def __aenter__(self):
        app = web.Application()
        app.router.add_get("/link", self._ws)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.url = f"ws://127.0.0.1:{site._server.sockets[0].getsockname()[1]}/link"
        return self

    async def __aexit__(self, *exc):
        await self._runner.cleanup()


async def test_a_slash_command_over_socket_mode_is_acked_and_answered(tmp_path, slack, database_url):
    async with FakeSocketModeServer() as server:
        # The fake Web API answers apps.connections.open (app token) with the socket server's URL.
        slack._tokens[APP_TOKEN] = slack.team_id
        slack._api_apps_connections_open = lambda ws, args, call, request: {"ok": True, "url": server.url}

        settings = make_settings(
            tmp_path, slack=slack, database_url=database_url, admins={ADMIN}, slack_app_token=APP_TOKEN
        )
        runtime = Runtime(settings, migrate_on_start=False)
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
