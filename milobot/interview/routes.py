"""The candidate interview at /i/<token>: plain HTML forms with redirect-after-post, so it works
without JavaScript; interview.js only adds timing and integrity observations, with the answer form or
sent ahead of it to /signals.

Every route is public, so each is bounded: bodies by body_limits, start / answer / signals by token
buckets per client and per link (guards), and opening a shared link writes nothing to the database
(visits are counted in memory, services.link_visits)."""

from __future__ import annotations

import hashlib
import logging
from urllib.parse import quote, urlsplit

from aiohttp import web

from milobot.body_limits import body_limit
from milobot.errors import Gone, Invalid, NotFound, RateLimited
from milobot.interview import pages
from milobot.interview.guards import PageGuards
from milobot.services.interview_flow import parse_duration, source_tag
from milobot.services.interview_link import mask_name
from milobot.services.interview_signals import parse_signals

log = logging.getLogger(__name__)

COOKIE_MAX_AGE = 30 * 24 * 3600
MAX_BEACON_BYTES = 16 * 1024  # 50 signals of a few fields each fit many times over
# 20,000 characters of answer, URL-encoded (up to 9 bytes a character in non-Latin scripts), plus signals.
MAX_ANSWER_BYTES = 256 * 1024
NOT_FOUND_TITLE = "Interview not found"
CLOSED_TITLE = "This interview is closed"
SLOW_DOWN_TITLE = "Please slow down"
SLOW_DOWN = "Too many attempts from here in a short time. Please wait a minute, then try again."


def _cookie_name(share_token: str) -> str:
    """Per shared link: remembers which candidate this browser is, so the shared link can offer to resume."""
    return "milo_iv_" + hashlib.sha256(share_token.encode()).hexdigest()[:16]


def _page_url(token: str) -> str:
    return f"/i/{quote(token, safe='')}"


def _refusal(error: Exception) -> web.Response:
    if isinstance(error, Gone):
        return pages.error_page(410, CLOSED_TITLE, error.message)
    return pages.error_page(
        404, NOT_FOUND_TITLE, getattr(error, "message", "We couldn't find this interview.")
    )


def _slow_down(retry_after: int, message: str = SLOW_DOWN) -> web.Response:
    response = pages.error_page(429, SLOW_DOWN_TITLE, message)
    response.headers["Retry-After"] = str(retry_after)
    return response


def scoring_host(settings) -> str | None:
    """The host answers are sent to for scoring, named on the consent notice; None for the built-in scorer."""
    if settings.llm_base_url and settings.llm_model:
        return urlsplit(settings.llm_base_url).hostname
    return None


