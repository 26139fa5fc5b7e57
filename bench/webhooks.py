"""Webhooks and ATS write-back under load, and across a SIGKILL.

A `milobot serve` process (SQLite in a temp folder, or --database-url) with one agent, three webhook
endpoints that want `interview.completed`, and a Greenhouse connection (tests/fakes/greenhouse.py) mapped
to the agent. 1,000 finished interviews are posted to /api/v1/interviews at once (concurrency 20) while
signed `/milo help` commands arrive at 20 a second; the receivers answer 200 at once. Prints: deliveries
received, duplicates (the same webhook-id twice), Greenhouse notes and PDF attachments per candidate, the deliveries per second,
and the commands' ack p50 / p99 (target < 100 ms).

Then the same again in a fresh database, with milobot killed by SIGKILL once a quarter of the deliveries
arrived, and started again: every delivery must still arrive; the ones sent twice are reported with the
number of outbox rows claimed (in flight) at the kill. A row claimed by the dead process waits for its
lease (120 s) to lapse before another process takes it, so this part takes a few minutes.

    .venv/bin/python bench/webhooks.py [--completions 1000] [--skip-kill] [--database-url postgresql://…]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import aiohttp
import psutil
from aiohttp import web

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.ack_latency import free_port, start, wait_healthy  # noqa: E402
from milobot.ats.clients import AtsClients  # noqa: E402
from milobot.db.engine import Database  # noqa: E402
from milobot.db.models import (  # noqa: E402
    Agent,
    AgentVersion,
    AtsNotice,
    AtsSync,
    Member,
    OutboxMessage,
    WebhookDelivery,
)
from milobot.outbound import AllowList, Outbound  # noqa: E402
from milobot.services.apikeys import ApiKeyService  # noqa: E402
from milobot.services.ats import AtsService  # noqa: E402
from milobot.services.base import ServiceDeps  # noqa: E402
from milobot.services.context import Identity  # noqa: E402
from milobot.services.webhooks import WebhookService  # noqa: E402
from milobot.services.workspaces import get_or_create_workspace  # noqa: E402
from tests.fakes import signing  # noqa: E402
from tests.fakes.greenhouse import FakeGreenhouse  # noqa: E402
from tests.fakes.slack_api import FakeSlack  # noqa: E402

SECRET = "bench-signing-secret"
SECRET_KEY = "bench-milobot-secret-key"
ADMIN = "UBENCHADM1"
ENDPOINTS = 3


class Receivers:
    """Three endpoints that answer 200 at once and count each webhook-id they get."""

    def __init__(self) -> None:
        self.seen: list[Counter] = [Counter() for _ in range(ENDPOINTS)]
        self.first: float | None = None
        self.last = 0.0
        self._runner: web.AppRunner | None = None
        self.port = 0

    async def _hook(self, request: web.Request) -> web.Response:
        await request.read()
        n = int(request.match_info["n"])
        self.seen[n][request.headers.get("webhook-id", "")] += 1
        now = time.perf_counter()
        self.first = self.first or now
        self.last = now
        return web.Response(status=200)

    async def start(self) -> None:
        app = web.Application()
        app.router.add_post("/hook/{n}", self._hook)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    async def stop(self) -> None:
        if self._runner:
            await self._runner.cleanup()

    def url(self, n: int) -> str:
        return f"http://127.0.0.1:{self.port}/hook/{n}"

    def received(self) -> int:
        return sum(len(c) for c in self.seen)

    def duplicates(self) -> int:
        return sum(v - 1 for c in self.seen for v in c.values() if v > 1)


async def seed(db_url: str, slack: FakeSlack, receivers: Receivers, greenhouse: FakeGreenhouse) -> str:
    """One agent, three endpoints, a Greenhouse connection mapped to it; returns an inbound API key."""
    db = Database.from_url(db_url)
    outbound = Outbound(AllowList.parse("127.0.0.1"))
    deps = ServiceDeps(
        db=db, seed_admins=frozenset({ADMIN}), secret_key=SECRET_KEY, public_url="https://milobot.bench"
    )
    identity = Identity(team_id=slack.team_id, user_id=ADMIN)
    async with db.unit_of_work() as s:
        ws = await get_or_create_workspace(s, slack.team_id)
        s.add(Member(workspace_id=ws.id, slack_user_id=ADMIN, role="admin"))  # the bench's admin
        agent = Agent(
            workspace_id=ws.id,
            name="Bench Engineer",
            share_token="bench-share-token",
            channel_id="C0BENCH001",
        )
        s.add(agent)
        await s.flush()
        questions = [{"text": "Tell us about an incident.", "anchor_1": "", "anchor_5": "", "weight": 1}]
        s.add(AgentVersion(workspace_id=ws.id, agent_id=agent.id, version=1, questions=questions))
        agent_id = agent.id
    hooks = WebhookService(deps, outbound)
    for n in range(ENDPOINTS):
        await hooks.add_endpoint(
            identity=identity, agent_id=agent_id, url=receivers.url(n), events=["interview.completed"]
        )
    job = greenhouse.add_job("Bench Engineer")
    ats = AtsService(deps, AtsClients(outbound, greenhouse_url=greenhouse.url, lever_url=greenhouse.url))
    await ats.connect(identity=identity, kind="greenhouse", api_key=greenhouse.api_key, acting_user="4080")
    await ats.map_agent(identity=identity, agent_id=agent_id, job_id=str(job), stage_name=None)
    key = (await ApiKeyService(deps).create(identity=identity, label="bench")).key
    await outbound.close()
    await db.dispose()
    return key


def result(n: int) -> dict:
    return {
        "external_id": f"bench-{n}",
        "agent_token": "bench-share-token",
        "candidate": {"name": f"Bench Candidate {n}", "email": f"bench{n}@example.com"},
        "transcript": [
            {"question": "Tell us about an incident.", "answer": "I owned it and wrote the postmortem."}
        ],
        "scores": [{"question_index": 0, "score": 4}],
    }


async def post_all(base: str, key: str, numbers: list[int], concurrency: int = 20) -> list[int]:
    """POST the results; returns the numbers that didn't get an answer (milobot was killed under them)."""
    failed: list[int] = []
    sem = asyncio.Semaphore(concurrency)
    async with aiohttp.ClientSession(headers={"Authorization": f"Bearer {key}"}) as http:

        async def one(n: int) -> None:
            async with sem:
                try:
                    async with http.post(f"{base}/api/v1/interviews", json=result(n)) as resp:
                        await resp.read()
                        if resp.status not in (200, 201):
                            failed.append(n)
                except (aiohttp.ClientError, OSError):
                    failed.append(n)

        await asyncio.gather(*(one(n) for n in numbers))
    return failed


