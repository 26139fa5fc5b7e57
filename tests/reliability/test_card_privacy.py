"""Candidate details in public channels: hidden by default, decided from Slack's answer about the
channel (conversations.info), never from the channel id's first letter; and a new agent's channel is
only ever the one chosen in the form."""

from __future__ import annotations

import json

from sqlalchemy import select

from milobot import metadata
from milobot.db.models import Agent
from milobot.ids import View
from milobot.services.privacy import PUBLIC_CHANNEL_PRIVACY, SHOW
from milobot.services.workspaces import get_or_create_workspace
from tests.agents.support import new_agent_state, submit
from tests.conftest import ADMIN
from tests.reliability.support import ANSWER, completed_interview

SECRETS = ("ada@example.com", "+442071838750", ANSWER[:40], "missing index")


async def _card_text(slack, channel: str) -> str:
    post = await slack.wait_for("chat.postMessage", lambda c: c.args["channel"] == channel, timeout=10)
    return json.dumps(post.args["blocks"]) + post.args["text"]


async def test_a_card_in_a_channel_slack_reports_public_carries_no_email_phone_or_answer(milo, slack):
    slack.add_channel("C0PUBLIC01", "hiring", is_private=False)
    await completed_interview(milo, channel="C0PUBLIC01")
    text = await _card_text(slack, "C0PUBLIC01")
    # Initials and the candidate number, the score and the buttons: no name (services/privacy.py).
    assert "Ada Lovelace" not in text and "A.L. (candidate #" in text and "80/100" in text
    for secret in SECRETS:
        assert secret not in text, secret
    assert "aren't shown in a public channel" in text
    asked = slack.last("conversations.info")
    assert asked.args["channel"] == "C0PUBLIC01"


async def test_the_same_card_in_a_private_channel_carries_them(milo, slack):
    # A "C" id that Slack says is private: the answer comes from Slack, not from the id's first letter.
    slack.add_channel("C0SECRET01", "hiring-private", is_private=True, is_channel=False, is_group=True)
    await completed_interview(milo, channel="C0SECRET01")
    text = await _card_text(slack, "C0SECRET01")
    for secret in SECRETS:
        assert secret in text, secret
    assert "aren't shown in a public channel" not in text


async def test_a_channel_slack_cannot_describe_counts_as_public(milo, slack):
    slack.inject_error("conversations.info", "channel_not_found")
    await completed_interview(milo, channel="G0UNKNOWN1")
    text = await _card_text(slack, "G0UNKNOWN1")
    for secret in SECRETS:
        assert secret not in text, secret


async def test_a_workspace_can_choose_to_show_details_in_public_channels(milo, slack):
    async with milo.container.db.unit_of_work() as s:
        ws = await get_or_create_workspace(s, slack.team_id)
        ws.settings = {**(ws.settings or {}), PUBLIC_CHANNEL_PRIVACY: SHOW}
    await completed_interview(milo, channel="C0PUBLIC02")
    text = await _card_text(slack, "C0PUBLIC02")
    assert "ada@example.com" in text and ANSWER[:40] in text


async def test_a_new_agent_posts_only_to_the_channel_chosen_in_the_form(milo, slack):
    # Typed in a public channel, with no channel chosen: the agent gets no channel at all.
    context = metadata.ModalContext(channel_id="C0TYPEDIN1")
    state = new_agent_state(name="Backend Engineer", questions="Tell me about a hard bug.", channel=None)
    assert await submit(milo, slack.team_id, ADMIN, View.AGENT_NEW, state, context) == {}
    chosen = new_agent_state(
        name="Data Engineer", questions="Tell me about a pipeline.", channel="G0CHOSEN01"
    )
    assert await submit(milo, slack.team_id, ADMIN, View.AGENT_NEW, chosen, context) == {}
    async with milo.container.db.unit_of_work() as s:
        agents = {a.name: a.channel_id for a in (await s.scalars(select(Agent))).all()}
    assert agents == {"Backend Engineer": None, "Data Engineer": "G0CHOSEN01"}
