"""`/milo analytics [agent] [range]`, the Analytics button (agent card, App Home), the quick-range
buttons under a report and the agent choice. Anyone on the team may read analytics, viewers included.

The numbers answer privately where the person asked (response_url); the chart is queued by the service
and uploaded into that conversation by the outbox (slack/analytics.py). From App Home, where there is
no conversation, both go to the person's DM with the bot."""

from __future__ import annotations

import re
from typing import Any

from slack_bolt.async_app import AsyncApp

from milobot.blocks import analytics as blocks
from milobot.container import Container
from milobot.handlers.commands import CommandContext, subcommand
from milobot.handlers.errors import guarded
from milobot.handlers.payload import action_value, container_channel, identity_of
from milobot.ids import AnalyticsAction, Sub
from milobot.metadata import AnalyticsRef, decode
from milobot.services.analytics_report import AnalyticsService, split_args


def _service(container: Container) -> AnalyticsService:
    # Stateless over the shared deps: built per call rather than wired into the container's fields.
    return AnalyticsService(container.deps)


@subcommand(Sub.ANALYTICS)
async def analytics_command(ctx: CommandContext) -> None:
    agent_text, range_text = split_args(ctx.text.args)
    agent_id = None
    if agent_text:
        found = await ctx.container.agents.match(
            identity=ctx.identity, query=agent_text, include_archived=True
        )
        if found.agent is None:
            await ctx.reply(
                *blocks.agent_choice(found.choices, query=agent_text, how=found.how, range_text=range_text)
            )
            return
        agent_id = found.agent.id
    report = await _service(ctx.container).report(
        identity=ctx.identity, agent_id=agent_id, range_text=range_text, chart_channel=ctx.channel_id
    )
    await ctx.reply(*blocks.report_message(report))


def register(app: AsyncApp, container: Container) -> None:
    async def show(body: dict[str, Any], client) -> None:
        ref = decode(AnalyticsRef, action_value(body))
        identity = identity_of(body)
        response_url = body.get("response_url")
        channel = container_channel(body)
        if response_url and channel:
            report = await _service(container).report(
                identity=identity,
                agent_id=ref.agent_id,
                range_text=ref.range_text[:60],
                chart_channel=channel,
            )
            await container.replier.reply(response_url, **_message(report))
            return
        # App Home: no conversation to answer in, so the person's DM with the bot is it.
        opened = await client.conversations_open(users=identity.user_id)
        dm = opened["channel"]["id"]
        report = await _service(container).report(
            identity=identity, agent_id=ref.agent_id, range_text=ref.range_text[:60], chart_channel=dm
        )
        await client.chat_postMessage(channel=dm, **_message(report))

    @app.action(AnalyticsAction.OPEN)
    @guarded
    async def on_open(ack, body, client) -> None:
        await ack()
        await show(body, client)

    @app.action(re.compile(rf"^{re.escape(AnalyticsAction.RANGE)}(:.*)?$"))
    @guarded
    async def on_range(ack, body, client) -> None:
        await ack()
        await show(body, client)

    @app.action(AnalyticsAction.PICK_AGENT)
    @guarded
    async def on_pick(ack, body, client) -> None:
        await ack()
        await show(body, client)


def _message(report) -> dict[str, Any]:
    text, message_blocks = blocks.report_message(report)
    return {"text": text, "blocks": message_blocks}
