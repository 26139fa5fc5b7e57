"""1,000 digests due in the same minute: all posted within 2 minutes, within Slack's per-channel posting
limit (about one message a second per channel), none twice.

A workspace (Europe/Berlin) with 500 agents, each with interviews spread over the last eight weeks, and
1,000 subscriptions at Monday 09:00 local time (daily and weekly, per agent and workspace-wide) spread
over 250 channels, four per channel. Then, with the clock set to that Monday 09:00, the digest job runs
once on each of `--replicas` milobot runtimes sharing the database (in this one process, each with its
own engine and Slack clients), racing for the same periods, against the fake Slack Web API, which
records when each message reached each channel. Prints: digests due, messages posted and how long after
the minute began the last one was, charts uploaded and when the last one was, duplicates (a period
posted twice), the smallest gap between two messages in one channel (and how many gaps were under a
second), charts drawn and reused, and this process's CPU.

    .venv/bin/python bench/digests.py [--digests 1000] [--channels 250] [--agents 500] [--replicas 2]
                                      [--database-url postgresql://…  (its schema is dropped)]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import func, insert, select, text  # noqa: E402
from sqlalchemy.ext.asyncio import create_async_engine  # noqa: E402

from milobot.config import load_settings  # noqa: E402
from milobot.db.engine import Database  # noqa: E402
from milobot.db.migrate import upgrade_to_head  # noqa: E402
from milobot.db.models import (  # noqa: E402
    Agent,
    AgentVersion,
    Candidate,
    DigestPeriod,
    DigestSubscription,
    Interview,
    Workspace,
)
from milobot.jobs.digests import DIGESTS_JOB  # noqa: E402
from milobot.runtime import Runtime  # noqa: E402
from milobot.services import digest_content  # noqa: E402
from tests.fakes.slack_api import FakeSlack  # noqa: E402

DUE = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)  # Monday 30 November 2026, 09:00 in Berlin
POSTING = {"chat.postMessage", "files.completeUploadExternal"}


class TimedSlack(FakeSlack):
    """The fake Slack Web API, noting when each message-making call reached each channel."""

    def __init__(self, **kw) -> None:
        super().__init__(**kw)
        self.arrivals: list[tuple[str, str, float]] = []

    async def _handle_api(self, request):
        method = request.match_info["method"]
        response = await super()._handle_api(request)
        if method in POSTING and self.calls and self.calls[-1].method == method:
            args = self.calls[-1].args
            channel = args.get("channel") or args.get("channel_id") or ""
            self.arrivals.append((method, channel, time.monotonic()))
        return response


async def seed(db: Database, team_id: str, *, digests: int, channels: int, agents: int) -> None:
    rng = random.Random(7)
    async with db.unit_of_work() as s:
        ws = Workspace(team_id=team_id, name="Bench", time_zone="Europe/Berlin", settings={})
        s.add(ws)
        await s.flush()
        agent_ids = []
        for i in range(agents):
            agent = Agent(workspace_id=ws.id, name=f"Agent {i:03d}", share_token=f"bench-share-{i}")
            s.add(agent)
            await s.flush()
            version = AgentVersion(workspace_id=ws.id, agent_id=agent.id, version=1, questions=[])
            s.add(version)
            await s.flush()
            agent_ids.append((agent.id, version.id))
        people, interviews = [], []
        for n in range(agents * 8):
            agent_id, _ = agent_ids[n % agents]
            started = DUE - timedelta(days=rng.uniform(0.2, 56))
            done = rng.random() < 0.7
            people.append(
                {
                    "workspace_id": ws.id,
                    "agent_id": agent_id,
                    "name": f"Candidate {n}",
                    "token": f"bench-tok-{n}",
                    "status": "completed" if done else "in_progress",
                    "created_at": started,
                    "updated_at": started,
                    "source": "link",
                }
            )
        await s.execute(insert(Candidate), people)
        ids = (
            await s.execute(select(Candidate.id, Candidate.agent_id, Candidate.created_at, Candidate.status))
        ).all()
        versions = dict(agent_ids)
        for cid, agent_id, started, status in ids:
            done = status == "completed"
            interviews.append(
                {
                    "workspace_id": ws.id,
                    "candidate_id": cid,
                    "agent_id": agent_id,
                    "agent_version_id": versions[agent_id],
                    "status": status,
                    "started_at": started,
                    "completed_at": started + timedelta(minutes=rng.uniform(8, 40)) if done else None,
                    "overall_score": rng.uniform(30, 95) if done else None,
                }
            )
        await s.execute(insert(Interview), interviews)
        subs = []
        for i in range(digests):
            subs.append(
                {
                    "workspace_id": ws.id,
                    "channel_id": f"C0BENCH{i % channels:04d}",
                    "frequency": "daily" if (i // agents) % 2 == 0 else "weekly",
                    # a tenth of the first round is workspace-wide; the others name an agent
                    "agent_id": None if i % 10 == 9 and i < channels else agent_ids[i % agents][0],
                    "local_hour": 9,
                    "local_minute": 0,
                    "weekday": 0,
                    "created_by": "UBENCHADM1",
                    "created_at": DUE - timedelta(days=30),
                }
            )
        await s.execute(insert(DigestSubscription), subs)


async def prepare(url: str) -> None:
    engine = create_async_engine(url)
    if url.startswith("postgresql"):
        async with engine.begin() as conn:
            await conn.execute(text("DROP SCHEMA public CASCADE"))
            await conn.execute(text("CREATE SCHEMA public"))
    await upgrade_to_head(engine)
    await engine.dispose()


async def main(args: argparse.Namespace) -> None:
    tmp = Path(tempfile.mkdtemp(prefix="milobot-bench-digests-"))
    url = args.database_url or f"sqlite+aiosqlite:///{tmp / 'bench.sqlite3'}"
    if url.startswith("postgresql://"):
        url = "postgresql+asyncpg://" + url[len("postgresql://") :]
    await prepare(url)
    async with TimedSlack() as slack:
        db = Database.from_url(url)
        t0 = time.perf_counter()
        await seed(db, slack.team_id, digests=args.digests, channels=args.channels, agents=args.agents)
        print(
            f"seeded {args.agents} agents, {args.agents * 8} interviews, {args.digests} subscriptions "
            f"over {args.channels} channels in {time.perf_counter() - t0:.1f} s"
        )
        await db.dispose()
        base = load_settings(
            {
                "SLACK_BOT_TOKEN": slack.bot_token,
                "SLACK_SIGNING_SECRET": "bench-signing-secret",
                "SLACK_API_URL": slack.url,
                "DATABASE_URL": url,
                "MILOBOT_DATA_DIR": str(tmp / "data"),
                "MILOBOT_SECRET_KEY": "bench-milobot-secret-key-0123456789",
            },
            env_file=None,
        )
        settings = replace(base, run_scheduler=False)
        runtimes = [Runtime(settings, migrate_on_start=False) for _ in range(args.replicas)]
        for r in runtimes:
            r.container.deps.clock = lambda: DUE
        cpu0, wall0 = time.process_time(), time.monotonic()
        ran = await asyncio.gather(
            *(r.container.scheduler.run_now(DIGESTS_JOB, now=DUE) for r in runtimes), return_exceptions=True
        )
        wall = time.monotonic() - wall0
        cpu = time.process_time() - cpu0
        for r in runtimes:
            await r.container.db.dispose()
        errors = [e for e in ran if isinstance(e, BaseException)]

        db = Database.from_url(url)
        async with db.unit_of_work() as s:
            statuses = Counter(
                dict(
                    (
                        await s.execute(
                            select(DigestPeriod.status, func.count()).group_by(DigestPeriod.status)
                        )
                    ).all()
                )
            )
            holders = sorted(
                (
                    await s.execute(
                        select(func.count()).select_from(DigestPeriod).group_by(DigestPeriod.holder)
                    )
                )
                .scalars()
                .all()
            )
        await db.dispose()

    messages = [
        (ch, at) for m, ch, at in slack.arrivals if m == "chat.postMessage" and ch.startswith("C0BENCH")
    ]
    charts = [(ch, at) for m, ch, at in slack.arrivals if m == "files.completeUploadExternal"]
    blocks_seen = Counter()
    for call in slack.calls_to("chat.postMessage"):
        if str(call.args.get("channel", "")).startswith("C0BENCH"):
            blocks_seen[
                (call.args["channel"], call.args.get("text"), str(call.args.get("blocks"))[:4000])
            ] += 1
    per_channel: dict[str, list[float]] = defaultdict(list)
    for ch, at in messages + charts:
        per_channel[ch].append(at)
    gaps = [
        b - a
        for times in per_channel.values()
        for a, b in zip(sorted(times), sorted(times)[1:], strict=False)
    ]
    last_message = max((at for _, at in messages), default=wall0) - wall0
    last_chart = max((at for _, at in charts), default=wall0) - wall0
    print(f"replicas: {args.replicas} · errors: {len(errors)} {errors[:1]}")
    print(f"digests due: {args.digests} · periods: {dict(statuses)} · posted per replica: {holders}")
    print(
        f"messages posted: {len(messages)} · last one {last_message:.1f} s after the minute began (target < 120 s)"
    )
    print(f"charts uploaded: {len(charts)} · last one {last_chart:.1f} s after · job done in {wall:.1f} s")
    drawn = digest_content._bars.cache_info()
    print(f"charts drawn (matplotlib): {drawn.misses} · reused for identical inputs: {drawn.hits}")
    print(
        f"posted twice (same channel and content): {sum(n - 1 for n in blocks_seen.values() if n > 1)} · "
        f"periods claimed twice: impossible by the unique key; sent rows {statuses.get('sent', 0)}"
    )
    print(
        f"per channel: smallest gap between two posts {min(gaps, default=0):.2f} s, "
        f"gaps under 1 s: {sum(1 for g in gaps if g < 1.0)} of {len(gaps)}"
    )
    print(
        f"this process's CPU: {cpu:.1f} s ({cpu / max(1, len(messages)) * 1000:.0f} ms a digest, fake Slack included)"
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--digests", type=int, default=1000)
    parser.add_argument("--channels", type=int, default=250)
    parser.add_argument("--agents", type=int, default=500)
    parser.add_argument("--replicas", type=int, default=2)
    parser.add_argument("--database-url")
    asyncio.run(main(parser.parse_args()))
