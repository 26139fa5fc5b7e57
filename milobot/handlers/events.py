"""Events: redelivery dedupe for all of them (milobot.handlers.event_claims), and the App Home tab."""

from __future__ import annotations

import logging

from slack_bolt.async_app import AsyncApp

from milobot.blocks.home import home_view
from milobot.container import Container
from milobot.handlers import event_claims
from milobot.handlers.errors import guarded
from milobot.services.context import Identity

log = logging.getLogger(__name__)

# Reactions come in storms and most are not ours to read: they are claimed inside the rating's own
# transaction after the ack (services/ratings.py), so the ack never waits on a database write.
CLAIMED_AFTER_ACK = {"reaction_added", "reaction_removed"}


async def publish_home(container: Container, client, identity: Identity) -> None:
    data = await container.home.home(identity=identity)
    await client.views_publish(user_id=identity.user_id, view=home_view(data))


def register(app: AsyncApp, container: Container) -> None:
    # Reactions claim their event id in the rating's own transaction instead (services/ratings.py).
    event_claims.register(app, container.db, skip=CLAIMED_AFTER_ACK)

    @app.event("app_home_opened")
    @guarded
    async def on_home_opened(event, body, client) -> None:
        if event.get("tab") not in (None, "home"):
            return
        await publish_home(container, client, Identity(team_id=body["team_id"], user_id=event["user"]))
