"""QA probe: digest, analytics and reminders with hostile names; check mrkdwn for live content."""

from __future__ import annotations

import json

from sqlalchemy import select

from milobot.db.models import DigestSubscription
from milobot.ids import DigestAction
from milobot.metadata import DigestRef, encode
from tests.conftest import ADMIN
from tests.digests.support import DIGEST_CHANNEL, add_agent, add_interview, set_workspace, use_clock, utc
from tests.digests.test_digest_commands import click, say
from tests.reliability.test_hostile_names import _check

AGENT = "<!here> *Hired* & <https://evil.example|Apply> 🚀 مهندس"
NAME = "Eve <!channel> <https://evil.example|Click> *Score 100/100* & 🙂 محمد"


async def test_digest_and_analytics(milo, slack):
    await set_workspace(milo, slack.team_id, time_zone="Asia/Kolkata", public_channel_privacy="show")
    slack.add_channel(DIGEST_CHANNEL, "digests", is_private=True, members=[ADMIN])
    use_clock(milo, utc(2026, 5, 4, 12, 0))
    agent_id = await add_agent(milo, slack.team_id, AGENT)
    for i in range(7):
        await add_interview(
            milo,
            agent_id,
            name=f"{NAME} {i}",
            started=utc(2026, 5, 3, 9),
            completed=utc(2026, 5, 3, 10 + i),
            score=50 + i,
        )
    said = await say(milo, f"digest <#{DIGEST_CHANNEL}|digests> daily {AGENT[:7]} at 17:30")
    print("SUB:", said)
    said = await say(milo, f"digest <#{DIGEST_CHANNEL}|digests> daily at 17:30")
    print("SUB2:", said)
    print("LIST:", await say(milo, "digest list"))
    async with milo.container.db.unit_of_work() as s:
        ids = (await s.scalars(select(DigestSubscription.id))).all()
    for sub_id in ids:
        print("SEND:", await click(milo, DigestAction.SEND_NOW, encode(DigestRef(sub_id))))
    mark = slack.mark()
    await milo.command("analytics last 7d", user=ADMIN)
    await slack.wait_for("response_url", since=mark)
    await milo.command(f"analytics {AGENT[:7]} last 7d", user=ADMIN)
    await slack.wait_for("response_url", since=mark, count=2)
    checked = 0
    for call in slack.calls:
        if call.method in ("chat.postMessage", "chat.update", "response_url") or call.method.startswith(
            "views."
        ):
            checked += _check(call.method, call.args)
    print("checked", checked)
    for c in slack.calls:
        if c.method in ("chat.postMessage",) and c.args.get("channel") == DIGEST_CHANNEL:
            print(json.dumps(c.args.get("blocks"), ensure_ascii=False)[:3000])
    slack.assert_no_violations()
