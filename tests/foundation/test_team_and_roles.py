"""Team and roles, enforced in the service layer."""

from __future__ import annotations

from sqlalchemy import func, select

from milobot.db.models import AuditEntry, Member
from tests.conftest import ADMIN

VIEWER = "UVIEWER001"
STRANGER = "USTRANGER1"


async def member_roles(milo) -> dict[str, str]:
    async with milo.container.db.unit_of_work() as s:
        return {m.slack_user_id: m.role for m in (await s.scalars(select(Member))).all()}


async def audit_actions(milo) -> list[str]:
    async with milo.container.db.unit_of_work() as s:
        return [a.action for a in (await s.scalars(select(AuditEntry).order_by(AuditEntry.id))).all()]


def reply_text(call) -> str:
    return call.args.get("text", "")


async def test_admin_invites_a_viewer_who_gets_a_welcome_dm(milo, slack):
    await milo.command(f"team invite <@{VIEWER}|vera> viewer", user=ADMIN)
    reply = await milo.replies()
    assert "Invited <@UVIEWER001> as *viewer*" in reply_text(reply)
    assert await member_roles(milo) == {ADMIN: "admin", VIEWER: "viewer"}
    opened = await slack.wait_for("conversations.open", lambda c: c.args.get("users") == VIEWER)
    dm = await slack.wait_for("chat.postMessage", lambda c: c.args["channel"].startswith("D"))
    assert "viewer" in dm.args["text"]
    assert "team.invite" in await audit_actions(milo)
    assert opened


async def test_team_list_shows_roles(milo, slack):
    await milo.command(f"team invite <@{VIEWER}> viewer", user=ADMIN)
    await milo.replies()
    await milo.command("team", user=VIEWER)
    reply = await milo.replies(count=2)
    blocks_text = str(reply[1].args["blocks"])
    assert f"<@{ADMIN}> — *admin*" in blocks_text and f"<@{VIEWER}> — *viewer*" in blocks_text


async def test_viewer_and_non_member_are_refused_admin_actions_and_nothing_changes(milo, slack):
    await milo.command(f"team invite <@{VIEWER}> viewer", user=ADMIN)
    await milo.replies()
    before_members, before_audit = await member_roles(milo), await audit_actions(milo)

    await milo.command(f"team invite <@{STRANGER}> admin", user=VIEWER)
    refused_viewer = await milo.replies(count=2)
    assert "Only admins can do that" in reply_text(refused_viewer[1])
    assert f"<@{ADMIN}>" in reply_text(refused_viewer[1])  # names an admin to ask

    await milo.command(f"team role <@{VIEWER}> admin", user=STRANGER)
    refused_stranger = await milo.replies(count=3)
    assert "not on this workspace's milobot team" in reply_text(refused_stranger[2])
    assert f"<@{ADMIN}>" in reply_text(refused_stranger[2])

    await milo.command(f"team remove <@{ADMIN}>", user=STRANGER)
    await milo.replies(count=4)
    assert await member_roles(milo) == before_members
    assert await audit_actions(milo) == before_audit


async def test_roles_change_and_the_last_admin_is_kept(milo, slack):
    await milo.command(f"team invite <@{VIEWER}> viewer", user=ADMIN)
    await milo.replies(count=1)
    await milo.command(f"team role <@{VIEWER}> admin", user=ADMIN)
    await milo.replies(count=2)
    assert (await member_roles(milo))[VIEWER] == "admin"
    await milo.command(f"team remove <@{VIEWER}>", user=ADMIN)
    await milo.replies(count=3)
    assert VIEWER not in await member_roles(milo)
    await milo.command(f"team role <@{ADMIN}> viewer", user=ADMIN)
    last = await milo.replies(count=4)
    assert "last admin" in reply_text(last[3])
    assert (await member_roles(milo))[ADMIN] == "admin"
    assert await audit_actions(milo) == ["team.invite", "team.role", "team.remove"]


async def test_help_lists_every_command_and_unknown_words_are_escaped(milo, slack):
    await milo.command("help", user=ADMIN)
    reply = await milo.replies()
    text = str(reply.args["blocks"])
    for example in (
        "/milo agent new",
        "/milo team invite",
        "/milo share",
        "/milo candidates",
        "/milo imports",
        "/milo digest",
    ):
        assert example in text
    # forget and export are built (tests/privacy), and digests (tests/digests).
    assert "/milo forget" in text and "/milo export" in text
    await milo.command("<!channel>", user=ADMIN)
    unknown = await milo.replies(count=2)
    assert "&lt;!channel&gt;" in reply_text(unknown[1])
    assert "<!channel>" not in reply_text(unknown[1])


async def test_welcome_dm_survives_a_429(milo, slack):
    slack.inject_429("chat.postMessage", times=1, retry_after=1)
    await milo.command(f"team invite <@{VIEWER}> viewer", user=ADMIN)
    # The first attempt is answered 429 with Retry-After; the retry handler sends the same message again.
    attempts = await slack.wait_for(
        "chat.postMessage", lambda c: c.args["channel"].startswith("D"), count=2, timeout=10
    )
    assert attempts[0].args["text"] == attempts[1].args["text"]
    delivered = [m for msgs in slack.messages.values() for m in msgs.values()]
    assert len(delivered) == 1 and "viewer" in delivered[0]["text"]


async def member_count(milo) -> int:
    async with milo.container.db.unit_of_work() as s:
        return await s.scalar(select(func.count()).select_from(Member))


