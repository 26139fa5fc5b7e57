"""Candidate e-mails the mail server refuses, over the wire: a real SMTP server (tests/fakes/smtp.py)
answers 550 to one address and 451 for a while to another. A 550 is final: one attempt, the person who
sent the invitation or the nudge hears it in a DM, the profile's history says it, and a refused nudge
doesn't count toward the cap. A 451 is retried and then delivered, with no DM. Another workspace, even
with the same admin, hears nothing."""

from __future__ import annotations

from datetime import timedelta

import aiosmtplib
import pytest
from sqlalchemy import select, update

from milobot.db.models import AuditEntry, OutboxMessage
from milobot.db.types import utcnow
from milobot.ids import Block, CandidateAction, Input, ProfileAction, ProfileView, View
from milobot.jobs.outbox import Delivery, PermanentFailure
from milobot.mail import Mailer, MailRefused, failure_words
from milobot.metadata import AgentRef, CandidateRef, ModalContext, encode
from milobot.services.candidate_records import new_candidate
from milobot.services.workspaces import get_or_create_workspace
from tests.agents.support import submit
from tests.candidates_review.support import (
    OTHER_TEAM,
    Clock,
    Reviewer,
    add_members,
    buttons,
    candidate,
    invited_candidate,
    text_of,
)
from tests.conftest import ADMIN
from tests.fakes import payloads
from tests.fakes.smtp import FakeSMTP
from tests.interview_web.helpers import make_agent

# The outbox logs an e-mail it gives up on at ERROR (an operator reads it); here that is the point.
pytestmark = pytest.mark.expected_errors(r"\(email\) gave up after")

PASSWORD = "s3cret-smtp-pw"
REFUSAL = "550 5.1.1 <gone@example.com>: Recipient address rejected: mailbox unavailable"


@pytest.fixture
async def smtp():
    async with FakeSMTP(username="milo", password=PASSWORD) as server:
        yield server


@pytest.fixture
def settings_overrides(smtp) -> dict:
    return {"smtp_url": f"smtp://milo:{PASSWORD}@{smtp.host}:{smtp.port}"}


async def email_rows(milo, to: str) -> list[OutboxMessage]:
    async with milo.container.db.unit_of_work() as s:
        rows = (await s.scalars(select(OutboxMessage).where(OutboxMessage.kind == "email"))).all()
    return [r for r in rows if r.payload.get("to") == to]


async def settled(milo, to: str, status: str) -> OutboxMessage | None:
    rows = await email_rows(milo, to)
    return rows[0] if rows and rows[0].status == status else None


async def failures_of(milo, candidate_id: int) -> list[dict]:
    async with milo.container.db.unit_of_work() as s:
        rows = (
            await s.scalars(
                select(AuditEntry).where(
                    AuditEntry.action == "candidate.email_failed",
                    AuditEntry.target_id == str(candidate_id),
                )
            )
        ).all()
    return [dict(r.detail) for r in rows]


def dms(slack, team: str | None = None) -> list:
    return [
        c
        for c in slack.calls_to("chat.postMessage")
        if c.args["channel"].startswith("D") and (team is None or c.team_id == team)
    ]


