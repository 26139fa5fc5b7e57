"""Where a reply may go. A `response_url` comes inside the request, so on its own it proves nothing:
milobot sends replies only to Slack's hooks hosts, or to the host of the configured SLACK_API_URL (a
self-hosted gateway, or the fake Slack the tests run). Anything else means the request did not come
from Slack, and it is dropped before any listener runs."""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import urlsplit

from slack_bolt.async_app import AsyncApp
from slack_bolt.response import BoltResponse

log = logging.getLogger(__name__)

SLACK_HOOK_HOSTS = frozenset({"hooks.slack.com", "hooks.slack-gov.com"})


def reply_url_allowed(url: str, *, api_url: str) -> bool:
    try:
        parts = urlsplit(url)
        api = urlsplit(api_url)
        port = parts.port
    except ValueError:
        return False
    if parts.scheme == "https" and parts.hostname in SLACK_HOOK_HOSTS and port in (None, 443):
        return True
    return bool(parts.netloc) and (parts.scheme, parts.netloc.lower()) == (api.scheme, api.netloc.lower())


def reply_urls_of(body: dict[str, Any]) -> list[str]:
    urls = [body.get("response_url")]
    urls += [u.get("response_url") for u in body.get("response_urls") or [] if isinstance(u, dict)]
    return [u if isinstance(u, str) else repr(u) for u in urls if u is not None]


def install(app: AsyncApp, *, api_url: str) -> None:
    async def only_slack_reply_urls(body: dict, next) -> BoltResponse | None:
        foreign = [u for u in reply_urls_of(body or {}) if not reply_url_allowed(u, api_url=api_url)]
        if foreign:
            log.warning(
                "dropped a request whose response_url is not Slack's: %s", urlsplit(foreign[0]).netloc
            )
            return BoltResponse(status=400, body="response_url is not on a Slack host")
        return await next()

    app.middleware(only_slack_reply_urls)
