"""ATS-sync notices follow the agent's channel: after `/milo agent channel`, the next outcome opens a new
message in the new channel instead of joining the minute-old one in the old channel."""

from __future__ import annotations

from tests.ats.test_greenhouse import connected, notice_text
from tests.conftest import ADMIN
from tests.interview_web.helpers import CARD_CHANNEL
from tests.webhooks.support import api_key, post_result, result

NEW_CHANNEL = "C0NOTICES1"


async def test_notices_move_with_the_agents_channel(milo, slack, greenhouse):
    # Private, so the notice names candidates (a public one shows initials: tests/privacy).
    slack.add_channel(
        NEW_CHANNEL, "notices", is_private=True, is_channel=False, is_group=True, members=[ADMIN]
    )
    await connected(milo, slack, greenhouse)
    key = await api_key(milo)
    await post_result(milo, key, result(1))
    first = await slack.wait_for("chat.postMessage", lambda c: "ATS sync" in notice_text(c), timeout=30)
    assert first.args["channel"] == CARD_CHANNEL

    mark = slack.mark()
    await milo.command(f"agent channel backend engineer <#{NEW_CHANNEL}|notices>", user=ADMIN)
    reply = await slack.wait_for("response_url", since=mark)
    assert "now posts" in reply.args["text"]
    await post_result(milo, key, result(2))
    moved = await slack.wait_for(
        "chat.postMessage",
        lambda c: "ATS sync" in notice_text(c) and "Candidate 2" in notice_text(c),
        timeout=30,
        since=mark,
    )
    assert moved.args["channel"] == NEW_CHANNEL and "Candidate 1" not in notice_text(moved)
