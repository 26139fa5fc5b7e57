"""`/milo digest` over the wire: subscribing, bad input, viewers refused, the list with Send now and
Remove, and what a digest says (numbers, who waits, View candidates, the chart, privacy, No data.)."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from milobot.db.models import Agent, DigestPeriod, DigestSubscription
from milobot.ids import CandidateList, DigestAction
from milobot.metadata import AgentRef, DigestRef, encode
from tests.conftest import ADMIN
from tests.digests.support import (
    DIGEST_CHANNEL,
    add_agent,
    add_interview,
    posts,
    set_workspace,
    tick,
    use_clock,
    utc,
)
from tests.fakes import payloads

VIEWER = "UVIEWER001"
PRIVATE = "G0PRIVATE1"


@pytest.fixture
def settings_overrides() -> dict:
    return {"run_scheduler": False}


async def say(milo, text: str, user: str = ADMIN) -> str:
    mark = milo.slack.mark()
    await milo.command(text, user=user)
    reply = await milo.slack.wait_for("response_url", since=mark)
    return reply.args.get("text", "")


async def subscriptions(milo) -> int:
    async with milo.container.db.unit_of_work() as s:
        return (await s.scalar(select(func.count()).select_from(DigestSubscription))) or 0


async def click(milo, action_id: str, value: str, user: str = ADMIN) -> str:
    mark = milo.slack.mark()
    url = milo.slack.new_response_url(milo.slack.team_id, kind="actions")
    await milo.interact(payloads.block_actions(milo.slack.team_id, user, action_id, value, response_url=url))
    reply = await milo.slack.wait_for("response_url", since=mark, timeout=10)
    return reply.args.get("text", "")


async def test_bad_input_gets_a_clear_message_and_subscribes_nothing(milo, slack):
    await add_agent(milo, slack.team_id, "Backend Engineer")
    ch = f"<#{DIGEST_CHANNEL}|digests>"
    assert "Usage" in await say(milo, "digest")
    assert "#channel" in await say(milo, "digest daily")
    assert "`daily` or `weekly`" in await say(milo, f"digest {ch} hourly")
    said = await say(milo, f"digest {ch} daily at 25:00")
    assert "`25:00` is not a time of day" in said and "00:00" in said
    assert "not a time of day" in await say(milo, f"digest {ch} daily at noonish")
    said = await say(milo, f"digest {ch} weekly Frontend Wizard at 09:00")
    assert "I don't know an agent called `Frontend Wizard`" in said
    said = await say(milo, f"digest {ch} weekly <!channel> at 09:00")
    assert "<!channel>" not in said  # shown escaped, never a ping
    slack.add_channel("G0NOTMINE1", "leadership", is_private=True, members=["UOTHER0001"])
    said = await say(milo, "digest <#G0NOTMINE1|leadership> daily")
    assert "You're not in <#G0NOTMINE1>" in said
    slack.add_channel("G0UNINVITD", "offsite", is_private=True, is_member=False, members=[ADMIN])
    said = await say(milo, "digest <#G0UNINVITD|offsite> daily")
    assert "I can't see <#G0UNINVITD>" in said and "/invite @milobot" in said
    slack.inject_error("conversations.info", "channel_not_found")
    said = await say(milo, "digest <#C0SECRET99|secret> daily")
    assert "I can't see <#C0SECRET99>" in said and "/invite @milobot" in said
    assert await subscriptions(milo) == 0


async def test_viewers_are_refused_and_can_list(milo, slack):
    await milo.seat(slack.team_id, VIEWER, role="viewer")
    said = await say(milo, f"digest <#{DIGEST_CHANNEL}|digests> daily", user=VIEWER)
    assert "Only admins" in said
    assert await subscriptions(milo) == 0
    await say(milo, f"digest <#{DIGEST_CHANNEL}|digests> daily at 8:15")
    mark = slack.mark()
    await milo.command("digest list", user=VIEWER)
    listing = await slack.wait_for("response_url", since=mark)
    assert "08:15" in json.dumps(listing.args.get("blocks"))
    assert DigestAction.SEND_NOW not in json.dumps(listing.args.get("blocks"))  # no buttons for viewers
    async with milo.container.db.unit_of_work() as s:
        sub_id = await s.scalar(select(DigestSubscription.id))
    said = await click(milo, DigestAction.REMOVE, encode(DigestRef(sub_id)), user=VIEWER)
    assert "Only admins" in said
    assert await subscriptions(milo) == 1


async def test_list_send_now_and_remove(milo, slack):
    use_clock(milo, utc(2026, 5, 4, 12, 0))
    agent_id = await add_agent(milo, slack.team_id, "Backend Engineer")
    await add_interview(
        milo,
        agent_id,
        name="Ada Lovelace",
        started=utc(2026, 5, 4, 9),
        completed=utc(2026, 5, 4, 10),
        score=91,
    )
    said = await say(milo, f"digest <#{DIGEST_CHANNEL}|digests> weekly backend at 17:30")
    assert "Backend Engineer" in said and "17:30" in said
    # Subscribing again changes the time rather than adding a second digest.
    await say(milo, f"digest <#{DIGEST_CHANNEL}|digests> weekly backend at 16:00")
    assert await subscriptions(milo) == 1

    mark = slack.mark()
    await milo.command("digest list", user=ADMIN)
    listing = await slack.wait_for("response_url", since=mark)
    blocks = json.dumps(listing.args.get("blocks"))
    assert "16:00" in blocks and DigestAction.SEND_NOW in blocks and DigestAction.REMOVE in blocks

    async with milo.container.db.unit_of_work() as s:
        sub_id = await s.scalar(select(DigestSubscription.id))
    said = await click(milo, DigestAction.SEND_NOW, encode(DigestRef(sub_id)))
    assert "Sent the digest" in said
    (post,) = posts(slack)
    assert "Backend Engineer" in json.dumps(post.args.get("blocks"))
    async with milo.container.db.unit_of_work() as s:  # Send now claims no period
        assert (await s.scalar(select(func.count()).select_from(DigestPeriod))) == 0

    said = await click(milo, DigestAction.REMOVE, encode(DigestRef(sub_id)))
    assert "Removed" in said
    assert await subscriptions(milo) == 0
    assert "No digests yet" in await say(milo, "digest list")


async def listed(milo) -> str:
    mark = milo.slack.mark()
    await milo.command("digest list", user=ADMIN)
    listing = await milo.slack.wait_for("response_url", since=mark)
    return json.dumps(listing.args.get("blocks"), ensure_ascii=False)


async def test_the_list_says_why_the_last_digest_was_not_posted_until_one_is(milo, slack):
    use_clock(milo, utc(2026, 5, 1, 12, 0))
    await add_agent(milo, slack.team_id, "Backend Engineer")
    await say(milo, f"digest <#{DIGEST_CHANNEL}|digests> daily backend at 09:00")
    assert "not posted" not in await listed(milo)

    # The channel is archived after subscribing: Slack refuses the post for good this period.
    slack.add_channel(DIGEST_CHANNEL, "digests", is_archived=True)
    await tick(milo, utc(2026, 5, 4, 9, 0))
    assert len(posts(slack)) == 1 and not slack.messages.get(DIGEST_CHANNEL)  # tried, refused
    shown = await listed(milo)
    assert "The last digest was not posted (Mon 04 May 09:00)" in shown
    assert f"<#{DIGEST_CHANNEL}> is archived" in shown
    assert "pick another with `/milo digest #channel daily Backend Engineer at 09:00`" in shown

    # Unarchived, but Slack fails for now: the period is tried again, and the list says so.
    slack.add_channel(DIGEST_CHANNEL, "digests")
    slack.inject_error("chat.postMessage", "internal_error")
    await tick(milo, utc(2026, 5, 5, 9, 0))
    assert len(posts(slack)) == 2 and not slack.messages.get(DIGEST_CHANNEL)
    shown = await listed(milo)
    assert "The last digest isn't out yet: Slack had an error of its own (Tue 05 May 09:00)" in shown
    assert "is archived" not in shown

    # The retry goes out: nothing to warn about any more.
    await tick(milo, utc(2026, 5, 5, 9, 3))
    assert len(slack.messages.get(DIGEST_CHANNEL, {})) == 1
    shown = await listed(milo)
    assert "not posted" not in shown and "isn't out yet" not in shown


async def test_the_digest_numbers_waiting_candidates_button_and_chart(milo, slack):
    await set_workspace(milo, slack.team_id, time_zone="UTC", public_channel_privacy="show")
    use_clock(milo, utc(2026, 5, 1, 12, 0))
    agent_id = await add_agent(milo, slack.team_id, "Backend Engineer")
    await add_interview(
        milo,
        agent_id,
        name="Ada Lovelace",
        started=utc(2026, 5, 3, 10),
        completed=utc(2026, 5, 3, 10, 30),
        score=90,
    )
    await add_interview(
        milo,
        agent_id,
        name="Grace Hopper",
        started=utc(2026, 5, 3, 11),
        completed=utc(2026, 5, 3, 11, 50),
        score=70,
    )
    await add_interview(milo, agent_id, name="Alan Turing", started=utc(2026, 5, 3, 12))
    await add_interview(
        milo, agent_id, name="Old Timer", started=utc(2026, 4, 1, 12), completed=utc(2026, 4, 1, 13), score=50
    )
    await say(milo, f"digest <#{DIGEST_CHANNEL}|digests> daily backend at 09:00")

    await tick(milo, utc(2026, 5, 4, 9, 0))
    (post,) = posts(slack)
    blocks = post.args["blocks"]
    text = json.dumps(blocks)
    assert "*Invited*\\n3" in text and "*Started*\\n3" in text and "*Completed*\\n2" in text
    assert "*Completion rate*\\n67%" in text and "*Median time to complete*\\n40 min" in text
    assert "60–79: 1 · 80–100: 1" in json.dumps(blocks, ensure_ascii=False)
    # Oldest first, all three completed ones unrated (the old one too: it still waits).
    assert text.index("Old Timer") < text.index("Ada Lovelace") < text.index("Grace Hopper")
    assert "Waiting for review (3)" in text
    buttons = [e for b in blocks if b["type"] == "actions" for e in b["elements"]]
    assert [(b["action_id"], b["value"]) for b in buttons] == [
        (CandidateList.OPEN, encode(AgentRef(agent_id)))
    ]

    upload = await slack.wait_for("files.completeUploadExternal")
    assert upload.args.get("thread_ts") == post_ts(slack, post)
    png = next(iter(slack.uploaded_files.values()))
    assert png.content.startswith(b"\x89PNG\r\n\x1a\n") and len(png.content) > 1000
    import io

    from PIL import Image

    image = Image.open(io.BytesIO(png.content))
    image.verify()  # the chart is a PNG that opens


def post_ts(slack, post) -> str:
    channel = post.args["channel"]
    for ts, message in slack.messages.get(channel, {}).items():
        if message.get("blocks") == post.args.get("blocks") or message.get("text") == post.args.get("text"):
            return ts
    raise AssertionError("posted message not found")


async def test_no_data_when_the_agent_has_no_interviews(milo, slack):
    use_clock(milo, utc(2026, 5, 1, 12, 0))
    await add_agent(milo, slack.team_id, "Quiet Agent")
    await say(milo, f"digest <#{DIGEST_CHANNEL}|digests> daily quiet at 09:00")
    await tick(milo, utc(2026, 5, 4, 9, 0))
    (post,) = posts(slack)
    assert "No data." in json.dumps(post.args["blocks"])
    assert slack.calls_to("files.completeUploadExternal") == []  # no empty chart


async def test_public_channels_name_no_candidates_when_privacy_is_on(milo, slack):
    await set_workspace(milo, slack.team_id, time_zone="UTC")  # privacy: the default, redact
    use_clock(milo, utc(2026, 5, 1, 12, 0))
    agent_id = await add_agent(milo, slack.team_id, "Backend Engineer")
    cid = await add_interview(
        milo,
        agent_id,
        name="Ada Lovelace",
        started=utc(2026, 5, 3, 10),
        completed=utc(2026, 5, 3, 11),
        score=90,
    )
    slack.add_channel(PRIVATE, "hiring-private", is_private=True, members=[ADMIN])
    await say(milo, f"digest <#{DIGEST_CHANNEL}|digests> daily at 09:00")
    await say(milo, f"digest <#{PRIVATE}|hiring-private> daily at 09:00")
    await tick(milo, utc(2026, 5, 4, 9, 0))
    (public,) = posts(slack, DIGEST_CHANNEL)
    (private,) = posts(slack, PRIVATE)
    assert "Ada" not in json.dumps(public.args) and f"A.L. (candidate #{cid})" in json.dumps(
        public.args["blocks"]
    )
    assert "Ada Lovelace" in json.dumps(private.args["blocks"])
    # The agent's own choice wins over the workspace's: this agent shows names in public channels.
    async with milo.container.db.unit_of_work() as s:
        (await s.get(Agent, agent_id)).public_channel_privacy = "show"
    await tick(milo, utc(2026, 5, 5, 9, 0))
    assert "Ada Lovelace" in json.dumps(posts(slack, DIGEST_CHANNEL)[-1].args["blocks"])


async def test_joins_a_public_channel_and_asks_for_an_invite_to_a_private_one(milo, slack):
    use_clock(milo, utc(2026, 5, 1, 12, 0))
    slack.add_channel(DIGEST_CHANNEL, "digests", is_member=False)
    slack.add_channel(PRIVATE, "hiring-private", is_private=True, members=[ADMIN])
    await say(milo, f"digest <#{DIGEST_CHANNEL}|digests> daily at 09:00")
    await say(milo, f"digest <#{PRIVATE}|hiring-private> daily at 09:00")
    slack.add_channel(PRIVATE, "hiring-private", is_private=True, is_member=False, members=[ADMIN])  # removed
    await tick(milo, utc(2026, 5, 4, 9, 0))

    assert [c.args["channel"] for c in slack.calls_to("conversations.join")] == [DIGEST_CHANNEL]
    assert len(slack.messages.get(DIGEST_CHANNEL, {})) == 1  # posted after joining
    assert slack.messages.get(PRIVATE, {}) == {}
    dm = await slack.wait_for("chat.postMessage", lambda c: c.args["channel"] == ADMIN)
    assert "/invite @milobot" in dm.args["text"] and f"<#{PRIVATE}>" in dm.args["text"]
    async with milo.container.db.unit_of_work() as s:
        statuses = dict(
            (
                await s.execute(select(DigestSubscription.channel_id, DigestPeriod.status).join(DigestPeriod))
            ).all()
        )
    assert statuses == {DIGEST_CHANNEL: "sent", PRIVATE: "failed"}
    await tick(milo, utc(2026, 5, 4, 9, 5))  # not retried (nor the DM repeated) within the period
    # the public one refused then posted after joining, the private one refused, the DM: nothing more
    assert len(slack.calls_to("chat.postMessage")) == 4


async def test_an_agent_named_with_a_mention_pings_no_one_from_the_digest_text(milo, slack):
    """The digest message's notification text carries the agent's name: escaped there as in its blocks,
    so an agent called `<!here> …` does not ping the channel each day."""
    use_clock(milo, utc(2026, 5, 4, 12, 0))
    await add_agent(milo, slack.team_id, "<!here> *Hired* <https://evil.example|Apply>")
    said = await say(milo, f"digest <#{DIGEST_CHANNEL}|digests> daily <!here> at 17:30")
    assert "Daily" in said
    assert await say(milo, "digest list") == "1 digest"
    async with milo.container.db.unit_of_work() as s:
        sub_id = await s.scalar(select(DigestSubscription.id))
    assert "Sent the digest" in await click(milo, DigestAction.SEND_NOW, encode(DigestRef(sub_id)))
    (post,) = posts(slack)
    text = post.args["text"]
    assert "&lt;!here&gt;" in text and "<!here>" not in text and "<https://evil" not in text
