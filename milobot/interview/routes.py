"""The candidate interview at /i/<token>: plain HTML forms with redirect-after-post, so it works
without JavaScript; interview.js only adds timing and integrity observations, with the answer form or
sent ahead of it to /signals."""

from __future__ import annotations

import hashlib
import logging
from urllib.parse import quote

from aiohttp import web

from milobot.errors import Conflict, Gone, Invalid, NotFound
from milobot.interview import pages
from milobot.services.interview_flow import parse_duration, source_tag
from milobot.services.interview_signals import parse_signals

log = logging.getLogger(__name__)

COOKIE_MAX_AGE = 30 * 24 * 3600
MAX_BEACON_BYTES = 16 * 1024  # 50 signals of a few fields each fit many times over
NOT_FOUND_TITLE = "Interview not found"
CLOSED_TITLE = "This interview is closed"


def _cookie_name(share_token: str) -> str:
    """Per shared link: remembers which candidate this browser is, so the shared link resumes."""
    return "milo_iv_" + hashlib.sha256(share_token.encode()).hexdigest()[:16]


def _page_url(token: str) -> str:
    return f"/i/{quote(token, safe='')}"


def _refusal(error: Exception) -> web.Response:
    if isinstance(error, Gone):
        return pages.error_page(410, CLOSED_TITLE, error.message)
    return pages.error_page(
        404, NOT_FOUND_TITLE, getattr(error, "message", "We couldn't find this interview.")
    )


def add_routes(app: web.Application, container) -> None:
    service = container.interviews
    secret = container.settings.secret_key

    def _expired(token: str, form) -> web.Response | None:
        """Every POST carries a form token tied to its interview; a missing or forged one is refused."""
        if pages.form_token_ok(secret, token, form.get("csrf")):
            return None
        return pages.error_page(
            400, "This form has expired", "Please go back, reload the page and try again."
        )

    secure_cookie = container.settings.public_url.startswith("https://")

    async def static(request: web.Request) -> web.StreamResponse:
        name = request.match_info["name"]
        if name not in pages.STATIC_FILES:
            raise web.HTTPNotFound()
        body = (pages.STATIC_DIR / name).read_bytes()
        return web.Response(
            body=body,
            content_type=pages.STATIC_FILES[name],
            headers={"Cache-Control": "public, max-age=3600", "X-Content-Type-Options": "nosniff"},
        )

    def _context(page, **extra):
        return dict(page=page, csrf=pages.form_token(secret, page.token), **extra)

    async def show(request: web.Request) -> web.Response:
        token = request.match_info["token"]
        src = request.query.get("src")
        try:
            page = await service.page(
                token=token, src=src, remembered=request.cookies.get(_cookie_name(token))
            )
        except (NotFound, Gone) as error:
            return _refusal(error)
        if page.step == "resume":  # this browser already started here: back to its own link
            return pages.see_other(_page_url(page.candidate_token))
        return _render_step(page, src=source_tag(src))

    def _render_step(page, *, src=None, error=None, form=None, status=200) -> web.Response:
        template = {
            "start": "start.html",
            "consent": "consent.html",
            "question": "question.html",
            "complete": "complete.html",
        }[page.step]
        return pages.render(template, status=status, **_context(page, src=src, error=error, form=form or {}))

    async def start(request: web.Request) -> web.Response:
        token = request.match_info["token"]
        form = await request.post()
        if (expired := _expired(token, form)) is not None:
            return expired
        try:
            candidate_token = await service.start_from_link(
                share_token=token,
                name=str(form.get("name") or ""),
                email=str(form.get("email") or ""),
                consent=form.get("consent") == "yes",
                src=str(form.get("src") or "") or None,
                remembered=request.cookies.get(_cookie_name(token)),
                browser=request.headers.get("User-Agent"),
            )
        except (Invalid, Conflict) as error:
            try:
                page = await service.page(token=token, count_visit=False)
            except (NotFound, Gone) as refusal:
                return _refusal(refusal)
            values = {"name": str(form.get("name") or "")[:200], "email": str(form.get("email") or "")[:254]}
            status = 409 if isinstance(error, Conflict) else 422
            return _render_step(
                page, src=source_tag(str(form.get("src") or "")), error=error, form=values, status=status
            )
        except (NotFound, Gone) as error:
            return _refusal(error)
        response = pages.see_other(_page_url(candidate_token))
        response.set_cookie(
            _cookie_name(token),
            candidate_token,
            max_age=COOKIE_MAX_AGE,
            path="/i/",
            httponly=True,
            samesite="Lax",
            secure=secure_cookie,
        )
        return response

    async def consent(request: web.Request) -> web.Response:
        token = request.match_info["token"]
        form = await request.post()
        if (expired := _expired(token, form)) is not None:
            return expired
        try:
            await service.consent(token=token, browser=request.headers.get("User-Agent"))
        except (NotFound, Gone) as error:
            return _refusal(error)
        return pages.see_other(_page_url(token))

    async def answer(request: web.Request) -> web.Response:
        token = request.match_info["token"]
        form = await request.post()
        if (expired := _expired(token, form)) is not None:
            return expired
        try:
            index = int(str(form.get("question_index") or ""))
        except ValueError:
            return pages.see_other(_page_url(token))
        try:
            await service.submit_answer(
                token=token,
                question_index=index,
                text=str(form.get("answer") or ""),
                duration_ms=parse_duration(form.get("duration_ms")),
                signals=parse_signals(form.get("signals")),
                browser=request.headers.get("User-Agent"),
            )
        except Invalid as error:
            try:
                page = await service.page(token=token, count_visit=False)
            except (NotFound, Gone) as refusal:
                return _refusal(refusal)
            if page.step != "question":
                return pages.see_other(_page_url(token))
            return _render_step(page, error=error, form={"answer": str(form.get("answer") or "")}, status=422)
        except (NotFound, Gone) as error:
            return _refusal(error)
        return pages.see_other(_page_url(token))

    async def signals(request: web.Request) -> web.Response:
        """Observations sent ahead of the answer by interview.js (navigator.sendBeacon)."""
        token = request.match_info["token"]
        if request.content_length is not None and request.content_length > MAX_BEACON_BYTES:
            return web.Response(status=413)
        form = await request.post()
        if not pages.form_token_ok(secret, token, form.get("csrf")):
            return web.Response(status=403)
        try:
            index = int(str(form.get("question_index") or ""))
        except ValueError:
            return web.Response(status=400)
        try:
            await service.signals_ahead(
                token=token, question_index=index, signals=parse_signals(form.get("signals"))
            )
        except NotFound:
            return web.Response(status=404)
        except Gone:
            return web.Response(status=410)
        return web.Response(status=204)

    app.router.add_get("/i/static/{name}", static)
    app.router.add_get("/i/{token}", show)
    app.router.add_post("/i/{token}/start", start)
    app.router.add_post("/i/{token}/consent", consent)
    app.router.add_post("/i/{token}/answer", answer)
    app.router.add_post("/i/{token}/signals", signals)
