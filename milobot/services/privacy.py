"""Whether a message posted to a channel may carry a candidate's personal data.

Safe by default: in a public channel (or one whose kind we could not learn) cards, notices and digests
carry no e-mail, phone or answer text unless the workspace chose to show them. Private channels and DMs
carry details. Whether a channel is public is Slack's answer (`conversations.info` → `is_private`, see
milobot/slack/channels.py), never a guess from the channel id."""

from __future__ import annotations

from typing import Any

# Workspace.settings key: "redact" (the default) or "show" personal data in public channels.
PUBLIC_CHANNEL_PRIVACY = "public_channel_privacy"
REDACT, SHOW = "redact", "show"


def hides_personal_data(
    *,
    channel_is_public: bool | None,
    workspace_settings: dict[str, Any] | None,
    agent_override: str | None = None,
) -> bool:
    """`channel_is_public` None means Slack did not say: treat it as public. `agent_override` is the
    agent's own choice (Agent.public_channel_privacy, "redact" | "show"); None follows the workspace."""
    if channel_is_public is False:
        return False
    if agent_override in (REDACT, SHOW):
        return agent_override != SHOW
    return bool((workspace_settings or {}).get(PUBLIC_CHANNEL_PRIVACY, REDACT) != SHOW)


def initials(name: str | None) -> str:
    """ "Ada King Lovelace" -> "A.L.": the first letters of the first and last words, nothing else of the
    name. Letters only (a name made of symbols gives "?")."""
    words = [w for w in (name or "").split() if w[:1].isalpha()]
    if not words:
        return "?"
    picked = [words[0]] if len(words) == 1 else [words[0], words[-1]]
    return "".join(f"{w[0].upper()}." for w in picked)


def public_label(name: str | None, candidate_id: int) -> str:
    """How a candidate is named where personal data is hidden: initials and the candidate number."""
    return f"{initials(name)} (candidate #{candidate_id})"
