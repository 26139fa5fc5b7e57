"""Can milobot post an agent's notices in a channel, and may this person send them there? Asked of Slack
before the agent's channel changes (`/milo agent channel`): a public channel milobot isn't in is joined
(channels:join); a private one needs `/invite @milobot` first, since a bot can't join those; and the
person choosing must be able to see the channel, so nobody routes notices into a room they can't read."""

from __future__ import annotations

from dataclasses import dataclass

from slack_sdk.errors import SlackApiError

from milobot.blocks.text import display
from milobot.errors import Invalid

MEMBER_PAGES = 20  # 20,000 members at 1,000 a page: a private channel bigger than that is not a team room
# One message for "no such channel", "private and milobot isn't in it" and "private and you aren't in
# it": which of those it is would tell a person about a private channel they aren't in.
NOT_VISIBLE = (
    "I can't use that channel for notices: either it's private and I'm not in it yet (invite me with "
    "`/invite @milobot` in the channel, then try again), or it isn't a channel you're in."
)


@dataclass(frozen=True)
class PostableChannel:
    id: str
    name: str
    private: bool
    joined: bool  # milobot joined it just now


def _code(exc: SlackApiError) -> str:
    return str((exc.response or {}).get("error") or "unknown_error")


async def _is_member(client, channel_id: str, user_id: str) -> bool:
    cursor = None
    for _ in range(MEMBER_PAGES):
        reply = await client.conversations_members(channel=channel_id, limit=1000, cursor=cursor)
        if user_id in (reply.get("members") or []):
            return True
        cursor = (reply.get("response_metadata") or {}).get("next_cursor")
        if not cursor:
            return False
    return False


async def ensure_postable(client, *, channel_id: str, user_id: str) -> PostableChannel:
    try:
        info = (await client.conversations_info(channel=channel_id))["channel"]
    except SlackApiError as exc:
        if _code(exc) in ("channel_not_found", "method_not_supported_for_channel_type", "missing_scope"):
            raise Invalid(NOT_VISIBLE) from None
        # Anything else (rate limited, Slack having a moment) is a refusal too, with a way forward: a
        # modal waiting on this answer needs one within Slack's three seconds.
        raise Invalid(
            f"Slack didn't answer about that channel (`{display(_code(exc), 60)}`). Try again in a moment."
        ) from None
    if info.get("is_im") or info.get("is_mpim"):
        raise Invalid("Notices go to a channel, not a direct message. Pick a channel.")
    name = str(info.get("name") or channel_id)
    shown = f"#{display(name, 80)}"
    if info.get("is_archived"):
        raise Invalid(f"{shown} is archived. Pick a channel that's in use.")
    private = bool(info.get("is_private"))
    if private:
        # milobot sees a private channel only as a member, so Slack answering at all means it's in.
        try:
            member = await _is_member(client, channel_id, user_id)
        except SlackApiError:
            member = False
        if not member:
            raise Invalid(NOT_VISIBLE)
        return PostableChannel(channel_id, name, True, False)
    if info.get("is_member"):
        return PostableChannel(channel_id, name, False, False)
    try:
        await client.conversations_join(channel=channel_id)
    except SlackApiError as exc:
        raise Invalid(
            f"I couldn't join {shown} (Slack said `{display(_code(exc), 60)}`). "
            "Invite me with `/invite @milobot` there, then try again."
        ) from None
    return PostableChannel(channel_id, name, False, True)
