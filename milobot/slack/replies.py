"""Replies through response_url, on one shared HTTP session.

Bolt's `respond` opens a new aiohttp session (and connection) for every reply; under a burst of
commands that setup work competes with acknowledgements on the event loop. One pooled session does
the same job for a fraction of the CPU."""

from __future__ import annotations

import asyncio
from typing import Any

import aiohttp
from slack_sdk.webhook.async_client import AsyncWebhookClient

from milobot.slack.response_urls import reply_url_allowed


class Replier:
    def __init__(self, *, max_concurrent_work: int = 8, api_url: str | None = None):
        self.api_url = api_url  # when set, replies go only to Slack's hosts (see response_urls)
        self._session: aiohttp.ClientSession | None = None
        self._slots: asyncio.Semaphore | None = None
        self.max_concurrent_work = max_concurrent_work

    def _http(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30))
        return self._session

    @property
    def work_slots(self) -> asyncio.Semaphore:
        """Bounds the listener work that runs after ack(): a burst of commands queues here instead of
        flooding the event loop, so acknowledgements of new requests stay fast."""
        if self._slots is None:
            self._slots = asyncio.Semaphore(self.max_concurrent_work)
        return self._slots

    async def reply(
        self, response_url: str, *, text: str, blocks: list[dict] | None = None, **kwargs: Any
    ) -> None:
        if self.api_url is not None and not reply_url_allowed(response_url, api_url=self.api_url):
            raise RuntimeError("refusing to reply to a response_url that is not on a Slack host")
        client = AsyncWebhookClient(response_url, session=self._http())
        kwargs.setdefault("response_type", "ephemeral")
        kwargs.setdefault("replace_original", False)
        response = await client.send(text=text, blocks=blocks, **kwargs)
        if response.status_code >= 400:
            raise RuntimeError(f"response_url answered {response.status_code}: {response.body[:200]}")

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None
