"""candidate.rated and candidate.nudged from the candidate review's own buttons, over the wire."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from milobot import metadata
from milobot.db.models import Candidate
from milobot.ids import Block, Input, ProfileAction, View
from tests.agents.support import submit
from tests.conftest import ADMIN
from tests.fakes import payloads
from tests.fakes.webhook_receiver import verifies
from tests.interview_web.helpers import make_agent
from tests.webhooks.support import add_endpoint, secret_in

HOOK = "/hooks/review"


@pytest.fixture
def settings_overrides(smtp) -> dict:
    return {"outbound_allow": "127.0.0.1", "retry_schedule": (0.2, 0.2, 0.2), "smtp_url": smtp.url}


async def test_a_rating_and_a_nudge_are_signed_events(milo, slack, receiver, smtp):
    agent_id = await make_agent(milo)
    ack = await add_endpoint(
        milo, slack, agent_id, receiver.url_for(HOOK), ["candidate.rated", "candidate.nudged"]
    )
    secret = secret_in(ack)
    state = {Block.CANDIDATES_TEXT: {Input.VALUE: payloads.text_input_state("Nia Nudge, nia@example.com")}}
    await submit(
        milo, slack.team_id, ADMIN, View.ADD_CANDIDATES, state, metadata.ModalContext(agent_id=agent_id)
    )
    async with milo.container.db.unit_of_work() as s:
        candidate = await s.scalar(select(Candidate))

    rating = metadata.encode(metadata.RatingChoice(candidate_id=candidate.id, choice="up"))
    await milo.interact(
        payloads.block_actions(
            slack.team_id, ADMIN, ProfileAction.THUMBS_UP, rating, response_url=slack.new_response_url()
        )
    )
    rated = await receiver.wait_for(HOOK)
    assert rated.json["type"] == "candidate.rated" and verifies(secret, rated)
    assert rated.json["data"]["rating"] == {"by": ADMIN, "kind": "thumbs", "value": 1, "source": "button"}

    ref = metadata.encode(metadata.CandidateRef(candidate_id=candidate.id))
    await milo.interact(
        payloads.block_actions(
            slack.team_id, ADMIN, ProfileAction.NUDGE, ref, response_url=slack.new_response_url()
        )
    )
    _, nudged = await receiver.wait_for(HOOK, count=2)
    assert nudged.json["type"] == "candidate.nudged" and verifies(secret, nudged)
    assert nudged.json["data"]["nudged_by"] == ADMIN and nudged.json["data"]["nudge_count"] == 1
    assert nudged.json["data"]["candidate"]["email"] == "nia@example.com"
