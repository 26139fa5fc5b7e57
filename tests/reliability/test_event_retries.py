"""Slack's retries of an event: a delivery that failed is done by the retry; one that succeeded is not
done twice; a claim left behind by a process that died is taken over once it is stale."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from milobot.db.models import ProcessedEvent
from milobot.db.types import utcnow
from milobot.services.events import CLAIM_TTL
from tests.conftest import ADMIN
from tests.fakes import payloads
from tests.ingestion.support import batches, corpus_pdfs, make_agent, register, review_ready


def _envelope(milo, file: dict) -> dict:
    return payloads.message_im_with_files(milo.slack.team_id, ADMIN, "D0ADMIN001", [file])


async def _claim(milo, event_id: str) -> ProcessedEvent | None:
    async with milo.container.db.unit_of_work() as s:
        return await s.scalar(select(ProcessedEvent).where(ProcessedEvent.event_id == event_id))


async def test_a_failed_first_delivery_is_imported_on_slacks_retry(milo, slack):
    await make_agent(milo)
    ((name, data, email),) = corpus_pdfs(1)
    file = register(slack, name, data)
    envelope = _envelope(milo, file)
    slack.inject_error("files.info", "internal_error")  # Slack has a bad second on the first try

    first = await milo.event(envelope)
    assert first.status == 500  # so Slack retries it
    assert await batches(milo) == []
    assert await _claim(milo, envelope["event_id"]) is None  # released for the retry
    # The person is not told "something went wrong" about a delivery Slack is about to retry.
    assert not slack.calls_to("chat.postMessage") and not slack.calls_to("chat.postEphemeral")

    retry = await milo.event(envelope, retry_num=1, retry_reason="http_error")
    assert retry.status == 200
    batch, message = await review_ready(milo, slack)
    assert email in str(message["blocks"])
    claim = await _claim(milo, envelope["event_id"])
    assert claim is not None and claim.completed_at is not None


async def test_a_successful_delivery_is_not_imported_twice(milo, slack):
    await make_agent(milo)
    ((name, data, _),) = corpus_pdfs(1)
    envelope = _envelope(milo, register(slack, name, data))
    assert (await milo.event(envelope)).status == 200
    await review_ready(milo, slack)
    mark = slack.mark()
    for retry in (1, 2, 3):
        assert (await milo.event(envelope, retry_num=retry, retry_reason="http_timeout")).status == 200
    assert len(await batches(milo)) == 1
    assert not [c for c in slack.calls[mark:] if c.method == "files.info"]  # dropped before any work


async def test_a_claim_left_by_a_dead_process_is_taken_over_once_stale(milo, slack):
    await make_agent(milo)
    ((name, data, email),) = corpus_pdfs(1)
    envelope = _envelope(milo, register(slack, name, data))
    # What a replica that died after claiming, before its listener finished, leaves behind.
    async with milo.container.db.unit_of_work() as s:
        s.add(
            ProcessedEvent(
                event_id=envelope["event_id"],
                team_id=slack.team_id,
                claimed_by="dead-replica",
                received_at=utcnow() - timedelta(seconds=5),
            )
        )
    # While the claim is fresh, a retry is asked to come back later (not 200, which ends Slack's retries).
    busy = await milo.event(envelope, retry_num=1, retry_reason="http_timeout")
    assert busy.status == 503
    assert await batches(milo) == []

    async with milo.container.db.unit_of_work() as s:
        row = await s.get(ProcessedEvent, envelope["event_id"])
        row.received_at = utcnow() - CLAIM_TTL - timedelta(seconds=1)
    taken = await milo.event(envelope, retry_num=2, retry_reason="http_timeout")
    assert taken.status == 200
    batch, message = await review_ready(milo, slack)
    assert email in str(message["blocks"])
    claim = await _claim(milo, envelope["event_id"])
    assert claim.claimed_by != "dead-replica" and claim.completed_at is not None
