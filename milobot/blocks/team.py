"""The team list and the welcome DM."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from slack_sdk.models.blocks import ContextBlock, HeaderBlock, MarkdownTextObject, SectionBlock

from milobot.blocks.text import user_ref

if TYPE_CHECKING:
    from datetime import datetime

    from milobot.services.team import TeamMember

_SECTION_LIMIT = 3000


def team_blocks(*, members: list[TeamMember], viewer_role: str) -> list[dict[str, Any]]:
    """`members`: objects with user_id, role, since. Unlimited teammates: lines are packed into sections
    of at most 3000 characters, and the list stops with a count well before Slack's 50 blocks."""
    admins = sum(1 for m in members if m.role == "admin")
    blocks = [
        HeaderBlock(text="milobot team"),
        ContextBlock(
            elements=[
                MarkdownTextObject(
                    text=" · ".join(
                        (
                            _count(len(members), "teammate"),
                            _count(admins, "admin"),
                            _count(len(members) - admins, "viewer"),
                        )
                    )
                )
            ]
        ),
    ]
    lines = [f"{user_ref(m.user_id)} — *{m.role}* · since {_day(m.since)}" for m in members]
    chunk: list[str] = []
    size = 0
    shown = 0
    for line in lines:
        if size + len(line) + 1 > _SECTION_LIMIT:
            if len(blocks) >= 45:
                break
            blocks.append(SectionBlock(text=MarkdownTextObject(text="\n".join(chunk))))
            chunk, size = [], 0
        chunk.append(line)
        size += len(line) + 1
        shown += 1
    if chunk:
        blocks.append(SectionBlock(text=MarkdownTextObject(text="\n".join(chunk))))
    if shown < len(lines):
        blocks.append(ContextBlock(elements=[MarkdownTextObject(text=f"…and {len(lines) - shown} more.")]))
    if viewer_role == "admin":
        hint = "Invite: `/milo team invite @user admin|viewer` · Change: `/milo team role @user admin|viewer` · Remove: `/milo team remove @user`"
    else:
        hint = "Only admins can invite teammates or change roles."
    blocks.append(ContextBlock(elements=[MarkdownTextObject(text=hint)]))
    return [b.to_dict() for b in blocks]


def welcome_blocks(*, role: str, invited_by: str | None) -> list[dict[str, Any]]:
    what = (
        "As an *admin* you can create interview agents, share their links, add candidates, shortlist, dismiss "
        "and nudge them, and manage the team."
        if role == "admin"
        else "As a *viewer* you can review every agent's candidates and their interview results, rate them and leave internal notes."
    )
    blocks = [
        SectionBlock(
            text=MarkdownTextObject(
                text=f":wave: {user_ref(invited_by)} added you to the hiring team on milobot as *{role}*.\n{what}"
            )
        ),
        ContextBlock(
            elements=[
                MarkdownTextObject(text="Type `/milo help` to see every command, or open milobot's Home tab.")
            ]
        ),
    ]
    return [b.to_dict() for b in blocks]


def welcome_text(*, role: str) -> str:
    return f"You've been added to the milobot hiring team as {role}."


def team_text(members: list[TeamMember]) -> str:
    """The notification text of a team list."""
    return _count(len(members), "teammate")


def _count(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def _day(moment: datetime) -> str:
    """The day in each reader's own time zone (a `<!date>` token; the fallback is the UTC date)."""
    return f"<!date^{int(moment.timestamp())}^{{date_short}}|{moment:%Y-%m-%d}>"
