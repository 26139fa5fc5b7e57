"""Uninstalling milobot from one workspace (OAuth installs): Slack's signed `app_uninstalled` and
`tokens_revoked` delete that workspace's tokens at once and stop its scheduled posting (digests,
reviewer reminders); another workspace is untouched; the data stays, and a re-install picks up again."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from types import SimpleNamespace

import pytest
from sqlalchemy import func, select, text, update

from milobot.db.models import AuditEntry, Candidate, DigestPeriod, DigestSubscription, Member, Workspace
from milobot.jobs.reminders import send_reminders
from milobot.services.review_reminders import ReviewReminderService
from tests.digests.support import add_agent, add_interview, tick, use_clock
from tests.fakes import payloads

CLIENT_ID, CLIENT_SECRET = "1111.2222", "oauth-client-secret"
TEAM_A, ADMIN_A, TOKEN_A = "TAAAA0001", "UAAAA0001", "xoxb-team-a"
TEAM_B, ADMIN_B, TOKEN_B = "TBBBB0001", "UBBBB0001", "xoxb-team-b"
CHANNEL_A, CHANNEL_B = "C0DIGESTA1", "C0DIGESTB1"
# Monday 4 May 2026, 09:00 in New York (the installers' profile time zone in the fake Slack): the digests'
# hour, and inside working hours for reviewer reminders.
NINE_NY = datetime(2026, 5, 4, 13, 0, tzinfo=UTC)


@pytest.fixture
def settings_overrides():
    return {
        "slack_bot_token": None,
        "slack_client_id": CLIENT_ID,
        "slack_client_secret": CLIENT_SECRET,
        "run_scheduler": False,  # the test runs the jobs itself, at the times it chooses
    }


async def install(milo, slack, *, team: str, token: str, installer: str, code: str | None = None) -> None:
    code = code or f"code-{team}-{token}"
    slack.add_oauth_code(code, team, token, installer)
    start = await milo.get("/slack/install", allow_redirects=False)
    state = re.search(r"slack-app-oauth-state=([^;]+)", start.headers.get("Set-Cookie", "")).group(1)
    done = await milo.get(
        f"/slack/oauth_redirect?code={code}&state={state}",
        headers={"Cookie": f"slack-app-oauth-state={state}"},
        allow_redirects=False,
    )
    assert done.status == 200, await done.text()


async def stored_tokens(milo) -> set[tuple[str, str]]:
    """(team, bot token) of every row slack_sdk's installation store holds, bots and installations."""
    async with milo.container.db.engine.connect() as conn:
        rows = (
            await conn.execute(
                text(
                    "SELECT team_id, bot_token FROM slack_bots UNION ALL "
                    "SELECT team_id, bot_token FROM slack_installations"
                )
            )
        ).all()
    return {(team, token) for team, token in rows}


async def workspace(milo, team: str) -> Workspace:
    async with milo.container.db.unit_of_work() as s:
        return await s.scalar(select(Workspace).where(Workspace.team_id == team))


async def two_workspaces_with_digests(milo, slack) -> None:
    """A and B installed; each admin subscribes a daily digest at 09:00 (their workspace's time)."""
    use_clock(milo, datetime(2026, 5, 4, 11, 0, tzinfo=UTC))
    slack.add_user(TEAM_A, ADMIN_A, tz="America/New_York")
    slack.add_user(TEAM_B, ADMIN_B, tz="America/New_York")
    await install(milo, slack, team=TEAM_A, token=TOKEN_A, installer=ADMIN_A)
    await install(milo, slack, team=TEAM_B, token=TOKEN_B, installer=ADMIN_B)

    async def zones_set():  # the first admin's profile time zone, read after each install
        return all([(await workspace(milo, t)).time_zone == "America/New_York" for t in (TEAM_A, TEAM_B)])

    await milo.wait_until(zones_set)
    for team, admin, channel in ((TEAM_A, ADMIN_A, CHANNEL_A), (TEAM_B, ADMIN_B, CHANNEL_B)):
        await add_agent(milo, team, "Backend Engineer")
        mark = slack.mark()
        await milo.command(f"digest <#{channel}|digests> daily at 09:00", user=admin, team=team)
        reply = await slack.wait_for("response_url", since=mark)
        assert "Daily" in reply.args["text"], reply.args
    assert await stored_tokens(milo) == {(TEAM_A, TOKEN_A), (TEAM_B, TOKEN_B)}


