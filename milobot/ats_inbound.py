"""POST /ats/greenhouse/<connection> and /ats/lever/<connection>: the ATS tells milobot a candidate entered
a stage. Bad or missing signature: 401, nothing changes. Unknown connection: 404. Bodies are small."""

from __future__ import annotations

import re

from aiohttp import web

MAX_BODY = 256 * 1024  # a stage-change call is a few kilobytes; nothing bigger is read
PUBLIC_ID = re.compile(r"^[A-Za-z0-9_-]{10,40}$")


def add_routes(app: web.Application, container) -> None:
    service = container.ats_inbound

    async def receive(request: web.Request) -> web.Response:
        kind, public_id = request.match_info["kind"], request.match_info["connection"]
        if not PUBLIC_ID.match(public_id):
            return web.json_response({"error": "unknown_connection"}, status=404)
        if request.content_length is not None and request.content_length > MAX_BODY:
            return web.json_response({"error": "too_large"}, status=413)
        body = await request.content.read(MAX_BODY + 1)
        if len(body) > MAX_BODY:
            return web.json_response({"error": "too_large"}, status=413)
        headers = {k.lower(): v for k, v in request.headers.items()}
        reply = await service.receive(kind=kind, public_id=public_id, headers=headers, body=body)
        return web.json_response(reply.body, status=reply.status)

    app.router.add_post(r"/ats/{kind:greenhouse|lever}/{connection}", receive)