async def test_a_refused_nudge_is_sent_once_told_to_its_sender_shown_in_history_and_not_counted(
    milo, slack, smtp
):
    clock = Clock(milo)
    agent_id = await make_agent(milo, name="Warehouse Lead")
    gone = await invited_candidate(
        milo, agent_id=agent_id, name="Ivy <!channel> *Gone*", email="gone@example.com"
    )
    smtp.refuse("gone@example.com", REFUSAL)

    # The same admin runs another workspace, where a nudge of their own goes through.
    slack.add_workspace(OTHER_TEAM, "xoxb-fake-T0OTHER001")
    await add_members(milo, [ADMIN], role="admin", team=OTHER_TEAM)
    other_agent = await make_agent(milo, team_id=OTHER_TEAM, share_token="share-tok-0002")
    async with milo.container.db.unit_of_work() as s:
        ws = await get_or_create_workspace(s, OTHER_TEAM)
        row = new_candidate(
            s, workspace_id=ws.id, agent_id=other_agent, name="Ivy Elsewhere", email="ivy@example.com"
        )
        await s.flush()
        elsewhere = row.id

    admin = Reviewer(milo, ADMIN)
    await admin.open_profile(gone)
    mark = slack.mark()
    await admin.click(ProfileAction.NUDGE)
    other_admin = Reviewer(milo, ADMIN, team=OTHER_TEAM)
    await other_admin.open_profile(elsewhere)
    await other_admin.click(ProfileAction.NUDGE)
    await smtp.wait_for_message(lambda m: m["To"] == "ivy@example.com")

    dm = await slack.wait_for(
        "chat.postMessage", lambda c: c.args["channel"].startswith("D"), since=mark, timeout=10
    )
    assert dm.team_id == slack.team_id
    assert slack.calls_to("conversations.open")[-1].args["users"] == ADMIN
    shown = dm.args["text"] + text_of(dm.args["blocks"])
    assert "reminder e-mail" in shown and "gone@example.com" in shown
    assert "refused by the mail server (550 5.1.1" in shown and "mailbox unavailable" in shown
    assert "(550 5.1.1 &lt;gone@example" in shown and "&gt;: Recipient" in shown  # escaped for mrkdwn
    assert "*Edit contact* on their profile" in shown  # where to go with the right address
    assert "<!channel>" not in shown and "&lt;!channel&gt;" in shown
    assert "Gone*" not in shown  # the name's asterisk at a word's edge can't close our bold
    assert PASSWORD not in shown and str(smtp.port) not in shown and "127.0.0.1" not in shown
    assert buttons(dm.args["blocks"])[CandidateAction.PROFILE]["value"] == encode(CandidateRef(gone))

    # One attempt: a 550 is not retried.
    row = await milo.wait_until(lambda: settled(milo, "gone@example.com", "dead"))
    assert row.attempts == 1 and smtp.attempts_for("gone@example.com") == 1
    assert PASSWORD not in (row.last_error or "")

    # The profile's history says it, and the refused nudge doesn't count toward the three.
    reopened = await admin.open_profile(gone)
    history = text_of(reopened)
    assert "Reminder to gone@example.com was refused by the mail server (550 5.1.1" in history
    row_now = await candidate(milo, gone)
    assert row_now.nudge_count == 0 and row_now.last_nudged_at is None
    assert "Nudged 1 of 3" not in history

    # So the next nudge may go at once (it is refused again, and told again).
    clock.advance(minutes=5)
    mark = slack.mark()
    await admin.click(ProfileAction.NUDGE)
    await slack.wait_for(
        "chat.postMessage", lambda c: c.args["channel"].startswith("D"), since=mark, timeout=10
    )
    assert len(await failures_of(milo, gone)) == 2 and (await candidate(milo, gone)).nudge_count == 0

    # The other workspace: delivered, counted, nothing in its history, no DM there.
    assert await failures_of(milo, elsewhere) == []
    assert (await candidate(milo, elsewhere)).nudge_count == 1
    assert dms(slack, OTHER_TEAM) == []
    assert len(dms(slack)) == 2


def lines_state(text: str) -> dict:
    return {Block.CANDIDATES_TEXT: {Input.VALUE: payloads.text_input_state(text)}}


async def test_add_candidates_a_451_is_retried_and_delivered_a_550_is_told_once(milo, slack, smtp):
    agent_id = await make_agent(milo, name="Barista")
    smtp.defer("later@example.com", times=1)
    smtp.refuse("gone@example.com", REFUSAL)
    mark = slack.mark()
    answer = await submit(
        milo,
        slack.team_id,
        ADMIN,
        View.ADD_CANDIDATES,
        lines_state("Lena Later, later@example.com\nGary Gone, gone@example.com"),
        ModalContext(agent_id=agent_id),
    )
    assert "Added 2 candidates" in text_of(answer["view"])

    # The 451: tried again after its backoff, then delivered.
    await smtp.wait_for_message(lambda m: m["To"] == "later@example.com", timeout=15)
    delivered = await milo.wait_until(lambda: settled(milo, "later@example.com", "done"))
    assert delivered.attempts == 2 and smtp.attempts_for("later@example.com") == 2

    # The 550: one attempt, one DM, about Gary's invitation only.
    refused = await milo.wait_until(lambda: settled(milo, "gone@example.com", "dead"))
    assert refused.attempts == 1 and smtp.attempts_for("gone@example.com") == 1
    await slack.wait_for(
        "chat.postMessage", lambda c: c.args["channel"].startswith("D"), since=mark, timeout=10
    )
    [dm] = dms(slack)
    shown = dm.args["text"] + text_of(dm.args["blocks"])
    assert "invitation e-mail to *Gary Gone*" in shown and "Lena" not in shown
    assert "refused by the mail server (550 5.1.1" in shown

    gary = refused.payload["about"]["candidate_id"]
    lena = delivered.payload["about"]["candidate_id"]
    [failure] = await failures_of(milo, gary)
    assert failure["email"] == "invitation" and failure["to"] == "gone@example.com" and failure["refused"]
    assert await failures_of(milo, lena) == []
    history = text_of(await Reviewer(milo, ADMIN).open_profile(gary))
    assert "Invitation to gone@example.com was refused by the mail server (550 5.1.1" in history


