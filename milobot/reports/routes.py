"""/r/<token>: the candidate report page, and its recordings at /r/<token>/recording/<id>.

No JavaScript (the Content-Security-Policy allows none), one column that prints cleanly, and headers
that keep it out of caches and search engines. An expired or revoked link gets a 410 page saying what to
do, a tampered or unknown one 404; neither names the candidate. Recordings stream from disk with HTTP
Range support (aiohttp's FileResponse answers 206 to a Range request), so players can seek.

Outside text is shown as Slack messages show it: escaped, and without the invisible characters that change
how it reads (bidi overrides: "Fresh\u202ePerson" would show "Person" backwards), every value the
template prints passing through blocks.text.visible. Each value also sits in its own direction
(dir="auto", <bdi>), so a Hebrew or Arabic name reads right to left without turning our words around it."""

from __future__ import annotations

import logging
import re
from collections import OrderedDict
from pathlib import Path

from aiohttp import web
from jinja2 import Environment, FileSystemLoader, select_autoescape

from milobot.blocks.text import visible
from milobot.errors import Gone, NotFound
from milobot.render.report_words import CAVEAT, duration, overall, size_text, stars
from milobot.services.report_data import DECISION_WORDS, STATUS_WORDS

log = logging.getLogger(__name__)

HERE = Path(__file__).parent
RENDERED_PAGES = 256
STATIC = {"report.css": "text/css"}
_MEDIA_TYPE = re.compile(r"^(audio|video)/[a-z0-9.+-]{1,60}$")

HEADERS = {
    "Cache-Control": "private, no-store",
    "X-Robots-Tag": "noindex, nofollow",
    # Nothing runs: no scripts at all; styles, images and media only from us; no forms, no framing.
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'self'; img-src 'self' data:; media-src 'self'; "
        "form-action 'none'; frame-ancestors 'none'; base-uri 'none'"
    ),
    "Referrer-Policy": "no-referrer",  # the URL is the credential: it must not leak to other sites
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
}
# A recording is served as itself, never as a document that could run anything on our origin.
MEDIA_HEADERS = {
    **HEADERS,
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'; sandbox",
    "Content-Disposition": "inline",
}

_env = Environment(
    loader=FileSystemLoader(HERE / "templates"),
    autoescape=select_autoescape(["html"], default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
    finalize=lambda value: visible(value) if type(value) is str else value,  # Markup is ours: as it is
)
_env.globals.update(
    stars=stars,
    overall=overall,
    duration=duration,
    size=size_text,
    when=lambda at: f"{at:%Y-%m-%d %H:%M} UTC" if at else "not recorded",
    status_words=STATUS_WORDS,
    decision_words=DECISION_WORDS,
    caveat=CAVEAT,
)


def _render(template: str, **context) -> bytes:
    return _env.get_template(template).render(**context).encode("utf-8")


def _page(template: str, *, status: int = 200, body: bytes | None = None, **context) -> web.Response:
    body = body if body is not None else _render(template, **context)
    return web.Response(body=body, status=status, content_type="text/html", charset="utf-8", headers=HEADERS)


def _refused(error: Exception) -> web.Response:
    if isinstance(error, Gone):
        return _page(
            "refused.html", status=410, title="This report link no longer works", message=error.message
        )
    message = getattr(error, "message", "We couldn't find this report.")
    return _page("refused.html", status=404, title="Report not found", message=message)


def add_routes(app: web.Application, container) -> None:
    service = container.reports
    # The page as last rendered per link, reused while the service hands back the same (cached) report.
    rendered: OrderedDict[str, tuple[object, bytes]] = OrderedDict()

    async def static(request: web.Request) -> web.Response:
        name = request.match_info["name"]
        if name not in STATIC:
            raise web.HTTPNotFound()
        return web.Response(
            body=(HERE / "static" / name).read_bytes(),
            content_type=STATIC[name],
            headers={"Cache-Control": "public, max-age=3600", "X-Content-Type-Options": "nosniff"},
        )

    async def show(request: web.Request) -> web.Response:
        token = request.match_info["token"]
        try:
            data = await service.page(token=token)
        except (NotFound, Gone) as error:
            return _refused(error)
        hit = rendered.get(token)
        if hit is not None and hit[0] is data:
            return _page("report.html", body=hit[1])
        body = _render("report.html", r=data, base=f"/r/{token}")
        rendered[token] = (data, body)
        while len(rendered) > RENDERED_PAGES:
            rendered.popitem(last=False)
        return _page("report.html", body=body)

    async def recording(request: web.Request) -> web.StreamResponse:
        token = request.match_info["token"]
        try:
            recording_id = int(request.match_info["recording_id"])
            if not 0 < recording_id < 2**31:
                raise ValueError
        except ValueError:
            return web.Response(status=404, text="Not found", headers=HEADERS)
        try:
            found = await service.recording(token=token, recording_id=recording_id)
        except Gone as error:
            return web.Response(status=410, text=error.message, headers=HEADERS)
        except NotFound as error:
            return web.Response(status=404, text=error.message, headers=HEADERS)
        kind = (found.content_type or "").split(";")[0].strip().lower()
        if not _MEDIA_TYPE.match(kind):
            kind = "application/octet-stream"
        return web.FileResponse(found.path, headers={**MEDIA_HEADERS, "Content-Type": kind})

    app.router.add_get("/r/static/{name}", static)
    app.router.add_get("/r/{token}", show)
    app.router.add_get("/r/{token}/recording/{recording_id}", recording)
