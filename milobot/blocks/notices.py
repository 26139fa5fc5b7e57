"""Notices to a workspace's admins about their install and their public links: pure builders."""

from __future__ import annotations

from typing import Any

from slack_sdk.models.blocks import MarkdownTextObject, SectionBlock

from milobot.blocks.text import display, user_ref


def link_cap_reached(*, agent_name: str, cap: int) -> tuple[str, list[dict[str, Any]]]:
    text = (
        f":no_entry: The share link of *{display(agent_name, 100)}* reached today's cap of {int(cap)} new "
        "candidates (`MILOBOT_LINK_DAILY_CAP`). Visitors are asked to come back tomorrow; candidates you "
        "add yourself are not affected."
    )
    return text, [SectionBlock(text=MarkdownTextObject(text=text)).to_dict()]


def reinstalled(*, installer: str, installer_role: str | None) -> tuple[str, list[dict[str, Any]]]:
    role = {"admin": "an admin", "viewer": "a viewer"}.get(installer_role or "", "not on the milobot team")
    text = (
        f":information_source: {user_ref(installer)} installed milobot again in this workspace (they are "
        f"{role} here). Roles are unchanged: a re-install never makes anyone an admin. If you didn't "
        "expect this, check the app's settings at api.slack.com/apps."
    )
    return text, [SectionBlock(text=MarkdownTextObject(text=text)).to_dict()]
