"""Agent cards, the agent list, the share picker, and the Add Candidates summary: pure builders."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    ContextBlock,
    DividerBlock,
    HeaderBlock,
    InteractiveElement,
    MarkdownTextObject,
    Option,
    OverflowMenuElement,
    SectionBlock,
    StaticSelectElement,
)

from milobot import metadata
from milobot.blocks.analytics import analytics_button
from milobot.blocks.report import package_shortlisted_button
from milobot.blocks.text import display, display_plain, esc
from milobot.ids import Action, AgentAction, AgentBlock, AgentMenu, CandidateList

if TYPE_CHECKING:
    from milobot.services.agents import AgentCard
    from milobot.services.candidates import AddCandidatesResult

CARDS_PER_PAGE = 12  # 3 blocks each, plus header and paging, stays under Slack's 50 per message
_SECTION_LIMIT = 2900


def _card_text(card: AgentCard) -> str:
    title = f"*{display(card.name, 200)}*"
    role = " · ".join(display(x, 200) for x in (card.role_title, card.location) if x)
    status = ":file_cabinet: archived" if card.status == "archived" else ":large_green_circle: active"
    lines = [title + (f" — {role}" if role else "")]
    lines.append(
        f"{status} · {card.candidates} candidates · {card.completed} completed · "
        f"{card.question_count} questions (v{card.version})"
    )
    if card.status == "archived":
        lines.append("Link closed to new interviews: " + f"`{esc(card.link)}`")
    else:
        lines.append(f"Live link: <{card.link}|{esc(card.link)}>")
    return "\n".join(lines)


def _menu(card: AgentCard) -> OverflowMenuElement:
    archive = (
        (AgentMenu.UNARCHIVE, "Unarchive Interviewer")
        if card.status == "archived"
        else (AgentMenu.ARCHIVE, "Archive Interviewer")
    )
    choices = [
        (AgentMenu.EDIT_QUESTIONS, "Edit Questions"),
        (AgentMenu.DUPLICATE, "Duplicate Interviewer"),
        (AgentMenu.CREATE_TEMPLATE, "Create Template"),
        (AgentMenu.MANAGE_WEBHOOKS, "Manage Webhooks"),
        archive,
    ]
    return OverflowMenuElement(
        action_id=Action.AGENT_ACTIONS,
        options=[
            Option(
                value=metadata.encode(metadata.AgentMenuChoice(action=value, agent_id=card.id), limit=150),
                text=label,
            )
            for value, label in choices
        ],
    )


def card_blocks(card: AgentCard) -> list[Block]:
    """One agent: a section with the facts and link, then Share, Add Candidates, Candidates and the
    Actions menu."""
    ref = metadata.encode(metadata.AgentRef(agent_id=card.id))
    buttons: list[InteractiveElement] = []
    if card.status != "archived":
        buttons.append(ButtonElement(text="Share", action_id=Action.AGENT_SHARE, value=ref, style="primary"))
        buttons.append(ButtonElement(text="Add Candidates", action_id=Action.AGENT_ADD_CANDIDATES, value=ref))
    buttons.append(ButtonElement(text="Candidates", action_id=CandidateList.OPEN, value=ref))
    buttons.append(analytics_button(card.id))
    buttons.append(package_shortlisted_button(card.id))
    buttons.append(_menu(card))
    return [
        SectionBlock(block_id=f"{AgentBlock.CARD}:{card.id}", text=MarkdownTextObject(text=_card_text(card))),
        ActionsBlock(block_id=f"{AgentBlock.CARD_ACTIONS}:{card.id}", elements=buttons),
    ]


def card_message(card: AgentCard, *, headline: str | None = None) -> tuple[str, list[dict[str, Any]]]:
    blocks: list[Block] = []
    if headline:
        blocks.append(SectionBlock(text=MarkdownTextObject(text=headline)))
    blocks += card_blocks(card)
    return f"{display(card.name, 150)}: {card.link}", [b.to_dict() for b in blocks]


def agents_message(
    cards: list[AgentCard], *, page: int = 0, viewer_is_admin: bool = True
) -> tuple[str, list[dict[str, Any]]]:
    """`/milo agents`: one card per agent, CARDS_PER_PAGE at a time."""
    total = len(cards)
    if not cards:
        hint = (
            "Create one with `/milo agent new`."
            if viewer_is_admin
            else "An admin can create one with `/milo agent new`."
        )
        return "No interview agents yet.", [
            SectionBlock(text=MarkdownTextObject(text=f"No interview agents yet. {hint}")).to_dict()
        ]
    pages = (total + CARDS_PER_PAGE - 1) // CARDS_PER_PAGE
    page = max(0, min(page, pages - 1))
    shown = cards[page * CARDS_PER_PAGE : (page + 1) * CARDS_PER_PAGE]
    blocks: list[Block] = [HeaderBlock(text="Interview agents")]
    for card in shown:
        blocks += card_blocks(card)
        blocks.append(DividerBlock())
    footer = _agents_count(total) + (f" · page {page + 1} of {pages}" if pages > 1 else "")
    blocks.append(ContextBlock(elements=[MarkdownTextObject(text=footer)]))
    if pages > 1:
        nav = []
        if page > 0:
            nav.append(
                ButtonElement(
                    text="Previous",
                    action_id=f"{AgentAction.AGENTS_PAGE}:prev",
                    value=metadata.encode(metadata.AgentsPage(page=page - 1)),
                )
            )
        if page < pages - 1:
            nav.append(
                ButtonElement(
                    text="Next",
                    action_id=f"{AgentAction.AGENTS_PAGE}:next",
                    value=metadata.encode(metadata.AgentsPage(page=page + 1)),
                )
            )
        blocks.append(ActionsBlock(block_id=AgentAction.AGENTS_PAGE, elements=nav))
    return f"{total} interview {'agent' if total == 1 else 'agents'}", [b.to_dict() for b in blocks]


def replace_card(message_blocks: list[dict[str, Any]], card: AgentCard) -> list[dict[str, Any]] | None:
    """The message's blocks with this agent's card swapped for its new state, or None when the
    message doesn't hold the card (so the caller posts it afresh)."""
    ids = {f"{AgentBlock.CARD}:{card.id}", f"{AgentBlock.CARD_ACTIONS}:{card.id}"}
    if not any(b.get("block_id") in ids for b in message_blocks):
        return None
    fresh = [b.to_dict() for b in card_blocks(card)]
    out: list[dict[str, Any]] = []
    inserted = False
    for block in message_blocks:
        if block.get("block_id") in ids:
            if not inserted:
                out += fresh
                inserted = True
            continue
        out.append(block)
    return out


