"""Candidate review's listeners (profile, ratings and reactions, notes, decisions, nudges, Edit contact),
registered together."""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp

from milobot.container import Container


def register(app: AsyncApp, container: Container) -> None:
    from milobot.handlers import contact, decisions, notes, nudges, profile, ratings, review_common

    review_common.register_once(app, container)
    for module in (profile, ratings, notes, decisions, nudges, contact):
        module.register(app, container)
