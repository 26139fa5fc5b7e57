"""The aiohttp application: Slack at /slack/events (and OAuth), the candidate pages, reports, the
inbound API and /healthz. One process serves all of it; state lives in the database."""

from __future__ import annotations

import logging

from aiohttp import web
from aiohttp.abc import AbstractAccessLogger
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.async_app import AsyncApp
from slack_bolt.request.async_request import AsyncBoltRequest
from sqlalchemy import text

from milobot import logs, metrics
from milobot.body_limits import (
    DEFAULT_BODY_LIMIT,
    SLACK_BODY_LIMIT,
    STREAMED,
    body_limit,
    enforce_body_limits,
    read_capped,
    too_large,
)
from milobot.config import Settings
from milobot.container import Container
from milobot.metrics import count_requests

log = logging.getLogger(__name__)

CONTAINER = web.AppKey("container", Container)
BOLT = web.AppKey("bolt", object)

SLACK_NOT_CONFIGURED = (
    "milobot is running without Slack credentials. Set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN "
    "(or SLACK_CLIENT_ID and SLACK_CLIENT_SECRET) to connect it; see the README."
)


async def healthz(request: web.Request) -> web.Response:
    container = request.app[CONTAINER]
    try:
        async with container.db.engine.connect() as conn:
            await conn.execute(text("SELECT 1"))
    except Exception as exc:  # the point of a health check is to say so, not to raise
        log.warning("health check: database unreachable: %s", exc)
        return web.json_response({"ok": False, "database": "unreachable"}, status=503)
    return web.json_response({"ok": True, "database": "ok", "slack": request.app[BOLT] is not None})


def _bolt_routes(app: web.Application, bolt: AsyncApp | None) -> None:
    @body_limit(STREAMED)
    async def slack_events(request: web.Request) -> web.Response:
        if bolt is None:
            return web.json_response({"ok": False, "error": SLACK_NOT_CONFIGURED}, status=503)
        # Read here with a running count rather than through aiohttp's read(), which would raise its
        # socket buffer to the (larger) limit for every connection that is still sending.
        try:
            raw = await read_capped(request, SLACK_BODY_LIMIT)
        except web.HTTPRequestEntityTooLarge:
            return too_large(SLACK_BODY_LIMIT)
        bolt_request = AsyncBoltRequest(
            body=raw.decode("utf-8", errors="replace"), query=request.query_string, headers=request.headers
        )
        return await to_aiohttp_response(await bolt.async_dispatch(bolt_request))

    app.router.add_post("/slack/events", slack_events)
    flow = bolt.oauth_flow if bolt is not None else None
    if flow is not None:

        async def install(request: web.Request) -> web.Response:
            return await to_aiohttp_response(await flow.handle_installation(await to_bolt_request(request)))

        async def redirect(request: web.Request) -> web.Response:
            return await to_aiohttp_response(await flow.handle_callback(await to_bolt_request(request)))

        app.router.add_get(flow.install_path, install)
        app.router.add_get(flow.redirect_uri_path, redirect)


def build_web_app(
    settings: Settings, container: Container, bolt: AsyncApp | None, *, slack_routes: bool = True
) -> web.Application:
    """`slack_routes=False` (Socket Mode): Slack arrives over the WebSocket, so /slack/events and the
    OAuth routes do not exist on the HTTP port at all; only the candidate-facing routes remain."""
    # Outermost first: every request is counted (413s included) and carries a request id in its logs.
    app = web.Application(
        client_max_size=DEFAULT_BODY_LIMIT, middlewares=[count_requests, request_context, enforce_body_limits]
    )
    app[CONTAINER] = container
    app[BOLT] = bolt
    app.router.add_get("/healthz", healthz)
    metrics.add_routes(app, container)
    if slack_routes:
        _bolt_routes(app, bolt)
    for add_routes in _feature_routes():
        add_routes(app, container)
    return app


@web.middleware
async def request_context(request: web.Request, handler) -> web.StreamResponse:
    """A request id for every line logged while this request is handled: a proxy's X-Request-Id when it
    sends one (echoed back, so the proxy's log and ours meet), else a fresh one for our logs only."""
    given = request.headers.get("X-Request-Id")
    request_id = logs.new_request_id(given)
    token = logs.bind(request_id=request_id)
    try:
        response = await handler(request)
    except web.HTTPException as exc:
        if given:
            exc.headers["X-Request-Id"] = request_id
        raise
    finally:
        logs.reset(token)
    if given and not response.prepared:
        response.headers["X-Request-Id"] = request_id
    return response


def _feature_routes():
    """Route modules of features (the interview pages, reports, the inbound API) register here."""
    from milobot import ats_inbound, file_routes, inbound_api
    from milobot.interview import routes as interview_routes
    from milobot.reports import routes as report_routes

    return [
        interview_routes.add_routes,
        report_routes.add_routes,
        inbound_api.add_routes,
        file_routes.add_routes,
        ats_inbound.add_routes,
    ]


class RouteAccessLogger(AbstractAccessLogger):
    """An access log that names the route, never the path: /i/<token> paths carry candidates'
    personal links, which must not end up in log files."""

    def log(self, request: web.BaseRequest, response: web.StreamResponse, time: float) -> None:
        info = getattr(request, "match_info", None)
        resource = info.route.resource if info is not None else None
        route = resource.canonical if resource is not None else "(no route)"
        self.logger.info("%s %s %s %.1f ms", request.method, route, response.status, time * 1000)
