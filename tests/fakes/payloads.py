"""Real-shaped inbound Slack payloads: interactive payloads and Events API envelopes.

The bases are the captured shapes in ``/work/shared/slack-payloads`` (from opsdroid's recordings) and
bolt-python's tests (``tests/scenario_tests_async/test_message_file_share.py``,
``tests/slack_bolt/request/test_internals.py``). Builders fill in ids and return fresh dicts; make a
variant of any of them with ``{**base, "key": value}``.

Interactive builders return the ``payload`` object (send with ``signing.post_interactive``); event
builders return the whole ``event_callback`` envelope (send with ``signing.post_event``; the inner event
is ``envelope["event"]``).
"""

from __future__ import annotations

import itertools
import secrets
import time
import uuid
from typing import Any

API_APP_ID = "A0MILOBOT1"
VERIFICATION_TOKEN = "legacy-verification-token"  # deprecated by Slack; still present in payloads

_counter = itertools.count(1)


# ---------------------------------------------------------------- ids


def bot_user_id_for(team_id: str) -> str:
    """The bot user id FakeSlack gives a workspace by default."""
    return f"UB{team_id[1:]}"


def bot_id_for(team_id: str) -> str:
    return f"B{team_id[1:]}"


def new_trigger_id() -> str:
    return f"{next(_counter)}{int(time.time())}.{secrets.randbelow(10**12)}.{secrets.token_hex(16)}"


def new_response_url(kind: str, team_id: str) -> str:
    """``kind`` is ``commands`` or ``actions``, as in Slack's hooks.slack.com URLs."""
    return f"https://hooks.slack.com/{kind}/{team_id}/{next(_counter)}{secrets.randbelow(10**9)}/{secrets.token_urlsafe(18)}"


def new_ts() -> str:
    """A message ts: seconds.micro-counter, unique and increasing within a test run."""
    return f"{int(time.time())}.{next(_counter):06d}"


def new_event_id() -> str:
    return f"Ev{secrets.token_hex(5).upper()}"


def _user(team_id: str, user_id: str, user_name: str | None = None) -> dict[str, Any]:
    name = user_name or f"user.{user_id.lower()}"
    return {"id": user_id, "username": name, "name": name, "team_id": team_id}


def _team(team_id: str) -> dict[str, Any]:
    return {"id": team_id, "domain": f"team-{team_id.lower()}"}


# ---------------------------------------------------------------- bases (captured shapes)

SLASH_COMMAND_FORM: dict[str, str] = {
    "token": "here-comes-some-token",
    "team_id": "T01ND2P8N91",
    "team_domain": "opsdroidtests",
    "channel_id": "C01N639ECTY",
    "channel_name": "random",
    "user_id": "U01NK1K9L68",
    "user_name": "opsdroid.test",
    "command": "/testcommand",
    "text": "",
    "api_app_id": "A01NK2M4ABE",
    "is_enterprise_install": "false",
    "response_url": "https://hooks.slack.com/commands/T01ND2P8N91/2086715431956/xyP8iEhnQ0BjWLowcMLSPaSX",
    "trigger_id": "2093168434705.1761091294307.7f8d01a322363a013721e32e83af484b",
}

BLOCK_ACTIONS_BUTTON: dict[str, Any] = {
    "type": "block_actions",
    "user": {
        "id": "U01NK1K9L68",
        "username": "opsdroid.test",
        "name": "opsdroid.test",
        "team_id": "T01ND2P8N91",
    },
    "api_app_id": "A01NK2M4ABE",
    "token": "here-comes-some-token",
    "container": {
        "type": "message",
        "message_ts": "1613575038.002800",
        "channel_id": "C01N9PM1D53",
        "is_ephemeral": False,
    },
    "trigger_id": "1785900466016.1761091294307.570d0e81a0429ccc47b150dc9fe53b02",
    "team": {"id": "T01ND2P8N91", "domain": "opsdroidtests"},
    "enterprise": None,
    "is_enterprise_install": False,
    "channel": {"id": "C01N9PM1D53", "name": "tests"},
    "message": {
        "bot_id": "B01MY4ZRP5M",
        "type": "message",
        "text": "This content can't be displayed.",
        "user": "U01N9R657HB",
        "ts": "1613575038.002800",
        "team": "T01ND2P8N91",
        "blocks": [
            {
                "type": "section",
                "block_id": "Hrn",
                "text": {
                    "type": "mrkdwn",
                    "text": "This is a section block with a button.",
                    "verbatim": False,
                },
                "accessory": {
                    "type": "button",
                    "action_id": "button-action",
                    "text": {"type": "plain_text", "text": "Click Me", "emoji": True},
                    "value": "click_me_123",
                },
            }
        ],
    },
    "state": {"values": {}},
    "response_url": "https://hooks.slack.com/actions/T01ND2P8N91/1762059566786/SbuERthjFRJnSEB3FV9pGV7k",
    "actions": [
        {
            "action_id": "button-action",
            "block_id": "Hrn",
            "text": {"type": "plain_text", "text": "Click Me", "emoji": True},
            "value": "click_me_123",
            "type": "button",
            "action_ts": "1613575488.406573",
        }
    ],
}


