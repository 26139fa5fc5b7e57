"""`/milo forget <email>` and `/milo export <email>` (admins), and the Privacy & retention modal opened
from `/milo settings`. Forget counts first and asks in a modal; the erasure runs after the submission is
acked (it may take seconds with large recordings), and the modal is updated with what was erased."""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp
from slack_sdk.errors import SlackApiError

from milobot import metadata
from milobot.blocks import privacy as blocks
from milobot.blocks.text import display
from milobot.container import Container
from milobot.errors import Invalid, MilobotError
from milobot.handlers.commands import CommandContext, subcommand
from milobot.handlers.errors import guarded
from milobot.handlers.payload import action_value, identity_of, input_value, view_state
from milobot.ids import PrivacyAction, PrivacyBlock, PrivacyView, Sub
from milobot.services.retention import parse_days


@subcommand(Sub.FORGET)
async def forget(ctx: CommandContext) -> None:
    if not ctx.text.args:
        raise Invalid("Usage: `/milo forget jane@example.com` erases everything about that address.")
    address, plan, workspace_id = await ctx.container.erasure.preview(
        identity=ctx.identity, email=ctx.text.raw_rest
    )
    if not plan.known:
        await ctx.reply(
            f"Nothing is held about `{display(address, 320)}` in this workspace; nothing was changed."
        )
        return
    confirm = metadata.ForgetConfirm(workspace_id=workspace_id, email=address)
    await ctx.client.views_open(trigger_id=ctx.trigger_id, view=blocks.forget_modal(address, plan, confirm))


@subcommand(Sub.EXPORT)
async def export(ctx: CommandContext) -> None:
    if not ctx.text.args:
        raise Invalid(
            "Usage: `/milo export jane@example.com` sends you a ZIP of everything about that address."
        )
    await ctx.container.privacy_export.queue(identity=ctx.identity, email=ctx.text.raw_rest)
    await ctx.reply(":package: Gathering it now: the ZIP arrives in your DM with me.")


def register(app: AsyncApp, container: Container) -> None:
    erasure, settings = container.erasure, container.privacy_settings

    @app.view(PrivacyView.FORGET_CONFIRM)
    @guarded
    async def on_forget(ack, body, client) -> None:
        await ack(response_action="update", view=blocks.note_modal("Forget", "Erasing…"))
        try:
            confirm = metadata.decode(metadata.ForgetConfirm, body["view"].get("private_metadata"))
            result = await erasure.forget(
                identity=identity_of(body), email=confirm.email, workspace_id=confirm.workspace_id
            )
            view = blocks.note_modal("Forget", blocks.forgotten_text(result))
        except MilobotError as error:
            view = blocks.note_modal("Forget", f":warning: {display(error.message, 1500)}")
        await client.views_update(view_id=body["view"]["id"], view=view)

    @app.action(PrivacyAction.SETTINGS_OPEN)
    @guarded
    async def on_open(ack, body, client) -> None:
        await ack()
        form = await settings.form(identity=identity_of(body))
        view = blocks.settings_modal(form)
        if (body.get("view") or {}).get("id"):  # from the /milo settings modal: stack ours on top
            await client.views_push(trigger_id=body["trigger_id"], view=view)
        else:
            await client.views_open(trigger_id=body["trigger_id"], view=view)

    @app.action(PrivacyAction.RETENTION_CHANGED)
    @guarded
    async def on_retention_changed(ack, body, client) -> None:
        """The period changed: redraw the modal with how many candidates it would erase now."""
        await ack()
        state = view_state(body)
        try:
            days = parse_days(
                action_value(body)
                or input_value(state, PrivacyBlock.RETENTION, PrivacyAction.RETENTION_CHANGED)
            )
        except Invalid:
            return
        form = await settings.form(identity=identity_of(body), days=days)
        view = body["view"]
        try:
            await client.views_update(
                view_id=view["id"], hash=view.get("hash"), view=blocks.settings_modal(form)
            )
        except SlackApiError as exc:
            if (exc.response or {}).get("error") != "hash_conflict":
                raise
            # A later change already redrew the modal; its own update carries the newer count.

    @app.view(PrivacyView.SETTINGS)
    @guarded
    async def on_settings(ack, body, client) -> None:
        state = view_state(body)
        try:
            days = parse_days(input_value(state, PrivacyBlock.RETENTION, PrivacyAction.RETENTION_CHANGED))
            await settings.save(
                identity=identity_of(body),
                days=days,
                public=str(input_value(state, PrivacyBlock.PUBLIC) or ""),
                show_agents=_ids(input_value(state, PrivacyBlock.AGENTS_SHOW)),
                hide_agents=_ids(input_value(state, PrivacyBlock.AGENTS_HIDE)),
            )
        except MilobotError as error:
            await ack(response_action="errors", errors={PrivacyBlock.RETENTION: error.message[:300]})
            return
        await ack()


def _ids(values: object) -> list[int]:
    out = []
    for raw in values if isinstance(values, list) else []:
        parsed = metadata.parse_id(raw)
        if parsed is not None:
            out.append(parsed)
    return out
