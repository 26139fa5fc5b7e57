"""`/milo imports`: the workspace's import history, newest first."""

from __future__ import annotations

from milobot.blocks.review import history_blocks
from milobot.handlers.commands import CommandContext, subcommand
from milobot.ids import Sub


@subcommand(Sub.IMPORTS)
async def imports(ctx: CommandContext) -> None:
    batches = await ctx.container.ingestion.history(identity=ctx.identity)
    text, blocks = history_blocks(batches)
    await ctx.reply(text, blocks)
