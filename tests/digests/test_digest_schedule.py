"""Digests go out at the right local hour, once per period, across daylight-saving changes, with the
catch-up rule and leases that run out; all with a clock the test sets (no waiting until 9 a.m.)."""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta

import pytest
from sqlalchemy import select

from milobot.db.models import DigestPeriod, DigestSubscription
from tests.conftest import ADMIN
from tests.digests.support import (
    DIGEST_CHANNEL,
    add_agent,
    add_interview,
    periods,
    posts,
    set_workspace,
    tick,
    use_clock,
    utc,
)
from tests.harness import MiloHarness, make_settings
from tests.operations.support import HeldSlack


@pytest.fixture
def settings_overrides() -> dict:
    return {"run_scheduler": False}  # the test drives the job with run_now


async def subscribe(milo, text: str) -> str:
    mark = milo.slack.mark()
    await milo.command(f"digest <#{DIGEST_CHANNEL}|digests> {text}", user=ADMIN)
    reply = await milo.slack.wait_for("response_url", since=mark)
    return reply.args.get("text", "")


async def test_daily_digest_at_nine_new_york_time_across_the_spring_change(milo, slack):
    await set_workspace(milo, slack.team_id, time_zone="America/New_York")
    use_clock(milo, utc(2026, 3, 6, 15, 0))  # Friday, 10:00 EST
    said = await subscribe(milo, "daily at 09:00")
    assert "Daily" in said and "09:00" in said and "America/New_York" in said

    await tick(milo, utc(2026, 3, 7, 13, 59))  # Saturday 08:59 EST
    assert posts(slack) == []
    await tick(milo, utc(2026, 3, 7, 14, 0))  # 09:00 EST
    assert len(posts(slack)) == 1
    await tick(milo, utc(2026, 3, 7, 14, 1))
    await tick(milo, utc(2026, 3, 7, 23, 0))
    assert len(posts(slack)) == 1

    # Sunday 8 March: clocks go forward at 02:00; 09:00 EDT is 13:00 UTC, an hour earlier in UTC.
    await tick(milo, utc(2026, 3, 8, 12, 59))
    assert len(posts(slack)) == 1
    await tick(milo, utc(2026, 3, 8, 13, 0))
    assert len(posts(slack)) == 2
    await tick(milo, utc(2026, 3, 8, 14, 0))  # what was 09:00 yesterday: no second digest
    assert len(posts(slack)) == 2
    await tick(milo, utc(2026, 3, 9, 13, 0))
    assert len(posts(slack)) == 3
    assert [p for p, _ in await periods(milo)] == ["2026-03-07", "2026-03-08", "2026-03-09"]
    assert {s for _, s in await periods(milo)} == {"sent"}


async def test_daily_digest_at_a_time_that_does_not_exist_goes_out_once(milo, slack):
    await set_workspace(milo, slack.team_id, time_zone="America/New_York")
    use_clock(milo, utc(2026, 3, 7, 12, 0))
    await subscribe(milo, "daily at 02:30")
    # 8 March 02:30 does not exist in New York: it goes out once, at 03:30 EDT (07:30 UTC).
    for hour in range(0, 24):
        await tick(milo, utc(2026, 3, 8, hour, 30))
    assert [p for p, _ in await periods(milo)] == ["2026-03-08"]

    async with milo.container.db.unit_of_work() as s:
        (due_at,) = (await s.execute(select(DigestPeriod.due_at))).one()
    assert due_at == utc(2026, 3, 8, 7, 30)
    assert len(posts(slack)) == 1


async def test_daily_digest_at_a_time_that_happens_twice_goes_out_once(milo, slack):
    await set_workspace(milo, slack.team_id, time_zone="America/New_York")
    use_clock(milo, utc(2026, 10, 31, 12, 0))
    await subscribe(milo, "daily at 01:30")
    # 1 November 01:30 happens twice (05:30 UTC in EDT, 06:30 UTC in EST): one digest, at the first.
    for minutes in range(0, 24 * 60, 30):
        await tick(milo, utc(2026, 11, 1, 0, 0) + timedelta(minutes=minutes))
    assert len(posts(slack)) == 1
    async with milo.container.db.unit_of_work() as s:
        rows = (await s.execute(select(DigestPeriod.period, DigestPeriod.due_at))).all()
    assert [tuple(r) for r in rows] == [("2026-11-01", utc(2026, 11, 1, 5, 30))]


async def test_weekly_digest_on_monday_at_nine_berlin_time_across_the_autumn_change(milo, slack):
    await set_workspace(milo, slack.team_id, time_zone="Europe/Berlin")
    use_clock(milo, utc(2026, 10, 14, 12, 0))  # a Wednesday
    said = await subscribe(milo, "weekly at 9:00")
    assert "Weekly" in said and "Monday" in said

    await tick(milo, utc(2026, 10, 19, 6, 59))  # Monday 08:59 CEST
    assert posts(slack) == []
    await tick(milo, utc(2026, 10, 19, 7, 0))  # 09:00 CEST
    assert len(posts(slack)) == 1
    for day in range(20, 26):  # the rest of the week, twice a day: nothing
        await tick(milo, utc(2026, 10, day, 7, 0))
        await tick(milo, utc(2026, 10, day, 19, 0))
    assert len(posts(slack)) == 1
    # Sunday 25 October the clocks go back: Monday 09:00 CET is 08:00 UTC.
    await tick(milo, utc(2026, 10, 26, 7, 0))
    assert len(posts(slack)) == 1
    await tick(milo, utc(2026, 10, 26, 8, 0))
    assert len(posts(slack)) == 2
    assert [p for p, _ in await periods(milo)] == ["2026-W43", "2026-W44"]


