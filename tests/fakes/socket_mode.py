"""A fake Socket Mode server: the WebSocket end of `apps.connections.open`."""

from __future__ import annotations

import asyncio
import json

from aiohttp import WSMsgType, web


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
