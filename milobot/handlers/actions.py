"""Buttons that don't belong to a feature module: the App Home quick actions."""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp

from milobot.blocks.help import help_blocks, help_text
from milobot.blocks.team import team_blocks, team_text
from milobot.container import Container
from milobot.handlers.errors import guarded
from milobot.handlers.payload import identity_of
from milobot.ids import Action


async def _dm(client, user_id: str, text: str, blocks: list[dict] | None = None) -> None:
    opened = await client.conversations_open(users=user_id)
    await client.chat_postMessage(channel=opened["channel"]["id"], text=text, blocks=blocks)


def register(app: AsyncApp, container: Container) -> None:
    @app.action(Action.HOME_HELP)
    @guarded
    async def home_help(ack, body, client) -> None:
        await ack()
        identity = identity_of(body)
        role = await container.team.role_of(identity=identity)
        await _dm(client, identity.user_id, help_text(), help_blocks(role=role))

    @app.action(Action.HOME_TEAM)
    @guarded
    async def home_team(ack, body, client) -> None:
        await ack()
        identity = identity_of(body)
        listing = await container.team.list_members(identity=identity)
        await _dm(
            client,
            identity.user_id,
            team_text(listing.members),
            team_blocks(members=listing.members, viewer_role=listing.viewer_role),
        )