async def test_a_period_missed_while_down_is_sent_once_if_less_than_a_period_late(milo, slack, caplog):
    await set_workspace(milo, slack.team_id, time_zone="UTC")
    use_clock(milo, utc(2026, 5, 4, 8, 0))
    await subscribe(milo, "daily at 09:00")
    # Down from 08:00 to 20:00: the 09:00 digest goes out at 20:00, once.
    await tick(milo, utc(2026, 5, 4, 20, 0))
    await tick(milo, utc(2026, 5, 4, 20, 1))
    assert len(posts(slack)) == 1

    # Down from 5 May 08:00 until 8 May 15:00: 5, 6 and 7 May are more than a period late, skipped
    # and logged; 8 May's (6 hours late) goes out once.
    caplog.set_level(logging.INFO, logger="milobot.services.digests")
    await tick(milo, utc(2026, 5, 8, 15, 0))
    await tick(milo, utc(2026, 5, 8, 16, 0))
    assert len(posts(slack)) == 2
    assert [p for p, _ in await periods(milo)] == ["2026-05-04", "2026-05-08"]
    assert any("3 earlier period(s)" in r.getMessage() for r in caplog.records)


async def test_a_subscription_made_after_todays_hour_starts_tomorrow(milo, slack):
    use_clock(milo, utc(2026, 5, 4, 10, 0))
    await subscribe(milo, "daily at 09:00")
    await tick(milo, utc(2026, 5, 4, 10, 1))
    assert posts(slack) == []
    await tick(milo, utc(2026, 5, 5, 9, 0))
    assert len(posts(slack)) == 1


async def test_a_claim_whose_holder_died_is_taken_over_when_its_lease_runs_out(milo, slack):
    await set_workspace(milo, slack.team_id)
    use_clock(milo, utc(2026, 5, 4, 8, 0))
    await subscribe(milo, "daily at 09:00")
    async with milo.container.db.unit_of_work() as s:
        sub = await s.scalar(select(DigestSubscription))
        s.add(
            DigestPeriod(
                workspace_id=sub.workspace_id,
                subscription_id=sub.id,
                period="2026-05-04",
                due_at=utc(2026, 5, 4, 9, 0),
                status="claimed",
                holder="replica-that-died",
                lease_until=utc(2026, 5, 4, 9, 5),
                claimed_at=utc(2026, 5, 4, 9, 0),
            )
        )
    await tick(milo, utc(2026, 5, 4, 9, 3))  # the lease still holds: nobody else posts
    assert posts(slack) == []
    await tick(milo, utc(2026, 5, 4, 9, 6))  # it ran out: taken over, posted once
    await tick(milo, utc(2026, 5, 4, 9, 7))
    assert len(posts(slack)) == 1
    async with milo.container.db.unit_of_work() as s:
        row = await s.scalar(select(DigestPeriod))
    assert row.status == "sent" and row.holder != "replica-that-died" and row.attempts == 2


async def test_a_take_over_after_the_message_went_out_does_not_post_it_again(milo, slack):
    await set_workspace(milo, slack.team_id)
    use_clock(milo, utc(2026, 5, 3, 8, 0))
    agent_id = await add_agent(milo, slack.team_id)
    await add_interview(
        milo,
        agent_id,
        name="Ada Lovelace",
        started=utc(2026, 5, 3, 10),
        completed=utc(2026, 5, 3, 11),
        score=80,
    )
    await subscribe(milo, "daily at 09:00")
    async with milo.container.db.unit_of_work() as s:
        sub = await s.scalar(select(DigestSubscription))
        s.add(
            DigestPeriod(
                workspace_id=sub.workspace_id,
                subscription_id=sub.id,
                period="2026-05-04",
                due_at=utc(2026, 5, 4, 9, 0),
                status="claimed",
                holder="replica-that-died",
                lease_until=utc(2026, 5, 4, 9, 5),
                message_ts="1700000000.000100",  # it posted, then died before the chart
                claimed_at=utc(2026, 5, 4, 9, 0),
            )
        )
    await tick(milo, utc(2026, 5, 4, 9, 10))
    assert posts(slack) == []
    upload = await slack.wait_for("files.completeUploadExternal")
    assert upload.args.get("thread_ts") == "1700000000.000100"
    assert [s for _, s in await periods(milo)] == ["sent"]


async def test_a_stopping_process_gives_its_claims_back_at_once(tmp_path, database_url):
    """Cancelled mid-post (SIGTERM's stop hooks cancel runs under way): the claim is released, not left
    to its lease, and the next run anywhere posts the digest once."""
    async with HeldSlack() as slack:
        settings = make_settings(
            tmp_path, slack=slack, database_url=database_url, admins={ADMIN}, run_scheduler=False
        )
        async with MiloHarness(settings, slack) as milo:
            use_clock(milo, utc(2026, 5, 4, 8, 0))
            await subscribe(milo, "daily at 09:00")
            gate = slack.hold("chat.postMessage", lambda args: args.get("channel") == DIGEST_CHANNEL)
            run = asyncio.create_task(tick(milo, utc(2026, 5, 4, 9, 0)))
            await asyncio.wait_for(slack.arrived["chat.postMessage"].wait(), timeout=10)
            run.cancel()
            await asyncio.gather(run, return_exceptions=True)
            async with milo.container.db.unit_of_work() as s:
                row = await s.scalar(select(DigestPeriod))
            assert row.status == "claimed" and row.lease_until is None
            gate.set()
            await tick(milo, utc(2026, 5, 4, 9, 1))
            assert [s for _, s in await periods(milo)] == ["sent"]
            assert len(posts(slack)) == 1  # the cancelled call never reached Slack's channel
