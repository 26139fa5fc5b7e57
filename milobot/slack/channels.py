"""Is a channel public? Slack's answer (`conversations.info` → `is_private`), cached for a few minutes
per workspace and channel, so a burst of cards costs one lookup. DMs and group DMs count as private.
When Slack cannot say (no access, an error), the answer is None and callers treat it as public."""

from __future__ import annotations

import logging
import time

from slack_sdk.errors import SlackApiError

log = logging.getLogger(__name__)

TTL_SECONDS = 300.0


class ChannelKinds:
    def __init__(self, *, ttl: float = TTL_SECONDS):
        self.ttl = ttl
        self._cache: dict[tuple[str, str], tuple[float, bool | None]] = {}

    async def is_public(self, client, *, team_id: str, channel_id: str) -> bool | None:
        key = (team_id, channel_id)
        hit = self._cache.get(key)
        now = time.monotonic()
        if hit and hit[0] > now:
            return hit[1]
        answer: bool | None
        try:
            info = (await client.conversations_info(channel=channel_id))["channel"]
            private = bool(info.get("is_private") or info.get("is_im") or info.get("is_mpim"))
            answer = not private
        except (SlackApiError, KeyError, TypeError) as exc:
            log.info("conversations.info %s failed (%s); treating it as public", channel_id, exc)
            answer = None
        self._cache[key] = (now + self.ttl, answer)
        return answer

    def forget(self, *, team_id: str, channel_id: str) -> None:
        """After `channel_shared`/`channel_converted` style changes, or in tests."""
        self._cache.pop((team_id, channel_id), None)