async def commands(base: str, slack: FakeSlack, stop: asyncio.Event, rate: float = 20.0) -> list[float]:
    latencies: list[float] = []
    async with aiohttp.ClientSession() as http:
        tasks = []

        async def one() -> None:
            body = signing.command_body(
                team_id=slack.team_id,
                user_id=ADMIN,
                text="help",
                channel_id="C0BENCH001",
                response_url=slack.new_response_url(slack.team_id),
            )
            headers = signing.signed_headers(body, SECRET, content_type=signing.FORM)
            t0 = time.perf_counter()
            try:
                async with http.post(f"{base}/slack/events", data=body, headers=headers) as resp:
                    await resp.read()
                    latencies.append((time.perf_counter() - t0) * 1000)
            except (aiohttp.ClientError, OSError):
                pass

        while not stop.is_set():
            tasks.append(asyncio.create_task(one()))
            await asyncio.sleep(1 / rate)  # the command rate, not a wait for work
        await asyncio.gather(*tasks)
    return latencies


async def outbox_state(db_url: str) -> tuple[int, int, int]:
    """(webhook deliveries recorded, ATS syncs done, outbox rows claimed right now)."""
    from sqlalchemy import func, select

    db = Database.from_url(db_url)
    async with db.unit_of_work() as s:
        deliveries = await s.scalar(select(func.count()).select_from(WebhookDelivery))
        synced = await s.scalar(select(func.count()).select_from(AtsSync).where(AtsSync.status == "done"))
        claimed = await s.scalar(
            select(func.count())
            .select_from(OutboxMessage)
            .where(OutboxMessage.status == "pending", OutboxMessage.claimed_by.is_not(None))
        )
        await s.scalar(select(func.count()).select_from(AtsNotice))
    await db.dispose()
    return deliveries, synced, claimed


def notes_per_candidate(greenhouse: FakeGreenhouse) -> Counter:
    return Counter(len(greenhouse.notes.get(cid, [])) for cid in greenhouse.candidates)


