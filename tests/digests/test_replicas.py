"""Two real `milobot serve` processes on one PostgreSQL, each with its scheduler on and ticking fast:
every digest due goes out exactly once, whichever replica wins each period's claim; SIGTERM then
stops both cleanly (exit 0, no traceback)."""

from __future__ import annotations

import asyncio
import signal
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from milobot.db.engine import Database
from milobot.db.models import DigestPeriod, DigestSubscription
from milobot.db.types import utcnow
from milobot.jobs.digests import DIGESTS_JOB
from milobot.jobs.scheduler import job_records
from milobot.services.workspaces import get_or_create_workspace
from tests.conftest import ADMIN, PG_URL
from tests.fakes.slack_api import FakeSlack
from tests.operations.support import ServeProcess, serve_env, until

pytestmark = pytest.mark.skipif(
    not (PG_URL or "").startswith("postgres"),
    reason="replicas share one PostgreSQL; set MILOBOT_TEST_DATABASE_URL=postgresql://… to run",
)

CHANNELS = [f"C0DIGRP{i:03d}" for i in range(12)]


async def seed(db: Database, team_id: str) -> int:
    """Twelve channels, two digests (daily and weekly) in each but the last: all due a minute ago."""
    now = utcnow()
    due = now - timedelta(minutes=1)
    made = 0
    async with db.unit_of_work() as s:
        ws = await get_or_create_workspace(s, team_id)
        ws.time_zone = "UTC"
        for i, channel in enumerate(CHANNELS):
            for frequency in ("daily", "weekly") if i < len(CHANNELS) - 1 else ("daily",):
                s.add(
                    DigestSubscription(
                        workspace_id=ws.id,
                        channel_id=channel,
                        frequency=frequency,
                        local_hour=due.hour,
                        local_minute=due.minute,
                        created_by=ADMIN,
                        created_at=now - timedelta(days=30),
                    )
                )
                made += 1
    return made


async def test_two_replicas_post_each_digest_period_once(database_url, tmp_path):
    async with FakeSlack() as slack:
        db = Database.from_url(database_url)
        expected = await seed(db, slack.team_id)
        # Weekly ones too: this week's Monday at that time has passed and is less than a week late.
        due_now = expected
        env = serve_env(tmp_path, slack, database_url, MILOBOT_SCHEDULER_TICK_SECONDS="0.2")
        replicas = [ServeProcess(env, tmp_path, "replica-a"), ServeProcess(env, tmp_path, "replica-b")]
        await asyncio.gather(*(r.start() for r in replicas))
        try:

            async def all_sent():
                async with db.unit_of_work() as s:
                    sent = await s.scalar(
                        select(func.count()).select_from(DigestPeriod).where(DigestPeriod.status == "sent")
                    )
                return sent == due_now

            await until(all_sent, timeout=60, what=f"{due_now} digests sent")
            runs_then = {r.name: r.runs for r in await job_records(db)}[DIGESTS_JOB]

            async def ticked_on():  # both replicas kept looking many times after: nothing more is due
                return {r.name: r.runs for r in await job_records(db)}[DIGESTS_JOB] >= runs_then + 20

            await until(ticked_on, timeout=60, what="twenty more digest runs")
        finally:
            for r in replicas:
                r.signal(signal.SIGTERM)
            codes = [await r.exited() for r in replicas]
            for r in replicas:
                await r.stop()
            await db.dispose()
        assert expected == 2 * len(CHANNELS) - 1
        messages = [c for c in slack.calls_to("chat.postMessage") if c.args.get("channel") in CHANNELS]
        assert len(messages) == due_now  # one per period, none twice
        per_channel = {ch: sum(1 for m in messages if m.args["channel"] == ch) for ch in CHANNELS}
        assert all(count >= 1 for count in per_channel.values())
        assert codes == [0, 0]
        for r in replicas:
            assert "Traceback" not in r.stderr(), r.stderr()
