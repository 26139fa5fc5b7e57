"""What the candidate-review listeners share: one effect per interaction even when Slack delivers it
again, refusals shown where the person is (over the modal they clicked in), typed reading of a note's
rich text, and re-showing the profile after a change made from it."""

from __future__ import annotations

import functools
import hashlib
import logging
from typing import Any

from slack_bolt.response import BoltResponse
from slack_sdk.models.blocks import MarkdownTextObject, SectionBlock
from slack_sdk.models.views import View

from milobot.blocks.profile import profile_view
from milobot.blocks.text import clip
from milobot.errors import MilobotError
from milobot.handlers.errors import report
from milobot.ids import ProfileAction, ProfileView
from milobot.metadata import ProfileRef, decode
from milobot.services.context import Identity
from milobot.services.events import claim_once

log = logging.getLogger(__name__)

# Interactions that change something: a second delivery of the same click or submission is dropped.
ONCE_ACTIONS = {
    ProfileAction.SHORTLIST,
    ProfileAction.UNDO,
    ProfileAction.NUDGE,
    ProfileAction.NOTE_MENU,
    "candidate.shortlist",
}
ONCE_VIEWS = {ProfileView.NOTE, ProfileView.DISMISS, ProfileView.NUDGE_ALL}


def interaction_key(body: dict[str, Any]) -> str | None:
    kind = body.get("type")
    if kind == "block_actions":
        action = (body.get("actions") or [{}])[0]
        if action.get("action_id") not in ONCE_ACTIONS:
            return None
        unique = f"{action.get('action_id')}:{action.get('action_ts')}:{body.get('trigger_id')}"
    elif kind == "view_submission":
        view = body.get("view") or {}
        if view.get("callback_id") not in ONCE_VIEWS:
            return None
        unique = f"{view.get('id')}:{view.get('hash')}:{body.get('trigger_id')}"
    else:
        return None
    team = (body.get("team") or {}).get("id") if isinstance(body.get("team"), dict) else None
    user = (body.get("user") or {}).get("id") if isinstance(body.get("user"), dict) else None
    digest = hashlib.sha256(f"{team}:{user}:{unique}".encode()).hexdigest()[:48]
    return f"ia:{digest}"


def register_once(app, container) -> None:
    @app.middleware
    async def once_per_interaction(body, next):  # noqa: A002 (Bolt names it `next`)
        # Slack can deliver an interaction again (X-Slack-Retry-Num) when our answer was slow; the
        # first delivery claims its key, and a later one, on any replica, is acknowledged and dropped.
        key = interaction_key(body)
        if key and not await claim_once(container.db, event_id=key, team_id=None):
            log.info("dropping a repeated delivery of %s", key)
            return BoltResponse(status=200, body="")
        return await next()


def from_modal(body: dict[str, Any]) -> bool:
    """A click inside a modal (push the next view on top) rather than in a message or on the Home tab
    (open a new modal)."""
    return (body.get("view") or {}).get("type") == "modal" and (body.get("container") or {}).get(
        "type"
    ) != "message"


def notice_view(text: str, *, title: str = "milobot") -> dict:
    return View(
        type="modal",
        title=title,
        close="OK",
        blocks=[SectionBlock(text=MarkdownTextObject(text=clip(text, 2900)))],
    ).to_dict()


def in_modal(listener):
    """Like handlers.errors.guarded, but a refusal of a click inside a modal is shown over that modal
    (a DM would leave the person looking at a form that did nothing)."""

    @functools.wraps(listener)
    async def wrapper(*args, **kwargs):
        body = kwargs.get("body") or {}
        client = kwargs.get("client")
        try:
            return await listener(*args, **kwargs)
        except MilobotError as error:
            if from_modal(body) and body.get("trigger_id") and client is not None:
                try:
                    await client.views_push(
                        trigger_id=body["trigger_id"], view=notice_view(f":warning: {error.message}")
                    )
                    return None
                except Exception:
                    log.warning("could not show a refusal over the modal", exc_info=True)
            await report(error, body, client)
        except Exception as error:
            await report(error, body, client)

    return wrapper


def shown_profile(body: dict[str, Any]) -> tuple[str, ProfileRef] | None:
    """The profile modal a click came from: its view id and what it shows, or None."""
    view = body.get("view") or {}
    if view.get("callback_id") != ProfileView.PROFILE or not view.get("id"):
        return None
    return view["id"], decode(ProfileRef, view.get("private_metadata"))


async def refresh_profile(
    container, client, identity: Identity, view_id: str | None, ref: ProfileRef
) -> None:
    """Show the profile again in the modal it is in, after a change made from it or over it."""
    if not view_id:
        return
    data = await container.review.profiles.profile(
        identity=identity, candidate_id=ref.candidate_id, interview_id=ref.interview_id, page=ref.page
    )
    await client.views_update(view_id=view_id, view=profile_view(data))


def rich_text_to_text(value: dict[str, Any] | None) -> str:
    """A rich_text_input's value as note text: words as typed, a user mention as `<@U…>` (the one
    markup a note keeps), a broadcast or user group as plain words (never a ping)."""
    out: list[str] = []
    for block in (value or {}).get("elements") or []:
        kind = block.get("type")
        if kind == "rich_text_list":
            ordered = block.get("style") == "ordered"
            for n, item in enumerate(block.get("elements") or [], start=1):
                out.append(f"{n}. " if ordered else "• ")
                out.append(_inline(item.get("elements") or []).rstrip("\n") + "\n")
        elif kind == "rich_text_quote":
            out.append("> " + _inline(block.get("elements") or []).rstrip("\n") + "\n")
        elif kind in ("rich_text_section", "rich_text_preformatted"):
            out.append(_inline(block.get("elements") or []))
    return "".join(out).strip()


def _inline(elements: list[dict[str, Any]]) -> str:
    parts = []
    for el in elements:
        kind = el.get("type")
        if kind == "text":
            parts.append(str(el.get("text") or ""))
        elif kind == "user" and el.get("user_id"):
            parts.append(f"<@{el['user_id']}>")
        elif kind == "channel" and el.get("channel_id"):
            parts.append(f"<#{el['channel_id']}>")
        elif kind == "broadcast":
            parts.append(f"@{el.get('range') or 'channel'}")
        elif kind == "usergroup":
            parts.append("@group")
        elif kind == "link":
            parts.append(str(el.get("text") or el.get("url") or ""))
        elif kind == "emoji":
            parts.append(f":{el.get('name')}:")
        elif kind == "date":
            parts.append(str(el.get("fallback") or ""))
    return "".join(parts)


def note_text(state: dict[str, dict[str, Any]], block_id: str) -> str:
    element = (state.get(block_id) or {}).get("value") or {}
    if element.get("type") == "rich_text_input":
        return rich_text_to_text(element.get("rich_text_value"))
    return str(element.get("value") or "")
