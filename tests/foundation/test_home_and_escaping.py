"""The App Home tab, and user text shown escaped."""

from __future__ import annotations

from milobot.db.models import Agent
from milobot.services.workspaces import get_or_create_workspace
from tests.conftest import ADMIN
from tests.fakes import payloads


async def test_home_shows_role_and_empty_state(milo, slack):
    await milo.event(payloads.app_home_opened(slack.team_id, ADMIN))
    call = await slack.wait_for("views.publish")
    view = call.args["view"]
    text = str(view["blocks"])
    assert call.args["user_id"] == ADMIN
    assert "*admin*" in text and "No interview agents yet" in text and "New agent" in text


async def test_home_for_a_stranger_is_a_polite_refusal(milo, slack):
    await milo.command("help", user=ADMIN)  # the seeded admin is now on the team
    await milo.replies()
    await milo.event(payloads.app_home_opened(slack.team_id, "USTRANGER1"))
    call = await slack.wait_for("views.publish")
    text = str(call.args["view"]["blocks"])
    assert "not on this workspace's hiring team" in text and f"<@{ADMIN}>" in text
    assert "New agent" not in text


async def test_a_name_with_channel_mention_is_sent_escaped(milo, slack):
    # Seed the admin's workspace through the service path, then an agent with a hostile name.
    await milo.command("help", user=ADMIN)
    await milo.replies()
    async with milo.container.db.unit_of_work() as s:
        ws = await get_or_create_workspace(s, slack.team_id)
        s.add(Agent(workspace_id=ws.id, name="<!channel> Backend <b>dev</b> & co", share_token="tok-esc-1"))
    await milo.event(payloads.app_home_opened(slack.team_id, ADMIN))
    call = await slack.wait_for("views.publish")
    text = str(call.args["view"]["blocks"])
    assert "&lt;!channel&gt; Backend &lt;b&gt;dev&lt;/b&gt; &amp; co" in text
    assert "<!channel>" not in text
