"""Nudge (one candidate, from the profile) and Nudge all not completed (an agent's candidates, from the
candidate list: CandidateAction.NUDGE_ALL with an AgentRef), which asks for confirmation first."""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp

from milobot.blocks.candidate_forms import nudge_all_done, nudge_all_form, working_view
from milobot.container import Container
from milobot.errors import MilobotError
from milobot.handlers.errors import guarded
from milobot.handlers.payload import action_value, identity_of
from milobot.handlers.profile import show
from milobot.handlers.review_common import in_modal, notice_view, refresh_profile, shown_profile
from milobot.ids import CandidateAction, ProfileAction, ProfileView
from milobot.metadata import AgentRef, CandidateRef, decode


def register(app: AsyncApp, container: Container) -> None:
    nudges = container.review.nudges

    @app.action(ProfileAction.NUDGE)
    @in_modal
    async def nudge(ack, body, client) -> None:
        await ack()
        ref = decode(CandidateRef, action_value(body))
        identity = identity_of(body)
        await nudges.nudge(identity=identity, candidate_id=ref.candidate_id)
        shown = shown_profile(body)
        if shown is not None:
            await refresh_profile(container, client, identity, *shown)

    @app.action(CandidateAction.NUDGE_ALL)
    @in_modal
    async def nudge_all(ack, body, client) -> None:
        await ack()
        ref = decode(AgentRef, action_value(body))
        plan = await nudges.plan_all(identity=identity_of(body), agent_id=ref.agent_id)
        await show(client, body, nudge_all_form(plan))

    @app.view(ProfileView.NUDGE_ALL)
    @guarded
    async def nudge_all_confirmed(ack, body, client, view) -> None:
        # Acknowledged with a "sending" view at once: an agent with thousands of candidates takes a
        # while to enqueue, and Slack wants an answer within 3 s.
        await ack(response_action="update", view=working_view("Nudge all", "Sending nudges…"))
        ref = decode(AgentRef, view.get("private_metadata"))
        try:
            plan = await nudges.nudge_all(identity=identity_of(body), agent_id=ref.agent_id)
            result = nudge_all_done(plan)
        except MilobotError as error:
            result = notice_view(f":warning: {error.message}", title="Nudge all")
        await client.views_update(view_id=view["id"], view=result)
