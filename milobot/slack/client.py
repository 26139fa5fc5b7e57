"""Web API clients. Every client milobot makes goes through here, so SLACK_API_URL and the retry
handlers apply to all of them (Bolt copies both from the app's client to its per-request clients)."""

from __future__ import annotations

from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
    AsyncServerErrorRetryHandler,
)
from slack_sdk.web.async_client import AsyncWebClient

from milobot.config import Settings
from milobot.metrics import SlackCallObserver


def retry_handlers(metrics=None) -> list:
    # 429s honour Retry-After; 5xx and dropped connections get a short backoff. Counts stay small so a
    # handler never holds a request for long: the outbox retries again later with its own backoff.
    # First, when metrics are kept: an observer that counts every attempt and never retries itself.
    observers = [] if metrics is None else [SlackCallObserver(metrics)]
    return [
        *observers,
        AsyncRateLimitErrorRetryHandler(max_retry_count=3),
        AsyncServerErrorRetryHandler(max_retry_count=2),
        AsyncConnectionErrorRetryHandler(max_retry_count=2),
    ]


def make_web_client(settings: Settings, token: str | None = None, *, metrics=None) -> AsyncWebClient:
    """`metrics` (milobot.metrics.Metrics): count this client's calls, and those of Bolt's per-request
    clients made from it."""
    return AsyncWebClient(
        token=token, base_url=settings.slack_api_url, retry_handlers=retry_handlers(metrics), timeout=30
    )
