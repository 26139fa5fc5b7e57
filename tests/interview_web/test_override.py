"""Score overrides: admin-only, audited, recompute the overall and update the card in place."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from milobot.db.models import Answer, AuditEntry, Interview
from milobot.errors import Forbidden, Invalid, NotFound
from milobot.ids import Action, Input, ProfileBlock, ProfileView
from milobot.metadata import InterviewRef, encode
from milobot.services.context import Identity
from tests.conftest import ADMIN
from tests.fakes import payloads
from tests.interview_web.helpers import CARD_CHANNEL, GOOD_ANSWERS, Browser, make_agent, posted_card

VIEWER = "UVIEWER001"


async def completed_interview(milo) -> Interview:
    await make_agent(milo)
    async with Browser(milo) as browser:
        await browser.open("/i/share-tok-0001")
        await browser.submit(name="Olive Override", email="olive@example.com", consent="yes")
        for answer in GOOD_ANSWERS:
            await browser.submit(answer=answer)
    return await posted_card(milo)


async def test_override_is_audited_changes_the_overall_and_updates_the_card(milo, slack):
    interview = await completed_interview(milo)
    async with milo.container.db.unit_of_work() as s:
        answers = (await s.scalars(select(Answer).order_by(Answer.question_index))).all()
    target = answers[0]
    new_score = 1 if target.score != 1 else 5
    mark = slack.mark()
    result = await milo.container.interviews.override_score(
        identity=Identity(slack.team_id, ADMIN),
        answer_id=target.id,
        score=new_score,
        reason="Answer was off-topic",
    )
    assert result.previous == target.score and result.overall_score != interview.overall_score

    update = await slack.wait_for("chat.update", since=mark, timeout=10)
    assert update.args["ts"] == interview.card_ts
    assert f"{round(result.overall_score)}/100" in str(update.args["blocks"])
    assert "adjusted by the team" in str(update.args["blocks"])
    async with milo.container.db.unit_of_work() as s:
        fresh = await s.get(Interview, interview.id)
        answer = await s.get(Answer, target.id)
        entry = await s.scalar(select(AuditEntry).where(AuditEntry.action == "interview.score_override"))
    assert fresh.overall_score == result.overall_score
    assert (answer.score, answer.score_override, answer.override_by) == (target.score, new_score, ADMIN)
    assert entry.actor_id == ADMIN and entry.target_id == str(target.id)
    assert entry.detail["previous"] == target.score and entry.detail["score"] == new_score
    assert entry.detail["reason"] == "Answer was off-topic"
    assert entry.detail["overall_before"] == interview.overall_score


async def test_override_refuses_viewers_bad_scores_and_other_workspaces(milo, slack):
    interview = await completed_interview(milo)
    async with milo.container.db.unit_of_work() as s:
        answer = await s.scalar(select(Answer).where(Answer.interview_id == interview.id))
    await milo.command(f"team invite <@{VIEWER}> viewer", user=ADMIN)
    await milo.replies()
    service = milo.container.interviews
    with pytest.raises(Forbidden):
        await service.override_score(
            identity=Identity(slack.team_id, VIEWER), answer_id=answer.id, score=5, reason="x"
        )
    with pytest.raises(Invalid):
        await service.override_score(
            identity=Identity(slack.team_id, ADMIN), answer_id=answer.id, score=6, reason="x"
        )
    with pytest.raises(Invalid):
        await service.override_score(
            identity=Identity(slack.team_id, ADMIN), answer_id=answer.id, score=4, reason=" "
        )
    await milo.seat("T0OTHER001", ADMIN)
    with pytest.raises(NotFound):
        await service.override_score(
            identity=Identity("T0OTHER001", ADMIN), answer_id=answer.id, score=5, reason="x"
        )
    async with milo.container.db.unit_of_work() as s:
        assert (await s.get(Answer, answer.id)).score_override is None
        assert (
            await s.scalar(select(AuditEntry).where(AuditEntry.action == "interview.score_override")) is None
        )


async def test_dismiss_then_view_shows_the_transcript(milo, slack):
    interview = await completed_interview(milo)
    mark = slack.mark()
    await milo.interact(
        payloads.block_actions(
            slack.team_id,
            ADMIN,
            Action.CANDIDATE_DISMISS,
            encode(InterviewRef(interview.id)),
            channel_id=CARD_CHANNEL,
            message=slack.message(CARD_CHANNEL, interview.card_ts),
        )
    )
    # Dismiss asks for an optional reason first.
    form = (await slack.wait_for("views.open", since=mark)).args["view"]
    assert form["callback_id"] == ProfileView.DISMISS
    submitted = await milo.interact(
        payloads.view_submission(
            slack.team_id,
            ADMIN,
            ProfileView.DISMISS,
            {ProfileBlock.DISMISS_REASON: {Input.VALUE: payloads.text_input_state(None)}},
            form["private_metadata"],
        )
    )
    assert submitted.status == 200
    update = await slack.wait_for("chat.update", since=mark, timeout=10)
    assert f"Dismissed by <@{ADMIN}>" in str(update.args["blocks"])
    mark = slack.mark()
    await milo.interact(
        payloads.block_actions(
            slack.team_id,
            ADMIN,
            Action.CANDIDATE_VIEW,
            encode(InterviewRef(interview.id)),
            channel_id=CARD_CHANNEL,
        )
    )
    opened = await slack.wait_for("views.open", since=mark)
    view = opened.args["view"]
    assert view["type"] == "modal" and len(view["title"]["text"]) <= 24
    text = str(view["blocks"])
    assert GOOD_ANSWERS[0][:60] in text and "Dismissed" in text and "★" in text
