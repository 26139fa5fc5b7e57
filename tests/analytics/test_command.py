"""`/milo analytics` over the wire: numbers in the reply, the chart uploaded with alt text as a PNG that
opens, "No data." on an empty agent, range errors, viewers may read, strangers may not, workspaces never
see each other, names are escaped, the agent card's and App Home's Analytics buttons."""

from __future__ import annotations

import io
import json

from PIL import Image
from sqlalchemy import select

from milobot.db.models import OutboxMessage
from milobot.ids import AnalyticsAction
from milobot.services.analytics_report import CHART
from tests.analytics.support import (
    OTHER_ADMIN,
    OTHER_TEAM,
    VIEWER,
    add,
    et,
    make_agent,
    october,
    rate,
    set_zone,
)
from tests.conftest import ADMIN
from tests.fakes import payloads

OCT = "2026-10-01..2026-10-31"


def _text(call) -> str:
    return json.dumps(call.args, ensure_ascii=False)


async def _ask(milo, slack, text: str, *, user=ADMIN, team=None, channel="C0CHAN0001"):
    mark = slack.mark()
    await milo.command(text, user=user, team=team, channel=channel)
    return await slack.wait_for("response_url", since=mark)


def _mrkdwn(node) -> list[str]:
    """Every mrkdwn text in the blocks: where Slack would turn `<!channel>` into a ping (plain_text
    shows it literally)."""
    if isinstance(node, list):
        return [t for item in node for t in _mrkdwn(item)]
    if not isinstance(node, dict):
        return []
    found = [node["text"]] if node.get("type") == "mrkdwn" else []
    return found + [t for v in node.values() for t in _mrkdwn(v)]


async def _chart_rows(milo) -> int:
    async with milo.container.db.unit_of_work() as s:
        return len((await s.scalars(select(OutboxMessage).where(OutboxMessage.kind == CHART))).all())


async def test_agent_numbers_and_a_chart_that_opens(milo, slack):
    await october(milo)
    reply = await _ask(milo, slack, f"analytics backend {OCT}")
    text = _text(reply)
    for expected in (
        "Analytics · Backend",
        "*Invited*\\n7",
        "*Started*\\n5",
        "*Completed*\\n4",
        "80% of those started",
        "40 min",
        "share link (linkedin): 2",
        "import: 1",
        "API: 1",
        "80–100: 1",
        "linkedin: 3",
        "America/New_York",
    ):
        assert expected in text, expected
    assert "set them with `/milo settings`" in text  # no spend settings yet: says where to set them
    assert "Fay completed the interview" in text  # the recent feed

    complete = await slack.wait_for("files.completeUploadExternal", timeout=10)
    png = slack.uploaded_files["analytics-backend.png"]
    assert png.channel_id == "C0CHAN0001"
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 2_000
    image = Image.open(io.BytesIO(png.content))
    image.load()
    assert image.size == (800, 300)
    alt = slack.last("files.getUploadURLExternal").args["alt_txt"]
    assert "started and completed per day for Backend" in alt and "5 started and 4 completed" in alt
    assert complete is not None


async def test_spend_and_savings_show_their_formula(milo, slack):
    await october(milo)
    await set_zone(
        milo,
        "America/New_York",
        settings={
            "cost_per_interview": 2.5,
            "minutes_saved_per_screen": 30,
            "hourly_rate": 60,
            "currency": "USD",
        },
    )
    text = _text(await _ask(milo, slack, f"analytics backend {OCT}"))
    assert "Spend: 5 interviews × $2.50 = *$12.50*" in text
    assert "4 screens × 30 min = 2.0 h × $60.00/h = *$120.00*" in text
    assert "Net: savings − spend = *$107.50*" in text


async def test_workspace_wide_without_an_agent(milo, slack):
    await october(milo)
    text = _text(await _ask(milo, slack, f"analytics {OCT}"))
    assert "Analytics · All agents" in text and "*Invited*\\n8" in text and "*Completed*\\n5" in text


