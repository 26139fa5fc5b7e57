"""GET /metrics over real HTTP: what is counted, what is read from the database, the bearer token, and
that nothing about a candidate (or any secret) reaches the output."""

from __future__ import annotations

from datetime import timedelta

import pytest
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy import select

from milobot.db.models import Candidate, IngestionBatch, IngestionFile, OutboxMessage
from milobot.db.types import utcnow
from milobot.services.workspaces import get_or_create_workspace
from tests.interview_web.helpers import make_agent, posted_card
from tests.interview_web.test_inbound_api import body, new_key, post


async def scrape(milo, **headers) -> tuple[int, str]:
    async with milo.http.get(f"{milo.base_url}/metrics", headers=headers) as resp:
        return resp.status, await resp.text()


def samples(text: str) -> dict[tuple[str, tuple], float]:
    found = {}
    for family in text_string_to_metric_families(text):
        for s in family.samples:
            found[(s.name, tuple(sorted(s.labels.items())))] = s.value
    return found


def value(text: str, name: str, **labels) -> float:
    return samples(text).get((name, tuple(sorted(labels.items()))), 0.0)


async def test_requests_by_route_slack_calls_and_no_candidate_data(milo, slack):
    await make_agent(milo)
    key = await new_key(milo)
    status, created = await post(milo, body(), key)
    assert status == 201
    await posted_card(milo)
    async with milo.container.db.unit_of_work() as s:
        candidate = await s.scalar(select(Candidate))
    page = await milo.get(f"/i/{candidate.token}")
    assert page.status == 200
    assert (await milo.get("/no/such/path/ada@example.com")).status == 404

    status, text = await scrape(milo)
    assert status == 200
    assert value(text, "milobot_http_requests_total", method="GET", route="/i/{token}", status="200") == 1
    assert (
        value(text, "milobot_http_requests_total", method="POST", route="/api/v1/interviews", status="201")
        == 1
    )
    assert value(text, "milobot_http_requests_total", method="GET", route="unmatched", status="404") == 1
    # The /milo apikey command was acknowledged through /slack/events, and timed.
    assert (
        value(text, "milobot_http_request_duration_seconds_count", method="POST", route="/slack/events") >= 1
    )
    # Slack calls counted by method: the card's post went out, through the outbox.
    assert value(text, "milobot_slack_api_calls_total", method="chat.postMessage", outcome="ok") >= 1
    assert value(text, "milobot_outbox_deliveries_total", kind="slack.card", outcome="ok") >= 1

    # Nothing that identifies the candidate or opens anything: not the name, the address, the phone,
    # the personal link's token, the API key, the bot token or the signing secret.
    person = body()["candidate"]
    for secret in (
        person["name"],
        person["email"],
        person["phone"],
        "ada@example.com",
        candidate.token,
        key,
        key.split("_")[1],
        slack.bot_token,
        milo.settings.slack_signing_secret,
    ):
        assert secret not in text, secret
    assert "@" not in text


async def test_slack_429s_are_counted_and_the_call_still_goes_through(milo, slack):
    slack.inject_429("chat.postEphemeral", times=1, retry_after=1)
    client = await milo.runtime.slack_clients.for_team(slack.team_id)
    await client.chat_postEphemeral(channel="C0CHAN0001", user="UADMIN0001", text="hello")
    _, text = await scrape(milo)
    assert value(text, "milobot_slack_api_ratelimited_total", method="chat.postEphemeral") == 1
    assert (
        value(text, "milobot_slack_api_calls_total", method="chat.postEphemeral", outcome="ratelimited") == 1
    )
    assert value(text, "milobot_slack_api_calls_total", method="chat.postEphemeral", outcome="ok") == 1
    # Bolt's own per-request clients (made per request from the app's client) are counted too.
    await milo.command("agent new", user="UADMIN0001")
    await slack.wait_for("views.open")
    _, text = await scrape(milo)
    assert value(text, "milobot_slack_api_calls_total", method="views.open", outcome="ok") == 1
    # An `ok: false` answer is an error, not a success.
    slack.inject_error("chat.postEphemeral", "channel_not_found")
    with pytest.raises(Exception, match="channel_not_found"):
        await client.chat_postEphemeral(channel="C0NOPE0001", user="UADMIN0001", text="hello")
    _, text = await scrape(milo)
    assert value(text, "milobot_slack_api_calls_total", method="chat.postEphemeral", outcome="error") == 1


async def test_outbox_depth_age_extraction_queue_and_open_imports(milo, slack):
    now = utcnow()
    async with milo.container.db.unit_of_work() as s:
        ws = await get_or_create_workspace(s, slack.team_id)
        # Not due yet, and due an hour ago but held by another replica: both pending, neither ours now.
        s.add(
            OutboxMessage(
                workspace_id=ws.id, kind="email", payload={}, next_attempt_at=now + timedelta(hours=1)
            )
        )
        s.add(
            OutboxMessage(
                workspace_id=ws.id,
                kind="slack.post",
                payload={},
                created_at=now - timedelta(hours=1),
                next_attempt_at=now - timedelta(hours=1),
                claimed_by="elsewhere",
                claimed_until=now + timedelta(hours=1),
            )
        )
        s.add(OutboxMessage(workspace_id=ws.id, kind="slack.post", payload={}, status="dead"))
        extracting = IngestionBatch(workspace_id=ws.id, uploaded_by="UADMIN0001", status="extracting")
        review = IngestionBatch(workspace_id=ws.id, uploaded_by="UADMIN0001", status="review")
        done = IngestionBatch(workspace_id=ws.id, uploaded_by="UADMIN0001", status="done")
        s.add_all([extracting, review, done])
        await s.flush()
        for n in range(
            3
        ):  # files of an import that a replica is still reading (no Slack file: never fetched)
            s.add(IngestionFile(workspace_id=ws.id, batch_id=extracting.id, filename=f"cv{n}.pdf"))
        s.add(IngestionFile(workspace_id=ws.id, batch_id=review.id, filename="done.pdf", outcome="ok"))

    _, text = await scrape(milo)
    assert value(text, "milobot_outbox_depth", kind="email") == 1
    assert value(text, "milobot_outbox_depth", kind="slack.post") == 1
    assert 3590 <= value(text, "milobot_outbox_oldest_age_seconds") <= 3700
    assert value(text, "milobot_outbox_dead") == 1
    assert value(text, "milobot_extraction_queue_files") == 3
    assert value(text, "milobot_open_imports", status="extracting") == 1
    assert value(text, "milobot_open_imports", status="review") == 1