async def test_nudge_all_a_reminder_that_never_gets_through_is_told_to_who_pressed_it(milo, slack, smtp):
    """Temporary refusals until the last attempt: given up, and then told like a refusal."""
    Clock(milo)
    agent_id = await make_agent(milo)
    stuck = await invited_candidate(milo, agent_id=agent_id, name="Sam Stuck", email="stuck@example.com")
    fine = await invited_candidate(milo, agent_id=agent_id, name="Fay Fine", email="fine@example.com")
    smtp.defer("stuck@example.com", times=100)
    mark = slack.mark()
    list_view = payloads.modal_view(slack.team_id, callback_id="candidate.list", view_id="VLIST00001")
    await milo.interact(
        payloads.block_actions(
            slack.team_id, ADMIN, CandidateAction.NUDGE_ALL, encode(AgentRef(agent_id)), view=list_view
        )
    )
    confirm = (await slack.wait_for("views.push", since=mark)).args["view"]
    confirm_id = next(
        vid for vid, v in reversed(slack.views.items()) if v["callback_id"] == ProfileView.NUDGE_ALL
    )
    await milo.interact(
        payloads.view_submission(
            slack.team_id, ADMIN, ProfileView.NUDGE_ALL, {}, confirm["private_metadata"], view_id=confirm_id
        )
    )
    await smtp.wait_for_message(lambda m: m["To"] == "fine@example.com")

    async def failed_once() -> OutboxMessage | None:
        rows = await email_rows(milo, "stuck@example.com")
        return rows[0] if rows and rows[0].attempts >= 1 else None

    row = await milo.wait_until(failed_once)
    assert row.status == "pending" and dms(slack) == []  # a 451 is retried, not told
    # Nine attempts have failed (the backoff would take a quarter of an hour): the next one is the last.
    async with milo.container.db.unit_of_work() as s:
        await s.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id == row.id)
            .values(attempts=9, next_attempt_at=utcnow() - timedelta(seconds=1))
        )
    milo.container.outbox.kick()
    dead = await milo.wait_until(lambda: settled(milo, "stuck@example.com", "dead"), timeout=10)
    assert dead.attempts == 10 and smtp.attempts_for("stuck@example.com") == 2

    dm = await slack.wait_for(
        "chat.postMessage", lambda c: c.args["channel"].startswith("D"), since=mark, timeout=10
    )
    assert slack.calls_to("conversations.open")[-1].args["users"] == ADMIN
    shown = dm.args["text"] + text_of(dm.args["blocks"])
    assert "reminder e-mail to *Sam Stuck*" in shown and "Fay" not in shown
    assert "could not be delivered after 10 attempts (451 4.3.0" in shown
    assert (await candidate(milo, stuck)).nudge_count == 0 and (await candidate(milo, fine)).nudge_count == 1
    [failure] = await failures_of(milo, stuck)
    assert failure["refused"] is False and await failures_of(milo, fine) == []


async def test_which_smtp_failures_are_final_and_how_they_are_told():
    """Against the real server: a 5xx to the recipient or the sender is final (MailRefused, a
    PermanentFailure); a 4xx, a wrong login and a server that isn't there are retried; the words for a
    person carry the server's reply, never its address, port or our password."""
    async with FakeSMTP(username="milo", password=PASSWORD) as server:
        url = f"smtp://milo:{PASSWORD}@{server.host}:{server.port}"
        mailer = Mailer(url, sender="milobot <no-reply@hiring.example>")

        def item(to: str) -> Delivery:
            return Delivery(
                7, 1, "T0MILO0001", "email", {"to": to, "subject": "Hi", "text": "Hi"}, attempts=0
            )

        server.refuse("gone@example.com", REFUSAL)
        with pytest.raises(MailRefused) as refused:
            await mailer.deliver(item("gone@example.com"))
        assert isinstance(refused.value, PermanentFailure) and refused.value.reply == REFUSAL
        assert failure_words(refused.value) == REFUSAL

        server.defer("later@example.com", times=1)
        with pytest.raises(aiosmtplib.SMTPRecipientsRefused) as deferred:
            await mailer.deliver(item("later@example.com"))
        assert not isinstance(deferred.value, PermanentFailure)
        assert failure_words(deferred.value).startswith("451 4.3.0 Temporary local problem")
        await mailer.deliver(item("later@example.com"))  # the retry goes through
        assert [m["To"] for m in server.messages] == ["later@example.com"]

        server.refuse_sender("no-reply@hiring.example")
        with pytest.raises(MailRefused) as sender_refused:
            await mailer.deliver(item("ada@example.com"))
        assert sender_refused.value.reply.startswith("553 5.7.1 Sender address rejected")

        wrong_login = Mailer(url.replace(PASSWORD, "not-it"), sender="no-reply@hiring.example")
        with pytest.raises(aiosmtplib.SMTPAuthenticationError) as login:
            await wrong_login.deliver(item("ada@example.com"))
        assert not isinstance(login.value, PermanentFailure)
        port = server.port
    with pytest.raises(aiosmtplib.SMTPConnectError) as unreachable:
        await mailer.deliver(item("ada@example.com"))  # the server is gone
    for failure in (login.value, unreachable.value):
        words = failure_words(failure)
        assert "mail server" in words and str(port) not in words and "127.0.0.1" not in words
        assert PASSWORD not in words