def calls_with(slack, token: str, since: int = 0) -> list[str]:
    return [c.method for c in slack.calls[since:] if c.token == token]


def digest_posts(slack, channel: str, since: int = 0) -> list:
    return [
        c for c in slack.calls[since:] if c.method == "chat.postMessage" and c.args.get("channel") == channel
    ]


async def test_uninstall_deletes_that_workspaces_tokens_stops_its_digests_and_a_reinstall_resumes(
    milo, slack, caplog
):
    await two_workspaces_with_digests(milo, slack)

    # Slack revokes A's tokens and tells milobot, signed as every request.
    slack.revoke_token(TOKEN_A)
    resp = await milo.event(payloads.app_uninstalled(TEAM_A))
    assert resp.status == 200

    async def a_gone():
        return await stored_tokens(milo) == {(TEAM_B, TOKEN_B)}

    await milo.wait_until(a_gone)
    assert (await workspace(milo, TEAM_A)).uninstalled_at is not None
    assert (await workspace(milo, TEAM_B)).uninstalled_at is None
    # Slack sends it again (a retry): nothing changes, and the audit log has one line.
    await milo.event(payloads.app_uninstalled(TEAM_A))
    async with milo.container.db.unit_of_work() as s:
        lines = (await s.scalars(select(AuditEntry.action).where(AuditEntry.action == "app.uninstall"))).all()
    assert lines == ["app.uninstall"]

    # The digests' hour: B's goes out with B's token; A's is not tried at all (no call, no claim).
    mark = slack.mark()
    await tick(milo, NINE_NY)
    [b_post] = digest_posts(slack, CHANNEL_B, mark)
    assert b_post.token == TOKEN_B
    assert calls_with(slack, TOKEN_A, mark) == [] and digest_posts(slack, CHANNEL_A, mark) == []
    async with milo.container.db.unit_of_work() as s:
        claimed = (
            await s.scalars(
                select(DigestSubscription.channel_id).join(
                    DigestPeriod, DigestPeriod.subscription_id == DigestSubscription.id
                )
            )
        ).all()
    assert claimed == [CHANNEL_B]
    assert not [r for r in caplog.records if "not posted" in r.getMessage()]

    # A's data stayed: its agent, team and subscription.
    async with milo.container.db.unit_of_work() as s:
        a = await s.scalar(select(Workspace).where(Workspace.team_id == TEAM_A))
        assert await s.scalar(select(DigestSubscription.id).where(DigestSubscription.workspace_id == a.id))
        roles = {
            m.slack_user_id: m.role
            for m in await s.scalars(select(Member).where(Member.workspace_id == a.id))
        }
    assert roles == {ADMIN_A: "admin"}

    # Re-installed (a new token): A's digest of the day, less than a period late, goes out with it.
    await install(milo, slack, team=TEAM_A, token="xoxb-team-a-again", installer=ADMIN_A)
    assert await stored_tokens(milo) == {(TEAM_A, "xoxb-team-a-again"), (TEAM_B, TOKEN_B)}
    assert (await workspace(milo, TEAM_A)).uninstalled_at is None
    mark = slack.mark()
    await tick(milo, NINE_NY.replace(minute=5))
    [a_post] = digest_posts(slack, CHANNEL_A, mark)
    assert a_post.token == "xoxb-team-a-again"
    assert digest_posts(slack, CHANNEL_B, mark) == []  # B's went out already
    # And people in A are served again.
    mark = slack.mark()
    await milo.command("digest list", user=ADMIN_A, team=TEAM_A)
    listing = await slack.wait_for("response_url", since=mark)
    assert "1 digest" in listing.args["text"]


