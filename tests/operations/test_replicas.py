"""Two real `milobot serve` processes on one PostgreSQL, behind a round-robin (the test alternates between
them, and skips one that is down, as a load balancer does). They share Slack events, commands and button
clicks, interview results from the inbound API, the outbox and extraction. One is killed with SIGKILL in
the middle of a run, holding an import it is extracting and outbox rows it is delivering: the other takes
both over, and at the end nothing is lost and nothing was handled twice."""

from __future__ import annotations

import asyncio
import itertools
import json
import signal

import aiohttp
import pytest
from sqlalchemy import func, select

from milobot.db.engine import Database
from milobot.db.models import (
    Agent,
    AgentVersion,
    AuditEntry,
    Candidate,
    IngestionBatch,
    IngestionDraft,
    Interview,
    OutboxMessage,
)
from milobot.ids import Action
from milobot.metadata import InterviewRef, encode
from milobot.services.workspaces import get_or_create_workspace
from tests.conftest import ADMIN, PG_URL
from tests.fakes import payloads, signing
from tests.harness import SIGNING_SECRET
from tests.ingestion.support import ADMIN_DM, corpus_pdfs, make_zip, register
from tests.interview_web.helpers import GOOD_ANSWERS, QUESTIONS_V1
from tests.operations.support import HeldSlack, ServeProcess, serve_env, until

pytestmark = pytest.mark.skipif(
    not (PG_URL or "").startswith("postgres"),
    reason="replicas share one PostgreSQL; set MILOBOT_TEST_DATABASE_URL=postgresql://… to run",
)

HIRING = "C0HIRING01"
OPS = "C0OPS00001"
KEY_PREFIX = "milo_"


class RoundRobin:
    """Sends each request to the next replica; a replica that refuses the connection (it is down) is
    skipped and the request goes to the next one, as nginx's proxy_next_upstream does."""

    def __init__(self, replicas: list[ServeProcess]):
        self.replicas = replicas
        self._next = itertools.cycle(range(len(replicas)))

    async def send(self, fn):
        for _ in range(len(self.replicas)):
            replica = self.replicas[next(self._next)]
            if replica.proc.poll() is not None:
                continue
            try:
                return await fn(replica.url)
            except aiohttp.ClientConnectorError:
                continue
        raise AssertionError("no replica answered")


async def seed_agent(db: Database, team_id: str) -> None:
    async with db.unit_of_work() as s:
        ws = await get_or_create_workspace(s, team_id)
        agent = Agent(
            workspace_id=ws.id, name="Site Reliability", share_token="share-tok-rep1", channel_id=HIRING
        )
        s.add(agent)
        await s.flush()
        s.add(AgentVersion(workspace_id=ws.id, agent_id=agent.id, version=1, questions=QUESTIONS_V1))


async def count(db: Database, model, *where) -> int:
    async with db.unit_of_work() as s:
        return await s.scalar(select(func.count()).select_from(model).where(*where))


def interview_body(n: int) -> dict:
    return {
        "external_id": f"replica-run-{n}",
        "agent_token": "share-tok-rep1",
        "candidate": {"name": f"Candidate {n:03d}", "email": f"candidate{n:03d}@example.com"},
        "transcript": [{"question": q["text"], "answer": a} for q, a in zip(QUESTIONS_V1, GOOD_ANSWERS)],
    }


class Load:
    """The requests a run sends, and what each must have caused exactly once."""

    def __init__(self, slack: HeldSlack, lb: RoundRobin, http: aiohttp.ClientSession, key: str):
        self.slack, self.lb, self.http, self.key = slack, lb, http, key
        self.interviews: list[int] = []
        self.command_urls: list[str] = []
        self.clicks = 0

    async def interview(self, n: int) -> None:
        async def send(url):
            async with self.http.post(
                f"{url}/api/v1/interviews",
                json=interview_body(n),
                headers={"Authorization": f"Bearer {self.key}"},
            ) as resp:
                assert resp.status in (200, 201), await resp.text()

        await self.lb.send(send)
        self.interviews.append(n)

    async def command(self) -> None:
        response_url = self.slack.new_response_url()

        async def send(url):
            resp = await signing.post_command(
                self.http,
                f"{url}/slack/events",
                SIGNING_SECRET,
                team_id=self.slack.team_id,
                user_id=ADMIN,
                text="help",
                channel_id=HIRING,
                response_url=response_url,
            )
            assert resp.status == 200

        await self.lb.send(send)
        self.command_urls.append(response_url)

    async def shortlist(self, interview: Interview) -> None:
        async def send(url):
            resp = await signing.post_interactive(
                self.http,
                f"{url}/slack/events",
                SIGNING_SECRET,
                payloads.block_actions(
                    self.slack.team_id,
                    ADMIN,
                    Action.CANDIDATE_SHORTLIST,
                    encode(InterviewRef(interview.id)),
                    channel_id=HIRING,
                    response_url=self.slack.new_response_url(kind="actions"),
                ),
            )
            assert resp.status == 200

        await self.lb.send(send)
        self.clicks += 1


