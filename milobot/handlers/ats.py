"""`/milo ats` (admins): connect Greenhouse or Lever, map agents to jobs, disconnect; and the Retry
button of an ATS-sync notice. Calls to the ATS happen after ack: the modal says "working" first."""

from __future__ import annotations

import re

from slack_bolt.async_app import AsyncApp

from milobot import metadata
from milobot.blocks import ats as blocks
from milobot.blocks.text import display
from milobot.container import Container
from milobot.errors import Invalid, MilobotError
from milobot.handlers.commands import CommandContext, subcommand
from milobot.handlers.errors import guarded
from milobot.handlers.payload import action_value, identity_of, input_value, view_state
from milobot.ids import AtsAction, AtsBlock, AtsView, Sub


@subcommand(Sub.ATS)
async def ats_command(ctx: CommandContext) -> None:
    status = await ctx.container.ats.status(identity=ctx.identity)
    await ctx.reply(*blocks.status_message(status))


def register(app: AsyncApp, container: Container) -> None:
    service = container.ats

    @app.action(re.compile(rf"^{re.escape(AtsAction.CONNECT)}:(greenhouse|lever)$"))
    @guarded
    async def on_connect(ack, body, client) -> None:
        await ack()
        kind = action_value(body)
        if kind not in blocks.LABEL:
            raise Invalid("Connect Greenhouse or Lever.")
        await service.check_admin(identity=identity_of(body))
        await client.views_open(trigger_id=body["trigger_id"], view=blocks.connect_modal(kind))

    @app.view(AtsView.CONNECT)
    @guarded
    async def on_connect_submit(ack, body, client) -> None:
        context = metadata.decode(metadata.AtsConnectContext, body["view"].get("private_metadata"))
        state = view_state(body)
        label = blocks.LABEL.get(context.kind, "the ATS")
        await ack(
            response_action="update",
            view=blocks.working_modal(f"Connect {label}", f"Testing the key with {label}…"),
        )
        try:
            connected = await service.connect(
                identity=identity_of(body),
                kind=context.kind,
                api_key=input_value(state, AtsBlock.API_KEY),
                acting_user=input_value(state, AtsBlock.ACTING_USER),
                inbound_secret=input_value(state, AtsBlock.INBOUND_SECRET),
                sync_decisions="sync_decisions" in (input_value(state, AtsBlock.OPTIONS) or []),
            )
            view = blocks.connected_modal(connected)
        except MilobotError as error:
            view = blocks.working_modal(f"Connect {label}", f":warning: {display(error.message, 1500)}")
        await client.views_update(view_id=body["view"]["id"], view=view)

    @app.action(AtsAction.MAP)
    @guarded
    async def on_map(ack, body, client) -> None:
        await ack()
        identity = identity_of(body)
        await service.check_admin(identity=identity)
        opened = await client.views_open(
            trigger_id=body["trigger_id"], view=blocks.working_modal("Map an agent", "Fetching the jobs…")
        )
        try:
            form = await service.map_form(identity=identity)
            view = blocks.map_modal(kind=form.kind, agents=form.agents, jobs=form.jobs)
        except MilobotError as error:
            view = blocks.working_modal("Map an agent", f":warning: {display(error.message, 1500)}")
        await client.views_update(view_id=opened["view"]["id"], view=view)

    @app.view(AtsView.MAP)
    @guarded
    async def on_map_submit(ack, body, client) -> None:
        state = view_state(body)
        agent, job = input_value(state, AtsBlock.AGENT), input_value(state, AtsBlock.JOB)
        if not (agent and str(agent).isdigit() and job):
            await ack(response_action="errors", errors={AtsBlock.AGENT: "Pick an agent and a job."})
            return
        await ack(
            response_action="update", view=blocks.working_modal("Map an agent", "Checking the job and stage…")
        )
        try:
            link = await service.map_agent(
                identity=identity_of(body),
                agent_id=int(agent),
                job_id=str(job),
                stage_name=input_value(state, AtsBlock.STAGE),
            )
            text = f":white_check_mark: *{display(link.agent_name, 150)}* now writes back to *{display(link.job_name, 150)}*"
            text += (
                f" and invites candidates who enter *{display(link.stage_name, 100)}*."
                if link.stage_name
                else "."
            )
        except MilobotError as error:
            text = f":warning: {display(error.message, 1500)}"
        await client.views_update(view_id=body["view"]["id"], view=blocks.working_modal("Map an agent", text))

    @app.action(AtsAction.DISCONNECT)
    @guarded
    async def on_disconnect(ack, body, respond) -> None:
        await ack()
        await service.disconnect(identity=identity_of(body))
        await respond(text="The ATS is disconnected; its key and mappings are gone.", replace_original=True)

    @app.action(AtsAction.RETRY)
    @guarded
    async def on_retry(ack, body) -> None:
        await ack()
        ref = metadata.decode(metadata.SyncRef, action_value(body))
        await container.ats_sync.retry(identity=identity_of(body), sync_id=ref.sync_id)  # the notice updates
