"""`/milo team …`: list, invite, change roles, remove."""

from __future__ import annotations

from milobot.blocks.team import team_blocks, team_text
from milobot.errors import Invalid
from milobot.handlers.commands import CommandContext, subcommand
from milobot.handlers.payload import user_id_from_mention
from milobot.ids import Sub, TeamVerb

USAGE = (
    "Usage: `/milo team` · `/milo team invite @user admin|viewer` · `/milo team role @user admin|viewer` · "
    "`/milo team remove @user`"
)


def _user_arg(ctx: CommandContext, index: int) -> str:
    if len(ctx.text.args) <= index:
        raise Invalid(USAGE)
    user_id = user_id_from_mention(ctx.text.args[index])
    if user_id is None:
        raise Invalid(f"Mention the teammate, like `@dana`. {USAGE}")
    return user_id


@subcommand(Sub.TEAM)
async def team(ctx: CommandContext) -> None:
    verb = ctx.text.args[0].lower() if ctx.text.args else TeamVerb.LIST
    service = ctx.container.team
    if verb == TeamVerb.LIST:
        listing = await service.list_members(identity=ctx.identity)
        await ctx.reply(
            team_text(listing.members),
            team_blocks(members=listing.members, viewer_role=listing.viewer_role),
        )
    elif verb == TeamVerb.INVITE:
        user_id = _user_arg(ctx, 1)
        role = ctx.text.args[2] if len(ctx.text.args) > 2 else "viewer"
        account = await ctx.container.slack_users.account(
            ctx.client, team_id=ctx.identity.team_id, user_id=user_id, bot_user_id=ctx.bot_user_id
        )
        member = await service.invite(identity=ctx.identity, user_id=user_id, role=role, account=account)
        await ctx.reply(
            f":white_check_mark: Invited <@{member.user_id}> as *{member.role}*. They'll get a welcome DM."
        )
    elif verb == TeamVerb.ROLE:
        user_id = _user_arg(ctx, 1)
        if len(ctx.text.args) < 3:
            raise Invalid(USAGE)
        member = await service.change_role(identity=ctx.identity, user_id=user_id, role=ctx.text.args[2])
        await ctx.reply(f":white_check_mark: <@{member.user_id}> is now *{member.role}*.")
    elif verb == TeamVerb.REMOVE:
        user_id = _user_arg(ctx, 1)
        await service.remove(identity=ctx.identity, user_id=user_id)
        await ctx.reply(f":white_check_mark: <@{user_id}> is no longer on the milobot team.")
    else:
        raise Invalid(USAGE)
