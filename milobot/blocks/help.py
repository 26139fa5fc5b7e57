"""`/milo help`: every command with an example."""

from __future__ import annotations

import functools
import json
from typing import Any

from slack_sdk.models.blocks import (
    Block,
    ContextBlock,
    DividerBlock,
    HeaderBlock,
    MarkdownTextObject,
    SectionBlock,
)

COMMANDS: list[tuple[str, str, str]] = [
    ("Agents", "/milo agent new", "Create an interview agent (name, role, questions)."),
    ("Agents", "/milo agents", "One card per agent, with Share, Add Candidates, Candidates and Actions."),
    (
        "Agents",
        "/milo agent channel backend #hiring",
        "Change where an agent posts candidate cards and notices; leave out the channel to pick it (admins).",
    ),
    (
        "Agents",
        "/milo share backend [src-tag]",
        "Post the live interview link, its QR code and a printable poster (admins).",
    ),
    (
        "Candidates",
        "/milo candidates backend",
        "Every candidate of an agent: filter, sort, choose columns, save views, export CSV (admins).",
    ),
    (
        "Candidates",
        "DM me a PDF, CSV or ZIP",
        "Résumés and candidate lists, reviewed before anything is added.",
    ),
    ("Candidates", "/milo imports", "Your recent imports: created, skipped and errors per batch."),
    (
        "Candidates",
        "View on a candidate card",
        "The profile: contact, résumé, transcript, scores with evidence, recordings, ratings, notes, history.",
    ),
    (
        "Candidates",
        ":+1: or :-1: on a candidate card",
        "Rates the candidate for you; remove the reaction to take it back. Ratings stay blind until you rate.",
    ),
    (
        "Candidates",
        "Shortlist, Dismiss, Nudge, Undo",
        "Admins decide on any candidate and e-mail reminders (at most 3, a day apart) from the card or profile.",
    ),
    (
        "Candidates",
        "Edit contact on a profile",
        "Admins correct a candidate's name, e-mail or phone (say, after an invitation bounced).",
    ),
    (
        "Analytics",
        "/milo analytics backend last 7d",
        "Invited, started, completed, sources, scores, spend and a chart; any agent (or all) and range.",
    ),
    ("Team", "/milo team", "Who is on the team, and their roles."),
    ("Team", "/milo team invite @dana viewer", "Invite a teammate as admin or viewer."),
    ("Team", "/milo team role @dana admin", "Change a teammate's role."),
    ("Team", "/milo team remove @dana", "Take someone off the team."),
    (
        "Reports",
        "⋯ on a candidate card",
        "View Report (a private link that expires), Download PDF, Package ZIP; admins can revoke report links.",
    ),
    (
        "Reports",
        "Package shortlisted on an agent card",
        "One ZIP to your DM, a folder per shortlisted candidate.",
    ),
    (
        "Reports",
        "/milo digest #hiring weekly backend at 09:00",
        "Post the numbers, the activity chart and who waits for review to a channel, daily or on Mondays (admins).",
    ),
    ("Reports", "/milo digest list", "Every digest, with Send now and Remove."),
    (
        "Admin",
        "/milo settings",
        "Time zone, working hours, cost and savings figures, reviewers, privacy and retention (admins change them; viewers can read them).",
    ),
    ("Admin", "/milo apikey", "Make an API key for an external interview engine to post results."),
    (
        "Admin",
        "/milo ats",
        "Connect Greenhouse or Lever, and map each agent to a job: results are written back.",
    ),
    (
        "Admin",
        "Actions → Manage Webhooks",
        "On an agent card: signed webhooks to your systems, with a delivery log and Retry.",
    ),
    (
        "Privacy",
        "/milo forget jane@example.com",
        "Erase everything about a person, in every agent, after showing what will go (admins).",
    ),
    (
        "Privacy",
        "/milo export jane@example.com",
        "A ZIP of everything held about a person (JSON and their files) to your DM (admins).",
    ),
    ("Help", "/milo help", "This list."),
]


def help_blocks(*, role: str | None) -> list[dict[str, Any]]:
    # The list is the same for everyone with a role; built once, copied per reply (the caller owns it).
    blocks: list[dict[str, Any]] = json.loads(_help_blocks(role))
    return blocks


@functools.lru_cache(maxsize=8)
def _help_blocks(role: str | None) -> str:
    blocks: list[Block] = [HeaderBlock(text="milobot commands")]
    section = None
    for group, example, what in COMMANDS:
        if group != section:
            blocks.append(DividerBlock())
            blocks.append(SectionBlock(text=MarkdownTextObject(text=f"*{group}*")))
            section = group
        blocks.append(SectionBlock(text=MarkdownTextObject(text=f"`{example}`\n{what}")))
    role_line = {
        "admin": "You're an *admin*: you can create, edit and share agents, manage the team, and shortlist, dismiss and nudge candidates.",
        "viewer": "You're a *viewer*: you can review, rate and note candidates.",
    }.get(role or "", "You're not on the milobot team yet: ask an admin to invite you.")
    blocks.append(ContextBlock(elements=[MarkdownTextObject(text=role_line)]))
    return json.dumps([b.to_dict() for b in blocks])


def help_text() -> str:
    return "milobot commands: " + ", ".join(example for _, example, _ in COMMANDS)