async def test_two_replicas_share_the_work_and_a_sigkill_loses_nothing_and_doubles_nothing(
    database_url, tmp_path
):
    async with HeldSlack() as slack:
        # A private channel: cards there carry the candidate's name, which is how this test tells them
        # apart (in a public channel they would show initials; tests/privacy covers that).
        slack.add_channel(HIRING, "hiring", is_private=True, is_channel=False, is_group=True)
        await _run(slack, database_url, tmp_path)


async def _run(slack: HeldSlack, database_url: str, tmp_path) -> None:
    db = Database.from_url(database_url)
    await seed_agent(db, slack.team_id)
    env = serve_env(tmp_path, slack, database_url, MILOBOT_OUTBOX_LEASE="8", MILOBOT_EXTRACTION_LEASE="4")
    replicas = [ServeProcess(env, tmp_path, "replica-a"), ServeProcess(env, tmp_path, "replica-b")]
    await asyncio.gather(*(r.start() for r in replicas))
    lb = RoundRobin(replicas)
    try:
        async with aiohttp.ClientSession() as http:
            await _scenario(slack, db, replicas, lb, http)
    finally:
        for gate, _ in slack.gates.values():
            gate.set()
        for r in replicas:
            await r.stop()
        await db.dispose()
    for r in replicas:
        assert "Traceback" not in r.stderr() or r.proc.returncode == -signal.SIGKILL, r.stderr()


