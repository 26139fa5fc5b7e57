"""Issue 8, item 4: completing /slack/install again makes no one an admin. Only a workspace's first
install makes its installer the admin; a re-install leaves roles as they are and the existing admins
are told, by DM, who re-installed."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from milobot.db.models import AuditEntry, Member, Workspace

CLIENT_ID, CLIENT_SECRET = "1111.2222", "oauth-client-secret"
TEAM, ADMIN_A, VIEWER_A, STRANGER_A = "TAAAA0001", "UAAAA0001", "UAAAA0002", "UAAAA0003"


@pytest.fixture
def settings_overrides():
    return {"slack_bot_token": None, "slack_client_id": CLIENT_ID, "slack_client_secret": CLIENT_SECRET}


async def install(milo, slack, *, code: str, installer: str) -> None:
    slack.add_oauth_code(code, TEAM, "xoxb-team-a", installer)
    start = await milo.get("/slack/install", allow_redirects=False)
    state = re.search(r"slack-app-oauth-state=([^;]+)", start.headers.get("Set-Cookie", "")).group(1)
    done = await milo.get(
        f"/slack/oauth_redirect?code={code}&state={state}",
        headers={"Cookie": f"slack-app-oauth-state={state}"},
        allow_redirects=False,
    )
    assert done.status == 200, await done.text()


async def roles(milo) -> dict[str, str]:
    async with milo.container.db.unit_of_work() as s:
        ws = await s.scalar(select(Workspace).where(Workspace.team_id == TEAM))
        return {
            m.slack_user_id: m.role
            for m in (await s.scalars(select(Member).where(Member.workspace_id == ws.id)))
        }


async def test_a_second_install_by_a_viewer_leaves_them_a_viewer_and_tells_the_admins(milo, slack):
    await install(milo, slack, code="first", installer=ADMIN_A)
    assert await roles(milo) == {ADMIN_A: "admin"}
    await milo.command(f"team invite <@{VIEWER_A}> viewer", user=ADMIN_A, team=TEAM)
    await milo.replies()
    await slack.wait_for("chat.postMessage")  # the viewer's welcome
    mark = slack.mark()

    await install(milo, slack, code="second", installer=VIEWER_A)
    await install(milo, slack, code="third", installer=STRANGER_A)
    assert await roles(milo) == {ADMIN_A: "admin", VIEWER_A: "viewer"}

    # The admin hears about both re-installs, in a DM; the viewer can still do only viewer things.
    told = await slack.wait_for("chat.postMessage", since=mark, count=2)
    opened = [c.args["users"] for c in slack.calls_to("conversations.open")[-2:]]
    assert opened == [ADMIN_A, ADMIN_A]
    assert (
        f"<@{VIEWER_A}> installed milobot again" in told[0].args["text"]
        and "a viewer" in told[0].args["text"]
    )
    assert f"<@{STRANGER_A}> installed milobot again" in told[1].args["text"]
    assert "not on the milobot team" in told[1].args["text"]
    await milo.command(f"team role <@{VIEWER_A}> admin", user=VIEWER_A, team=TEAM)
    refusal = (await milo.replies(count=2))[1]
    assert "Only admins" in refusal.args["text"]
    async with milo.container.db.unit_of_work() as s:
        actions = (await s.scalars(select(AuditEntry.action).order_by(AuditEntry.id))).all()
    assert actions.count("app.install") == 1 and actions.count("app.reinstall") == 2
