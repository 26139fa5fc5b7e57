"""Rendering and guarding the candidate pages: Jinja2 with autoescape (a name with `<script>` is shown
as text), a per-interview form token against cross-site posts, and the headers every page carries."""

from __future__ import annotations

import hashlib
import hmac
from pathlib import Path
from typing import Any

from aiohttp import web
from jinja2 import Environment, FileSystemLoader, select_autoescape

HERE = Path(__file__).parent
STATIC_DIR = HERE / "static"
STATIC_FILES = {"interview.js": "text/javascript", "interview.css": "text/css"}

_env = Environment(
    loader=FileSystemLoader(HERE / "templates"),
    autoescape=select_autoescape(["html"], default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)

# Scripts and styles only from our own origin, no framing, forms post only to us; the URL carries the
# candidate's token, so no Referer leaves the page.
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    ),
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-store",
}


def form_token(secret_key: str, token: str) -> str:
    """HMAC of the link token: a form can only be posted by someone who was shown this page."""
    return hmac.new(secret_key.encode(), f"interview-form:{token}".encode(), hashlib.sha256).hexdigest()


def form_token_ok(secret_key: str, token: str, submitted: str | None) -> bool:
    return hmac.compare_digest(form_token(secret_key, token), str(submitted or ""))


def render(template: str, *, status: int = 200, **context: Any) -> web.Response:
    html = _env.get_template(template).render(**context)
    response = web.Response(text=html, status=status, content_type="text/html", charset="utf-8")
    response.headers.update(SECURITY_HEADERS)
    return response


def error_page(status: int, title: str, message: str) -> web.Response:
    return render("error.html", status=status, title=title, message=message)


def see_other(location: str) -> web.Response:
    """Redirect-after-post: a refresh never re-submits an answer."""
    return web.Response(status=303, headers={**SECURITY_HEADERS, "Location": location})
