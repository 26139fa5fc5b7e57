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


def hides_personal_data(*, channel_is_public: bool | None, workspace_settings: dict[str, Any] | None) -> bool:
    """`channel_is_public` None means Slack did not say: treat it as public."""
    if channel_is_public is False:
        return False
    return (workspace_settings or {}).get(PUBLIC_CHANNEL_PRIVACY, REDACT) != SHOW
