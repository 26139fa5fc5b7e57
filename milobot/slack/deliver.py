"""Outbox deliverers that speak Slack. Posts carry the outbox row's id as message metadata, so a retried
row finds a post that already landed instead of posting twice (milobot.slack.landed)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from slack_sdk.errors import SlackApiError

from milobot.jobs.outbox import Delivery, OutboxWorker, PermanentFailure
from milobot.slack import templates
from milobot.slack.landed import OUTBOX_EVENT, post_once
from milobot.slack.tokens import NoTokenForWorkspace, SlackClients

# Slack errors that another attempt will not fix.
PERMANENT_ERRORS = {
    "channel_not_found",
    "not_in_channel",
    "is_archived",
    "invalid_auth",
    "account_inactive",
    "token_revoked",
    "user_not_found",
    "cannot_dm_bot",
    "invalid_blocks",
    "msg_too_long",
    "message_not_found",
    "cant_update_message",
    "no_permission",
    "missing_scope",
}

# After a post, some rows remember where the message landed (a candidate card's ts, say).
AfterPost = Callable[[Delivery, str, str], Awaitable[None]]
_after_post: dict[str, AfterPost] = {}


def on_posted(name: str, hook: AfterPost) -> None:
    _after_post[name] = hook


def _render(payload: dict[str, Any]) -> tuple[str, list[dict]]:
    return templates.render(
        payload.get("template", "text"), payload.get("data") or {"text": payload.get("text", "")}
    )


class SlackDeliverers:
    def __init__(self, clients: SlackClients):
        self.clients = clients

    def install(self, worker: OutboxWorker) -> None:
        worker.register("slack.post", self.post)
        worker.register("slack.update", self.update)
        worker.register("slack.dm", self.dm)
        worker.register("slack.ephemeral", self.ephemeral)
        worker.register("slack.file_delete", self.file_delete)

    async def _client(self, item: Delivery):
        try:
            return await self.clients.for_team(item.team_id)
        except NoTokenForWorkspace as exc:
            raise PermanentFailure(str(exc)) from None

    async def _call(self, item: Delivery, method: str, **kwargs) -> dict:
        client = await self._client(item)
        try:
            response = await getattr(client, method)(**kwargs)
        except SlackApiError as exc:
            raise _permanent_or(exc, method) from None
        return response.data if hasattr(response, "data") else dict(response)

    async def _post_once(self, item: Delivery, channel: str, **message) -> dict:
        client = await self._client(item)
        try:
            return await post_once(
                client,
                channel=channel,
                event_type=OUTBOX_EVENT,
                key={"outbox_id": item.id},
                look_first=item.retried,
                since=item.created_at,
                **message,
            )
        except SlackApiError as exc:
            raise _permanent_or(exc, "chat_postMessage") from None

    async def post(self, item: Delivery) -> dict:
        text, blocks = _render(item.payload)
        data = await self._post_once(
            item, item.payload["channel"], text=text, blocks=blocks or None, unfurl_links=False
        )
        hook = item.payload.get("after_post")
        if hook:
            await _after_post[hook](item, data["channel"], data["ts"])
        return {"channel": data["channel"], "ts": data["ts"]}

    async def update(self, item: Delivery) -> dict:
        text, blocks = _render(item.payload)
        data = await self._call(
            item,
            "chat_update",
            channel=item.payload["channel"],
            ts=item.payload["ts"],
            text=text,
            blocks=blocks or [],
        )
        return {"channel": data.get("channel"), "ts": data.get("ts")}

    async def dm(self, item: Delivery) -> dict:
        text, blocks = _render(item.payload)
        opened = await self._call(item, "conversations_open", users=item.payload["user"])
        channel = opened["channel"]["id"]
        data = await self._post_once(item, channel, text=text, blocks=blocks or None)
        hook = item.payload.get("after_post")
        if hook:
            await _after_post[hook](item, channel, data["ts"])
        return {"channel": channel, "ts": data["ts"]}

    async def ephemeral(self, item: Delivery) -> dict:
        text, blocks = _render(item.payload)
        await self._call(
            item,
            "chat_postEphemeral",
            channel=item.payload["channel"],
            user=item.payload["user"],
            text=text,
            blocks=blocks or None,
        )
        return {}

    async def file_delete(self, item: Delivery) -> dict:
        """Erasure deletes what the bot uploaded about the person (a report PDF, a package, a data export).
        A file someone already deleted is what we wanted."""
        client = await self._client(item)
        try:
            await client.files_delete(file=item.payload["file"])
        except SlackApiError as exc:
            code = exc.response.get("error") if exc.response is not None else None
            if code in ("file_not_found", "file_deleted"):
                return {"file": item.payload["file"], "gone": code}
            raise _permanent_or(exc, "files_delete") from None
        return {"file": item.payload["file"]}


def uploaded_ids(response: Any) -> list[str]:
    """The file ids of a files_upload_v2 / files.completeUploadExternal answer, kept in the outbox row's
    result so an erasure can delete the upload later."""
    files = response.get("files") if response is not None else None
    return [str(f["id"]) for f in files or [] if isinstance(f, dict) and f.get("id")]


def _permanent_or(exc: SlackApiError, method: str) -> Exception:
    code = exc.response.get("error") if exc.response is not None else None
    if code in PERMANENT_ERRORS:
        return PermanentFailure(f"{method}: {code}")
    return exc
