"""Thin Bolt listeners (house rule 2): ack, parse into a typed object, one service call, a builder, one
Slack call. `register_all` wires every module's listeners to the app."""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp

from milobot.container import Container


def register_all(app: AsyncApp, container: Container) -> None:
    from milobot.handlers import (
        actions,
        agent_channel,
        agents,
        analytics,
        ats,
        candidate_list,
        candidate_review,
        cards,
        commands,
        digests,
        errors,
        events,
        ingestion,
        installs,
        privacy,
        reports,
        settings,
        webhooks,
    )

    for module in (
        errors,
        events,
        installs,
        commands,
        actions,
        agents,
        agent_channel,
        cards,
        ingestion,
        candidate_review,
        reports,
        webhooks,
        ats,
        candidate_list,
        digests,
        analytics,
        privacy,
        settings,
    ):
        module.register(app, container)
