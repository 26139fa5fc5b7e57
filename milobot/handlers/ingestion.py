"""Files DM'd to the bot, and the buttons of the review message (thin: ack, parse, one service call).

Slack announces a file sent in a DM twice: a `message` event (subtype file_share, with `files`) and a
`file_shared` event. The message event carries every file of the message, so it goes first; a
file_shared is handled only after a short grace, and only if no message event claimed its file (the
service claims each file id atomically, so a race still processes a file once)."""

from __future__ import annotations

import asyncio
import logging
import time

from slack_bolt.async_app import AsyncApp

from milobot import metadata
from milobot.blocks.review import FIELD_BLOCKS, edit_modal
from milobot.blocks.text import display
from milobot.container import Container
from milobot.errors import MilobotError
from milobot.handlers.errors import guarded
from milobot.handlers.payload import (
    action_value,
    container_channel,
    container_ts,
    identity_of,
    input_value,
    view_state,
)
from milobot.ids import Action, ReviewAction, View
from milobot.services.context import Identity
from milobot.services.ingestion import IncomingFile
from milobot.slack.files import names_of

log = logging.getLogger(__name__)

FILE_SHARED_GRACE = 2.0  # seconds a file_shared waits for its message event to arrive and claim the file
_REFUSED_TTL = 600.0
# Files a non-admin sent that we refused: the file_shared twin of the message must not refuse twice.
# Only ids, in memory, for minutes: nothing about the refused file is stored.
_refused: dict[tuple[str, str], float] = {}


def _note_refused(team_id: str, file_ids: list[str]) -> None:
    now = time.monotonic()
    for key, at in list(_refused.items()):
        if now - at > _REFUSED_TTL:
            del _refused[key]
    for fid in file_ids:
        _refused[(team_id, fid)] = now


def _identity(body: dict, user_id: str) -> Identity:
    team = body.get("team_id") or (body.get("authorizations") or [{}])[0].get("team_id")
    return Identity(team_id=team, user_id=user_id, enterprise_id=body.get("enterprise_id"))


async def _is_file_dm(event: dict, context) -> bool:
    return (
        event.get("channel_type") == "im"
        and bool(event.get("files"))
        and event.get("subtype") in (None, "file_share")
        and not event.get("bot_id")
        and bool(event.get("user"))
        and event.get("user") != context.get("bot_user_id")
    )


async def _ephemeral(respond, text: str) -> None:
    await respond(text=text, response_type="ephemeral", replace_original=False)


