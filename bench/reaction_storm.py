"""A reaction storm: 300 signed reaction events (:+1: / :-1: added and removed, some with skin tones) over
20 candidate cards within 10 seconds, sent to a running milobot (`milobot serve` in its own process),
plus 30 redeliveries of events already sent (X-Slack-Retry-Num). A fake Slack Web API in this process
receives the card updates.

Prints the ack latency (p50 / p99 / max; target p99 < 100 ms), whether every rating is recorded exactly
once (the ratings table against a replay of the events), whether every card's last chat.update shows
the right count, and the chat.update calls per card.

    .venv/bin/python bench/reaction_storm.py [--events 300] [--cards 20] [--seconds 10]
        [--database-url postgresql://postgres@127.0.0.1:5432/bench]   (default: SQLite in a temp folder)
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import aiohttp
from sqlalchemy import select, text

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.ack_latency import free_port, start, wait_healthy  # noqa: E402
from milobot.blocks.review_words import count_text  # noqa: E402
from milobot.config import _normalise_db_url  # noqa: E402
from milobot.db.engine import Database  # noqa: E402
from milobot.db.models import Agent, AgentVersion, Interview, Member, OutboxMessage, Rating  # noqa: E402
from milobot.services.candidate_records import new_candidate  # noqa: E402
from milobot.services.workspaces import get_or_create_workspace  # noqa: E402
from tests.fakes import payloads, signing  # noqa: E402
from tests.fakes.slack_api import FakeSlack  # noqa: E402

SECRET = "bench-signing-secret"
ADMIN = "UBENCHADM1"
CHANNEL = "C0STORM001"


async def seed(db: Database, slack: FakeSlack, *, cards: int, people: list[str]) -> dict[str, int]:
    """An agent, `cards` interviewed candidates whose cards are posted (card ts -> candidate id), and
    the team."""
    by_ts: dict[str, int] = {}
    async with db.unit_of_work() as s:
        ws = await get_or_create_workspace(s, slack.team_id)
        agent = Agent(workspace_id=ws.id, name="Storm", channel_id=CHANNEL, share_token="storm-share")
        s.add(agent)
        await s.flush()
        version = AgentVersion(workspace_id=ws.id, agent_id=agent.id, version=1, questions=[])
        s.add(version)
        for user in people + [ADMIN]:
            s.add(Member(workspace_id=ws.id, slack_user_id=user, role="admin" if user == ADMIN else "viewer"))
        await s.flush()
        for i in range(cards):
            candidate = new_candidate(
                s, workspace_id=ws.id, agent_id=agent.id, name=f"Storm {i}", status="completed"
            )
            await s.flush()
            ts = f"1800000000.{i + 1:06d}"
            s.add(
                Interview(
                    workspace_id=ws.id,
                    candidate_id=candidate.id,
                    agent_id=agent.id,
                    agent_version_id=version.id,
                    status="completed",
                    card_channel=CHANNEL,
                    card_ts=ts,
                )
            )
            # The card exists in the fake Slack, so chat.update finds it.
            slack.messages.setdefault(CHANNEL, {})[ts] = {
                "type": "message",
                "ts": ts,
                "text": "",
                "blocks": [],
            }
            by_ts[ts] = candidate.id
    return by_ts


def plan(cards: list[str], people: list[str], events: int, seconds: float, rng: random.Random):
    """Events as (send_at, user, card_ts, reaction, added): adds on distinct (person, card) pairs,
    then switches to the other thumb and removals, each at least 2 s after the pair's last event (a
    person doesn't react twice to one card within milliseconds)."""
    pairs = [(u, c) for u in people for c in cards]
    rng.shuffle(pairs)
    adds, switches = int(events * 0.66), int(events * 0.14)
    removes = events - adds - switches
    out, last, current = [], {}, {}
    for i, (user, card) in enumerate(pairs[:adds]):
        at = seconds * 0.6 * i / adds
        thumb = rng.choice(["+1", "-1"])
        name = thumb + rng.choice(["", "", "::skin-tone-3"])
        out.append((at, user, card, name, True))
        last[(user, card)], current[(user, card)] = at, thumb
    later = [p for p in pairs[:adds] if last[p] < seconds * 0.6 - 2.0]
    rng.shuffle(later)
    for user, card in later[:switches]:
        at = rng.uniform(max(last[(user, card)] + 2.0, seconds * 0.6), seconds * 0.8)
        thumb = "-1" if current[(user, card)] == "+1" else "+1"
        out.append((at, user, card, thumb, True))
        last[(user, card)], current[(user, card)] = at, thumb
    rest = [p for p in later[switches:] + later[:switches] if last[p] < seconds - 2.0]
    for user, card in rest[:removes]:
        at = rng.uniform(last[(user, card)] + 2.0, seconds)
        out.append((at, user, card, current[(user, card)], False))
        del current[(user, card)]
    out.sort()
    return out, current


