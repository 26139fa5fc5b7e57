"""POST /ats/greenhouse/<connection> and /ats/lever/<connection>: the ATS tells milobot a candidate entered
a stage. Bad or missing signature: 401, nothing changes. Unknown connection: 404. The body is capped by
the app's default limit (body_limits.DEFAULT_BODY_LIMIT, 64 KB): a stage change is a few kilobytes."""

from __future__ import annotations

import re

from aiohttp import web

PUBLIC_ID = re.compile(r"^[A-Za-z0-9_-]{10,40}$")


def add_routes(app: web.Application, container) -> None:
    service = container.ats_inbound

    async def receive(request: web.Request) -> web.Response:
        kind, public_id = request.match_info["kind"], request.match_info["connection"]
        if not PUBLIC_ID.match(public_id):
            return web.json_response({"error": "unknown_connection"}, status=404)
        body = await request.read()  # already read under the limit by the body-limit middleware
        headers = {k.lower(): v for k, v in request.headers.items()}
        reply = await service.receive(kind=kind, public_id=public_id, headers=headers, body=body)
        return web.json_response(reply.body, status=reply.status)

    app.router.add_post(r"/ats/{kind:greenhouse|lever}/{connection}", receive)