def share_picker(
    choices: list[AgentCard],
    *,
    tag: str | None,
    query: str | None,
    how: str | None = None,
    archived: list[AgentCard] | None = None,
) -> tuple[str, list[dict[str, Any]]]:
    """When `/milo share` can't tell which agent: a select whose choice shares it. `choices` are the
    active agents the name matched; `archived` the archived ones it matched too, which can't be shared:
    when they leave a single choice, the words say so rather than "several agents match"."""
    if not choices:
        text = (
            f"No active interview agent is called “{display(query, 100)}”. `/milo agents` lists them."
            if query
            else "There are no active interview agents to share yet."
        )
        return "No active interview agents to share.", [
            SectionBlock(text=MarkdownTextObject(text=text)).to_dict()
        ]
    if query and how == "suggest":
        lead = f"No active agent is called “{display(query, 100)}”. Did you mean one of these?"
    elif query and len(choices) == 1:
        lead = f"Only one active agent matches “{display(query, 100)}”"
        if archived:
            names = ", ".join(f"*{display(c.name, 100)}*" for c in archived[:3])
            more = f" and {len(archived) - 3} more" if len(archived) > 3 else ""
            verb = "is" if len(archived) == 1 else "are"
            lead += f"; {names}{more} {verb} archived, so can't be shared"
        lead += ". Share this one?"
    elif query:
        lead = f"Several agents match “{display(query, 100)}”. Which one should I share?"
    else:
        lead = "Which interview agent should I share?"
    options = [
        Option(
            value=metadata.encode(metadata.ShareRef(agent_id=c.id, tag=tag), limit=150),
            text=display_plain(" · ".join(x for x in (c.name, c.role_title) if x), 75),
        )
        for c in choices[:100]
    ]
    blocks = [
        SectionBlock(
            block_id=AgentBlock.SHARE_PICKER,
            text=MarkdownTextObject(text=lead + (f"\nSource tag: `{display(tag, 60)}`" if tag else "")),
            accessory=StaticSelectElement(
                action_id=Action.AGENT_PICK_FOR_SHARE, placeholder="Choose an agent", options=options
            ),
        )
    ]
    return "Which interview agent should I share?", [b.to_dict() for b in blocks]


def share_ack(card: AgentCard) -> str:
    return (
        f":outbox_tray: Sharing *{display(card.name, 200)}*: <{card.link}|{esc(card.link)}>. "
        "The QR code and a printable poster are on their way to this conversation."
    )


def added_summary(result: AddCandidatesResult) -> tuple[str, list[dict[str, Any]]]:
    """Per line: who was added with their personal link, and every refused line with its reason."""
    head = f"Added {len(result.added)} candidate{'s' if len(result.added) != 1 else ''} to *{display(result.agent_name, 200)}*"
    if result.refused:
        head += f", refused {len(result.refused)}"
    if result.added:
        head += "." + (
            " Invitation e-mails are on their way."
            if result.mail_enabled
            else " E-mail isn't configured, so send them their links."
        )
    lines_ok = [
        f"• {display(a.name, 100)} ({display(a.email, 200)}): <{a.link}|personal link>" for a in result.added
    ]
    lines_bad = [
        f"• Line {r.line_no} `{display(r.raw, 120)}`: {display(r.reason, 300)}" for r in result.refused
    ]
    blocks: list[Block] = [SectionBlock(text=MarkdownTextObject(text=head))]
    for title, lines in (("*Added*", lines_ok), ("*Refused*", lines_bad)):
        if not lines:
            continue
        chunk = title
        for line in lines:
            if len(chunk) + len(line) + 1 > _SECTION_LIMIT:
                blocks.append(SectionBlock(text=MarkdownTextObject(text=chunk)))
                chunk = ""
                if len(blocks) >= 45:
                    break
            chunk = f"{chunk}\n{line}" if chunk else line
        if chunk:
            blocks.append(SectionBlock(text=MarkdownTextObject(text=chunk)))
    fallback = f"Added {len(result.added)}, refused {len(result.refused)}"
    return fallback, [b.to_dict() for b in blocks[:49]]


def share_comment(*, name: str, link: str, user: str | None, fallback_from: str | None = None) -> str:
    """The message the QR code and poster are uploaded with (mrkdwn, names escaped)."""
    who = f"<@{user}> shared " if user else ""
    text = f"{who}the interview link for *{display(name, 200)}*: <{link}|{esc(link)}>\nQR code and a printable poster below."
    if fallback_from:
        where = "that conversation" if fallback_from[:1] == "D" else f"<#{fallback_from}>"
        text = (
            f"I couldn't post in {where} (I'm not a member there), so here's your share instead. "
            "Invite me with `/invite @milobot` to share there next time.\n" + text
        )
    return text


def _agents_count(n: int) -> str:
    return f"{n} agent" + ("" if n == 1 else "s")
