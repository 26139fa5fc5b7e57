"""Outbox deliverers of ingestion: start a batch's extraction, and post or update its review message.

The review is rendered from the database when the row is delivered, not when it was enqueued, so the
message always shows the latest decisions however many updates were queued; and because the outbox
delivers a workspace's rows in order, the "Reading…" post lands before any update of it."""

from __future__ import annotations

import logging

from slack_sdk.errors import SlackApiError

from milobot.blocks.review import review_message
from milobot.jobs.extraction import ExtractionJobs
from milobot.jobs.outbox import Delivery, PermanentFailure
from milobot.services.ingestion import EXTRACT, REVIEW_RENDER
from milobot.slack.deliver import PERMANENT_ERRORS
from milobot.slack.landed import OUTBOX_EVENT, post_once
from milobot.slack.tokens import NoTokenForWorkspace

log = logging.getLogger(__name__)


def install(worker, clients, container) -> None:
    """Register this feature's outbox deliverers on `worker`, and the extraction pool's lifecycle."""
    jobs = ExtractionJobs(container, clients)
    container.start_hooks.append(jobs.start)
    container.stop_hooks.append(jobs.stop)
    service = container.ingestion

    async def extract(item: Delivery) -> dict:
        jobs.submit(int(item.payload["batch_id"]))
        return {}

    async def call(client, method: str, **kwargs) -> dict:
        try:
            response = await getattr(client, method)(**kwargs)
        except SlackApiError as exc:
            code = exc.response.get("error") if exc.response is not None else None
            if code in PERMANENT_ERRORS and code != "message_not_found":
                raise PermanentFailure(f"{method}: {code}") from None
            raise
        return response.data

    async def render(item: Delivery) -> dict:
        data = await service.review_view(batch_id=int(item.payload["batch_id"]))
        if data is None:
            return {"skipped": "batch gone"}
        try:
            client = await clients.for_team(item.team_id)
        except NoTokenForWorkspace as exc:
            raise PermanentFailure(str(exc)) from None
        text, blocks = review_message(data)
        channel, ts = data.channel_id, data.message_ts
        dm_user = item.payload.get("dm_user")
        if dm_user:
            opened = await call(client, "conversations_open", users=dm_user)
            channel, ts = opened["channel"]["id"], None
        if ts:
            try:
                await call(client, "chat_update", channel=channel, ts=ts, text=text, blocks=blocks)
                return {"channel": channel, "ts": ts}
            except SlackApiError as exc:
                if (exc.response or {}).get("error") != "message_not_found":
                    raise
                log.info("review message of import #%s was deleted; posting it again", data.batch_id)
        # Tagged with this row's id: a retry finds the post if it landed before the answer was lost.
        try:
            posted = await post_once(
                client,
                channel=channel,
                event_type=OUTBOX_EVENT,
                key={"outbox_id": item.id},
                look_first=item.retried,
                since=item.created_at,
                text=text,
                blocks=blocks,
                unfurl_links=False,
            )
        except SlackApiError as exc:
            code = exc.response.get("error") if exc.response is not None else None
            if code in PERMANENT_ERRORS:
                raise PermanentFailure(f"chat_postMessage: {code}") from None
            raise
        await service.remember_message(batch_id=data.batch_id, channel_id=posted["channel"], ts=posted["ts"])
        return {"channel": posted["channel"], "ts": posted["ts"]}

    worker.register(EXTRACT, extract)
    worker.register(REVIEW_RENDER, render)
