"""Replicas on PostgreSQL under a mixed load: one replica, two replicas, and two replicas of which one is
killed with SIGKILL half-way.

    .venv/bin/python bench/replicas.py [--database-url postgresql://postgres@127.0.0.1:5432/test_i13a]
                                       [--seconds 20] [--concurrency 12] [--resumes 200]

Each run starts from an empty database (the schema is dropped and migrated: use a database of your own),
starts `milobot serve` processes on it (one data folder, as deploy/compose.yaml does), plays Slack
itself (tests/fakes FakeSlack) and sends, through a round-robin that skips a replica that is down:
a 200-résumé ZIP DMed at the start, then for `--seconds` a closed loop of `--concurrency` senders, each
sending in turn a slash command (`/milo help`), an interview completion through the inbound API, and a
button click (Shortlist on a card). Reactions are not in the mix: no reaction listener exists yet.

Reported per run: requests per second, ack p50/p99 of Slack requests and of the inbound API, how long the
import took to open for review, when the last card landed. For the run with a kill, once all work has
settled: lost (an interview without its card, a command without its reply, a click without its record,
résumés without drafts) and handled twice (a card posted twice, a reply sent twice, a click recorded
twice), with the outbox rows that the killed replica held at the kill reported on their own.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import aiohttp

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from ack_latency import free_port, wait_healthy
from ingest_extract import build_resume_zip
from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import create_async_engine

from milobot.config import _normalise_db_url
from milobot.db.engine import Database
from milobot.db.migrate import upgrade_to_head
from milobot.db.models import (
    Agent,
    AgentVersion,
    AuditEntry,
    IngestionBatch,
    IngestionDraft,
    Interview,
    OutboxMessage,
)
from milobot.ids import Action
from milobot.metadata import InterviewRef, encode
from milobot.services.workspaces import get_or_create_workspace
from tests.fakes import payloads, signing
from tests.fakes.slack_api import FakeSlack
from tests.interview_web.helpers import GOOD_ANSWERS, QUESTIONS_V1

SECRET = "bench-signing-secret-0123456789"
KEY = "bench-secret-key-0123456789abcdefghijkl"
ADMIN = "UBENCHADM1"
DM = "D0BENCHDM1"
HIRING = "C0BENCHHIR"


def pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[q - 1] if len(values) >= 2 else (values[0] if values else 0.0)


async def reset(url: str) -> None:
    engine = create_async_engine(url)
    async with engine.begin() as conn:
        await conn.execute(text("DROP SCHEMA public CASCADE"))
        await conn.execute(text("CREATE SCHEMA public"))
    await upgrade_to_head(engine)
    await engine.dispose()


class Replica:
    def __init__(self, name: str, env: dict[str, str], logs: Path):
        self.name, self.env, self.port = name, env, free_port()
        self.log = logs / f"{name}.log"
        self.proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def start(self) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "milobot", "serve", "--host", "127.0.0.1", "--port", str(self.port)],
            env=self.env,
            cwd=ROOT,
            stdout=open(self.log, "ab"),  # noqa: SIM115
            stderr=subprocess.STDOUT,
        )
        await wait_healthy(f"{self.url}/healthz", timeout=60)

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def stop(self) -> None:
        if self.alive():
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=40)
            except subprocess.TimeoutExpired:
                self.proc.kill()


class Run:
    def __init__(self, slack: FakeSlack, replicas: list[Replica], http: aiohttp.ClientSession):
        self.slack, self.replicas, self.http = slack, replicas, http
        self._rr = itertools.cycle(range(len(replicas)))
        self.slack_ms: list[float] = []
        self.api_ms: list[float] = []
        self.sent = 0
        self.failed_at_kill = 0  # requests a dying replica took and never answered (Slack shows an error)
        self.command_urls: list[tuple[str, str]] = []  # (response_url, the replica that acknowledged it)
        self.interviews: list[int] = []
        self.clicks = 0
        self.clicked: set[int] = set()
        self.key = ""
        self._n = itertools.count()

    async def send(self, fn, *, idempotent: bool = False) -> tuple[float, str] | None:
        """(milliseconds, the replica that answered), or None when the replica died with the request.
        An idempotent request (an interview posted with its external_id) is sent again elsewhere, as an
        interview engine retries; Slack does not retry a slash command or a click."""
        for _ in range(2 * len(self.replicas)):
            replica = self.replicas[next(self._rr)]
            if not replica.alive():
                continue
            started = time.perf_counter()
            try:
                await fn(replica.url)
            except aiohttp.ClientConnectorError:
                continue  # refused: down; the proxy tries the next one
            except (aiohttp.ServerDisconnectedError, aiohttp.ClientOSError):
                self.failed_at_kill += 1
                if idempotent:
                    continue
                return None
            return (time.perf_counter() - started) * 1000, replica.name
        raise RuntimeError("no replica answered")

    async def command(self) -> None:
        url_back = self.slack.new_response_url()

        async def go(url):
            resp = await signing.post_command(
                self.http,
                f"{url}/slack/events",
                SECRET,
                team_id=self.slack.team_id,
                user_id=ADMIN,
                text="help",
                channel_id=HIRING,
                response_url=url_back,
            )
            assert resp.status == 200, resp.status

        sent = await self.send(go)
        if sent is not None:
            self.slack_ms.append(sent[0])
            self.command_urls.append((url_back, sent[1]))

    async def interview(self) -> None:
        n = next(self._n)
        body = {
            "external_id": f"bench-{n}",
            "agent_token": "bench-share-token",
            "candidate": {"name": f"Bench Candidate {n:05d}", "email": f"bench{n:05d}@example.com"},
            "transcript": [{"question": q["text"], "answer": a} for q, a in zip(QUESTIONS_V1, GOOD_ANSWERS)],
        }

        async def go(url):
            async with self.http.post(
                f"{url}/api/v1/interviews", json=body, headers={"Authorization": f"Bearer {self.key}"}
            ) as resp:
                assert resp.status in (200, 201), await resp.text()

        sent = await self.send(go, idempotent=True)
        if sent is not None:
            self.api_ms.append(sent[0])
            self.interviews.append(n)

    async def click(self, db: Database) -> None:
        """Shortlist a card not clicked before: a second Shortlist of the same candidate changes nothing
        (and records nothing), so each click here must leave exactly one record."""
        async with db.unit_of_work() as s:
            interview_id = await s.scalar(
                select(Interview.id)
                .where(Interview.card_ts.is_not(None), Interview.id.not_in(self.clicked or {0}))
                .order_by(Interview.id)
                .limit(1)
            )
        if interview_id is None or interview_id in self.clicked:
            return
        self.clicked.add(interview_id)

        async def go(url):
            resp = await signing.post_interactive(
                self.http,
                f"{url}/slack/events",
                SECRET,
                payloads.block_actions(
                    self.slack.team_id,
                    ADMIN,
                    Action.CANDIDATE_SHORTLIST,
                    encode(InterviewRef(interview_id)),
                    channel_id=HIRING,
                    response_url=self.slack.new_response_url(kind="actions"),
                ),
            )
            assert resp.status == 200, resp.status

        sent = await self.send(go)
        if sent is not None:
            self.slack_ms.append(sent[0])
            self.clicks += 1


async def one_run(args, name: str, count: int, kill: bool, zip_bytes: bytes) -> dict:
    url = _normalise_db_url(args.database_url)
    await reset(url)
    db = Database.from_url(url)
    work = Path(tempfile.mkdtemp(prefix=f"milobot-bench-{name}-"))
    async with FakeSlack() as slack, aiohttp.ClientSession() as http:
        async with db.unit_of_work() as s:
            ws = await get_or_create_workspace(s, slack.team_id)
            agent = Agent(
                workspace_id=ws.id, name="Bench Role", share_token="bench-share-token", channel_id=HIRING
            )
            s.add(agent)
            await s.flush()
            s.add(AgentVersion(workspace_id=ws.id, agent_id=agent.id, version=1, questions=QUESTIONS_V1))
        env = {
            **os.environ,
            "SLACK_BOT_TOKEN": slack.bot_token,
            "SLACK_SIGNING_SECRET": SECRET,
            "SLACK_API_URL": slack.url,
            "DATABASE_URL": args.database_url,
            "MILOBOT_DATA_DIR": str(work / "data"),
            "MILOBOT_ADMINS": ADMIN,
            "MILOBOT_PUBLIC_URL": "http://milobot.bench",
            "MILOBOT_SECRET_KEY": KEY,
            "MILOBOT_OUTBOX_LEASE": "10",
            "MILOBOT_EXTRACTION_LEASE": "10",
        }
        replicas = [Replica(f"{name}-{i}", env, work) for i in range(count)]
        await asyncio.gather(*(r.start() for r in replicas))
        run = Run(slack, replicas, http)
        try:
            reply_url = slack.new_response_url()
            await run.send(
                lambda u: signing.post_command(
                    http,
                    f"{u}/slack/events",
                    SECRET,
                    team_id=slack.team_id,
                    user_id=ADMIN,
                    text="apikey create bench",
                    response_url=reply_url,
                )
            )
            reply = await slack.wait_for(
                "response_url", lambda c: "milo_" in c.args.get("text", ""), timeout=30
            )
            run.key = re.search(r"milo_[0-9a-f]{8}_[A-Za-z0-9_-]+", reply.args["text"]).group(0)

            file = slack.register_file(
                slack.team_id, "F0BENCHZIP", "resumes.zip", zip_bytes, "application/zip", user_id=ADMIN
            )
            started = time.perf_counter()
            envelope = payloads.message_im_with_files(slack.team_id, ADMIN, DM, [file])
            await run.send(lambda u: signing.post_event(http, f"{u}/slack/events", SECRET, envelope))

            stop = asyncio.Event()
            killed: dict = {}

            async def sender(i: int) -> None:
                kinds = itertools.cycle([run.command, run.interview, lambda: run.click(db)])
                for _ in range(i):
                    next(kinds)
                while not stop.is_set():
                    await next(kinds)()
                    run.sent += 1

            async def killer() -> None:
                await asyncio.sleep(args.seconds / 2)  # half-way through the run
                async with db.unit_of_work() as s:
                    batch = await s.scalar(select(IngestionBatch))
                holder = (batch.extraction_claimed_by or "") if batch else ""
                victim = next((r for r in replicas if f":{r.proc.pid}:" in holder), replicas[0])
                victim.proc.send_signal(signal.SIGKILL)
                victim.proc.wait()
                async with db.unit_of_work() as s:
                    held = (
                        await s.execute(
                            select(OutboxMessage.id, OutboxMessage.kind, OutboxMessage.payload).where(
                                OutboxMessage.status == "pending",
                                OutboxMessage.claimed_by.like(f"%:{victim.proc.pid}:%"),
                            )
                        )
                    ).all()
                killed.update(
                    victim=victim.name,
                    import_held=bool(holder and victim.name),
                    rows=held,
                    import_status=batch.status if batch else None,
                )

            senders = [asyncio.create_task(sender(i)) for i in range(args.concurrency)]
            chores = [asyncio.create_task(killer())] if kill else []
            t0 = time.perf_counter()
            await asyncio.sleep(args.seconds)  # the run's length
            stop.set()
            await asyncio.gather(*senders, *chores)
            elapsed = time.perf_counter() - t0

            result = {
                "run": name,
                "replicas": count,
                "requests": run.sent,
                "rps": run.sent / elapsed,
                "slack_p50": pct(run.slack_ms, 50),
                "slack_p99": pct(run.slack_ms, 99),
                "api_p50": pct(run.api_ms, 50),
                "api_p99": pct(run.api_ms, 99),
            }
            result |= await settle(db, slack, run, started, args.resumes, killed)
        finally:
            for r in replicas:
                r.stop()
            await db.dispose()
    return result


async def settle(
    db: Database, slack: FakeSlack, run: Run, started: float, resumes: int, killed: dict
) -> dict:
    """Wait for every effect, then count what is missing and what happened twice."""
    deadline = time.monotonic() + 180
    import_s = None
    while time.monotonic() < deadline:
        async with db.unit_of_work() as s:
            batch = await s.scalar(select(IngestionBatch))
            cards = await s.scalar(
                select(func.count()).select_from(Interview).where(Interview.card_ts.is_not(None))
            )
            pending = await s.scalar(
                select(func.count()).select_from(OutboxMessage).where(OutboxMessage.status == "pending")
            )
        if batch is not None and batch.status != "extracting" and import_s is None:
            import_s = time.perf_counter() - started
        replied = {c.args["__url"] for c in slack.calls_to("response_url")}
        survivors = [u for u, by in run.command_urls if by != killed.get("victim")]
        if import_s and cards >= len(run.interviews) and not pending and all(u in replied for u in survivors):
            break
        await asyncio.sleep(0.25)  # polling other processes' work, bounded by the deadline
    last_card_s = time.perf_counter() - started
    held_ids = {row_id for row_id, _, _ in killed.get("rows", [])}
    held_interviews = {
        int((p or {}).get("interview_id", -1))
        for _, k, p in killed.get("rows", [])
        if k in ("slack.card", "interview.score")
    }
    async with db.unit_of_work() as s:
        by_name = dict((await s.execute(select(Interview.id, Interview.external_id))).all())
        drafts = await s.scalar(select(func.count()).select_from(IngestionDraft))
        shortlists = await s.scalar(
            select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "candidate.shortlist")
        )
        dead = await s.scalar(
            select(func.count()).select_from(OutboxMessage).where(OutboxMessage.status == "dead")
        )
    posts = Counter()
    for c in slack.calls_to("chat.postMessage"):
        if c.args.get("channel") == HIRING:
            found = re.search(r"Bench Candidate (\d{5})", json.dumps(c.args))
            if found:
                posts[int(found.group(1))] += 1
    ext_to_id = {ext: iid for iid, ext in by_name.items()}
    replies = Counter(c.args["__url"] for c in slack.calls_to("response_url"))
    twice_cards = [
        n for n, k in posts.items() if k > 1 and ext_to_id.get(f"bench-{n}") not in held_interviews
    ]
    twice_in_flight = [
        n for n, k in posts.items() if k > 1 and ext_to_id.get(f"bench-{n}") in held_interviews
    ]
    lost = {
        "cards": sum(1 for n in run.interviews if posts[n] == 0),
        "replies": sum(1 for u, by in run.command_urls if replies[u] == 0 and by != killed.get("victim")),
        "clicks": max(0, run.clicks - shortlists),
        "drafts": max(0, resumes - drafts),
        "dead_rows": dead,
    }
    twice = {
        "cards": len(twice_cards),
        "replies": sum(1 for u, _ in run.command_urls if replies[u] > 1),
        "clicks": max(0, shortlists - run.clicks),
        "drafts": max(0, drafts - resumes),
    }
    return {
        "import_s": import_s,
        "last_card_s": last_card_s,
        "interviews": len(run.interviews),
        "lost": lost,
        "twice": twice,
        "failed_at_kill": run.failed_at_kill,
        "killed": {
            "victim": killed.get("victim"),
            "held_rows": len(held_ids),
            "held_kinds": dict(Counter(k for _, k, _ in killed.get("rows", []))),
            "held_cards_posted_twice": len(twice_in_flight),
            # Commands the killed replica acknowledged whose reply had not gone out yet: Bolt acknowledges
            # first and answers after, and Slack does not retry an acknowledged command, so the person
            # sees no answer and types it again.
            "acked_not_answered": sum(
                1 for u, by in run.command_urls if by == killed.get("victim") and replies[u] == 0
            ),
        }
        if killed
        else None,
    }


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default="postgresql://postgres@127.0.0.1:5432/test_i13a")
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--concurrency", type=int, default=12)
    parser.add_argument("--resumes", type=int, default=200)
    args = parser.parse_args()
    if not args.database_url.startswith("postgres"):
        print("replicas share one PostgreSQL: give --database-url postgresql://…", file=sys.stderr)
        return 2
    zip_bytes = build_resume_zip(args.resumes)
    results = []
    for name, count, kill in (("one", 1, False), ("two", 2, False), ("two-kill", 2, True)):
        result = await one_run(args, name, count, kill, zip_bytes)
        results.append(result)
        print(json.dumps(result))
    one, two = results[0], results[1]
    print(
        f"\none replica: {one['rps']:.1f} req/s, Slack ack p99 {one['slack_p99']:.0f} ms, API p99 {one['api_p99']:.0f} ms, "
        f"import {one['import_s']:.1f} s\ntwo replicas: {two['rps']:.1f} req/s ({two['rps'] / one['rps']:.2f}x), "
        f"Slack ack p99 {two['slack_p99']:.0f} ms, API p99 {two['api_p99']:.0f} ms, import {two['import_s']:.1f} s"
    )
    k = results[2]
    print(
        f"two replicas, one SIGKILLed half-way: lost {sum(k['lost'].values())} {k['lost']}, handled twice "
        f"{sum(k['twice'].values())} {k['twice']}; in flight on the killed replica: {k['killed']}; "
        f"requests it took and never answered: {k['failed_at_kill']}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
