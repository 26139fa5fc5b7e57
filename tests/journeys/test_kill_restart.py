"""A real `milobot serve` process killed with SIGKILL between extraction and approval: the review survives
and completes on the next process, because everything it needs was in the database and data folder."""

from __future__ import annotations

import os

import aiohttp
import pytest
from sqlalchemy import func, select

from milobot.db.engine import Database
from milobot.db.models import Agent, AgentVersion, Candidate, IngestionBatch
from milobot.ids import Action
from milobot.services.workspaces import get_or_create_workspace
from tests.conftest import ADMIN
from tests.fakes import payloads, signing
from tests.harness import SECRET_KEY, SIGNING_SECRET
from tests.ingestion.support import ADMIN_DM, buttons, click, corpus_pdfs, make_zip, register
from tests.operations.support import ServeProcess, until


@pytest.fixture
async def serve_env(tmp_path, slack, database_url):
    env = {
        **os.environ,
        "SLACK_BOT_TOKEN": slack.bot_token,
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_API_URL": slack.url,
        "DATABASE_URL": database_url,
        "MILOBOT_DATA_DIR": str(tmp_path / "data"),
        "MILOBOT_ADMINS": ADMIN,
        "MILOBOT_PUBLIC_URL": "http://milobot.test",
        "MILOBOT_SECRET_KEY": SECRET_KEY,  # required on PostgreSQL
    }
    return env


async def test_sigkill_between_extraction_and_approval_loses_nothing(
    serve_env, slack, database_url, tmp_path
):
    db = Database.from_url(database_url)
    async with db.unit_of_work() as s:
        ws = await get_or_create_workspace(s, slack.team_id)
        agent = Agent(
            workspace_id=ws.id, name="Data Analyst", share_token="tok-kill-1", channel_id="C0HIRING01"
        )
        s.add(agent)
        await s.flush()
        s.add(AgentVersion(workspace_id=ws.id, agent_id=agent.id, version=1, questions=[]))
    pdfs = corpus_pdfs(3)
    file = register(slack, "three.zip", make_zip([(name, data) for name, data, _ in pdfs]), "application/zip")

    first = ServeProcess(serve_env, tmp_path, "first")
    await first.start()
    try:
        async with aiohttp.ClientSession() as http:
            envelope = payloads.message_im_with_files(slack.team_id, ADMIN, ADMIN_DM, [file])
            resp = await signing.post_event(http, f"{first.url}/slack/events", SIGNING_SECRET, envelope)
            assert resp.status == 200

        async def in_review():
            async with db.unit_of_work() as s:
                batch = await s.scalar(select(IngestionBatch))
            if batch is None or batch.status != "review" or not batch.message_ts:
                return None
            message = slack.message(batch.channel_id, batch.message_ts)
            return message if message and buttons(message, Action.REVIEW_APPROVE_ALL) else None

        message = await until(in_review, what="the review message")
    finally:
        first.kill()  # no shutdown hooks, no goodbye: the process is simply gone

    second = ServeProcess(serve_env, tmp_path, "second")
    await second.start()
    try:
        (approve_all,) = buttons(message, Action.REVIEW_APPROVE_ALL)
        async with aiohttp.ClientSession() as http:
            resp = await signing.post_interactive(
                http, f"{second.url}/slack/events", SIGNING_SECRET, click(slack, message, approve_all)
            )
            assert resp.status == 200

        async def created():
            async with db.unit_of_work() as s:
                return await s.scalar(select(func.count()).select_from(Candidate)) == 3

        await until(created, what="three candidates")
        async with db.unit_of_work() as s:
            emails = set((await s.scalars(select(Candidate.email_normalized))).all())
            batch = await s.scalar(select(IngestionBatch))
        assert emails == {email for _, _, email in pdfs}
        assert batch.status == "done" and batch.created_count == 3
    finally:
        await second.stop()
        await db.dispose()
