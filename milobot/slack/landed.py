"""Posting a Slack message once across retries.

chat.postMessage has no idempotency key, and a post can land while its answer is lost (a timeout, a
dropped connection, a replica dying before it recorded the ts). So every post the outbox makes carries
message metadata naming what it is (`milobot_outbox` with the outbox row's id, `milobot_card` with the
interview's id), and a retry first looks for that metadata in the channel's recent history
(conversations.history with include_all_metadata) before posting again.

Looking needs the history scope of the conversation (im:history for DMs, channels:history and
groups:history for channels). Where Slack refuses to let us look, the post goes ahead: at least once is
the best the far side allows there.

The post itself goes through a client without slack_sdk's connection-error and server-error retry
handlers: those re-send a post whose answer was lost, which is exactly the double post this module is
for. Rate limits (429) are still retried: a 429 means the post did not happen."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import Any

from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_async_handlers import AsyncRateLimitErrorRetryHandler
from slack_sdk.web.async_client import AsyncWebClient

from milobot.metrics import SlackCallObserver

log = logging.getLogger(__name__)

OUTBOX_EVENT = "milobot_outbox"
CARD_EVENT = "milobot_card"
HISTORY_PAGES = 3  # 600 messages back: a retry comes minutes after the post, not days
# Errors that mean "you can't look here", not "try again": then we post without looking.
_CANNOT_LOOK = {
    "missing_scope",
    "not_in_channel",
    "channel_not_found",
    "no_permission",
    "not_allowed_token_type",
    "method_not_supported_for_channel_type",
}


def metadata(event_type: str, payload: dict[str, Any]) -> dict[str, Any]:
    return {"event_type": event_type, "event_payload": payload}


def _matches(message: dict, event_type: str, match: dict[str, Any]) -> bool:
    meta = message.get("metadata") or {}
    if meta.get("event_type") != event_type:
        return False
    payload = meta.get("event_payload") or {}
    return all(str(payload.get(k)) == str(v) for k, v in match.items())


async def find_posted(
    client, *, channel: str, event_type: str, match: dict[str, Any], since: datetime | None = None
) -> dict | None:
    """The message in `channel` carrying this metadata, or None (also when Slack won't let us look)."""
    oldest = f"{(since - timedelta(minutes=5)).timestamp():.6f}" if since else None
    cursor = None
    for _ in range(HISTORY_PAGES):
        kwargs: dict[str, Any] = {"channel": channel, "include_all_metadata": True, "limit": 200}
        if oldest:
            kwargs["oldest"] = oldest
        if cursor:
            kwargs["cursor"] = cursor
        try:
            response = await client.conversations_history(**kwargs)
        except SlackApiError as exc:
            code = exc.response.get("error") if exc.response is not None else None
            if code in _CANNOT_LOOK:
                log.info("can't look for an earlier post in %s (%s); posting", channel, code)
                return None
            raise
        for message in response.get("messages") or []:
            if _matches(message, event_type, match):
                return message
        cursor = (response.get("response_metadata") or {}).get("next_cursor")
        if not cursor or not response.get("has_more"):
            return None
    return None


def single_shot(client: AsyncWebClient) -> AsyncWebClient:
    """The same client, minus the handlers that would re-send a request whose answer was lost."""
    return AsyncWebClient(
        token=client.token,
        base_url=client.base_url,
        timeout=client.timeout,
        ssl=client.ssl,
        proxy=client.proxy,
        headers=dict(client.headers or {}),
        # The metrics observer never re-sends anything: it stays, so these posts are counted too.
        retry_handlers=[
            *(h for h in client.retry_handlers or [] if isinstance(h, SlackCallObserver)),
            AsyncRateLimitErrorRetryHandler(max_retry_count=3),
        ],
    )


async def post_once(
    client,
    *,
    channel: str,
    event_type: str,
    key: dict[str, Any],
    look_first: bool,
    since: datetime | None = None,
    **message: Any,
) -> dict:
    """Post `message` to `channel` tagged with `key`, unless `look_first` finds it already there.
    Returns {"channel", "ts", "found"}."""
    if look_first:
        found = await find_posted(client, channel=channel, event_type=event_type, match=key, since=since)
        if found is not None:
            log.info(
                "%s %s already landed in %s at %s; not posting again", event_type, key, channel, found["ts"]
            )
            return {"channel": channel, "ts": found["ts"], "found": True}
    response = await single_shot(client).chat_postMessage(
        channel=channel, metadata=metadata(event_type, key), **message
    )
    return {"channel": response["channel"], "ts": response["ts"], "found": False}
