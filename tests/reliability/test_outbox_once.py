"""The outbox: a delivery slower than its lease happens once with two workers; one slow row does not
hold up the rows claimed with it, while rows for the same Slack target keep their order; a retried post
whose first answer was lost is found rather than posted again; e-mail retries keep one Message-ID."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import update

from milobot.db.models import OutboxMessage
from milobot.db.types import utcnow
from milobot.jobs.outbox import Delivery, OutboxWorker
from milobot.mail import Mailer
from milobot.services import outbox
from milobot.services.workspaces import get_or_create_workspace
from milobot.slack.deliver import SlackDeliverers


async def _enqueue(milo, kind: str, payload: dict) -> int:
    async with milo.container.db.unit_of_work() as s:
        ws = await get_or_create_workspace(s, milo.slack.team_id)
        row = outbox.enqueue(s, workspace_id=ws.id, kind=kind, payload=payload)
        await s.flush()
        return row.id


async def _row(milo, row_id: int) -> OutboxMessage:
    async with milo.container.db.unit_of_work() as s:
        return await s.get(OutboxMessage, row_id)


async def _two_workers(milo, lease: timedelta) -> list[OutboxWorker]:
    """Two replicas' workers on the same database, with real Slack deliverers (the app's own is stopped)."""
    await milo.container.outbox.stop()
    workers = []
    for _ in range(2):
        worker = OutboxWorker(milo.container.db, poll_seconds=0.05, lease=lease)
        SlackDeliverers(milo.runtime.slack_clients).install(worker)
        worker.start()
        workers.append(worker)
    return workers


async def test_a_delivery_slower_than_a_shortened_lease_happens_once_with_two_workers(milo, slack):
    # Short enough to run out several times over while Slack holds the post; long enough that a
    # heartbeat every lease/3 is not starved on a machine shared by several test suites.
    lease = timedelta(seconds=1.2)
    workers = await _two_workers(milo, lease)
    gate = slack.hold("chat.postMessage")  # Slack takes its time answering
    try:
        row_id = await _enqueue(milo, outbox.SLACK_POST, {"channel": "C0NOTICE01", "text": "Slow hello"})
        await slack.wait_for("chat.postMessage")
        first = await _row(milo, row_id)
        holder = first.claimed_by

        async def renewed_well_past_the_lease():
            row = await _row(milo, row_id)
            assert row.claimed_by == holder  # the other worker never took it over
            return row.claimed_until > first.claimed_until + 3 * lease

        # Both workers keep sweeping every 50 ms while the lease is renewed several times over.
        await milo.wait_until(renewed_well_past_the_lease, timeout=15)
        gate.set()

        async def done():
            return (await _row(milo, row_id)).status == "done"

        await milo.wait_until(done, timeout=10)
        assert len(slack.calls_to("chat.postMessage")) == 1
        assert [m["text"] for m in slack.messages["C0NOTICE01"].values()] == ["Slow hello"]
        row = await _row(milo, row_id)
        assert row.attempts == 1 and row.claimed_by is None
    finally:
        gate.set()  # never leave the fake holding a request (its shutdown would wait for it)
        for worker in workers:
            await worker.stop()


async def test_one_slow_row_does_not_block_others_and_one_channel_keeps_its_order(milo, slack):
    workers = await _two_workers(milo, timedelta(seconds=30))
    gate = slack.hold("chat.postMessage", lambda args: args["channel"] == "C0SLOW0001")
    try:
        slow = await _enqueue(milo, outbox.SLACK_POST, {"channel": "C0SLOW0001", "text": "first in slow"})
        after = await _enqueue(milo, outbox.SLACK_POST, {"channel": "C0SLOW0001", "text": "second in slow"})
        other = await _enqueue(milo, outbox.SLACK_POST, {"channel": "C0FAST0001", "text": "elsewhere"})
        await slack.wait_for("chat.postMessage", lambda c: c.args["channel"] == "C0FAST0001")

        async def other_done():
            return (await _row(milo, other)).status == "done"

        await milo.wait_until(other_done)
        # The slow channel's first message is held at Slack (its request may land after the other
        # channel's whole delivery), and its second waits for it, on both workers.
        await slack.wait_for("chat.postMessage", lambda c: c.args["channel"] == "C0SLOW0001")
        slow_calls = [
            c.args["text"] for c in slack.calls_to("chat.postMessage") if c.args["channel"] == "C0SLOW0001"
        ]
        assert slow_calls == ["first in slow"]
        assert (await _row(milo, after)).status == "pending"
        gate.set()

        async def both_done():
            return all([(await _row(milo, r)).status == "done" for r in (slow, after)])

        await milo.wait_until(both_done, timeout=10)
        texts = [
            m["text"] for m in sorted(slack.messages["C0SLOW0001"].values(), key=lambda m: float(m["ts"]))
        ]
        assert texts == ["first in slow", "second in slow"]
    finally:
        gate.set()  # never leave the fake holding a request (its shutdown would wait for it)
        for worker in workers:
            await worker.stop()


async def test_a_dm_whose_answer_was_lost_is_found_on_retry_not_posted_twice(milo, slack):
    slack.inject_lost_answer("chat.postMessage")  # the DM lands; the answer never comes back
    row_id = await _enqueue(milo, outbox.SLACK_DM, {"user": "UCANDY0001", "text": "Welcome aboard"})

    async def failed_once():
        row = await _row(milo, row_id)
        return row.attempts == 1 and row.status == "pending"

    await milo.wait_until(failed_once, timeout=10)
    async with milo.container.db.unit_of_work() as s:  # skip the backoff
        await s.execute(
            update(OutboxMessage).where(OutboxMessage.id == row_id).values(next_attempt_at=utcnow())
        )
    milo.container.outbox.kick()

    async def done():
        return (await _row(milo, row_id)).status == "done"

    await milo.wait_until(done, timeout=10)
    history = await slack.wait_for("conversations.history")
    assert history.args["include_all_metadata"] in (True, "true", "1", 1)
    [dm] = [
        ch for ch, msgs in slack.messages.items() if any(m["text"] == "Welcome aboard" for m in msgs.values())
    ]
    assert len(slack.messages[dm]) == 1  # one message: the retry found it and did not post
    assert len(slack.calls_to("chat.postMessage")) == 1
    row = await _row(milo, row_id)
    assert row.result["ts"] == next(iter(slack.messages[dm]))
    [message] = slack.messages[dm].values()
    assert message["metadata"] == {"event_type": "milobot_outbox", "event_payload": {"outbox_id": row_id}}


async def test_every_retry_of_an_email_carries_the_same_message_id(smtp):
    mailer = Mailer(smtp.url, sender="milobot <no-reply@hiring.example>")
    item = Delivery(
        42,
        1,
        "T0MILO0001",
        outbox.EMAIL,
        {"to": "ada@example.com", "subject": "Your interview\r\nBcc: everyone@example.com", "text": "Hi"},
        attempts=0,
    )
    await mailer.deliver(item)
    await mailer.deliver(Delivery(**{**item.__dict__, "attempts": 1, "retried": True}))
    first, second = await smtp.wait_for_messages(2)
    assert first["Message-ID"] == second["Message-ID"] == "<milobot.outbox.42@hiring.example>"
    assert first["Subject"] == "Your interview Bcc: everyone@example.com"  # no injected header
    assert first["Bcc"] is None and smtp.envelopes[0].rcpt_tos == ["ada@example.com"]


@pytest.mark.parametrize(
    ("sender", "address", "name"),
    [
        ("Acme, Inc. Hiring <jobs@acme.example>", "jobs@acme.example", "Acme, Inc. Hiring"),
        ('"Acme, Inc." <jobs@acme.example>', "jobs@acme.example", "Acme, Inc."),
        ("Équipe RH <rh@acme.example>", "rh@acme.example", "Équipe RH"),
        ("jobs@acme.example", "jobs@acme.example", ""),
    ],
)
async def test_a_sender_name_with_a_comma_stays_one_sender(smtp, sender, address, name):
    """MILOBOT_MAIL_FROM="Acme, Inc. Hiring <jobs@…>", a company's name as written: the comma made it two
    mailboxes, "Acme" and "Inc. Hiring <jobs@…>", and the envelope sender "Acme", which a real server
    refuses (501), so no invitation or nudge went out."""
    mailer = Mailer(smtp.url, sender=sender)
    await mailer.send(to="ada@example.com", subject="Hi", text="Hi", message_id=mailer.message_id(7))
    [message] = await smtp.wait_for_messages(1)
    assert smtp.envelopes[0].mail_from == address
    [mailbox] = message["From"].addresses
    assert (mailbox.addr_spec, mailbox.display_name) == (address, name)
    assert message["Message-ID"] == f"<milobot.outbox.7@{address.split('@')[1]}>"
