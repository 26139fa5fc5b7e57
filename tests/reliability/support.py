"""Helpers for the reliability tests: a completed, scored interview straight in the database, its card
enqueued the way the services enqueue it, and the card's delivery row."""

from __future__ import annotations

from sqlalchemy import select

from milobot.db.models import AgentVersion, Answer, Interview
from milobot.db.types import utcnow
from milobot.jobs.outbox import Delivery
from milobot.services.candidate_records import new_candidate
from milobot.services.interview_records import CARD_KIND, enqueue_card
from milobot.services.workspaces import get_or_create_workspace
from tests.interview_web.helpers import QUESTIONS_V1, make_agent

ANSWER = "I owned the checkout outage: p99 went to 4 s, I found the missing index and wrote the postmortem."


async def completed_interview(
    milo,
    *,
    channel: str | None,
    name: str = "Ada Lovelace",
    email: str = "ada@example.com",
    phone: str = "+442071838750",
    answer: str = ANSWER,
    enqueue: bool = True,
    share_token: str = "share-tok-rel",
    agent_name: str = "Backend Engineer",
) -> int:
    """A scored interview of a new candidate of a new agent posting to `channel`; its card enqueued."""
    agent_id = await make_agent(milo, name=agent_name, channel=channel, share_token=share_token)
    async with milo.container.db.unit_of_work() as s:
        ws = await get_or_create_workspace(s, milo.slack.team_id)
        version = await s.scalar(select(AgentVersion).where(AgentVersion.agent_id == agent_id))
        candidate = new_candidate(
            s, workspace_id=ws.id, agent_id=agent_id, name=name, email=email, phone=phone
        )
        await s.flush()
        interview = Interview(
            workspace_id=ws.id,
            candidate_id=candidate.id,
            agent_id=agent_id,
            agent_version_id=version.id,
            status="completed",
            overall_score=80.0,
            scorer="rubric",
            completed_at=utcnow(),
        )
        s.add(interview)
        await s.flush()
        for i, q in enumerate(QUESTIONS_V1):
            s.add(
                Answer(
                    workspace_id=ws.id,
                    interview_id=interview.id,
                    question_index=i,
                    question_text=q["text"],
                    answer_text=answer,
                    score=4,
                    evidence=[answer[:80]],
                    rationale=f"Quotes the answer: “{answer[:40]}”",
                )
            )
        if enqueue:
            enqueue_card(s, interview)
        return interview.id


async def deliver_card(milo, interview_id: int) -> dict:
    """Run the `slack.card` deliverer once, as the outbox would for one of the interview's card rows."""
    async with milo.container.db.unit_of_work() as s:
        interview = await s.get(Interview, interview_id)
        workspace_id = interview.workspace_id
    item = Delivery(
        0, workspace_id, milo.slack.team_id, CARD_KIND, {"interview_id": interview_id}, attempts=0
    )
    return await milo.container.outbox.deliverers[CARD_KIND](item)


async def interview_row(milo, interview_id: int) -> Interview:
    async with milo.container.db.unit_of_work() as s:
        return await s.get(Interview, interview_id)