# ---------------------------------------------------------------- interactive payloads


def bot_message(
    team_id: str,
    *,
    blocks: list[dict[str, Any]] | None = None,
    text: str = "This content can't be displayed.",
    ts: str | None = None,
) -> dict[str, Any]:
    """A message our bot posted, as it comes back inside a block_actions payload."""
    return {
        "bot_id": bot_id_for(team_id),
        "type": "message",
        "text": text,
        "user": bot_user_id_for(team_id),
        "ts": ts or new_ts(),
        "app_id": API_APP_ID,
        "team": team_id,
        "blocks": blocks or [],
    }


def _block_actions(
    team_id: str,
    user_id: str,
    action: dict[str, Any],
    *,
    message: dict[str, Any] | None,
    channel_id: str,
    view: dict[str, Any] | None,
    trigger_id: str | None,
    state_values: dict[str, Any] | None,
    user_name: str | None,
    response_url: str | None = None,
) -> dict[str, Any]:
    payload: dict[str, Any] = {
        **BLOCK_ACTIONS_BUTTON,
        "user": _user(team_id, user_id, user_name),
        "api_app_id": API_APP_ID,
        "token": VERIFICATION_TOKEN,
        "trigger_id": trigger_id or new_trigger_id(),
        "team": _team(team_id),
        "state": {"values": state_values or {}},
        "actions": [action],
    }
    if view is not None:
        # from a modal or the home tab: no channel, message or response_url
        for key in ("channel", "message", "response_url"):
            payload.pop(key)
        payload["container"] = {"type": "view", "view_id": view.get("id", "V0000000001")}
        payload["view"] = view
        if state_values is None:
            payload["state"] = view.get("state", {"values": {}})
        return payload
    if message is None:
        message = bot_message(team_id, blocks=[_block_holding(action)])
    payload["container"] = {
        "type": "message",
        "message_ts": message["ts"],
        "channel_id": channel_id,
        "is_ephemeral": False,
    }
    payload["channel"] = {
        "id": channel_id,
        "name": "directmessage" if channel_id.startswith("D") else "general",
    }
    payload["message"] = message
    payload["response_url"] = response_url or new_response_url("actions", team_id)
    return payload


def _block_holding(action: dict[str, Any]) -> dict[str, Any]:
    """A message block containing the element the action came from (so the payload is coherent)."""
    element = {k: v for k, v in action.items() if k not in ("block_id", "action_ts", "selected_option")}
    if action["type"] in ("overflow", "static_select"):
        selected = action["selected_option"]
        element["options"] = [selected, {"text": {"type": "plain_text", "text": "Other"}, "value": "other"}]
    return {"type": "actions", "block_id": action["block_id"], "elements": [element]}


def block_actions(
    team_id: str,
    user_id: str,
    action_id: str,
    value: str,
    *,
    block_id: str = "b1",
    text: str = "Click Me",
    message: dict[str, Any] | None = None,
    channel_id: str = "C123",
    view: dict[str, Any] | None = None,
    trigger_id: str | None = None,
    state_values: dict[str, Any] | None = None,
    user_name: str | None = None,
    response_url: str | None = None,
) -> dict[str, Any]:
    """A button click, from a message (default) or from ``view`` (a modal or the home tab)."""
    action = {
        "action_id": action_id,
        "block_id": block_id,
        "text": {"type": "plain_text", "text": text, "emoji": True},
        "value": value,
        "type": "button",
        "action_ts": new_ts(),
    }
    return _block_actions(
        team_id,
        user_id,
        action,
        message=message,
        channel_id=channel_id,
        view=view,
        trigger_id=trigger_id,
        state_values=state_values,
        user_name=user_name,
        response_url=response_url,
    )