async def test_reviewer_reminders_skip_an_uninstalled_workspace(milo, slack):
    await two_workspaces_with_digests(milo, slack)
    for team in (TEAM_A, TEAM_B):  # a candidate finished last Thursday, nobody has rated them
        agent_id = await add_agent(milo, team, "Designer")
        thursday = datetime(2026, 4, 30, 15, 0, tzinfo=UTC)
        candidate_id = await add_interview(
            milo, agent_id, name=f"Waiting {team}", started=thursday, completed=thursday
        )
        async with milo.container.db.unit_of_work() as s:
            await s.execute(
                update(Candidate).where(Candidate.id == candidate_id).values(completed_at=thursday)
            )
    await milo.event(payloads.app_uninstalled(TEAM_A))
    await milo.wait_until(lambda: _uninstalled(milo, TEAM_A))

    mark = slack.mark()
    done = await send_reminders(ReviewReminderService(milo.container.deps), SimpleNamespace(now=NINE_NY))
    b = await workspace(milo, TEAM_B)
    assert done.reminded == [(b.id, ADMIN_B)]
    dm = await slack.wait_for("chat.postMessage", lambda c: "Waiting TBBBB0001" in str(c.args), since=mark)
    assert dm.token == TOKEN_B
    assert calls_with(slack, TOKEN_A, mark) == []


async def _uninstalled(milo, team: str) -> bool:
    return (await workspace(milo, team)).uninstalled_at is not None


async def test_tokens_revoked_for_the_bot_deletes_its_token_and_for_users_only_changes_nothing(milo, slack):
    await two_workspaces_with_digests(milo, slack)

    # User tokens only: milobot keeps none, so nothing is deleted and A keeps working.
    await milo.event(payloads.tokens_revoked(TEAM_A, oauth=[ADMIN_A]))
    mark = slack.mark()
    await milo.command("digest list", user=ADMIN_A, team=TEAM_A)
    listing = await slack.wait_for("response_url", since=mark)
    assert "1 digest" in listing.args["text"]
    assert await stored_tokens(milo) == {(TEAM_A, TOKEN_A), (TEAM_B, TOKEN_B)}
    assert (await workspace(milo, TEAM_A)).uninstalled_at is None

    # The bot token: deleted at once, from both of the store's tables; A's digest is not tried.
    slack.revoke_token(TOKEN_A)
    resp = await milo.event(payloads.tokens_revoked(TEAM_A, bot=[payloads.bot_user_id_for(TEAM_A)]))
    assert resp.status == 200
    await milo.wait_until(lambda: _uninstalled(milo, TEAM_A))
    assert await stored_tokens(milo) == {(TEAM_B, TOKEN_B)}
    mark = slack.mark()
    await tick(milo, NINE_NY)
    assert [c.token for c in digest_posts(slack, CHANNEL_B, mark)] == [TOKEN_B]
    assert calls_with(slack, TOKEN_A, mark) == []


async def test_the_operator_deletes_an_uninstalled_workspaces_data_with_one_statement(milo, slack):
    """What the README tells an operator: every table's workspace_id cascades from `workspaces`."""
    from milobot.db.models import Base

    await two_workspaces_with_digests(milo, slack)
    for team in (TEAM_A, TEAM_B):
        agent_id = await add_agent(milo, team, "Designer")
        await add_interview(milo, agent_id, name=f"Someone {team}", started=NINE_NY, completed=NINE_NY)
    await milo.event(payloads.app_uninstalled(TEAM_A))
    await milo.wait_until(lambda: _uninstalled(milo, TEAM_A))
    await tick(milo, NINE_NY)  # B's digest period, claimed and sent
    a, b = await workspace(milo, TEAM_A), await workspace(milo, TEAM_B)
    tables = [t for t in Base.metadata.sorted_tables if "workspace_id" in t.c]

    async def rows_of(workspace_id: int) -> dict[str, int]:
        async with milo.container.db.engine.connect() as conn:
            counts = {
                t.name: (
                    await conn.execute(
                        select(func.count()).select_from(t).where(t.c.workspace_id == workspace_id)
                    )
                ).scalar_one()
                for t in tables
            }
        return {name: n for name, n in counts.items() if n}

    before_b = await rows_of(b.id)
    assert {"agents", "candidates", "interviews", "members", "digest_subscriptions"} <= set(
        await rows_of(a.id)
    )
    assert {"digest_periods", "candidates"} <= set(before_b)
    async with milo.container.db.engine.begin() as conn:
        await conn.execute(text("DELETE FROM workspaces WHERE team_id = :team"), {"team": TEAM_A})
    assert await rows_of(a.id) == {}
    assert await rows_of(b.id) == before_b
