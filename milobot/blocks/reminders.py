"""The reviewer reminder DM and the note to an agent's creator (services/review_reminders.py prepares
the data; the outbox renders it at delivery). One message lists every candidate, each with View."""

from __future__ import annotations

from typing import Any

from slack_sdk.models.blocks import Block, ButtonElement, ContextBlock, MarkdownTextObject, SectionBlock

from milobot.blocks.text import display
from milobot.ids import CandidateAction
from milobot.metadata import CandidateRef, encode


def _md(text: str) -> MarkdownTextObject:
    return MarkdownTextObject(text=text)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _row(item: dict[str, Any]) -> SectionBlock:
    score = item.get("score")
    facts = [
        display(item.get("agent"), 100),
        f"waiting {_plural(int(item.get('days') or 1), 'business day')}",
    ]
    if isinstance(score, int | float):
        facts.append(f"score {score:.0f}")
    return SectionBlock(
        text=_md(f"*{display(item.get('candidate'), 150)}*\n" + " · ".join(facts)),
        accessory=ButtonElement(
            text="View",
            action_id=CandidateAction.PROFILE,
            value=encode(CandidateRef(int(item["candidate_id"]))),
        ),
    )


def _message(data: dict[str, Any], *, heading: str, footer: str) -> tuple[str, list[dict[str, Any]]]:
    items = list(data.get("items") or [])
    total = max(int(data.get("total") or 0), len(items))
    blocks: list[Block] = [SectionBlock(text=_md(heading))]
    blocks += [_row(item) for item in items]
    more = total - len(items)
    lines = [f"and {more} more: open them with `/milo candidates <agent>`." if more > 0 else "", footer]
    blocks.append(ContextBlock(elements=[_md(" ".join(line for line in lines if line))]))
    return heading.replace("*", ""), [b.to_dict() for b in blocks]


def review_reminder(data: dict[str, Any]) -> tuple[str, list[dict[str, Any]]]:
    total = max(int(data.get("total") or 0), len(data.get("items") or []))
    heading = f":hourglass_flowing_sand: *{_plural(total, 'candidate')} finished the interview and wait for a rating.*"
    return _message(
        data,
        heading=heading,
        footer="A rating, Shortlist or Dismiss from anyone on the team takes a candidate off this list.",
    )


def review_overdue(data: dict[str, Any]) -> tuple[str, list[dict[str, Any]]]:
    total = max(int(data.get("total") or 0), len(data.get("items") or []))
    heading = (
        f":warning: *{_plural(total, 'candidate')} of your agents "
        f"{'has' if total == 1 else 'have'} waited 3 business days with nobody rating them.*"
    )
    return _message(
        data,
        heading=heading,
        footer="The reviewers are reminded daily; `/milo settings` says who they are. You hear about each candidate once.",
    )
