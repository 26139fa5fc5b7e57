"""Opening the candidate profile: View on a list row or in a mention DM (CandidateAction.PROFILE, a
CandidateRef), View on a candidate card (an InterviewRef), and moving through it (transcript pages,
another interview). From a modal (the list) the profile is pushed on top; from a message it opens."""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp

from milobot.blocks.profile import profile_view
from milobot.container import Container
from milobot.handlers.payload import action_value, identity_of
from milobot.handlers.review_common import from_modal, in_modal
from milobot.ids import Action, CandidateAction, ProfileAction
from milobot.metadata import CandidateRef, InterviewRef, ProfileRef, decode


async def show(client, body, view: dict) -> None:
    if from_modal(body):
        await client.views_push(trigger_id=body["trigger_id"], view=view)
    else:
        await client.views_open(trigger_id=body["trigger_id"], view=view)


def register(app: AsyncApp, container: Container) -> None:
    profiles = container.review.profiles

    @app.action(CandidateAction.PROFILE)
    @in_modal
    async def open_profile(ack, body, client) -> None:
        await ack()
        ref = decode(CandidateRef, action_value(body))
        data = await profiles.profile(identity=identity_of(body), candidate_id=ref.candidate_id)
        await show(client, body, profile_view(data))

    @app.action(Action.CANDIDATE_VIEW)
    @in_modal
    async def open_from_card(ack, body, client) -> None:
        await ack()
        ref = decode(InterviewRef, action_value(body))
        data = await profiles.profile(identity=identity_of(body), interview_id=ref.interview_id)
        await show(client, body, profile_view(data))

    async def move(ack, body, client) -> None:
        await ack()
        ref = decode(ProfileRef, action_value(body))
        data = await profiles.profile(
            identity=identity_of(body),
            candidate_id=ref.candidate_id,
            interview_id=ref.interview_id,
            page=ref.page,
        )
        await client.views_update(view_id=body["view"]["id"], view=profile_view(data))

    for action_id in (ProfileAction.PAGE, ProfileAction.PAGE_NEXT, ProfileAction.INTERVIEW):
        app.action(action_id)(in_modal(move))
