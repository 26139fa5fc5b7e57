"""An ATS-sync notice in a public channel names candidates by initials and number only (the workspace's
public_channel_privacy, default "redact"); an agent whose override is "show" names them in full."""

from __future__ import annotations

import json

from sqlalchemy import update

from milobot.db.models import Agent
from milobot.services.privacy import SHOW
from tests.ats.test_greenhouse import connected, notice_text
from tests.interview_web.helpers import CARD_CHANNEL
from tests.webhooks.support import api_key, post_result, result


async def test_a_public_notice_carries_initials_and_an_agent_can_show_names(milo, slack, greenhouse):
    slack.add_channel(CARD_CHANNEL, "hiring", is_private=False)
    await connected(milo, slack, greenhouse)
    key = await api_key(milo)
    await post_result(milo, key, result(1))
    first = await slack.wait_for("chat.postMessage", lambda c: "ATS sync" in notice_text(c), timeout=30)
    text = notice_text(first)
    assert first.args["channel"] == CARD_CHANNEL
    assert "Candidate 1" not in text and "C. (candidate #" in text and "cand1@" not in text

    async with milo.container.db.unit_of_work() as s:
        await s.execute(update(Agent).values(public_channel_privacy=SHOW))
    await post_result(milo, key, result(2))

    async def named() -> bool:  # the notice as Slack holds it now, whether updated or posted anew
        held = json.dumps(slack.messages.get(CARD_CHANNEL, {}))
        return "ATS sync" in held and "Candidate 2" in held

    assert await milo.wait_until(named, timeout=30)