async def test_counts_read_in_the_singular_for_one_and_dates_in_the_readers_time_zone(milo, slack):
    """A team of one admin is "1 teammate · 1 admin · 0 viewers" (it read "1 teammates · 1 admins"),
    a single agent is "1 interview agent", the Home tab says "an *admin*", and the team list's dates
    are `<!date>` tokens Slack shows in each reader's own time zone."""
    from tests.agents.support import create_agent

    await milo.command("team", user=ADMIN)
    listing = await milo.replies()
    assert listing.args["text"] == "1 teammate"
    blocks_text = str(listing.args["blocks"])
    assert "1 teammate · 1 admin · 0 viewers" in blocks_text
    assert f"<@{ADMIN}> — *admin* · since <!date^" in blocks_text

    await create_agent(milo, slack)
    mark = slack.mark()
    await milo.command("agents", user=ADMIN)
    agents = await slack.wait_for("response_url", since=mark)
    assert agents.args["text"] == "1 interview agent" and "'1 agent'" in str(agents.args["blocks"])

    from tests.fakes import payloads

    await milo.event(payloads.app_home_opened(slack.team_id, ADMIN))
    home = await slack.wait_for("views.publish", lambda c: c.args["user_id"] == ADMIN)
    assert "You're an *admin* on this hiring team." in str(home.args["view"])


async def test_a_milobot_admins_user_the_team_removed_stays_removed(milo, slack):
    """MILOBOT_ADMINS make someone an admin the first time they are seen. Once another admin has taken
    them off the team, their next command finds them a stranger: it used to seat them as admin again."""
    other = "UADMIN0002"
    await milo.command(f"team invite <@{other}> admin", user=ADMIN)
    await milo.replies()
    mark = slack.mark()
    await milo.command(f"team remove <@{ADMIN}>", user=other)
    assert "no longer on the milobot team" in reply_text(await slack.wait_for("response_url", since=mark))

    mark = slack.mark()
    await milo.command("agents", user=ADMIN)
    refused = await slack.wait_for("response_url", since=mark)
    assert "You're not on this workspace's milobot team" in reply_text(refused)
    assert await member_roles(milo) == {other: "admin"}

    # Invited back, they are whatever the invitation says.
    mark = slack.mark()
    await milo.command(f"team invite <@{ADMIN}> viewer", user=other)
    invited = await slack.wait_for("response_url", since=mark)
    assert f"Invited <@{ADMIN}>" in reply_text(invited)
    assert await member_roles(milo) == {other: "admin", ADMIN: "viewer"}


async def test_bots_deactivated_and_unknown_users_are_not_invited(milo, slack):
    """`/milo team invite` seated milobot's own bot user (which was then sent a welcome DM), other bots
    and Slackbot. Only people join: milobot knows its own bot user and Slackbot without asking; anyone
    else is what Slack's users.info says (is_bot, deleted), and a lookup that fails is refused in words."""
    await milo.command("team", user=ADMIN)  # seated (MILOBOT_ADMINS) by a command that succeeds
    await milo.replies()
    own_bot = slack.workspaces[slack.team_id].bot_user_id
    slack.add_user(slack.team_id, "UOTHERBOT1", real_name="Deploy Bot", is_bot=True)
    slack.add_user(slack.team_id, "UGONE00001", real_name="Gone Person", deleted=True)
    expected = [
        (own_bot, "is a bot or an app, not a person"),
        ("USLACKBOT", "is a bot or an app, not a person"),
        ("UOTHERBOT1", "is a bot or an app, not a person"),
        ("UGONE00001", "Slack account is deactivated"),
    ]
    for user, words in expected:
        mark = slack.mark()
        await milo.command(f"team invite <@{user}> viewer", user=ADMIN)
        reply = reply_text(await slack.wait_for("response_url", since=mark))
        assert f"<@{user}>" in reply and words in reply, reply
        assert "Invited" not in reply
    # milobot's own bot user and Slackbot cost no lookup; the others one each.
    looked_up = [c.args["user"] for c in slack.calls if c.method == "users.info"]
    assert own_bot not in looked_up and "USLACKBOT" not in looked_up
    assert "UOTHERBOT1" in looked_up and "UGONE00001" in looked_up

    # users.info failing: a clear refusal, not "something went wrong on our side".
    slack.inject_error("users.info", "user_not_found")
    mark = slack.mark()
    await milo.command("team invite <@UNOBODY001> viewer", user=ADMIN)
    reply = reply_text(await slack.wait_for("response_url", since=mark))
    assert "Slack doesn't know <@UNOBODY001> in this workspace" in reply, reply
    slack.inject_error("users.info", "missing_scope")
    mark = slack.mark()
    await milo.command("team invite <@UNOBODY002> viewer", user=ADMIN)
    reply = reply_text(await slack.wait_for("response_url", since=mark))
    assert "Slack didn't tell me who <@UNOBODY002> is" in reply, reply

    # Nobody was seated, so no welcome DM is queued for any of them.
    assert await member_roles(milo) == {ADMIN: "admin"}
    assert await audit_actions(milo) == []

    # A viewer still hears that only admins invite, whoever they name.
    mark = slack.mark()
    await milo.command(f"team invite <@{VIEWER}> viewer", user=ADMIN)
    # Both the invite's reply and the welcome DM (through the outbox: either may land first).
    await slack.wait_for("response_url", since=mark)
    await slack.wait_for("chat.postMessage", lambda c: c.args["channel"].startswith("D"), since=mark)
    mark = slack.mark()
    await milo.command(f"team invite <@{own_bot}> viewer", user=VIEWER)
    reply = reply_text(await slack.wait_for("response_url", since=mark))
    assert "Only admins can do that" in reply, reply
    assert not [c for c in slack.calls if c.method == "conversations.open" and c.args.get("users") != VIEWER]
