"""Outbox rows name a message template and carry its data; delivery renders it here, with the pure
builders, so services stay free of Slack and Block Kit."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from milobot.blocks import notices, reminders
from milobot.blocks import team as team_blocks
from milobot.blocks.candidate_forms import note_mention_message
from milobot.blocks.email_failures import failed_email_message

# name -> function(data) -> (fallback text, blocks)
Renderer = Callable[[dict[str, Any]], tuple[str, list[dict]]]
_RENDERERS: dict[str, Renderer] = {}


def register(name: str, renderer: Renderer) -> None:
    _RENDERERS[name] = renderer


def render(name: str, data: dict[str, Any]) -> tuple[str, list[dict]]:
    try:
        renderer = _RENDERERS[name]
    except KeyError:
        raise LookupError(f"no message template named {name!r}") from None
    return renderer(data)


register(
    "welcome",
    lambda d: (
        team_blocks.welcome_text(role=d["role"]),
        team_blocks.welcome_blocks(role=d["role"], invited_by=d.get("invited_by")),
    ),
)
register("text", lambda d: (d["text"], d.get("blocks") or []))
register("note_mention", note_mention_message)
register("link_cap_reached", lambda d: notices.link_cap_reached(agent_name=d["agent_name"], cap=d["cap"]))
register(
    "reinstalled",
    lambda d: notices.reinstalled(installer=d["installer"], installer_role=d.get("installer_role")),
)
register("review_reminder", reminders.review_reminder)
register("review_overdue", reminders.review_overdue)
register("candidate_email_failed", failed_email_message)  # services/email_failures.TEMPLATE
