"""Posting one digest to Slack: the message (numbers, who waits, View candidates), then the chart as a
reply in its thread, paced to Slack's one message per second per channel.

Not in the channel: a public channel is joined (conversations.join) and the post tried again; for a
private one the subscriber gets a DM saying how to invite milobot, and the period counts as failed (the
next period tries again). Whether personal data may be shown is decided per channel: in a public channel
with the workspace's privacy setting on, the digest names no candidates."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from slack_sdk.errors import SlackApiError

from milobot.blocks.digest import digest_blocks, digest_text
from milobot.services import digest_content
from milobot.services.digest_periods import zone
from milobot.services.digests import DueDigest
from milobot.services.privacy import hides_personal_data
from milobot.slack.channels import ChannelKinds

log = logging.getLogger(__name__)

CHARTS_AT_ONCE = 2
PER_CHANNEL_SECONDS = 1.05  # Slack: about one message per second per channel
PERMANENT = {
    "channel_not_found",
    "is_archived",
    "not_in_channel",
    "invalid_auth",
    "account_inactive",
    "token_revoked",
    "restricted_action",
    "missing_scope",
    "method_not_supported_for_channel_type",
}


class Undeliverable(Exception):
    """Slack will not take this digest this period (retrying will not help)."""


class ChannelPacer:
    """At most one message per channel per PER_CHANNEL_SECONDS from this process; other channels are
    not held up by a busy one."""

    def __init__(self, interval: float = PER_CHANNEL_SECONDS):
        self.interval = interval
        self._locks: dict[str, asyncio.Lock] = {}
        self._next: dict[str, float] = {}

    @asynccontextmanager
    async def slot(self, channel: str) -> AsyncIterator[None]:
        lock = self._locks.setdefault(channel, asyncio.Lock())
        async with lock:
            wait = self._next.get(channel, 0.0) - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)  # rate limiting, not waiting for work
            try:
                yield
            finally:
                self._next[channel] = time.monotonic() + self.interval


def _error(exc: SlackApiError) -> str:
    return str(exc.response.get("error") if exc.response is not None else exc)


class DigestPoster:
    def __init__(self, slack_clients, channel_kinds: ChannelKinds, pacer: ChannelPacer | None = None):
        self.clients = slack_clients
        self.kinds = channel_kinds
        self.pacer = pacer or ChannelPacer()
        # Charts are CPU work in threads: two at a time, so they never starve the loop that acks Slack.
        self.charts = asyncio.Semaphore(CHARTS_AT_ONCE)

    async def post(self, due: DueDigest, content: digest_content.DigestContent, *, posted=None) -> str:
        """The message, then its chart (Send now, and a digest taken over)."""
        ts = await self.post_message(due, content, posted=posted)
        await self.post_chart(due, content, ts=ts)
        return ts

    async def post_message(
        self, due: DueDigest, content: digest_content.DigestContent, *, posted=None
    ) -> str:
        """Post the digest's message (unless `due.message_ts` says it already went out) and call
        `posted(ts)` as soon as Slack has it. Returns the message's ts."""
        if due.message_ts is not None:
            return due.message_ts
        client = await self.clients.for_team(due.team_id)
        public = await self.kinds.is_public(client, team_id=due.team_id, channel_id=due.channel_id)
        # Each candidate by their agent's choice (its override, else the workspace's setting).
        hidden = {
            w.candidate_id
            for w in content.waiting
            if hides_personal_data(
                channel_is_public=public, workspace_settings=due.settings, agent_override=w.agent_privacy
            )
        }
        tz = zone(due.time_zone)
        start, end = due.period.start.astimezone(tz), due.period.due_at.astimezone(tz)
        label = f"{start:%a %d %b %H:%M} – {end:%a %d %b %H:%M} ({tz.key})"
        blocks = digest_blocks(content, agent_id=due.agent_id, hidden=hidden, time_label=label)
        ts = await self._post_message(client, due, public, text=digest_text(content), blocks=blocks)
        if posted is not None:
            await posted(ts)
        return ts

    async def post_chart(self, due: DueDigest, content: digest_content.DigestContent, *, ts: str) -> None:
        """The activity chart as a reply in the digest's thread (drawn off the event loop). A failed
        upload is logged, not retried: the numbers are out, and a repost would double them."""
        async with self.charts:
            png = await asyncio.to_thread(digest_content.chart_png, content)
        if png is None:
            return
        client = await self.clients.for_team(due.team_id)
        try:
            async with self.pacer.slot(due.channel_id):
                await client.files_upload_v2(
                    content=png,
                    filename=f"digest-{due.subscription_id}-{due.period.key}.png",
                    title=f"{content.title}: completed interviews per day"[:250],
                    alt_txt=(
                        f"Bar chart of completed interviews per day, {content.chart_days[0]:%d %b} to "
                        f"{content.chart_days[-1]:%d %b}: {sum(content.chart_counts)} in all."
                    ),
                    channel=due.channel_id,
                    thread_ts=ts,
                )
        except SlackApiError as exc:
            log.warning("digest #%s: chart upload failed: %s", due.subscription_id, _error(exc))

    async def _post_message(self, client, due: DueDigest, public: bool | None, *, text: str, blocks) -> str:
        for attempt in range(2):
            try:
                async with self.pacer.slot(due.channel_id):
                    answer = await client.chat_postMessage(channel=due.channel_id, text=text, blocks=blocks)
                return str(answer["ts"])
            except SlackApiError as exc:
                code = _error(exc)
                if code == "not_in_channel" and attempt == 0 and public:
                    await self._join(client, due)
                    continue
                if code == "not_in_channel":
                    await self._ask_for_invite(client, due)
                if code in PERMANENT:
                    raise Undeliverable(code) from None
                raise
        raise Undeliverable("not_in_channel")

    async def _join(self, client, due: DueDigest) -> None:
        try:
            await client.conversations_join(channel=due.channel_id)
            log.info("digest #%s: joined <#%s> to post", due.subscription_id, due.channel_id)
        except SlackApiError as exc:
            log.warning("digest #%s: could not join %s: %s", due.subscription_id, due.channel_id, _error(exc))
            await self._ask_for_invite(client, due)
            raise Undeliverable(_error(exc)) from None

    async def _ask_for_invite(self, client, due: DueDigest) -> None:
        if not due.created_by:
            return
        try:
            await client.chat_postMessage(
                channel=due.created_by,
                text=(
                    f"I couldn't post the {due.frequency} digest to <#{due.channel_id}>: I'm not in that "
                    "channel, and it's private, so I can't join it myself. Type `/invite @milobot` in "
                    "the channel; the next digest will go out on time."
                ),
            )
        except SlackApiError as exc:
            log.warning("digest #%s: could not DM %s: %s", due.subscription_id, due.created_by, _error(exc))
