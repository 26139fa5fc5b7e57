"""Request body limits, enforced before any handler reads a byte.

Every route gets DEFAULT_BODY_LIMIT unless it says otherwise with `@body_limit(n)`; a route that
authenticates first and then reads its body as a stream with its own running count (the inbound API)
says `@body_limit(STREAMED)`. A body over the limit gets 413 whether it declares a Content-Length or
arrives chunked: chunked bodies are read here with the same cap, so nothing past it is ever buffered."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from aiohttp import web

DEFAULT_BODY_LIMIT = 64 * 1024
# Slack's largest requests are view submissions and block actions that carry a whole modal or message:
# our Edit Questions modal filled to every field's limit is about 100 K characters of text, sent twice
# (the view and its state) and URL-encoded (up to 3x for punctuation, 6-9x for non-Latin scripts).
# 768 KB takes that in Latin and Cyrillic scripts with room to spare and stays under 1 MB.
SLACK_BODY_LIMIT = 768 * 1024
STREAMED = -1
_ATTR = "milobot_body_limit"

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def body_limit(limit: int) -> Callable[[Handler], Handler]:
    def mark(handler: Handler) -> Handler:
        setattr(handler, _ATTR, limit)
        return handler

    return mark


def too_large(limit: int) -> web.Response:
    return web.json_response({"error": "request_too_large", "limit_bytes": limit}, status=413)


@web.middleware
async def enforce_body_limits(request: web.Request, handler: Handler) -> web.StreamResponse:
    if request.match_info.http_exception is not None:  # 404/405: answered without reading anything
        return await handler(request)
    limit = getattr(request.match_info.handler, _ATTR, DEFAULT_BODY_LIMIT)
    if limit == STREAMED:
        return await handler(request)
    if request.content_length is not None and request.content_length > limit:
        return too_large(limit)
    if request.body_exists:
        request = request.clone(client_max_size=limit)
        try:
            await request.read()  # cached on the request: the handler's post()/text() reuse it
        except web.HTTPRequestEntityTooLarge:
            return too_large(limit)
    return await handler(request)


async def read_capped(request: web.Request, limit: int) -> bytes:
    """The body of a STREAMED route, read with a running count: web.HTTPRequestEntityTooLarge past
    `limit`, whether the client declared a Content-Length or not."""
    if request.content_length is not None and request.content_length > limit:
        raise web.HTTPRequestEntityTooLarge(max_size=limit, actual_size=request.content_length)
    chunks: list[bytes] = []  # joined once at the end: no growing buffer copied over and over
    size = 0
    while chunk := await request.content.readany():
        size += len(chunk)
        if size > limit:
            raise web.HTTPRequestEntityTooLarge(max_size=limit, actual_size=size)
        chunks.append(chunk)
    return b"".join(chunks)
