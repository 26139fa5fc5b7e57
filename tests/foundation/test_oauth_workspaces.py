"""Two workspaces installed through the OAuth flow cannot see or change each other's data."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from milobot.db.models import Member, Workspace
from tests.fakes import payloads

CLIENT_ID, CLIENT_SECRET = "1111.2222", "oauth-client-secret"


@pytest.fixture
def settings_overrides():
    return {"slack_bot_token": None, "slack_client_id": CLIENT_ID, "slack_client_secret": CLIENT_SECRET}


async def install(milo, slack, *, team: str, token: str, installer: str) -> None:
    slack.add_oauth_code(f"code-{team}", team, token, installer)
    start = await milo.get("/slack/install", allow_redirects=False)
    assert start.status in (200, 302)
    state = re.search(r"slack-app-oauth-state=([^;]+)", start.headers.get("Set-Cookie", "")).group(1)
    done = await milo.get(
        f"/slack/oauth_redirect?code=code-{team}&state={state}",
        headers={"Cookie": f"slack-app-oauth-state={state}"},
        allow_redirects=False,
    )
    assert done.status == 200, await done.text()


async def roles(milo, team: str) -> dict[str, str]:
    async with milo.container.db.unit_of_work() as s:
        ws = await s.scalar(select(Workspace).where(Workspace.team_id == team))
        rows = (await s.scalars(select(Member).where(Member.workspace_id == ws.id))).all()
        return {m.slack_user_id: m.role for m in rows}


async def test_installers_become_admins_and_workspaces_stay_apart(milo, slack):
    slack.oauth_client = (CLIENT_ID, CLIENT_SECRET)
    await install(milo, slack, team="TAAAA0001", token="xoxb-team-a", installer="UAAAA0001")
    await install(milo, slack, team="TBBBB0001", token="xoxb-team-b", installer="UBBBB0001")
    assert await roles(milo, "TAAAA0001") == {"UAAAA0001": "admin"}
    assert await roles(milo, "TBBBB0001") == {"UBBBB0001": "admin"}

    # Each admin invites a teammate in their own workspace; replies use that workspace's token.
    await milo.command("team invite <@UAAAA0002> viewer", user="UAAAA0001", team="TAAAA0001")
    await milo.replies()
    welcome = await slack.wait_for("chat.postMessage")
    assert welcome.token == "xoxb-team-a"

    # B's admin lists B's team: A's people are not there.
    await milo.command("team", user="UBBBB0001", team="TBBBB0001")
    listing = (await milo.replies(count=2))[1]
    assert "UAAAA" not in str(listing.args)

    # B's admin names A's users: refused, and A is unchanged.
    await milo.command("team remove <@UAAAA0002>", user="UBBBB0001", team="TBBBB0001")
    await milo.command("team role <@UAAAA0001> viewer", user="UBBBB0001", team="TBBBB0001")
    refusals = await milo.replies(count=4)
    assert all("isn't on the team" in r.args["text"] for r in refusals[2:])
    assert await roles(milo, "TAAAA0001") == {"UAAAA0001": "admin", "UAAAA0002": "viewer"}

    # A crafted request claiming to be A's admin but sent for B's team acts in B only: there that user
    # is a stranger and is refused.
    await milo.command("team invite <@UBBBB0009> admin", user="UAAAA0001", team="TBBBB0001")
    crafted = (await milo.replies(count=5))[4]
    assert "not on this workspace's milobot team" in crafted.args["text"]
    assert await roles(milo, "TBBBB0001") == {"UBBBB0001": "admin"}


async def test_a_workspace_that_never_installed_is_not_served(milo, slack):
    await install(milo, slack, team="TAAAA0001", token="xoxb-team-a", installer="UAAAA0001")
    before = len(slack.calls)
    resp = await milo.command("team", user="UZZZZ0001", team="TZZZZ0001")
    # Bolt's authorization finds no installation: the only answer is Bolt's own "not installed" notice.
    await milo.event(payloads.app_home_opened("TAAAA0001", "UAAAA0001"))
    await slack.wait_for("views.publish")
    assert resp.status == 200
    answers = [c for c in slack.calls[before:] if c.method == "response_url"]
    assert all("installation" in c.args.get("text", "") for c in answers)
    assert not [c for c in slack.calls[before:] if c.method in ("chat.postMessage", "views.open")]
    async with milo.container.db.unit_of_work() as s:
        assert await s.scalar(select(Workspace).where(Workspace.team_id == "TZZZZ0001")) is None