def register(app: AsyncApp, container: Container) -> None:
    service = container.ingestion

    async def receive(client, identity: Identity, channel: str, files: list[IncomingFile]) -> None:
        try:
            await service.check_importer(identity=identity)
            # Raises SlackUnavailable when Slack can't say: the event fails and Slack's retry imports it.
            names = await names_of(client, [f.file_id for f in files])
            files = [IncomingFile(f.file_id, names.get(f.file_id) or f.name) for f in files]
            received = await service.receive(identity=identity, channel_id=channel, files=files)
        except MilobotError as refusal:
            _note_refused(identity.team_id, [f.file_id for f in files])
            await client.chat_postMessage(channel=channel, text=f":warning: {refusal.message}")
            return
        if received.batch_id is None:
            log.info("files %s are already being imported", ",".join(f.file_id for f in files))

    @app.event("message", matchers=[_is_file_dm])
    @guarded
    async def on_files_in_dm(event, body, client) -> None:
        files = [
            IncomingFile(f["id"], f.get("name") or f.get("title")) for f in event["files"] if f.get("id")
        ]
        await receive(client, _identity(body, event["user"]), event["channel"], files)

    @app.event("file_shared")
    @guarded
    async def on_file_shared(event, body, client, context) -> None:
        channel, user, file_id = event.get("channel_id") or "", event.get("user_id"), event.get("file_id")
        if not channel.startswith("D") or not user or not file_id or user == context.get("bot_user_id"):
            return  # only files sent to the bot in a DM; never the bot's own uploads
        await asyncio.sleep(FILE_SHARED_GRACE)
        identity = _identity(body, user)
        if (identity.team_id, file_id) in _refused:
            return
        await receive(client, identity, channel, [IncomingFile(file_id)])

    async def decide(body, respond, *, confirm: bool) -> None:
        ref = metadata.decode(metadata.DraftRef, action_value(body))
        decision = await service.approve(
            identity=identity_of(body),
            batch_id=ref.batch_id,
            draft_id=ref.draft_id,
            confirm_duplicate=confirm,
        )
        if decision.message:
            await _ephemeral(respond, f":warning: {decision.message}")

    @app.action(Action.REVIEW_APPROVE)
    @guarded
    async def approve(ack, body, respond) -> None:
        await ack()
        await decide(body, respond, confirm=False)

    @app.action(ReviewAction.APPROVE_DUPLICATE)
    @guarded
    async def approve_duplicate(ack, body, respond) -> None:
        # This button carries a confirm dialog: reaching here means the person confirmed in Slack.
        await ack()
        await decide(body, respond, confirm=True)

    @app.action(Action.REVIEW_DISCARD)
    @guarded
    async def discard(ack, body) -> None:
        await ack()
        ref = metadata.decode(metadata.DraftRef, action_value(body))
        await service.discard(identity=identity_of(body), batch_id=ref.batch_id, draft_id=ref.draft_id)

    @app.action(Action.REVIEW_APPROVE_ALL)
    @guarded
    async def approve_all(ack, body, respond) -> None:
        await ack()
        ref = metadata.decode(metadata.BatchRef, action_value(body))
        result = await service.approve_all(identity=identity_of(body), batch_id=ref.batch_id)
        text = f":white_check_mark: Added {result.approved} candidate{'s' if result.approved != 1 else ''} to *{display(result.agent_name, 200)}*."
        if result.flagged_left:
            text += f" {result.flagged_left} likely duplicate{'s are' if result.flagged_left != 1 else ' is'} left for you to decide one by one."
        await _ephemeral(respond, text)

    @app.action(ReviewAction.INVITE)
    @guarded
    async def invite(ack, body, respond) -> None:
        await ack()
        ref = metadata.decode(metadata.BatchRef, action_value(body))
        result = await service.invite_approved(identity=identity_of(body), batch_id=ref.batch_id)
        parts = [f":email: Sent {result.sent} invitation{'s' if result.sent != 1 else ''}."]
        if result.already_invited:
            parts.append(f"{result.already_invited} had been invited already.")
        if result.no_email:
            parts.append(f"{result.no_email} had no e-mail address: share their personal link instead.")
        if result.already_interviewed:
            parts.append(f"{result.already_interviewed} had already started or finished the interview.")
        await _ephemeral(respond, " ".join(parts))

    @app.action(Action.REVIEW_DISCARD_ALL)
    @guarded
    async def discard_all(ack, body) -> None:
        await ack()
        ref = metadata.decode(metadata.BatchRef, action_value(body))
        await service.discard_all(identity=identity_of(body), batch_id=ref.batch_id)

    @app.action(Action.REVIEW_AGENT)
    @guarded
    async def choose_agent(ack, body) -> None:
        await ack()
        pick = metadata.decode(metadata.AgentPick, action_value(body))
        await service.choose_agent(identity=identity_of(body), batch_id=pick.batch_id, agent_id=pick.agent_id)

    async def turn(ack, body) -> None:
        await ack()
        ref = metadata.decode(metadata.BatchRef, action_value(body))
        await service.turn_page(identity=identity_of(body), batch_id=ref.batch_id, page=ref.page)

    app.action(Action.REVIEW_PAGE)(guarded(turn))
    app.action(ReviewAction.PAGE_NEXT)(guarded(turn))

    @app.action(Action.REVIEW_EDIT)
    @guarded
    async def edit(ack, body, client) -> None:
        await ack()
        ref = metadata.decode(metadata.DraftRef, action_value(body))
        draft = await service.draft_for_edit(
            identity=identity_of(body), batch_id=ref.batch_id, draft_id=ref.draft_id
        )
        await client.views_open(
            trigger_id=body["trigger_id"],
            view=edit_modal(draft, channel_id=container_channel(body), message_ts=container_ts(body)),
        )

    @app.view(View.REVIEW_EDIT)
    @guarded
    async def save_edit(ack, body, view) -> None:
        try:
            ctx = metadata.decode(metadata.ModalContext, view.get("private_metadata"))
            state = view_state(body)
            fields = {key: input_value(state, block) for key, block in FIELD_BLOCKS.items()}
            await service.edit_draft(
                identity=identity_of(body), batch_id=ctx.batch_id, draft_id=ctx.draft_id, fields=fields
            )
        except MilobotError as error:
            block = FIELD_BLOCKS.get(getattr(error, "field", None) or "name", FIELD_BLOCKS["name"])
            await ack(response_action="errors", errors={block: error.message[:150]})
            return
        except Exception:
            await ack()  # close the modal; guarded reports the failure to the person
            raise
        await ack()

    @app.action(Action.HOME_OPEN_BATCH)
    @guarded
    async def open_batch(ack, body) -> None:
        await ack()
        ref = metadata.decode(metadata.BatchRef, action_value(body))
        await service.reopen(identity=identity_of(body), batch_id=ref.batch_id)
