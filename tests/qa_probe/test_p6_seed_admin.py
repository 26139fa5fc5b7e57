"""QA probe: a MILOBOT_ADMINS admin removed from the team comes back as admin on their next command."""

from __future__ import annotations

from sqlalchemy import select

from milobot.db.models import Member
from tests.conftest import ADMIN

OTHER = "UADMIN0002"


async def roles(milo):
    async with milo.container.db.unit_of_work() as s:
        return {m.slack_user_id: m.role for m in (await s.scalars(select(Member))).all()}


async def test_removed_seed_admin_returns(milo, slack):
    await milo.command(f"team invite <@{OTHER}> admin", user=ADMIN)
    await milo.replies()
    mark = slack.mark()
    await milo.command(f"team remove <@{ADMIN}>", user=OTHER)
    r = await slack.wait_for("response_url", since=mark)
    print("REMOVE:", r.args["text"])
    print("after remove", await roles(milo))
    mark = slack.mark()
    await milo.command("team", user=ADMIN)
    r = await slack.wait_for("response_url", since=mark)
    print("REMOVED ADMIN RUNS /milo team:", r.args.get("text"))
    print("after", await roles(milo))
    assert ADMIN not in await roles(milo), "a removed MILOBOT_ADMINS user is re-seeded as admin"
