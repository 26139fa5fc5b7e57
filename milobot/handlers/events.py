"""Events: redelivery dedupe for all of them, and the App Home tab."""

from __future__ import annotations

import logging

from slack_bolt.async_app import AsyncApp
from slack_bolt.response import BoltResponse

from milobot.blocks.home import home_view
from milobot.container import Container
from milobot.handlers.errors import guarded
from milobot.services.context import Identity
from milobot.services.events import claim_event

log = logging.getLogger(__name__)

# Reactions come in storms and most are not ours to read: they are claimed inside the rating's own
# transaction after the ack (services/ratings.py), so the ack never waits on a database write.
CLAIMED_AFTER_ACK = {"reaction_added", "reaction_removed"}


async def publish_home(container: Container, client, identity: Identity) -> None:
    data = await container.home.home(identity=identity)
    await client.views_publish(user_id=identity.user_id, view=home_view(data))


def register(app: AsyncApp, container: Container) -> None:
    @app.middleware
    async def drop_redeliveries(body, next):  # noqa: A002 (Bolt names it `next`)
        # Only event_callbacks carry event_id; a redelivered one is acknowledged and dropped here,
        # before any listener runs, whichever replica receives it.
        event_id = body.get("event_id") if body.get("type") == "event_callback" else None
        if (body.get("event") or {}).get("type") in CLAIMED_AFTER_ACK:
            event_id = None
        if event_id and not await claim_event(container.db, event_id=event_id, team_id=body.get("team_id")):
            log.info("dropping redelivered event %s", event_id)
            return BoltResponse(status=200, body="")
        return await next()

    @app.event("app_home_opened")
    @guarded
    async def on_home_opened(event, body, client) -> None:
        if event.get("tab") not in (None, "home"):
            return
        await publish_home(container, client, Identity(team_id=body["team_id"], user_id=event["user"]))
