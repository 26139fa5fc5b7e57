"""Adjust score: an admin changing one answer's score from the candidate profile (the card's View).
The card's other buttons live with their features: decisions.py, ratings.py, profile.py."""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp

from milobot.blocks.candidate import adjust_score_modal
from milobot.blocks.profile import PAGE_SIZE
from milobot.container import Container
from milobot.errors import MilobotError, NotFound
from milobot.handlers.errors import guarded
from milobot.handlers.payload import action_value, identity_of, input_value, view_state
from milobot.handlers.review_common import refresh_profile
from milobot.ids import AdjustScore, CardView
from milobot.metadata import AnswerRef, ProfileRef, decode


def register(app: AsyncApp, container: Container) -> None:
    service = container.interviews

    @app.action(AdjustScore.BUTTON)
    @guarded
    async def adjust(ack, body, client) -> None:
        await ack()
        ref = decode(AnswerRef, action_value(body))
        data = await service.view(identity=identity_of(body), interview_id=ref.interview_id)
        question = next((q for q in data.questions if q.answer_id == ref.answer_id), None)
        if question is None or question.score is None:
            raise NotFound("That answer isn't on this interview any more.")
        view = adjust_score_modal(
            answer_id=ref.answer_id,
            interview_id=ref.interview_id,
            question=question.question,
            current=question.score,
            machine=question.machine_score,
        )
        await client.views_push(trigger_id=body["trigger_id"], view=view)

    @app.view(CardView.ADJUST_SCORE)
    @guarded
    async def adjust_submitted(ack, body, view, client) -> None:
        # Validation and the save happen before ack so a refusal can be shown on the form itself;
        # the save is one small transaction, well inside Slack's 3 seconds.
        ref = decode(AnswerRef, view.get("private_metadata"))
        state = view_state(body)
        score = input_value(state, AdjustScore.SCORE_BLOCK)
        reason = input_value(state, AdjustScore.REASON_BLOCK) or ""
        identity = identity_of(body)
        try:
            saved = await service.override_score(
                identity=identity, answer_id=ref.answer_id, score=int(score or 0), reason=reason
            )
        except MilobotError as error:
            block = (
                AdjustScore.SCORE_BLOCK
                if getattr(error, "field", None) == "score"
                else AdjustScore.REASON_BLOCK
            )
            await ack(response_action="errors", errors={block: error.message[:150]})
            return
        # Close this form only: underneath is the profile (and, opened from the candidate list, the list
        # under it, which "clear" would close too). The profile is shown again at the same page with the
        # new score; the card in the channel updates in place through the outbox.
        await ack()
        await refresh_profile(
            container,
            client,
            identity,
            view.get("previous_view_id"),
            ProfileRef(saved.candidate_id, saved.interview_id, saved.question_index // PAGE_SIZE),
        )
