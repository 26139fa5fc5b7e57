"""Privacy in public channels: the workspace's choice, the per-agent override either way, and what a
hidden card still carries (initials, candidate number, score, buttons)."""

from __future__ import annotations

import json

from milobot.blocks.ats import notice
from milobot.db.models import Agent, Interview
from milobot.ids import Action
from milobot.services.ats_sync import NoticeData, NoticeLine
from milobot.services.privacy import PUBLIC_CHANNEL_PRIVACY, REDACT, SHOW, hides_personal_data, initials
from milobot.services.workspaces import get_or_create_workspace
from tests.reliability.support import completed_interview

PUBLIC = "C0PUBLIC01"


async def _card(milo, slack, *, workspace: str | None, agent: str | None, channel: str = PUBLIC) -> str:
    slack.add_channel(PUBLIC, "hiring", is_private=False)
    slack.add_channel("G0PRIVATE1", "hiring-private", is_private=True, is_channel=False, is_group=True)
    async with milo.container.db.unit_of_work() as s:
        ws = await get_or_create_workspace(s, slack.team_id)
        if workspace:
            ws.settings = {**(ws.settings or {}), PUBLIC_CHANNEL_PRIVACY: workspace}
    interview_id = await completed_interview(milo, channel=channel, enqueue=False)
    async with milo.container.db.unit_of_work() as s:
        interview = await s.get(Interview, interview_id)
        (await s.get(Agent, interview.agent_id)).public_channel_privacy = agent
        from milobot.services.interview_records import enqueue_card

        enqueue_card(s, interview)
    post = await slack.wait_for("chat.postMessage", lambda c: c.args["channel"] == channel, timeout=10)
    return json.dumps(post.args["blocks"]) + post.args["text"]


def _hidden(text: str) -> bool:
    assert "80/100" in text and Action.CANDIDATE_VIEW in text  # the score and the buttons always
    return "ada@example.com" not in text and "Ada Lovelace" not in text and "A.L. (candidate #" in text


async def test_public_cards_carry_initials_a_number_the_score_and_buttons_by_default(milo, slack):
    assert _hidden(await _card(milo, slack, workspace=None, agent=None))


async def test_an_agent_can_hide_details_where_the_workspace_shows_them(milo, slack):
    assert _hidden(await _card(milo, slack, workspace=SHOW, agent=REDACT))


async def test_an_agent_can_show_details_where_the_workspace_hides_them(milo, slack):
    text = await _card(milo, slack, workspace=REDACT, agent=SHOW)
    assert "ada@example.com" in text and "Ada Lovelace" in text


async def test_a_private_channel_shows_details_whatever_the_override(milo, slack):
    text = await _card(milo, slack, workspace=None, agent=REDACT, channel="G0PRIVATE1")
    assert "ada@example.com" in text and "Ada Lovelace" in text


def test_the_rule_and_the_ats_notice_builder():
    assert (
        hides_personal_data(channel_is_public=None, workspace_settings={PUBLIC_CHANNEL_PRIVACY: SHOW})
        is False
    )
    assert hides_personal_data(channel_is_public=True, workspace_settings={}, agent_override="junk") is True
    assert initials("  <!channel> ada   king LOVELACE ") == "A.L." and initials("***") == "?"
    data = NoticeData(
        1,
        1,
        "Backend",
        "Greenhouse",
        PUBLIC,
        None,
        [
            NoticeLine(
                7, "Ada Lovelace", "interview.completed", "failed", None, "422: ada@example.com taken", 42
            )
        ],
    )
    text = json.dumps(notice(data.without_personal_data()))
    assert "Ada" not in text and "ada@example.com" not in text and "A.L. (candidate #42)" in text
    assert "Retry" in text
