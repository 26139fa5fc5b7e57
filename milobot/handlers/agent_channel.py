"""`/milo agent channel <agent> [#channel]` (admins): change where an agent's candidate cards and notices
(ATS sync, webhook failures) are posted. With a channel it changes at once; without one, a form with a
channel select opens. The agent is resolved like every other command's (an exact name wins; several
matches give a choice). Slack is asked first whether milobot can post there (joining a public channel
itself) and whether the admin can see the channel."""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp

from milobot import metadata
from milobot.blocks import agent_channel as blocks
from milobot.blocks import forms
from milobot.blocks.text import display
from milobot.container import Container
from milobot.errors import Invalid, MilobotError
from milobot.handlers.commands import CommandContext
from milobot.handlers.errors import guarded
from milobot.handlers.payload import (
    action_value,
    channel_id_from_mention,
    container_channel,
    identity_of,
    input_value,
    view_state,
)
from milobot.ids import AgentAction, Block, View
from milobot.services.context import Identity
from milobot.slack.channel_access import ensure_postable


async def _change(container: Container, client, identity: Identity, agent_id: int, channel_id: str) -> str:
    """The one path every entry takes: admin and agent checked, then Slack, then the change."""
    await container.agents.channel_form(identity=identity, agent_id=agent_id)
    target = await ensure_postable(client, channel_id=channel_id, user_id=identity.user_id)
    card = await container.agents.set_channel(identity=identity, agent_id=agent_id, channel_id=target.id)
    return blocks.changed(card, joined=target.joined)


async def _open_form(
    container: Container, client, identity: Identity, agent_id: int, trigger_id: str | None, where: str | None
) -> None:
    card = await container.agents.channel_form(identity=identity, agent_id=agent_id)
    if not trigger_id:
        raise Invalid(blocks.USAGE)
    context = metadata.ModalContext(channel_id=where, agent_id=card.id)
    await client.views_open(trigger_id=trigger_id, view=blocks.channel_modal(card=card, context=context))


async def channel_command(ctx: CommandContext, args: list[str]) -> None:
    """`args`: the words after `/milo agent channel`."""
    await ctx.container.agents.channel_form(identity=ctx.identity, agent_id=None)  # admins only
    if not args:
        raise Invalid(blocks.USAGE)
    channel_id = channel_id_from_mention(args[-1])
    words = args[:-1] if channel_id else args
    if channel_id is None and args[-1].startswith("#"):
        # The manifest asks Slack to escape channel mentions: a `#name` left as text is no channel Slack
        # knows (or one this person can't see).
        raise Invalid(
            f"Slack didn't recognise `{display(args[-1], 80)}` as a channel. Type `#` and pick the "
            "channel from Slack's list, or leave it out to choose in a form."
        )
    query = " ".join(words)
    if not query:
        raise Invalid(blocks.USAGE)
    found = await ctx.container.agents.match(identity=ctx.identity, query=query, include_archived=True)
    if found.agent is None:
        text, choice = blocks.agent_choice(found.choices, query=query, how=found.how, channel_id=channel_id)
        await ctx.reply(text, choice)
        return
    if channel_id is None:
        await _open_form(
            ctx.container, ctx.client, ctx.identity, found.agent.id, ctx.trigger_id, ctx.channel_id
        )
        return
    await ctx.reply(await _change(ctx.container, ctx.client, ctx.identity, found.agent.id, channel_id))


def register(app: AsyncApp, container: Container) -> None:
    @app.action(AgentAction.PICK_FOR_CHANNEL)
    @guarded
    async def on_pick(ack, body, client, respond) -> None:
        await ack()
        pick = metadata.decode(metadata.ChannelPick, action_value(body))
        identity = identity_of(body)
        if pick.channel_id is None:
            await _open_form(
                container, client, identity, pick.agent_id, body.get("trigger_id"), container_channel(body)
            )
            return
        text = await _change(container, client, identity, pick.agent_id, pick.channel_id)
        await respond(text=text, response_type="ephemeral", replace_original=True)

    @app.view(View.AGENT_CHANNEL)
    @guarded
    async def on_submit(ack, body, client) -> None:
        context = metadata.decode(metadata.ModalContext, body["view"].get("private_metadata"))
        try:
            if context.agent_id is None:
                raise Invalid("That form lost track of its agent; run `/milo agent channel` again.")
            channel_id = input_value(view_state(body), Block.AGENT_CHANNEL)
            if not channel_id:
                raise Invalid("Choose a channel.")
            text = await _change(container, client, identity_of(body), context.agent_id, channel_id)
        except MilobotError as error:
            await ack(response_action="errors", errors={Block.AGENT_CHANNEL: error.message[:300]})
            return
        await ack(
            response_action="update",
            view=forms.result_modal(title="Notices channel", blocks=forms.notice_blocks(text)),
        )
