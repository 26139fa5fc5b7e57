"""`/milo digest #channel daily|weekly [agent] [at HH:MM]` (admins), `/milo digest list`, and the list's
Send now and Remove buttons."""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_sdk.errors import SlackApiError

from milobot.blocks.digest import subscription_line, subscription_list
from milobot.blocks.text import display
from milobot.container import Container
from milobot.errors import Invalid
from milobot.handlers.commands import CommandContext, subcommand
from milobot.handlers.errors import guarded
from milobot.handlers.payload import action_value, channel_id_from_mention, identity_of
from milobot.ids import DigestAction, Sub
from milobot.metadata import DigestRef, decode
from milobot.services.digest_periods import FREQUENCIES, parse_time

USAGE = (
    "Usage: `/milo digest #channel daily|weekly [agent] [at HH:MM]` (admins; the time is in the "
    "workspace's time zone, weekly digests go out on Mondays) · `/milo digest list`"
)
DEFAULT_HOUR = 9


@subcommand(Sub.DIGEST)
async def digest_command(ctx: CommandContext) -> None:
    args = ctx.text.args
    if not args:
        raise Invalid(USAGE)
    if args[0].lower() == "list":
        await _list(ctx)
        return
    channel_id = channel_id_from_mention(args[0])
    if channel_id is None:
        raise Invalid(f"Name the channel as #channel first. {USAGE}")
    if len(args) < 2 or args[1].lower() not in FREQUENCIES:
        raise Invalid(f"Say `daily` or `weekly` after the channel. {USAGE}")
    frequency = args[1].lower()
    rest = args[2:]
    hour, minute = DEFAULT_HOUR, 0
    lowered = [w.lower() for w in rest]
    if "at" in lowered:
        at = len(lowered) - 1 - lowered[::-1].index("at")
        when = " ".join(rest[at + 1 :])
        parsed = parse_time(when) if when else None
        if parsed is None:
            raise Invalid(
                f"`{display(when or 'at', 20)}` is not a time of day: use 24-hour `HH:MM`, "
                "from `00:00` to `23:59` (e.g. `at 09:30`)."
            )
        hour, minute = parsed
        rest = rest[:at]
    agent_id = None
    if rest:
        query = " ".join(rest)
        found = await ctx.container.agents.match(identity=ctx.identity, query=query)
        if found.agent is None:
            names = ", ".join(f"*{display(c.name, 60)}*" for c in found.choices[:8])
            hint = f" Did you mean {names}?" if names and found.how != "all" else ""
            if found.how == "several":
                raise Invalid(f"Several agents match `{display(query, 60)}`: {names}. Use the full name.")
            raise Invalid(f"I don't know an agent called `{display(query, 60)}`.{hint}")
        agent_id = found.agent.id
    await _check_channel(ctx, channel_id)
    info = await ctx.container.digests.subscribe(
        identity=ctx.identity,
        channel_id=channel_id,
        frequency=frequency,
        agent_id=agent_id,
        hour=hour,
        minute=minute,
    )
    await ctx.reply(f":calendar: {subscription_line(info)}. See them all with `/milo digest list`.")


async def _check_channel(ctx: CommandContext, channel_id: str) -> None:
    """A channel milobot cannot see (a private one it was not invited to, a typo, another workspace's)
    is refused now, not discovered at 9 a.m."""
    try:
        info = (await ctx.client.conversations_info(channel=channel_id))["channel"]
    except SlackApiError:
        raise Invalid(
            f"I can't see <#{channel_id}>. If it is a private channel, invite me there first "
            "(`/invite @milobot`); otherwise check the channel name."
        ) from None
    if info.get("is_archived"):
        raise Invalid(f"<#{channel_id}> is archived; pick another channel.")
    if info.get("is_im") or info.get("is_mpim"):
        raise Invalid("Digests go to channels, not direct messages.")
    if info.get("is_private") and not await _is_member(ctx, channel_id):
        # A private channel the person is not in: they could not see what goes there, nor choose it.
        raise Invalid(f"You're not in <#{channel_id}>, so you can't send digests there.")


async def _is_member(ctx: CommandContext, channel_id: str) -> bool:
    cursor = None
    for _ in range(20):  # 20 pages of 1,000: a private channel bigger than that is not a hiring channel
        try:
            page = await ctx.client.conversations_members(channel=channel_id, limit=1000, cursor=cursor)
        except SlackApiError:
            return False
        if ctx.identity.user_id in (page.get("members") or []):
            return True
        cursor = (page.get("response_metadata") or {}).get("next_cursor")
        if not cursor:
            return False
    return False


async def _list(ctx: CommandContext) -> None:
    subs = await ctx.container.digests.subscriptions(identity=ctx.identity)
    if not subs:
        await ctx.reply(f"No digests yet. {USAGE}")
        return
    role = await ctx.container.team.role_of(identity=ctx.identity)
    await ctx.reply(
        f"{len(subs)} digest" + ("" if len(subs) == 1 else "s"),
        subscription_list(subs, admin=role == "admin"),
    )


def register(app: AsyncApp, container: Container) -> None:
    async def answer(body: dict[str, Any], text: str) -> None:
        url = body.get("response_url")
        if url:
            await container.replier.reply(url, text=text)

    @app.action(DigestAction.SEND_NOW)
    @guarded
    async def on_send_now(ack, body, client) -> None:
        await ack()
        ref = decode(DigestRef, action_value(body))
        due = await container.digests.send_now(
            identity=identity_of(body), subscription_id=ref.subscription_id
        )
        if container.digest_runner is None:
            raise Invalid("Digests are not running in this process; try again in a moment.")
        try:
            await container.digest_runner.send(due, now=container.deps.clock())
        except Exception as exc:  # Slack's refusal, said plainly
            await answer(body, f"I couldn't post to <#{due.channel_id}>: {display(str(exc), 100)}.")
            return
        await answer(body, f":white_check_mark: Sent the digest to <#{due.channel_id}>.")

    @app.action(DigestAction.REMOVE)
    @guarded
    async def on_remove(ack, body, client) -> None:
        await ack()
        ref = decode(DigestRef, action_value(body))
        info = await container.digests.remove(identity=identity_of(body), subscription_id=ref.subscription_id)
        await answer(body, f":wastebasket: Removed: {subscription_line(info)}.")
