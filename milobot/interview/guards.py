"""Rate limits of the public interview pages: a token bucket per client address and one per link on
start, answer and signals; 429 beyond either. See config.PageLimits for the sizes and why."""

from __future__ import annotations

from aiohttp import web

from milobot.config import PageLimits
from milobot.ratelimit import TokenBuckets


def client_address(request: web.Request, proxy_hops: int) -> str:
    """The caller's address. Behind `proxy_hops` trusted proxies it is the X-Forwarded-For entry the
    nearest of them added (entries further left are whatever the client wrote)."""
    if proxy_hops > 0:
        forwarded = [a.strip() for a in request.headers.get("X-Forwarded-For", "").split(",") if a.strip()]
        if len(forwarded) >= proxy_hops:
            return forwarded[-proxy_hops][:64]
    return request.remote or "unknown"


class PageGuards:
    def __init__(self, limits: PageLimits, *, proxy_hops: int = 0):
        self.proxy_hops = proxy_hops
        self._buckets = {
            "start": (TokenBuckets(limits.start_per_client), TokenBuckets(limits.start_per_link)),
            "answer": (TokenBuckets(limits.answer_per_client), TokenBuckets(limits.answer_per_link)),
            "signals": (TokenBuckets(limits.signals_per_client), TokenBuckets(limits.signals_per_link)),
        }

    def client(self, request: web.Request) -> str:
        return client_address(request, self.proxy_hops)

    def wait(self, kind: str, request: web.Request, link: str) -> int:
        """0 when this request may go on, else the seconds to ask the client to wait (Retry-After)."""
        per_client, per_link = self._buckets[kind]
        wait = per_client.take(self.client(request))
        if not wait:
            wait = per_link.take(link[:64])
        return int(wait) + 1 if wait else 0
