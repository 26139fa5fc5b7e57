"""An OAuth install: the installer becomes the first admin and the workspace takes their Slack profile's
time zone; a re-install by someone else changes nothing."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from milobot.db.models import Workspace

CLIENT_ID, CLIENT_SECRET = "1111.2222", "oauth-client-secret"


@pytest.fixture
def settings_overrides():
    return {"slack_bot_token": None, "slack_client_id": CLIENT_ID, "slack_client_secret": CLIENT_SECRET}


async def install(milo, slack, *, team: str, token: str, installer: str) -> None:
    slack.add_oauth_code(f"code-{team}-{installer}", team, token, installer)
    start = await milo.get("/slack/install", allow_redirects=False)
    state = re.search(r"slack-app-oauth-state=([^;]+)", start.headers.get("Set-Cookie", "")).group(1)
    done = await milo.get(
        f"/slack/oauth_redirect?code=code-{team}-{installer}&state={state}",
        headers={"Cookie": f"slack-app-oauth-state={state}"},
        allow_redirects=False,
    )
    assert done.status == 200, await done.text()


async def zone_of(milo, team: str) -> str | None:
    async with milo.container.db.unit_of_work() as s:
        return await s.scalar(select(Workspace.time_zone).where(Workspace.team_id == team))


async def test_the_installers_profile_time_zone_becomes_the_workspaces(milo, slack):
    slack.oauth_client = (CLIENT_ID, CLIENT_SECRET)
    slack.add_user("TAAAA0001", "UAAAA0001", tz="Europe/Madrid")
    slack.add_user("TAAAA0001", "UAAAA0002", tz="Pacific/Auckland")

    await install(milo, slack, team="TAAAA0001", token="xoxb-team-a", installer="UAAAA0001")
    await slack.wait_for(
        "users.info", lambda c: c.args.get("user") == "UAAAA0001" and c.token == "xoxb-team-a"
    )

    async def madrid() -> bool:
        return await zone_of(milo, "TAAAA0001") == "Europe/Madrid"

    await milo.wait_until(madrid)

    # A later install by a teammate makes no admin and asks no profile.
    mark = slack.mark()
    await install(milo, slack, team="TAAAA0001", token="xoxb-team-a", installer="UAAAA0002")
    assert not [c for c in slack.calls[mark:] if c.method == "users.info"]
    assert await zone_of(milo, "TAAAA0001") == "Europe/Madrid"
