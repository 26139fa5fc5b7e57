"""GET /files/<token>: a stored résumé or recording behind a signed, expiring link (services/files.py).
aiohttp's FileResponse streams from disk and answers Range requests (206 Partial Content), so a
recording can be played from the middle without downloading it whole."""

from __future__ import annotations

from urllib.parse import quote

from aiohttp import web

from milobot.errors import Gone, MilobotError
from milobot.interview import pages

INLINE = ("application/pdf", "audio/", "video/")


def _disposition(filename: str, content_type: str) -> str:
    kind = "inline" if content_type.startswith(INLINE) else "attachment"
    ascii_name = "".join(
        ch if ch.isascii() and ch.isprintable() and ch not in '"\\;' else "_" for ch in filename
    )
    return f"{kind}; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename, safe='')}"


def add_routes(app: web.Application, container) -> None:
    files = container.review.files

    async def serve(request: web.Request) -> web.StreamResponse:
        try:
            blob = await files.open_link(token=request.match_info["token"])
        except MilobotError as error:
            status = 410 if isinstance(error, Gone) else 404
            return pages.error_page(status, "File unavailable", error.message)
        return web.FileResponse(
            blob.path,
            headers={
                "Content-Type": blob.content_type,
                "Content-Disposition": _disposition(blob.filename, blob.content_type),
                # Candidate data: never cached by a proxy, never sniffed into something else, no referrer.
                "Cache-Control": "private, no-store",
                "X-Content-Type-Options": "nosniff",
                "Referrer-Policy": "no-referrer",
                "Content-Security-Policy": "default-src 'none'; media-src 'self'; sandbox",
            },
        )

    app.router.add_get("/files/{token}", serve)
