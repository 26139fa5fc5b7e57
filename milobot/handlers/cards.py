"""The candidate card's buttons: Shortlist and Dismiss (admins; the card then updates in place through
the outbox) and View (the transcript and scores in a modal)."""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp

from milobot.blocks.candidate import detail_modal
from milobot.container import Container
from milobot.handlers.errors import guarded
from milobot.handlers.payload import action_value, identity_of
from milobot.ids import Action
from milobot.metadata import InterviewRef, decode


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
        data = await service.view(identity=identity_of(body), interview_id=ref.interview_id)
        await client.views_open(trigger_id=body["trigger_id"], view=detail_modal(data))