def _selected(value: str, text: str | None) -> dict[str, Any]:
    return {"text": {"type": "plain_text", "text": text or value, "emoji": True}, "value": value}


def overflow_action(
    team_id: str,
    user_id: str,
    action_id: str,
    value: str,
    *,
    text: str | None = None,
    block_id: str = "b1",
    message: dict[str, Any] | None = None,
    channel_id: str = "C123",
    view: dict[str, Any] | None = None,
    trigger_id: str | None = None,
    user_name: str | None = None,
    response_url: str | None = None,
) -> dict[str, Any]:
    """An overflow menu choice (``actions[0].selected_option``)."""
    action = {
        "type": "overflow",
        "action_id": action_id,
        "block_id": block_id,
        "selected_option": _selected(value, text),
        "action_ts": new_ts(),
    }
    return _block_actions(
        team_id,
        user_id,
        action,
        message=message,
        channel_id=channel_id,
        view=view,
        trigger_id=trigger_id,
        state_values=None,
        user_name=user_name,
        response_url=response_url,
    )


def static_select_action(
    team_id: str,
    user_id: str,
    action_id: str,
    value: str,
    *,
    text: str | None = None,
    block_id: str = "b1",
    placeholder: str = "Select an item",
    message: dict[str, Any] | None = None,
    channel_id: str = "C123",
    view: dict[str, Any] | None = None,
    trigger_id: str | None = None,
    user_name: str | None = None,
    response_url: str | None = None,
) -> dict[str, Any]:
    """A static_select choice (``actions[0].selected_option``)."""
    action = {
        "type": "static_select",
        "action_id": action_id,
        "block_id": block_id,
        "selected_option": _selected(value, text),
        "placeholder": {"type": "plain_text", "text": placeholder, "emoji": True},
        "action_ts": new_ts(),
    }
    return _block_actions(
        team_id,
        user_id,
        action,
        message=message,
        channel_id=channel_id,
        view=view,
        trigger_id=trigger_id,
        state_values=None,
        user_name=user_name,
        response_url=response_url,
    )


def modal_view(
    team_id: str,
    *,
    callback_id: str,
    private_metadata: str = "",
    state_values: dict[str, Any] | None = None,
    view_id: str = "V0000000001",
    blocks: list[dict[str, Any]] | None = None,
    title: str = "Milo",
    submit: str | None = "Submit",
    view_type: str = "modal",
) -> dict[str, Any]:
    """A view as Slack echoes it back in interaction payloads (with id, hash, state, app ids)."""
    return {
        "id": view_id,
        "team_id": team_id,
        "type": view_type,
        "blocks": blocks or [],
        "private_metadata": private_metadata,
        "callback_id": callback_id,
        "state": {"values": state_values or {}},
        "hash": f"{int(time.time())}.{secrets.token_hex(4)}",
        "title": {"type": "plain_text", "text": title, "emoji": True},
        "clear_on_close": False,
        "notify_on_close": False,
        "close": {"type": "plain_text", "text": "Cancel", "emoji": True} if view_type == "modal" else None,
        "submit": {"type": "plain_text", "text": submit, "emoji": True} if submit else None,
        "previous_view_id": None,
        "root_view_id": view_id,
        "app_id": API_APP_ID,
        "external_id": "",
        "app_installed_team_id": team_id,
        "bot_id": bot_id_for(team_id),
    }


