"""Shortlist, Dismiss (with an optional reason) and Undo, from a candidate card (an InterviewRef) and
from the profile (a CandidateRef / DecisionRef). The cards update in place through the outbox; the
profile, when the click came from it, is shown again."""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp

from milobot.blocks.candidate_forms import dismiss_form
from milobot.blocks.review_words import decision_text
from milobot.blocks.text import display
from milobot.container import Container
from milobot.errors import MilobotError
from milobot.handlers.errors import guarded
from milobot.handlers.payload import action_value, identity_of, input_value, view_state
from milobot.handlers.profile import show
from milobot.handlers.review_common import in_modal, refresh_profile, shown_profile
from milobot.ids import Action, ProfileAction, ProfileBlock, ProfileView
from milobot.metadata import CandidateRef, DecisionRef, DismissForm, InterviewRef, ProfileRef, decode


def register(app: AsyncApp, container: Container) -> None:
    decisions = container.review.decisions

    async def already(body, result) -> None:
        if not result.changed and body.get("response_url"):
            words = decision_text(result.decision, result.decided_by, result.decided_at)
            await container.replier.reply(
                body["response_url"], text=f"{display(result.candidate_name, 150)} is already {words}."
            )

    @app.action(Action.CANDIDATE_SHORTLIST)
    @guarded
    async def shortlist_from_card(ack, body, client) -> None:
        await ack()
        ref = decode(InterviewRef, action_value(body))
        result = await decisions.decide(
            identity=identity_of(body), interview_id=ref.interview_id, decision="shortlist"
        )
        await already(body, result)

    @app.action(Action.CANDIDATE_DISMISS)
    @guarded
    async def dismiss_from_card(ack, body, client) -> None:
        await ack()
        ref = decode(InterviewRef, action_value(body))
        target = await decisions.target(identity=identity_of(body), interview_id=ref.interview_id)
        view = dismiss_form(
            candidate_id=target.candidate_id,
            candidate_name=target.candidate_name,
            interview_id=ref.interview_id,
        )
        await client.views_open(trigger_id=body["trigger_id"], view=view)

    @app.action(ProfileAction.SHORTLIST)
    @in_modal
    async def shortlist(ack, body, client) -> None:
        await ack()
        ref = decode(CandidateRef, action_value(body))
        identity = identity_of(body)
        await decisions.decide(identity=identity, candidate_id=ref.candidate_id, decision="shortlist")
        shown = shown_profile(body)
        if shown is not None:
            await refresh_profile(container, client, identity, *shown)

    @app.action(ProfileAction.DISMISS)
    @in_modal
    async def dismiss(ack, body, client) -> None:
        await ack()
        ref = decode(CandidateRef, action_value(body))
        target = await decisions.target(identity=identity_of(body), candidate_id=ref.candidate_id)
        view = dismiss_form(
            candidate_id=target.candidate_id,
            candidate_name=target.candidate_name,
            from_profile=shown_profile(body) is not None,
        )
        await show(client, body, view)

    @app.action(ProfileAction.UNDO)
    @in_modal
    async def undo(ack, body, client) -> None:
        await ack()
        ref = decode(DecisionRef, action_value(body))
        identity = identity_of(body)
        await decisions.undo(identity=identity, candidate_id=ref.candidate_id, decision_id=ref.decision_id)
        shown = shown_profile(body)
        if shown is not None:
            await refresh_profile(container, client, identity, *shown)

    @app.view(ProfileView.DISMISS)
    @guarded
    async def dismiss_submitted(ack, body, client, view) -> None:
        form = decode(DismissForm, view.get("private_metadata"))
        identity = identity_of(body)
        reason = input_value(view_state(body), ProfileBlock.DISMISS_REASON)
        try:
            await decisions.decide(
                identity=identity,
                decision="dismiss",
                candidate_id=form.candidate_id,
                reason=reason if isinstance(reason, str) else None,
            )
        except MilobotError as error:
            await ack(response_action="errors", errors={ProfileBlock.DISMISS_REASON: error.message[:150]})
            return
        await ack()
        if form.from_profile:  # from a card or a list row there is no profile underneath to show again
            await refresh_profile(
                container,
                client,
                identity,
                view.get("previous_view_id"),
                ProfileRef(form.candidate_id, form.interview_id),
            )
