"""The `/milo` command: ack at once, then route the first word to a subcommand module."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from slack_bolt.async_app import AsyncApp

from milobot.blocks.help import help_blocks, help_text
from milobot.blocks.text import display
from milobot.container import Container
from milobot.handlers.errors import guarded
from milobot.handlers.payload import CommandText, identity_of, parse_command_text
from milobot.ids import Command, Sub
from milobot.services.context import Identity


@dataclass
class CommandContext:
    identity: Identity
    text: CommandText
    body: dict[str, Any]
    client: Any
    respond: Any
    container: Container
    bot_user_id: str | None = None  # milobot's own bot user in this workspace (Bolt's context)

    @property
    def channel_id(self) -> str | None:
        return self.body.get("channel_id")

    @property
    def trigger_id(self) -> str | None:
        return self.body.get("trigger_id")

    async def reply(self, text: str, blocks: list[dict] | None = None) -> None:
        """Ephemeral, to the person who typed the command."""
        response_url = self.body.get("response_url")
        if response_url:
            await self.container.replier.reply(response_url, text=text, blocks=blocks)
        else:  # Socket Mode slash commands still carry response_url; this is a last resort
            await self.respond(text=text, blocks=blocks, response_type="ephemeral", replace_original=False)


Subcommand = Callable[[CommandContext], Awaitable[None]]
SUBCOMMANDS: dict[str, Subcommand] = {}


def subcommand(*names: str):
    def decorate(fn: Subcommand) -> Subcommand:
        for name in names:
            SUBCOMMANDS[name] = fn
        return fn

    return decorate


@subcommand(Sub.HELP, "?")
async def show_help(ctx: CommandContext) -> None:
    role = await ctx.container.team.role_of(identity=ctx.identity)
    await ctx.reply(help_text(), help_blocks(role=role))


def register(app: AsyncApp, container: Container) -> None:
    # Subcommand modules add themselves to SUBCOMMANDS when imported.
    from milobot.handlers import (
        agents,  # noqa: F401
        analytics,  # noqa: F401
        apikeys,  # noqa: F401
        candidate_list,  # noqa: F401
        digests,  # noqa: F401
        imports,  # noqa: F401
        privacy,  # noqa: F401
        settings,  # noqa: F401
        team,  # noqa: F401
    )

    @app.command(Command.SLASH)
    @guarded
    async def on_milo(ack, body, client, respond, context) -> None:
        await ack()
        async with container.replier.work_slots:
            text = parse_command_text(body.get("text"))
            handler = SUBCOMMANDS.get(text.sub)
            ctx = CommandContext(
                identity_of(body), text, body, client, respond, container, context.get("bot_user_id")
            )
            if handler is None:
                await ctx.reply(f"I don't know `{display(text.sub, 40)}`. Try `/milo help`.")
                return
            await handler(ctx)