def add_routes(app: web.Application, container) -> None:
    service = container.interviews
    settings = container.settings
    secret = settings.secret_key
    guards = PageGuards(settings.page_limits, proxy_hops=settings.proxy_hops)
    host = scoring_host(settings)
    secure_cookie = settings.public_url.startswith("https://")

    def _expired(token: str, form) -> web.Response | None:
        """Every POST carries a form token tied to its interview; a missing or forged one is refused."""
        if pages.form_token_ok(secret, token, form.get("csrf")):
            return None
        return pages.error_page(
            400, "This form has expired", "Please go back, reload the page and try again."
        )

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
        return dict(page=page, csrf=pages.form_token(secret, page.token), scoring_host=host, **extra)

    async def show(request: web.Request) -> web.Response:
        token = request.match_info["token"]
        src = request.query.get("src")
        try:
            page = await service.page(token=token, remembered=request.cookies.get(_cookie_name(token)))
        except (NotFound, Gone) as error:
            return _refusal(error)
        if page.step == "resume":  # this browser started here: ask before going on as that person
            return pages.render(
                "resume.html",
                **_context(
                    page, who=mask_name(page.candidate_name or ""), resume=_page_url(page.candidate_token)
                ),
            )
        if page.step == "start":
            container.link_visits.record(
                workspace_id=page.workspace_id,
                agent_id=page.agent_id,
                source_tag=source_tag(src),
                client=guards.client(request),
            )
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
        if wait := guards.wait("start", request, token):
            return _slow_down(wait)
        form = await request.post()
        if (expired := _expired(token, form)) is not None:
            return expired
        src = str(form.get("src") or "") or None
        try:
            started = await service.start_from_link(
                share_token=token,
                name=str(form.get("name") or ""),
                email=str(form.get("email") or ""),
                consent=form.get("consent") == "yes",
                src=src,
                browser=request.headers.get("User-Agent"),
            )
        except Invalid as error:
            try:
                page = await service.page(token=token)
            except (NotFound, Gone) as refusal:
                return _refusal(refusal)
            values = {"name": str(form.get("name") or "")[:200], "email": str(form.get("email") or "")[:254]}
            return _render_step(page, src=source_tag(src), error=error, form=values, status=422)
        except RateLimited as error:
            return _slow_down(error.retry_after, error.message)
        except (NotFound, Gone) as error:
            return _refusal(error)
        if started.emailed_to is not None:
            # The same page whether or not the address is known: the link went to the inbox.
            return pages.render("emailed.html", masked_email=started.emailed_to, share=_page_url(token))
        response = pages.see_other(_page_url(started.candidate_token))
        response.set_cookie(
            _cookie_name(token),
            started.candidate_token,
            max_age=COOKIE_MAX_AGE,
            path="/i/",
            httponly=True,
            samesite="Lax",
            secure=secure_cookie,
        )
        return response

    async def forget(request: web.Request) -> web.Response:
        """ "Not you? Start fresh": this browser forgets the previous visitor's interview."""
        token = request.match_info["token"]
        form = await request.post()
        if (expired := _expired(token, form)) is not None:
            return expired
        response = pages.see_other(_page_url(token))
        response.del_cookie(_cookie_name(token), path="/i/")
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

    @body_limit(MAX_ANSWER_BYTES)
    async def answer(request: web.Request) -> web.Response:
        token = request.match_info["token"]
        if wait := guards.wait("answer", request, token):
            return _slow_down(wait)
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
                page = await service.page(token=token)
            except (NotFound, Gone) as refusal:
                return _refusal(refusal)
            if page.step != "question":
                return pages.see_other(_page_url(token))
            return _render_step(page, error=error, form={"answer": str(form.get("answer") or "")}, status=422)
        except (NotFound, Gone) as error:
            return _refusal(error)
        return pages.see_other(_page_url(token))

    @body_limit(MAX_BEACON_BYTES)
    async def signals(request: web.Request) -> web.Response:
        """Observations sent ahead of the answer by interview.js (navigator.sendBeacon)."""
        token = request.match_info["token"]
        if wait := guards.wait("signals", request, token):
            return web.Response(status=429, headers={"Retry-After": str(wait)})
        form = await request.post()
        if not pages.form_token_ok(secret, token, form.get("csrf")):
            return web.Response(status=403)
        try:
            index = int(str(form.get("question_index") or ""))
        except ValueError:
            return web.Response(status=400)
        try:
            observed = parse_signals(form.get("signals"), strict=True)
            await service.signals_ahead(token=token, question_index=index, signals=observed)
        except Invalid as error:
            return web.Response(status=422, text=error.message)
        except NotFound:
            return web.Response(status=404)
        except Gone:
            return web.Response(status=410)
        return web.Response(status=204)

    app.router.add_get("/i/static/{name}", static)
    app.router.add_get("/i/{token}", show)
    app.router.add_post("/i/{token}/start", start)
    app.router.add_post("/i/{token}/forget", forget)
    app.router.add_post("/i/{token}/consent", consent)
    app.router.add_post("/i/{token}/answer", answer)
    app.router.add_post("/i/{token}/signals", signals)