async def test_no_data_on_an_empty_agent_and_no_chart(milo, slack):
    await set_zone(milo, "UTC")
    await make_agent(milo, "Fresh")
    text = _text(await _ask(milo, slack, "analytics fresh last 30d"))
    assert "*No data.*" in text and "/milo share Fresh" in text
    assert "*Started*" not in text
    assert await _chart_rows(milo) == 0


async def test_range_errors_are_explained(milo, slack):
    await october(milo)
    for bad, words in (
        ("2026-10-31..2026-10-01", "ends (2026-10-01) before it starts"),
        ("2026-02-30", "not a real date"),
        ("last 5000d", "longer than"),
        # It said "I can't read … as a date range" where 1900-01-01..9999-12-31 said "longer than".
        ("last 100000d", "longer than 1098 days"),
        ("1900-01-01..9999-12-31", "longer than 1098 days"),
    ):
        text = _text(await _ask(milo, slack, f"analytics backend {bad}"))
        assert ":warning:" in text and words in text, (bad, text)


async def test_viewer_reads_and_a_stranger_does_not(milo, slack):
    await october(milo)
    await milo.seat(slack.team_id, VIEWER, "viewer")
    text = _text(await _ask(milo, slack, f"analytics backend {OCT}", user=VIEWER))
    assert "*Invited*\\n7" in text
    stranger = _text(await _ask(milo, slack, f"analytics backend {OCT}", user="USTRANGER1"))
    assert "not on this workspace's milobot team" in stranger and "Invited" not in stranger


async def test_other_workspace_sees_only_its_own(milo, slack):
    ids = await october(milo)
    await milo.seat(OTHER_TEAM, OTHER_ADMIN, "admin")
    text = _text(await _ask(milo, slack, f"analytics backend {OCT}", user=OTHER_ADMIN, team=OTHER_TEAM))
    assert "*Invited*\\n1" in text and "Twin" in text and "— Ana " not in text
    # A crafted button naming this workspace's agent, clicked from the other workspace.
    mark = slack.mark()
    value = json.dumps({"agent_id": ids["backend"], "range_text": OCT})
    await milo.interact(
        payloads.block_actions(
            OTHER_TEAM,
            OTHER_ADMIN,
            AnalyticsAction.OPEN,
            value,
            response_url=slack.new_response_url(OTHER_TEAM, "actions"),
        )
    )
    refused = _text(await slack.wait_for("response_url", since=mark))
    assert "doesn't exist" in refused and "Invited" not in refused


async def test_names_with_channel_pings_are_escaped(milo, slack):
    await set_zone(milo, "UTC")
    a = await make_agent(milo, "Team <!channel>")
    await add(
        milo,
        a,
        "<!here> Mallory",
        added=et(2026, 10, 2),
        source="link",
        tag="<!everyone>",
        started=et(2026, 10, 2),
        minutes=5,
        score=50,
    )
    reply = await _ask(milo, slack, f"analytics team {OCT}")
    text = "\n".join([reply.args["text"], *_mrkdwn(reply.args["blocks"])])
    assert "<!channel>" not in text and "<!here>" not in text and "<!everyone>" not in text
    assert "Team &lt;!channel&gt;" in text and "&lt;!here&gt; Mallory" in text


async def test_ambiguous_name_offers_a_choice_that_opens_the_report(milo, slack):
    await october(milo)
    await make_agent(milo, "Backend Senior")
    await make_agent(milo, "Backend Junior")
    prefix = _text(await _ask(milo, slack, f"analytics backend s {OCT}"))  # the one name starting so
    assert "Analytics · Backend Senior" in prefix
    reply = await _ask(milo, slack, f"analytics back {OCT}")
    select_el = next(b["accessory"] for b in reply.args["blocks"] if b.get("accessory"))
    assert select_el["action_id"] == AnalyticsAction.PICK_AGENT
    option = next(o for o in select_el["options"] if o["text"]["text"].startswith("Backend ·"))
    mark = slack.mark()
    await milo.interact(
        payloads.static_select_action(
            slack.team_id,
            ADMIN,
            AnalyticsAction.PICK_AGENT,
            option["value"],
            response_url=slack.new_response_url(kind="actions"),
        )
    )
    shown = _text(await slack.wait_for("response_url", since=mark))
    assert "Analytics · Backend" in shown and "*Invited*\\n7" in shown  # the range typed was kept