def view_submission(
    team_id: str,
    user_id: str,
    callback_id: str,
    state_values: dict[str, Any],
    private_metadata: str = "",
    *,
    view_id: str = "V0000000001",
    blocks: list[dict[str, Any]] | None = None,
    title: str = "Milo",
    trigger_id: str | None = None,
    user_name: str | None = None,
    response_urls: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """A modal submitted; build ``state_values`` with the ``*_state`` helpers below."""
    return {
        "type": "view_submission",
        "team": _team(team_id),
        "user": _user(team_id, user_id, user_name),
        "api_app_id": API_APP_ID,
        "token": VERIFICATION_TOKEN,
        "trigger_id": trigger_id or new_trigger_id(),
        "view": modal_view(
            team_id,
            callback_id=callback_id,
            private_metadata=private_metadata,
            state_values=state_values,
            view_id=view_id,
            blocks=blocks,
            title=title,
        ),
        "response_urls": response_urls or [],
        "is_enterprise_install": False,
        "enterprise": None,
    }


def view_closed(team_id: str, user_id: str, callback_id: str, private_metadata: str = "") -> dict[str, Any]:
    return {
        "type": "view_closed",
        "team": _team(team_id),
        "user": _user(team_id, user_id),
        "api_app_id": API_APP_ID,
        "token": VERIFICATION_TOKEN,
        "view": modal_view(team_id, callback_id=callback_id, private_metadata=private_metadata),
        "is_cleared": False,
        "is_enterprise_install": False,
        "enterprise": None,
    }


def block_suggestion(
    team_id: str,
    user_id: str,
    action_id: str,
    value: str,
    *,
    block_id: str = "b1",
    view: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """An external_select typing ``value`` (options load request)."""
    payload: dict[str, Any] = {
        "type": "block_suggestion",
        "user": _user(team_id, user_id),
        "container": {"type": "view", "view_id": (view or {}).get("id", "V0000000001")},
        "api_app_id": API_APP_ID,
        "token": VERIFICATION_TOKEN,
        "action_id": action_id,
        "block_id": block_id,
        "value": value,
        "team": _team(team_id),
        "enterprise": None,
        "is_enterprise_install": False,
    }
    if view is not None:
        payload["view"] = view
    return payload


# state.values entries: {block_id: {action_id: <one of these>}}


def text_input_state(value: str | None) -> dict[str, Any]:
    return {"type": "plain_text_input", "value": value}


def static_select_state(value: str | None, text: str | None = None) -> dict[str, Any]:
    return {"type": "static_select", "selected_option": None if value is None else _selected(value, text)}


def multi_static_select_state(values: list[str]) -> dict[str, Any]:
    return {"type": "multi_static_select", "selected_options": [_selected(v, None) for v in values]}


def users_select_state(user_id: str | None) -> dict[str, Any]:
    return {"type": "users_select", "selected_user": user_id}


def multi_users_select_state(user_ids: list[str]) -> dict[str, Any]:
    return {"type": "multi_users_select", "selected_users": list(user_ids)}


def conversations_select_state(channel_id: str | None) -> dict[str, Any]:
    return {"type": "conversations_select", "selected_conversation": channel_id}


def checkboxes_state(values: list[str]) -> dict[str, Any]:
    return {"type": "checkboxes", "selected_options": [_selected(v, None) for v in values]}


def radio_buttons_state(value: str | None) -> dict[str, Any]:
    return {"type": "radio_buttons", "selected_option": None if value is None else _selected(value, None)}


def datepicker_state(date: str | None) -> dict[str, Any]:
    return {"type": "datepicker", "selected_date": date}


def number_input_state(value: str | None) -> dict[str, Any]:
    return {"type": "number_input", "value": value}


# ---------------------------------------------------------------- Events API


def event_callback(
    team_id: str,
    event: dict[str, Any],
    *,
    api_app_id: str = API_APP_ID,
    event_id: str | None = None,
    event_time: int | None = None,
    bot_user_id: str | None = None,
    enterprise_id: str | None = None,
    is_ext_shared_channel: bool = False,
) -> dict[str, Any]:
    """The Events API envelope around ``event`` (authorizations name the installing bot)."""
    return {
        "token": VERIFICATION_TOKEN,
        "team_id": team_id,
        "enterprise_id": enterprise_id,
        "api_app_id": api_app_id,
        "event": event,
        "type": "event_callback",
        "event_id": event_id or new_event_id(),
        "event_time": event_time or int(time.time()),
        "authorizations": [
            {
                "enterprise_id": enterprise_id,
                "team_id": team_id,
                "user_id": bot_user_id or bot_user_id_for(team_id),
                "is_bot": True,
                "is_enterprise_install": False,
            }
        ],
        "is_ext_shared_channel": is_ext_shared_channel,
        "event_context": f"4-{secrets.token_urlsafe(24)}",
    }


def url_verification(
    challenge: str = "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
) -> dict[str, Any]:
    return {"token": VERIFICATION_TOKEN, "challenge": challenge, "type": "url_verification"}


def _rich_text(text: str) -> list[dict[str, Any]]:
    return [
        {
            "type": "rich_text",
            "block_id": secrets.token_hex(2),
            "elements": [{"type": "rich_text_section", "elements": [{"type": "text", "text": text}]}],
        }
    ]


def message_im(
    team_id: str, user_id: str, channel_id: str, text: str, *, ts: str | None = None
) -> dict[str, Any]:
    """A user's plain DM to the bot."""
    ts = ts or new_ts()
    event = {
        "client_msg_id": str(uuid.uuid4()),
        "type": "message",
        "text": text,
        "user": user_id,
        "ts": ts,
        "blocks": _rich_text(text) if text else [],
        "team": team_id,
        "channel": channel_id,
        "event_ts": ts,
        "channel_type": "im",
    }
    return event_callback(team_id, event)


def message_im_with_files(
    team_id: str,
    user_id: str,
    channel_id: str,
    files: list[dict[str, Any]],
    *,
    text: str = "",
    ts: str | None = None,
) -> dict[str, Any]:
    """A DM with attachments (``subtype`` ``file_share``). ``files`` are file objects, e.g. from
    ``FakeSlack.register_file``, so their ``url_private_download`` points at the fake."""
    ts = ts or new_ts()
    event = {
        "type": "message",
        "text": text,
        "files": files,
        "upload": False,
        "user": user_id,
        "display_as_bot": False,
        "ts": ts,
        "blocks": _rich_text(text) if text else [],
        "client_msg_id": str(uuid.uuid4()),
        "channel": channel_id,
        "subtype": "file_share",
        "event_ts": ts,
        "channel_type": "im",
    }
    return event_callback(team_id, event)


def file_shared(team_id: str, user_id: str, file_id: str, channel_id: str) -> dict[str, Any]:
    """``file_shared`` carries only ids; the app must call files.info to learn more."""
    event = {
        "type": "file_shared",
        "channel_id": channel_id,
        "file_id": file_id,
        "user_id": user_id,
        "file": {"id": file_id},
        "event_ts": new_ts(),
    }
    return event_callback(team_id, event)


def _reaction(
    kind: str, team_id: str, user_id: str, reaction: str, channel: str, ts: str, item_user: str
) -> dict:
    event = {
        "type": kind,
        "user": user_id,
        "item": {"type": "message", "channel": channel, "ts": ts},
        "reaction": reaction,
        "item_user": item_user,
        "event_ts": new_ts(),
    }
    return event_callback(team_id, event)


def reaction_added(team_id: str, user_id: str, reaction: str, channel: str, ts: str, item_user: str) -> dict:
    return _reaction("reaction_added", team_id, user_id, reaction, channel, ts, item_user)


def reaction_removed(
    team_id: str, user_id: str, reaction: str, channel: str, ts: str, item_user: str
) -> dict:
    return _reaction("reaction_removed", team_id, user_id, reaction, channel, ts, item_user)


def app_home_opened(
    team_id: str,
    user_id: str,
    *,
    channel_id: str | None = None,
    tab: str = "home",
    view: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The user opened the app's Home tab. ``view`` is present only once a home view was published."""
    event: dict[str, Any] = {
        "type": "app_home_opened",
        "user": user_id,
        "channel": channel_id or f"D{user_id[1:]}",
        "tab": tab,
        "event_ts": new_ts(),
    }
    if view is not None:
        event["view"] = view
    return event_callback(team_id, event)


def _bare_event_callback(team_id: str, event: dict[str, Any]) -> dict[str, Any]:
    """The envelope of the events Slack sends once milobot's access is gone (docs.slack.dev's examples
    of app_uninstalled and tokens_revoked): no `authorizations`, since nothing is authorized any more."""
    return {
        "token": VERIFICATION_TOKEN,
        "team_id": team_id,
        "api_app_id": API_APP_ID,
        "event": event,
        "type": "event_callback",
        "event_id": new_event_id(),
        "event_time": int(time.time()),
    }


def app_uninstalled(team_id: str) -> dict[str, Any]:
    """milobot was uninstalled from the workspace (its tokens are already revoked)."""
    return _bare_event_callback(team_id, {"type": "app_uninstalled"})


def tokens_revoked(team_id: str, *, bot: list[str] | None = None, oauth: list[str] | None = None) -> dict:
    """Tokens revoked: ``bot`` lists bot user ids (the bot token), ``oauth`` user ids (user tokens)."""
    return _bare_event_callback(
        team_id, {"type": "tokens_revoked", "tokens": {"oauth": list(oauth or []), "bot": list(bot or [])}}
    )
