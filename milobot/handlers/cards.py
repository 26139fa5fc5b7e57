"""The candidate card's buttons: Shortlist and Dismiss (admins; the card then updates in place through
the outbox) and View (the transcript and scores in a modal)."""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp

from milobot.blocks.candidate import adjust_score_modal, detail_modal
from milobot.container import Container
from milobot.errors import MilobotError, NotFound
from milobot.handlers.errors import guarded
from milobot.handlers.payload import action_value, identity_of, input_value, view_state
from milobot.ids import Action, AdjustScore, CardView
from milobot.metadata import AnswerRef, InterviewRef, decode
from milobot.services.context import ADMIN


def register(app: AsyncApp, container: Container) -> None:
    service = container.interviews

    @app.action(Action.CANDIDATE_SHORTLIST)
    @guarded
    async def shortlist(ack, body, client) -> None:
        await ack()
        ref = decode(InterviewRef, action_value(body))
        await service.decide(identity=identity_of(body), interview_id=ref.interview_id, decision="shortlist")

    @app.action(Action.CANDIDATE_DISMISS)
    @guarded
    async def dismiss(ack, body, client) -> None:
        await ack()
        ref = decode(InterviewRef, action_value(body))
        await service.decide(identity=identity_of(body), interview_id=ref.interview_id, decision="dismiss")

    @app.action(Action.CANDIDATE_VIEW)
    @guarded
    async def view(ack, body, client) -> None:
        await ack()
        ref = decode(InterviewRef, action_value(body))
        identity = identity_of(body)
        data = await service.view(identity=identity, interview_id=ref.interview_id)
        can_adjust = await container.team.role_of(identity=identity) == ADMIN
        await client.views_open(trigger_id=body["trigger_id"], view=detail_modal(data, can_adjust=can_adjust))

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
    async def adjust_submitted(ack, body, view) -> None:
        # Validation and the save happen before ack so a refusal can be shown on the form itself;
        # the save is one small transaction, well inside Slack's 3 seconds.
        ref = decode(AnswerRef, view.get("private_metadata"))
        state = view_state(body)
        score = input_value(state, AdjustScore.SCORE_BLOCK)
        reason = input_value(state, AdjustScore.REASON_BLOCK) or ""
        try:
            await service.override_score(
                identity=identity_of(body), answer_id=ref.answer_id, score=int(score or 0), reason=reason
            )
        except MilobotError as error:
            block = (
                AdjustScore.SCORE_BLOCK
                if getattr(error, "field", None) == "score"
                else AdjustScore.REASON_BLOCK
            )
            await ack(response_action="errors", errors={block: error.message[:150]})
            return
        # Close both modals; the card in the channel updates in place through the outbox.
        await ack(response_action="clear")
