"""Typed access to Slack request bodies (house rule 4): nothing else digs through raw dicts."""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass
from typing import Any

from milobot.errors import Invalid
from milobot.services.context import Identity

_USER_MENTION = re.compile(r"^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$")
_CHANNEL_MENTION = re.compile(r"^<#([CG][A-Z0-9]+)(?:\|[^>]*)?>$")


def _user_of(body: dict[str, Any]) -> str | None:
    if body.get("user_id"):
        return body["user_id"]  # slash commands
    for holder in (body, body.get("event") or {}):
        user = holder.get("user")
        if isinstance(user, dict) and user.get("id"):
            return user["id"]  # interactions
        if isinstance(user, str) and user:
            return user  # events
    return None


def _team_of(body: dict[str, Any]) -> str | None:
    team = body.get("team")
    return (
        body.get("team_id")
        or (team.get("id") if isinstance(team, dict) else None)
        or ((body.get("user") or {}).get("team_id") if isinstance(body.get("user"), dict) else None)
        or (body.get("event") or {}).get("team")
    )


def identity_of(body: dict[str, Any]) -> Identity:
    """The verified team and user of any request shape: command, interaction, or event."""
    team, user = _team_of(body), _user_of(body)
    enterprise = body.get("enterprise_id") or ((body.get("enterprise") or {}) or {}).get("id")
    if not team or not user:
        raise Invalid("This request didn't say which workspace and user it came from.")
    return Identity(team_id=team, user_id=user, enterprise_id=enterprise)


@dataclass(frozen=True)
class CommandText:
    sub: str
    args: list[str]
    raw_rest: str  # the text after the subcommand, untouched


def parse_command_text(text: str | None) -> CommandText:
    text = (text or "").strip()
    try:
        words = shlex.split(text)
    except ValueError:  # an unbalanced quote: fall back to plain splitting rather than failing
        words = text.split()
    if not words:
        return CommandText(sub="help", args=[], raw_rest="")
    sub = words[0].lower()
    rest = text[len(text.split(None, 1)[0]) :].strip() if text else ""
    return CommandText(sub=sub, args=words[1:], raw_rest=rest)


def user_id_from_mention(word: str) -> str | None:
    """`<@U123|dana>` (the manifest asks Slack to escape mentions) or a bare user id."""
    m = _USER_MENTION.match(word.strip())
    if m:
        return m.group(1)
    if re.fullmatch(r"[UW][A-Z0-9]{6,}", word.strip()):
        return word.strip()
    return None


def channel_id_from_mention(word: str) -> str | None:
    m = _CHANNEL_MENTION.match(word.strip())
    if m:
        return m.group(1)
    if re.fullmatch(r"[CG][A-Z0-9]{6,}", word.strip()):
        return word.strip()
    return None


def action_value(body: dict[str, Any]) -> str | None:
    actions = body.get("actions") or []
    if not actions:
        return None
    action = actions[0]
    if "value" in action:
        return action["value"]
    if action.get("selected_option"):
        return action["selected_option"].get("value")
    return None


def container_channel(body: dict[str, Any]) -> str | None:
    return (body.get("container") or {}).get("channel_id") or (body.get("channel") or {}).get("id")


def container_ts(body: dict[str, Any]) -> str | None:
    return (body.get("container") or {}).get("message_ts") or (body.get("message") or {}).get("ts")


def view_state(body: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return ((body.get("view") or {}).get("state") or {}).get("values") or {}


def input_value(state: dict[str, dict[str, Any]], block_id: str, action_id: str = "value") -> Any:
    """The value of one modal input, whatever element type it is."""
    element = (state.get(block_id) or {}).get(action_id) or {}
    kind = element.get("type")
    if kind in ("plain_text_input", "email_text_input", "url_text_input", "number_input"):
        return element.get("value")
    if kind in ("static_select", "external_select"):
        return (element.get("selected_option") or {}).get("value")
    if kind == "conversations_select":
        return element.get("selected_conversation")
    if kind == "channels_select":
        return element.get("selected_channel")
    if kind == "users_select":
        return element.get("selected_user")
    if kind in ("checkboxes", "multi_static_select"):
        return [o.get("value") for o in element.get("selected_options") or []]
    if kind == "datepicker":
        return element.get("selected_date")
    if kind == "radio_buttons":
        return (element.get("selected_option") or {}).get("value")
    return element.get("value")
