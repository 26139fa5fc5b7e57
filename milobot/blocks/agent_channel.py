"""`/milo agent channel`: the agent picker when the name doesn't pick one, the form with a channel select,
and the confirmation."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from slack_sdk.models.blocks import (
    ConversationFilter,
    ConversationSelectElement,
    InputBlock,
    MarkdownTextObject,
    Option,
    SectionBlock,
    StaticSelectElement,
)
from slack_sdk.models.views import View as SlackView

from milobot import metadata
from milobot.blocks.text import display, display_plain, plain
from milobot.ids import AgentAction, Block, Input, View

if TYPE_CHECKING:
    from milobot.services.agents import AgentCard

USAGE = (
    "Usage: `/milo agent channel <agent> #channel`, e.g. `/milo agent channel backend #hiring`. "
    "Leave out the channel to choose it from a list."
)


def agent_choice(
    choices: list[AgentCard], *, query: str, how: str, channel_id: str | None
) -> tuple[str, list[dict[str, Any]]]:
    """The name matched several agents, or none exactly: a select; choosing one carries on."""
    if not choices:
        text = f"No interview agent is called “{display(query, 100)}”, and none comes close. `/milo agents` lists them."
        return text, [SectionBlock(text=MarkdownTextObject(text=text)).to_dict()]
    if how == "several":
        lead = f"Several agents match “{display(query, 100)}”. Whose notices channel should change?"
    else:
        lead = f"No agent is called “{display(query, 100)}”. Did you mean one of these?"
    options = [
        Option(
            value=metadata.encode(metadata.ChannelPick(agent_id=c.id, channel_id=channel_id), limit=150),
            text=display_plain(" · ".join(x for x in (c.name, c.role_title) if x), 75),
        )
        for c in choices[:100]
    ]
    block = SectionBlock(
        text=MarkdownTextObject(text=lead),
        accessory=StaticSelectElement(
            action_id=AgentAction.PICK_FOR_CHANNEL, placeholder="Choose an agent", options=options
        ),
    )
    return "Which agent?", [block.to_dict()]


def channel_modal(*, card: AgentCard, context: metadata.ModalContext) -> dict[str, Any]:
    select = ConversationSelectElement(
        action_id=Input.VALUE,
        placeholder="Choose a channel",
        initial_conversation=card.channel_id,
        filter=ConversationFilter(include=["public", "private"], exclude_bot_users=True),
    )
    current = (
        f"Notices for *{display(card.name, 200)}* go to <#{card.channel_id}> now."
        if card.channel_id
        else f"*{display(card.name, 200)}* has no channel yet: its notices go nowhere."
    )
    blocks = [
        SectionBlock(text=MarkdownTextObject(text=current)),
        InputBlock(
            block_id=Block.AGENT_CHANNEL,
            label="Channel for notices",
            hint="Completed interviews, ATS sync and webhook notices. For a private channel, invite milobot first.",
            element=select,
        ),
    ]
    return SlackView(
        type="modal",
        callback_id=View.AGENT_CHANNEL,
        title=plain("Notices channel", 24),
        submit="Save",
        close="Cancel",
        private_metadata=metadata.encode(context, limit=metadata.PRIVATE_METADATA_LIMIT),
        blocks=blocks,
    ).to_dict()


def changed(card: AgentCard, *, joined: bool) -> str:
    text = (
        f":white_check_mark: *{display(card.name, 200)}* now posts its candidate cards and notices "
        f"in <#{card.channel_id}>. Cards already posted stay where they are."
    )
    if joined:
        text += " I joined the channel to post there."
    return text
