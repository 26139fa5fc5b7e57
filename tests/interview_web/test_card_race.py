"""Two replicas holding different `slack.card` rows for one interview post its card once."""

from __future__ import annotations

import asyncio

from sqlalchemy import select

from milobot.db.models import AgentVersion, Interview
from milobot.db.types import utcnow
from milobot.jobs.outbox import Delivery
from milobot.services.candidate_records import new_candidate
from milobot.services.workspaces import get_or_create_workspace
from tests.interview_web.helpers import make_agent


async def test_concurrent_first_card_deliveries_post_once_then_update(milo, slack):
    agent_id = await make_agent(milo)
    async with milo.container.db.unit_of_work() as s:
        ws = await get_or_create_workspace(s, slack.team_id)
        version = await s.scalar(select(AgentVersion).where(AgentVersion.agent_id == agent_id))
        candidate = new_candidate(
            s, workspace_id=ws.id, agent_id=agent_id, name="Ada Lovelace", email="ada@example.com"
        )
        await s.flush()
        interview = Interview(
            workspace_id=ws.id,
            candidate_id=candidate.id,
            agent_id=agent_id,
            agent_version_id=version.id,
            status="completed",
            overall_score=72.5,
            completed_at=utcnow(),
        )
        s.add(interview)
        await s.flush()
        item = Delivery(
            id=0,
            workspace_id=ws.id,
            team_id=slack.team_id,
            kind="slack.card",
            payload={"interview_id": interview.id},
            attempts=0,
        )

    deliver = milo.container.outbox.deliverers["slack.card"]
    await asyncio.gather(deliver(item), deliver(item), deliver(item), return_exceptions=True)
    await deliver(item)  # whichever lost the race comes back later, as the outbox would retry it
    assert len(slack.calls_to("chat.postMessage")) == 1
    assert len(slack.calls_to("chat.update")) >= 1
    async with milo.container.db.unit_of_work() as s:
        row = await s.get(Interview, interview.id)
        assert row.card_ts == slack.calls_to("chat.update")[-1].args["ts"]
        assert row.card_channel == slack.calls_to("chat.postMessage")[0].args["channel"]
