"""Digest messages and the `/milo digest list` reply: plain data in, Block Kit out."""

from __future__ import annotations

from typing import Any

from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    ConfirmObject,
    ContextBlock,
    HeaderBlock,
    MarkdownTextObject,
    SectionBlock,
)

from milobot.blocks.text import display, display_plain
from milobot.ids import CandidateList, DigestAction
from milobot.metadata import AgentRef, DigestRef, encode
from milobot.services.digest_content import DigestContent, Waiting
from milobot.services.digests import DigestFailure, SubscriptionInfo
from milobot.services.privacy import public_label


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.0f}%"


def _number(value: float | None, unit: str = "") -> str:
    return "–" if value is None else f"{value:.0f}{unit}"


def _who(w: Waiting, *, hide: bool) -> str:
    # Hidden (a public channel, privacy on): initials and the candidate number, as cards show them.
    # In a public channel with the privacy setting on, a candidate is a number, never a name.
    return display(public_label(w.name, w.candidate_id), 80) if hide else display(w.name, 80)


def digest_text(content: DigestContent) -> str:
    # The message's notification text is mrkdwn too: the agent's name in it is made inert like anywhere.
    title = display(content.title, 300)
    if content.is_empty:
        return f"{title}: No data."
    return (
        f"{title}: {content.started} started, {content.completed} completed, "
        f"{content.waiting_total} waiting for review"
    )


def digest_blocks(
    content: DigestContent, *, agent_id: int | None, hidden: set[int], time_label: str
) -> list[dict[str, Any]]:
    """`hidden`: the candidates (ids) whose names this channel may not show."""
    blocks = [
        HeaderBlock(text=display_plain(content.title, 140)),
        ContextBlock(elements=[MarkdownTextObject(text=display(time_label, 200))]),
    ]
    if content.is_empty:
        blocks.append(
            SectionBlock(
                text="*No data.* No interviews in this period and nobody waiting for review. "
                "Share an agent's link with `/milo share <agent>` or DM me résumés to invite candidates."
            )
        )
        return [b.to_dict() for b in blocks]
    blocks.append(
        SectionBlock(
            fields=[
                MarkdownTextObject(text=f"*Invited*\n{content.invited}"),
                MarkdownTextObject(text=f"*Started*\n{content.started}"),
                MarkdownTextObject(text=f"*Completed*\n{content.completed}"),
                MarkdownTextObject(text=f"*Completion rate*\n{_pct(content.completion_rate)}"),
                MarkdownTextObject(
                    text=f"*Median time to complete*\n{_number(content.median_minutes, ' min')}"
                ),
                MarkdownTextObject(
                    text=f"*Shortlisted · dismissed*\n{content.shortlisted} · {content.dismissed}"
                ),
            ]
        )
    )
    if content.score_buckets:
        scores = " · ".join(f"{label}: {n}" for label, n in content.score_buckets)
        blocks.append(
            ContextBlock(elements=[MarkdownTextObject(text=f"Scores of completed interviews: {scores}")])
        )
    if content.waiting:
        lines = [
            f"• {_who(w, hide=w.candidate_id in hidden)} · {display(w.agent_name, 60)}"
            + (f" · score {w.score:.0f}" if w.score is not None else "")
            for w in content.waiting
        ]
        more = content.waiting_total - len(content.waiting)
        if more > 0:
            lines.append(f"…and {more} more")
        blocks.append(
            SectionBlock(text=f"*Waiting for review ({content.waiting_total})*\n" + "\n".join(lines))
        )
    target = agent_id if agent_id is not None else (content.waiting[0].agent_id if content.waiting else None)
    if target is not None:
        blocks.append(
            ActionsBlock(
                elements=[
                    ButtonElement(
                        text="View candidates",
                        action_id=CandidateList.OPEN,
                        value=encode(AgentRef(target)),
                        style="primary",
                    )
                ]
            )
        )
    return [b.to_dict() for b in blocks]


def subscription_line(info: SubscriptionInfo) -> str:
    scope = display(info.agent_name, 60) if info.agent_name else "all agents"
    when = f"{info.hour:02d}:{info.minute:02d}" + (" on Mondays" if info.frequency == "weekly" else "")
    return (
        f"*{info.frequency.capitalize()}* digest of {scope} to <#{info.channel_id}> at {when} "
        f"({display(info.time_zone, 40)}) · next {info.next_at:%a %d %b %H:%M}"
    )


def _again(info: SubscriptionInfo) -> str:
    """The command that makes the same digest elsewhere."""
    agent = f" {display(info.agent_name, 60).replace('`', '')}" if info.agent_name else ""
    return f"`/milo digest #channel {info.frequency}{agent} at {info.hour:02d}:{info.minute:02d}`"


def failure_reason(code: str, info: SubscriptionInfo) -> str:
    """Why Slack refused a digest, and what to do about it, in words (Slack's error code otherwise)."""
    channel = f"<#{info.channel_id}>"
    pick = f"pick another with {_again(info)} and remove this one"
    reasons = {
        "is_archived": f"{channel} is archived — {pick}",
        "channel_not_found": f"{channel} is gone, or I can no longer see it — {pick}",
        "not_in_channel": f"I'm not in {channel} and can't join it — type `/invite @milobot` there",
        "restricted_action": f"this workspace doesn't let me post in {channel} — ask a Slack admin, or {pick}",
        "method_not_supported_for_channel_type": f"I can't post in that kind of conversation — {pick}",
        "missing_scope": "I'm missing a permission I need — reinstall milobot to grant it",
        "invalid_auth": "my access to this workspace was revoked — reinstall milobot",
        "account_inactive": "my access to this workspace was revoked — reinstall milobot",
        "token_revoked": "my access to this workspace was revoked — reinstall milobot",
        "not_installed": "milobot isn't installed in this workspace — reinstall it",
        "timeout": "Slack didn't answer in time",
        "ratelimited": "Slack asked me to slow down",
        "fatal_error": "Slack had an error of its own",
        "internal_error": "Slack had an error of its own",
        "service_unavailable": "Slack was unavailable",
    }
    return reasons.get(code) or f"Slack refused it (`{display(code, 60)}`)"


def failure_line(failure: DigestFailure, info: SubscriptionInfo) -> str:
    when = f"{failure.at:%a %d %b %H:%M}"
    reason = failure_reason(failure.error, info)
    if failure.retrying:
        return f":hourglass: The last digest isn't out yet: {reason} ({when}). I'm trying again every few minutes."
    return f":warning: The last digest was not posted ({when}): {reason}."


def subscription_list(subs: list[SubscriptionInfo], *, admin: bool) -> list[dict[str, Any]]:
    blocks: list[Block] = [HeaderBlock(text="Digests")]
    for info in subs:
        ref = encode(DigestRef(info.id))
        text = subscription_line(info)
        if info.last_failure is not None:
            text += "\n" + failure_line(info.last_failure, info)
        section = SectionBlock(text=text)
        blocks.append(section)
        if admin:
            blocks.append(
                ActionsBlock(
                    elements=[
                        ButtonElement(text="Send now", action_id=DigestAction.SEND_NOW, value=ref),
                        ButtonElement(
                            text="Remove",
                            action_id=DigestAction.REMOVE,
                            value=ref,
                            style="danger",
                            confirm=ConfirmObject(
                                title="Remove this digest?",
                                text="The channel gets no more of these digests.",
                                confirm="Remove",
                                deny="Keep",
                            ),
                        ),
                    ]
                )
            )
    return [b.to_dict() for b in blocks[:50]]