async def until(condition, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if await condition():
            return
        await asyncio.sleep(0.25)  # polling another process, bounded by the deadline
    raise RuntimeError(f"timed out waiting for {what}")


def pct(ms: list[float], q: float) -> float:
    ms = sorted(ms)
    return ms[min(len(ms) - 1, max(0, int(round(q * len(ms))) - 1))] if ms else float("nan")


async def run(args, *, kill: bool) -> None:
    n = args.completions
    data_dir = tempfile.mkdtemp(prefix="milobot-bench-hooks-")
    db_url = args.database_url or f"sqlite+aiosqlite:///{data_dir}/milobot.sqlite3"
    async with FakeSlack() as slack, FakeGreenhouse() as greenhouse:
        receivers = Receivers()
        await receivers.start()
        env = {
            **os.environ,
            "SLACK_BOT_TOKEN": slack.bot_token,
            "SLACK_SIGNING_SECRET": SECRET,
            "SLACK_API_URL": slack.url,
            "MILOBOT_DATA_DIR": data_dir,
            "MILOBOT_ADMINS": ADMIN,
            "MILOBOT_PUBLIC_URL": "https://milobot.bench",
            "MILOBOT_SECRET_KEY": SECRET_KEY,
            "MILOBOT_OUTBOUND_ALLOW": "127.0.0.1",
            "MILOBOT_GREENHOUSE_API_URL": greenhouse.url,
            "DATABASE_URL": db_url,
        }
        if args.database_url:
            from sqlalchemy import text

            from milobot.config import _normalise_db_url
            from milobot.db.migrate import upgrade_to_head

            db = Database.from_url(_normalise_db_url(args.database_url))
            async with db.engine.begin() as conn:
                await conn.execute(text("DROP SCHEMA public CASCADE"))
                await conn.execute(text("CREATE SCHEMA public"))
            await upgrade_to_head(db.engine)
            await db.dispose()
            db_url = _normalise_db_url(args.database_url)
        port = free_port()
        cmd = [sys.executable, "-m", "milobot", "serve", "--host", "127.0.0.1", "--port", str(port)]
        proc = start(cmd, env, f"{data_dir}/milobot.log")
        base = f"http://127.0.0.1:{port}"
        try:
            await wait_healthy(f"{base}/healthz")
            key = await seed(db_url, slack, receivers, greenhouse)
            expected = n * ENDPOINTS
            stop = asyncio.Event()
            acks = asyncio.create_task(commands(base, slack, stop))
            t0 = time.perf_counter()
            posting = asyncio.create_task(post_all(base, key, list(range(n))))
            in_flight = None
            if kill:
                await until(
                    lambda: _ge(receivers.received(), expected // 4), 300, "a quarter of the deliveries"
                )
                proc.send_signal(signal.SIGKILL)
                proc.wait(timeout=10)
                _, _, in_flight = await outbox_state(db_url)
                stop.set()
                failed = await posting
                before = receivers.received()
                print(
                    f"killed     after {before} of {expected} deliveries; {in_flight} outbox rows were claimed (in flight); {len(failed)} posts unanswered"
                )
                proc = start(cmd, env, f"{data_dir}/milobot-2.log")
                await wait_healthy(f"{base}/healthz")
                again = await post_all(base, key, failed)  # idempotent by external_id
                assert not again, again
            else:
                failed = await posting
                assert not failed, failed
            posted = time.perf_counter() - t0

            async def all_in():
                return (
                    receivers.received() >= expected
                    and sum(1 for _ in greenhouse.candidates) >= n
                    and all(greenhouse.notes.get(c) for c in greenhouse.candidates)
                    and all(c["attachments"] for c in greenhouse.candidates.values())
                )

            await until(all_in, 900, "every delivery and write-back")
            stop.set()
            ms = await acks
            cpu = psutil.Process(proc.pid).cpu_times()
            cpu_s = cpu.user + cpu.system
            took = receivers.last - t0
            notes = notes_per_candidate(greenhouse)
            pdfs = Counter(len(c["attachments"]) for c in greenhouse.candidates.values())
            label = "kill" if kill else "run"
            print(
                f"{label:<10} {n} completions posted in {posted:.1f} s; webhooks {receivers.received()}/{expected} "
                f"received, duplicates {receivers.duplicates()}; Greenhouse candidates {len(greenhouse.candidates)}, "
                f"notes per candidate {dict(notes)}, PDF attachments per candidate {dict(pdfs)}"
            )
            if not kill:
                deliveries = expected + n  # webhook calls and ATS write-backs
                print(
                    f"throughput {deliveries / took:.0f} deliveries/s ({expected} webhooks + {n} write-backs in {took:.1f} s "
                    f"from the first post)"
                )
                print(
                    f"cpu        milobot used {cpu_s:.1f} CPU-s: {1000 * cpu_s / deliveries:.1f} ms a delivery (with the "
                    f"{n} API posts and {len(ms)} commands it also served), so {deliveries / cpu_s:.0f}/s on one free core; "
                    f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
                )
                print(
                    f"acks       n={len(ms)} p50={statistics.median(ms):.1f} ms p99={pct(ms, 0.99):.1f} ms "
                    f"max={max(ms):.1f} ms (target p99 < 100 ms)"
                )
            else:
                print(
                    f"lost       0 (all {expected} webhook-ids arrived); sent twice: {receivers.duplicates()} "
                    f"(at most the {in_flight} in flight at the kill)"
                )
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
            await receivers.stop()
            print(f"logs: {data_dir}")


async def _ge(a: int, b: int) -> bool:
    return a >= b


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--completions", type=int, default=1000)
    parser.add_argument("--skip-kill", action="store_true")
    parser.add_argument("--database-url")
    args = parser.parse_args()
    await run(args, kill=False)
    if not args.skip_kill:
        await run(args, kill=True)


if __name__ == "__main__":
    asyncio.run(main())
