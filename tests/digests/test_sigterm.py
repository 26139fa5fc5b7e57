"""`milobot serve` stopped by SIGTERM while its digest job is mid-post (Slack holds the call): exit
status 0, no traceback (the cancelled run is not reported as a failed job), and the claim it held is
given back for another replica."""

from __future__ import annotations

import asyncio
import signal

from sqlalchemy import select

from milobot.db.engine import Database
from milobot.db.models import DigestPeriod
from tests.digests.test_replicas import CHANNELS, seed
from tests.operations.support import HeldSlack, ServeProcess, serve_env


async def test_sigterm_mid_post_stops_cleanly_and_gives_the_claim_back(database_url, tmp_path):
    async with HeldSlack() as slack:
        db = Database.from_url(database_url)
        await seed(db, slack.team_id)
        gate = slack.hold("chat.postMessage", lambda args: args.get("channel") in CHANNELS)
        env = serve_env(
            tmp_path, slack, database_url, MILOBOT_SCHEDULER_TICK_SECONDS="0.1", MILOBOT_SHUTDOWN_GRACE="1"
        )
        proc = ServeProcess(env, tmp_path, "serve")
        await proc.start()
        try:
            await asyncio.wait_for(slack.arrived["chat.postMessage"].wait(), timeout=30)
            proc.signal(signal.SIGTERM)
            assert await proc.exited() == 0, proc.stderr()
        finally:
            gate.set()
            await proc.stop()
        assert "Traceback" not in proc.stderr(), proc.stderr()
        async with db.unit_of_work() as s:
            held = (await s.execute(select(DigestPeriod.status, DigestPeriod.lease_until))).all()
        await db.dispose()
        assert held and all(status == "claimed" and lease is None for status, lease in held)
