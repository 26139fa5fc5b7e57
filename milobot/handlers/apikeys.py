"""`/milo apikey` (admins): create a key for the inbound results API (shown once), list, revoke."""

from __future__ import annotations

from milobot.blocks.text import display, user_ref
from milobot.errors import Invalid
from milobot.handlers.commands import CommandContext, subcommand
from milobot.ids import ApiKeyVerb, Sub

USAGE = "Usage: `/milo apikey` or `/milo apikey create [label]` to create · `/milo apikey list` · `/milo apikey revoke <prefix>`"


@subcommand(Sub.APIKEY)
async def apikey(ctx: CommandContext) -> None:
    args = ctx.text.args
    verb = args[0].lower() if args else ApiKeyVerb.CREATE
    service = ctx.container.apikeys
    if verb == ApiKeyVerb.LIST:
        keys = await service.list_keys(identity=ctx.identity)
        if not keys:
            await ctx.reply("No API keys yet. Create one with `/milo apikey`.")
            return
        lines = [
            f"`{k.prefix}` {display(k.label or '', 60)} · by {user_ref(k.created_by)} · {k.created_at:%Y-%m-%d}"
            + (f" · *revoked* {k.revoked_at:%Y-%m-%d}" if k.revoked_at else " · active")
            for k in keys[-40:]
        ]
        await ctx.reply("API keys:\n" + "\n".join(lines))
    elif verb == ApiKeyVerb.REVOKE:
        if len(args) < 2:
            raise Invalid(USAGE)
        info = await service.revoke(identity=ctx.identity, prefix=args[1])
        await ctx.reply(
            f":white_check_mark: API key `{info.prefix}` is revoked; requests with it now get 401."
        )
    elif verb == ApiKeyVerb.CREATE:
        label = ctx.text.raw_rest[len(ApiKeyVerb.CREATE) :].strip() if args else ""
        created = await service.create(identity=ctx.identity, label=label)
        await ctx.reply(
            f":key: New API key (prefix `{created.prefix}`). Copy it now: it is shown only this once.\n"
            f"```{created.key}```\n"
            "Send it as `Authorization: Bearer <key>` to `POST /api/v1/interviews`. "
            f"Revoke with `/milo apikey revoke {created.prefix}`."
        )
    else:
        raise Invalid(USAGE)