async def drive(url: str, slack: FakeSlack, storm, *, retries: int, rng: random.Random) -> list[float]:
    latencies: list[float] = []
    sent: list[dict] = []
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=100)) as http:

        async def post(envelope: dict, retry: int | None) -> None:
            body = json.dumps(envelope).encode()
            headers = signing.signed_headers(body, SECRET, content_type=signing.JSON, retry_num=retry)
            t0 = time.perf_counter()
            async with http.post(url, data=body, headers=headers) as resp:
                await resp.read()
                if resp.status != 200:
                    raise RuntimeError(f"status {resp.status}")
            latencies.append((time.perf_counter() - t0) * 1000)

        start_at = time.perf_counter()
        tasks = []
        for at, user, card, name, added in storm:
            delay = at - (time.perf_counter() - start_at)
            if delay > 0:
                await asyncio.sleep(delay)  # pacing the storm, not waiting for a result
            build = payloads.reaction_added if added else payloads.reaction_removed
            envelope = build(
                slack.team_id, user, name, CHANNEL, card, payloads.bot_user_id_for(slack.team_id)
            )
            sent.append(envelope)
            tasks.append(asyncio.ensure_future(post(envelope, None)))
            if retries and rng.random() < retries / len(storm):
                again = rng.choice(sent)
                tasks.append(asyncio.ensure_future(post(again, 1)))
        await asyncio.gather(*tasks)
        print(
            f"sent       {len(tasks)} requests ({len(storm)} events + {len(tasks) - len(storm)} redeliveries) in {time.perf_counter() - start_at:.1f} s"
        )
    return latencies


def summary(ms: list[float]) -> None:
    ms = sorted(ms)
    p99 = ms[min(len(ms) - 1, int(round(0.99 * len(ms))) - 1)]
    print(
        f"ack        n={len(ms)} p50={statistics.median(ms):.1f} ms  p99={p99:.1f} ms  max={ms[-1]:.1f} ms  (target p99 < 100 ms)"
    )


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=300)
    parser.add_argument("--cards", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--retries", type=int, default=30)
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    people = [f"USTORM{i:04d}" for i in range(40)]

    async with FakeSlack() as slack:
        data_dir = tempfile.mkdtemp(prefix="milobot-storm-")
        database_url = args.database_url or f"sqlite+aiosqlite:///{data_dir}/milobot.sqlite3"
        env = {
            **os.environ,
            "SLACK_BOT_TOKEN": slack.bot_token,
            "SLACK_SIGNING_SECRET": SECRET,
            "SLACK_API_URL": slack.url,
            "MILOBOT_DATA_DIR": data_dir,
            "MILOBOT_ADMINS": ADMIN,
            "MILOBOT_PUBLIC_URL": "https://milobot.bench",
            "DATABASE_URL": database_url,
            "MILOBOT_SECRET_KEY": "bench-secret-key-0123456789abcdef",  # required on PostgreSQL
        }
        db = Database.from_url(_normalise_db_url(database_url))
        if database_url.startswith("postgresql"):
            async with db.engine.begin() as conn:
                await conn.execute(text("DROP SCHEMA public CASCADE"))
                await conn.execute(text("CREATE SCHEMA public"))
            subprocess.run([sys.executable, "-m", "milobot", "migrate"], env=env, cwd=ROOT, check=True)
        port = free_port()
        milo = start(
            [sys.executable, "-m", "milobot", "serve", "--host", "127.0.0.1", "--port", str(port)],
            env,
            f"{data_dir}/milobot.log",
        )
        try:
            await wait_healthy(f"http://127.0.0.1:{port}/healthz")
            by_ts = await seed(db, slack, cards=args.cards, people=people)
            storm, expected = plan(list(by_ts), people, args.events, args.seconds, rng)
            latencies = await drive(
                f"http://127.0.0.1:{port}/slack/events", slack, storm, retries=args.retries, rng=rng
            )
            summary(latencies)

            t0 = time.perf_counter()
            want = {(u, by_ts[c], 1 if thumb == "+1" else -1) for (u, c), thumb in expected.items()}

            async def settled() -> bool:
                async with db.unit_of_work() as s:
                    got = {
                        (r.slack_user_id, r.candidate_id, r.value)
                        for r in (await s.scalars(select(Rating))).all()
                    }
                    pending = (
                        await s.scalars(select(OutboxMessage.id).where(OutboxMessage.status == "pending"))
                    ).all()
                return got == want and not pending

            deadline = time.monotonic() + 60
            while not await settled():
                if time.monotonic() > deadline:
                    break
                await asyncio.sleep(0.2)  # polling the database until the outbox is drained, bounded
            async with db.unit_of_work() as s:
                rows = (await s.scalars(select(Rating))).all()
            got = Counter((r.slack_user_id, r.candidate_id) for r in rows)
            exact = {(r.slack_user_id, r.candidate_id, r.value) for r in rows} == want and max(
                got.values(), default=1
            ) == 1
            print(
                f"ratings    {len(rows)} recorded, {len(want)} expected: {'exactly once, all right' if exact else 'MISMATCH'}"
                f" (settled {time.perf_counter() - t0:.1f} s after the last ack)"
            )

            counts = Counter(c for (_, c) in expected)
            per_card, right = [], 0
            for ts in by_ts:
                updates = [c for c in slack.calls_to("chat.update") if c.args.get("ts") == ts]
                per_card.append(len(updates))
                if updates and count_text(counts[ts]) in json.dumps(
                    updates[-1].args.get("blocks"), ensure_ascii=False
                ):
                    right += 1
            reacted = Counter(card for _, _, card, _, _ in storm)
            print(f"cards      {right} of {len(by_ts)} end with the right count")
            print(
                f"chat.update per card: min {min(per_card)}, median {statistics.median(per_card):.0f}, max {max(per_card)}"
                f" (total {sum(per_card)} for {len(storm)} events; {statistics.median(reacted.values()):.0f} events a card)"
            )
        finally:
            milo.terminate()
            try:
                milo.wait(timeout=10)
            except subprocess.TimeoutExpired:
                milo.kill()
            await db.dispose()
            print(f"logs: {data_dir}/milobot.log")


if __name__ == "__main__":
    asyncio.run(main())
