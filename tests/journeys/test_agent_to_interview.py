"""Journeys across features, as a hiring team lives them: an agent made in Slack is shared, a candidate
takes its interview on the web, the card reaches the channel, and archiving closes the link."""

from __future__ import annotations

import logging

from sqlalchemy import select

from milobot.db.engine import Database
from milobot.db.models import Candidate, Interview, LinkVisit
from milobot.ids import Action, AgentMenu
from tests.agents.support import CHANNEL, agents, create_agent, menu_value
from tests.conftest import ADMIN
from tests.fakes import payloads
from tests.interview_web.helpers import Browser


async def test_agent_made_in_slack_interviews_a_candidate_then_archive_closes_the_link(milo, slack):
    await create_agent(
        milo,
        slack,
        name="Support Lead",
        questions="Tell me about an angry customer you calmed down.\nHow do you prioritise a full queue?",
    )
    [agent] = await agents(milo)
    link = f"/i/{agent.share_token}?src=lobby-poster"

    async with Browser(milo) as person:
        await person.open(link)
        assert person.status == 200 and "AI" in person.html
        await person.submit(name="Grace Hopper", email="grace@example.com", consent="yes")
        for answer in (
            "For example, I led a call with a customer whose outage cost them 3 hours; I listened, apologised, "
            "gave a clear timeline and followed up daily until it was fixed.",
            "I sort by impact and urgency, answer the 5 oldest first, and tag duplicates.",
        ):
            await person.submit(answer=answer)
        assert person.status == 200 and "Thank" in person.html

    card = await slack.wait_for("chat.postMessage", lambda c: c.args.get("channel") == CHANNEL, timeout=10)
    assert "Grace Hopper" in str(card.args["blocks"]) and "/100" in str(card.args["blocks"])
    await milo.container.link_visits.flush()  # visits are counted in memory, written in batches
    async with milo.container.db.unit_of_work() as s:
        interview = await s.scalar(select(Interview))
        candidate = await s.get(Candidate, interview.candidate_id)
        visits = (await s.scalars(select(LinkVisit.source_tag))).all()
    assert interview.status == "completed"
    assert candidate.source == "link" and candidate.source_tag == "lobby-poster"
    assert "lobby-poster" in visits  # the poster's tag is counted for analytics by source

    await milo.interact(
        payloads.overflow_action(
            slack.team_id,
            ADMIN,
            Action.AGENT_ACTIONS,
            menu_value(AgentMenu.ARCHIVE, agent.id),
            response_url=slack.new_response_url(),
        )
    )
    await milo.wait_until(lambda: _status(milo, agent.id, "archived"))
    async with Browser(milo) as latecomer:
        await latecomer.open(link)
        assert latecomer.status == 410 and "closed" in latecomer.html.lower()


async def _status(milo, agent_id: int, wanted: str) -> bool:
    return [a.status for a in await agents(milo) if a.id == agent_id] == [wanted]


async def test_an_unexpected_failure_reaches_the_person_with_a_reference_and_is_logged(milo, slack, caplog):
    broken = Database.from_url("postgresql+asyncpg://nobody@127.0.0.1:1/none")
    real = milo.container.db
    for service in (milo.container.team, milo.container.home):
        service.db = broken
    try:
        with caplog.at_level(logging.ERROR, logger="milobot.handlers"):
            await milo.command("team", user=ADMIN)
            reply = await milo.replies()
    finally:
        for service in (milo.container.team, milo.container.home):
            service.db = real
        await broken.dispose()
    assert "Something went wrong on our side (ref `" in reply.args["text"]
    ref = reply.args["text"].split("ref `")[1].split("`")[0]
    [record] = [r for r in caplog.records if ref in r.getMessage()]
    message = record.getMessage()
    assert f"'team': '{slack.team_id}'" in message and f"'user': '{ADMIN}'" in message and "/milo" in message