async def test_agent_card_button_answers_in_the_channel_and_the_chart_falls_back_to_dm(milo, slack):
    ids = await october(milo)
    milo.container.deps.clock = lambda: et(2026, 10, 20, 12)  # "last 30 days" = Sep 21..Oct 20 in New York
    cards = await _ask(milo, slack, "agents")
    button = next(
        e
        for b in cards.args["blocks"]
        if b.get("type") == "actions"
        for e in b["elements"]
        if e.get("action_id") == AnalyticsAction.OPEN and json.loads(e["value"])["agent_id"] == ids["backend"]
    )
    assert button["text"]["text"] == "Analytics"
    slack.inject_error("files.completeUploadExternal", "not_in_channel")
    mark = slack.mark()
    await milo.interact(
        payloads.block_actions(
            slack.team_id,
            ADMIN,
            AnalyticsAction.OPEN,
            button["value"],
            channel_id="C0CARDS001",
            response_url=slack.new_response_url(kind="actions"),
        )
    )
    shown = _text(await slack.wait_for("response_url", since=mark))
    assert (
        "Analytics · Backend" in shown and "last 30 days" in shown and "*Invited*\\n7" in shown
    )  # Gus (Sep 30) is in this range
    await slack.wait_for("files.completeUploadExternal", since=mark, count=2, timeout=10)
    fallback = slack.uploaded_files["analytics-backend.png"]
    assert fallback.channel_id.startswith("D") and "can't post in" in fallback.initial_comment


async def test_app_home_shows_the_workspace_and_its_button_dms_the_report(milo, slack):
    await set_zone(milo, "UTC")
    a = await make_agent(milo, "Backend")
    from datetime import UTC, datetime, timedelta

    now = datetime.now(UTC)
    await add(
        milo,
        a,
        "Recent",
        added=now - timedelta(days=2),
        started=now - timedelta(days=2),
        minutes=15,
        score=70,
    )
    await milo.event(payloads.app_home_opened(slack.team_id, ADMIN))
    home = await slack.wait_for("views.publish")
    section = next(b for b in home.args["view"]["blocks"] if b.get("block_id") == "home_analytics")
    assert "1 invited · 1 started · 1 completed (100%) · 1 waiting for review" in section["text"]["text"]
    mark = slack.mark()
    await milo.interact(
        payloads.block_actions(
            slack.team_id, ADMIN, AnalyticsAction.OPEN, section["accessory"]["value"], view=home.args["view"]
        )
    )
    posted = await slack.wait_for("chat.postMessage", since=mark)
    assert posted.args["channel"].startswith("D") and "Analytics · All agents" in _text(posted)
    await slack.wait_for("files.completeUploadExternal", since=mark, timeout=10)
    assert slack.uploaded_files["analytics-all-agents.png"].channel_id == posted.args["channel"]


async def test_the_recent_feed_keeps_ratings_blind_until_you_rate(milo, slack):
    """An admin's five stars in the feed of `/milo analytics`: a viewer who hasn't rated that candidate
    reads only that they were rated (not how, nor by whom), as in the profile; after rating, all."""
    await set_zone(milo, "UTC")
    agent = await make_agent(milo, "Backend")
    ana = await add(milo, agent, "Ana", added=et(2026, 10, 1, 9), started=et(2026, 10, 1, 10), minutes=30)
    await milo.seat(slack.team_id, VIEWER, "viewer")
    await rate(milo, ana, ADMIN, 5)
    blind = _text(await _ask(milo, slack, f"analytics backend {OCT}", user=VIEWER))
    assert "Ana was rated" in blind
    assert "★★★★★" not in blind and ADMIN not in blind
    assert "★★★★★" in _text(await _ask(milo, slack, f"analytics backend {OCT}"))  # the rater sees it
    await rate(milo, ana, VIEWER, 2)
    seen = _text(await _ask(milo, slack, f"analytics backend {OCT}", user=VIEWER))
    assert "★★★★★" in seen and ADMIN in seen
