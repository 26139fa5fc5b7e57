"""The App Home tab."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    ContextBlock,
    DividerBlock,
    HeaderBlock,
    MarkdownTextObject,
    SectionBlock,
)
from slack_sdk.models.views import View

from milobot import metadata
from milobot.blocks.analytics import home_section
from milobot.blocks.text import display, user_ref
from milobot.ids import Action, CandidateList

if TYPE_CHECKING:
    from milobot.services.home import HomeData


def _quick_actions(role: str) -> ActionsBlock:
    buttons = []
    if role == "admin":
        buttons.append(ButtonElement(text="New agent", action_id=Action.HOME_NEW_AGENT, style="primary"))
    buttons.append(ButtonElement(text="Agents", action_id=Action.HOME_LIST_AGENTS))
    buttons.append(ButtonElement(text="Team", action_id=Action.HOME_TEAM))
    buttons.append(ButtonElement(text="Help", action_id=Action.HOME_HELP))
    return ActionsBlock(block_id="home_actions", elements=buttons)


def home_view(data: HomeData) -> dict[str, Any]:
    """`data`: milobot.services.home.HomeData."""
    blocks: list[Block] = [HeaderBlock(text="milobot")]
    if data.role is None:
        admins = ", ".join(user_ref(a) for a in data.admin_ids) or "a milobot admin"
        blocks.append(
            SectionBlock(
                text=MarkdownTextObject(
                    text=f"You're not on this workspace's hiring team yet. Ask {admins} to invite you "
                    "with `/milo team invite @you viewer`."
                )
            )
        )
        return View(type="home", blocks=blocks).to_dict()

    blocks.append(
        ContextBlock(
            elements=[
                MarkdownTextObject(text=f"You're {_article(data.role)} *{data.role}* on this hiring team.")
            ]
        )
    )
    blocks.append(_quick_actions(data.role))
    blocks.append(
        ContextBlock(
            elements=[
                MarkdownTextObject(
                    text="Reviewing: *View* on a candidate card opens the profile (ratings, notes, history); "
                    "react :+1: or :-1: on a card to rate it. Ratings stay hidden from you until you rate."
                )
            ]
        )
    )
    blocks.append(DividerBlock())
    blocks += home_section(getattr(data, "analytics", None))
    blocks.append(SectionBlock(text=MarkdownTextObject(text="*Interview agents*")))
    if not data.agents:
        empty = (
            "No interview agents yet. Create one with *New agent* or `/milo agent new`."
            if data.role == "admin"
            else "No interview agents yet. An admin can create one with `/milo agent new`."
        )
        blocks.append(SectionBlock(text=MarkdownTextObject(text=empty)))
    for agent in data.agents:
        status = " · _archived_" if agent.status == "archived" else ""
        role = f" — {display(agent.role_title, 200)}" if agent.role_title else ""
        blocks.append(
            SectionBlock(
                text=MarkdownTextObject(
                    text=f"*{display(agent.name, 200)}*{role}{status}\n{agent.candidates} candidates"
                ),
                accessory=ButtonElement(
                    text="Candidates",
                    action_id=CandidateList.OPEN,
                    value=metadata.encode(metadata.AgentRef(agent_id=agent.id)),
                ),
            )
        )
    if data.agent_total > len(data.agents):
        blocks.append(
            ContextBlock(
                elements=[
                    MarkdownTextObject(text=f"…{data.agent_total - len(data.agents)} more: `/milo agents`")
                ]
            )
        )
    if data.pending_batches:
        blocks.append(DividerBlock())
        blocks.append(SectionBlock(text=MarkdownTextObject(text="*Imports pending review*")))
        for batch in data.pending_batches:
            blocks.append(
                SectionBlock(
                    text=MarkdownTextObject(
                        text=f"Import #{batch.id} from {batch.created_at:%b %d, %H:%M} UTC · {batch.waiting} profiles waiting"
                    ),
                    accessory=ButtonElement(
                        text="Review",
                        action_id=Action.HOME_OPEN_BATCH,
                        value=metadata.encode(metadata.BatchRef(batch_id=batch.id)),
                    ),
                )
            )
    return View(type="home", blocks=blocks).to_dict()


def _article(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" else "a"
