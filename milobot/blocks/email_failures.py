"""A candidate e-mail that never arrived, in words: the DM to the person who sent it, and the line in
the candidate's history (services/email_failures.py). Pure builders; every value from outside (names,
addresses, the server's reply) goes through display()."""

from __future__ import annotations

from typing import Any

from slack_sdk.models.blocks import (
    ActionsBlock,
    ButtonElement,
    ContextBlock,
    MarkdownTextObject,
    SectionBlock,
)

from milobot.blocks.text import display
from milobot.ids import CandidateAction
from milobot.metadata import CandidateRef, encode

FIX = (
    "Check the address with the candidate's source. milobot can't change an address once a candidate "
    "is added: add them again with the right one (*Add Candidates* on the agent) and dismiss this "
    "profile, or send them the personal link shown on their profile yourself."
)


def _what(detail: dict[str, Any]) -> str:
    return "reminder" if detail.get("email") == "reminder" else "invitation"


def _outcome(detail: dict[str, Any]) -> str:
    reason = display(detail.get("reason"), 300)
    if detail.get("refused"):
        return f"was refused by the mail server ({reason})"
    attempts = int(detail.get("attempts") or 0)
    tries = f" after {attempts} attempts" if attempts > 1 else ""
    return f"could not be delivered{tries} ({reason})"


def history_words(detail: dict[str, Any]) -> str:
    """ "Invitation to jo@example.com was refused by the mail server (550 …)"."""
    to = display(detail.get("to"), 200) or "the candidate"
    return f"{_what(detail).capitalize()} to {to} {_outcome(detail)}"


def failed_email_message(data: dict[str, Any]) -> tuple[str, list[dict[str, Any]]]:
    name = display(data.get("candidate_name"), 150) or "a candidate"
    agent = display(data.get("agent_name"), 100)
    to = display(data.get("to"), 200)
    what = _what(data)
    text = f"Your {what} e-mail to {name} didn't arrive: it {_outcome(data)}."
    head = (
        f":warning: Your {what} e-mail to *{name}*"
        + (f" ({agent})" if agent else "")
        + f" didn't reach them: the e-mail to {to} {_outcome(data)}."
    )
    blocks = [
        SectionBlock(text=MarkdownTextObject(text=head)),
        ContextBlock(elements=[MarkdownTextObject(text=FIX)]),
        ActionsBlock(
            elements=[
                ButtonElement(
                    text="View profile",
                    action_id=CandidateAction.PROFILE,
                    value=encode(CandidateRef(int(data["candidate_id"]))),
                )
            ]
        ),
    ]
    return text, [b.to_dict() for b in blocks]