async def _scenario(slack, db, replicas, lb, http) -> None:
    # An API key, made through Slack on whichever replica the round-robin picks.
    response_url = slack.new_response_url()
    await lb.send(
        lambda url: signing.post_command(
            http,
            f"{url}/slack/events",
            SIGNING_SECRET,
            team_id=slack.team_id,
            user_id=ADMIN,
            text="apikey create engine",
            response_url=response_url,
        )
    )
    reply = await slack.wait_for("response_url", lambda c: KEY_PREFIX in c.args.get("text", ""), timeout=20)
    key = next(w.strip("`*") for w in reply.args["text"].split() if w.strip("`*").startswith(KEY_PREFIX))
    load = Load(slack, lb, http, key)

    # Phase 1, both replicas up: interviews, commands and clicks alternate between them.
    for n in range(6):
        await load.interview(n)
        await load.command()

    async def all_cards(expected: int):
        async def done():
            return await count(db, Interview, Interview.card_ts.is_not(None)) == expected

        return done

    await until(await all_cards(6), timeout=30, what="six cards")
    async with db.unit_of_work() as s:
        first = list((await s.scalars(select(Interview).order_by(Interview.id).limit(3))).all())
    for interview in first:
        await load.shortlist(interview)

    # Phase 2: a run one replica dies in the middle of. Slack is slow on files.info and on posts to
    # #ops, so an import and some outbox rows are held in flight when the kill comes.
    # (The DM's listener asks files.info once before the import opens; extraction asks again: held.)
    asked = itertools.count()
    slack.hold("files.info", lambda args: next(asked) >= 1)
    slack.hold("chat.postMessage", lambda args: args.get("channel") == OPS)
    pdfs = corpus_pdfs(8)
    zipped = register(slack, "eight.zip", make_zip([(n, d) for n, d, _ in pdfs]), "application/zip")
    envelope = payloads.message_im_with_files(slack.team_id, ADMIN, ADMIN_DM, [zipped])
    await lb.send(lambda url: signing.post_event(http, f"{url}/slack/events", SIGNING_SECRET, envelope))
    await asyncio.wait_for(slack.arrived["files.info"].wait(), 20)
    await slack.wait_for("chat.postMessage", lambda c: c.args["channel"] == ADMIN_DM, timeout=20)
    async with db.unit_of_work() as s:
        ws = await get_or_create_workspace(s, slack.team_id)
        for n in range(5):
            s.add(
                OutboxMessage(
                    workspace_id=ws.id, kind="slack.post", payload={"channel": OPS, "text": f"ops {n}"}
                )
            )
    await asyncio.wait_for(slack.arrived["chat.postMessage"].wait(), 20)

    async with db.unit_of_work() as s:
        batch = await s.scalar(select(IngestionBatch))
        held_rows = (
            await s.scalars(select(OutboxMessage.claimed_by).where(OutboxMessage.status == "pending"))
        ).all()
    victim = next(r for r in replicas if f":{r.proc.pid}:" in (batch.extraction_claimed_by or ""))
    survivor = next(r for r in replicas if r is not victim)
    in_flight_rows = sum(1 for h in held_rows if h and f":{victim.proc.pid}:" in h)
    victim.kill()  # mid-import, mid-delivery: no shutdown, no goodbye

    async def hung_up():  # its held calls to Slack are seen to die with it, so none is carried out
        return slack.callers_gone() >= 1 + (1 if in_flight_rows else 0)

    await until(hung_up, timeout=10, what="the killed replica's connections to Slack closed")
    for gate, _ in slack.gates.values():
        gate.set()

    # The run goes on through the survivor: more interviews, commands and clicks.
    for n in range(6, 12):
        await load.interview(n)
        await load.command()
    async with db.unit_of_work() as s:
        later = list((await s.scalars(select(Interview).order_by(Interview.id).offset(3).limit(2))).all())
    for interview in later:
        await load.shortlist(interview)

    # Nothing lost: every card, every reply, every #ops post, the whole import.
    await until(await all_cards(12), timeout=60, what="twelve cards")

    async def ops_posted():
        return len([c for c in slack.calls_to("chat.postMessage") if c.args["channel"] == OPS]) >= 5

    await until(ops_posted, timeout=60, what="the five #ops posts, those of the dead replica included")

    async def imported():
        async with db.unit_of_work() as s:
            b = await s.scalar(select(IngestionBatch))
        return b.status == "review" and b.message_ts

    await until(imported, timeout=90, what="the import taken over and opened for review")

    async def replied():
        answered = [c.args["__url"] for c in slack.calls_to("response_url")]
        return all(url in answered for url in load.command_urls)

    await until(replied, what="a reply to every command")

    # Nothing handled twice.
    cards = [c for c in slack.calls_to("chat.postMessage") if c.args["channel"] == HIRING]
    posted = sorted(n for c in cards for n in range(12) if f"Candidate {n:03d}" in json.dumps(c.args))
    assert posted == list(range(12)), f"cards posted: {posted}"
    ops = sorted(c.args["text"] for c in slack.calls_to("chat.postMessage") if c.args["channel"] == OPS)
    assert ops == [f"ops {n}" for n in range(5)], ops
    answered = [c.args["__url"] for c in slack.calls_to("response_url")]
    assert sorted(u for u in answered if u in load.command_urls) == sorted(load.command_urls)
    assert await count(db, Interview) == 12 and await count(db, Candidate) == 12
    assert await count(db, AuditEntry, AuditEntry.action == "candidate.shortlist") == load.clicks == 5
    async with db.unit_of_work() as s:
        profiles = (await s.scalars(select(IngestionDraft.profile))).all()
    assert sorted(p["email"].lower() for p in profiles) == sorted(e for _, _, e in pdfs)
    reading = [c for c in slack.calls_to("chat.postMessage") if c.args["channel"] == ADMIN_DM]
    assert len(reading) == 1, [c.args.get("text") for c in reading]  # one review message, updated in place

    async def settled():
        return await count(db, OutboxMessage, OutboxMessage.status == "pending") == 0

    await until(settled, timeout=30, what="the outbox emptied")
    async with db.unit_of_work() as s:
        dead = (
            await s.execute(
                select(OutboxMessage.kind, OutboxMessage.last_error).where(OutboxMessage.status == "dead")
            )
        ).all()
    assert not dead, dead
    # The killed replica held the import and outbox rows when it died; the survivor did their work.
    assert survivor.proc.poll() is None and victim.proc.returncode == -signal.SIGKILL
    assert in_flight_rows >= 0 and slack.dropped is not None
