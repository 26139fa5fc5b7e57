"""Webhooks over the wire: an endpoint added in Manage Webhooks, events from real interviews and buttons,
signatures checked by an independent Standard Webhooks implementation, retries, 410, the last failure."""

from __future__ import annotations

import base64
import json
import time

from sqlalchemy import select

from milobot import metadata
from milobot.db.models import Candidate, Interview, OutboxMessage, Webhook, WebhookDelivery
from milobot.ids import Action, Block, Input, ProfileBlock, ProfileView, View, WebhookAction, WebhookChoice
from milobot.metadata import InterviewRef, encode
from tests.agents.support import submit
from tests.conftest import ADMIN
from tests.fakes import payloads
from tests.fakes.http_sink import Reply
from tests.fakes.webhook_receiver import verifies
from tests.interview_web.helpers import CARD_CHANNEL, make_agent
from tests.webhooks.support import (
    add_endpoint,
    agent_ref,
    api_key,
    delivery_ref,
    endpoint_choice,
    in_modal,
    manage_view,
    open_manage,
    post_result,
    result,
    secret_in,
    view_text,
)

HOOK = "/hooks/milobot"


async def rows(milo, model, *where):
    async with milo.container.db.unit_of_work() as s:
        return list((await s.scalars(select(model).where(*where).order_by(model.id))).all())


async def setup_endpoint(milo, slack, receiver, events, path=HOOK) -> tuple[int, str]:
    agent_id = await make_agent(milo)
    await open_manage(milo, slack, agent_id)
    ack = await add_endpoint(milo, slack, agent_id, receiver.url_for(path), events)
    assert ack.get("response_action") == "update", ack
    return agent_id, secret_in(ack)


async def test_added_endpoint_gets_signed_events_from_a_real_interview(milo, slack, receiver):
    agent_id, secret = await setup_endpoint(
        milo, slack, receiver, ["candidate.created", "interview.completed", "interview.scored"]
    )
    # The secret: whsec_ + base64 of 32 random bytes, stored encrypted, never in the modal again.
    assert len(base64.b64decode(secret.removeprefix("whsec_"))) == 32
    [hook] = await rows(milo, Webhook)
    assert hook.secret != secret and secret not in hook.secret and hook.active
    await in_modal(milo, slack, manage_view(slack), WebhookAction.REFRESH, encode_agent(agent_id))
    await slack.wait_for("views.update")
    assert secret not in view_text(manage_view(slack)) and HOOK in view_text(manage_view(slack))

    key = await api_key(milo)
    assert await post_result(milo, key, result(1)) == 201
    got = await receiver.wait_for(HOOK, count=3)
    assert all(verifies(secret, r) for r in got)
    bodies = {r.json["type"]: r for r in got}
    assert set(bodies) == {"candidate.created", "interview.completed", "interview.scored"}
    scored = bodies["interview.scored"]
    assert scored.json["version"] == 1 and scored.json["id"] == scored.headers["webhook-id"]
    assert scored.json["agent"] == {"id": agent_id, "name": "Backend Engineer"}
    assert scored.json["data"]["candidate"]["email"] == "cand1@example.com"
    assert [s["score"] for s in scored.json["data"]["scores"]] == [4, 5]
    assert scored.json["data"]["interview"]["overall_score"] is not None
    assert scored.headers["Content-Type"] == "application/json"

    # Shortlist on the card: the endpoint didn't ask for it, so nothing more arrives.
    interview_id = bodies["interview.completed"].json["data"]["interview"]["id"]
    await milo.interact(
        payloads.block_actions(
            slack.team_id,
            ADMIN,
            Action.CANDIDATE_SHORTLIST,
            encode(InterviewRef(interview_id=interview_id)),
            response_url=slack.new_response_url(),
        )
    )
    await milo.wait_until(lambda: _decided(milo))
    await milo.wait_until(lambda: _outbox_idle(milo))
    assert len(receiver.requests_to(HOOK)) == 3


def encode_agent(agent_id: int) -> str:
    return agent_ref(agent_id)


async def _decided(milo) -> bool:
    return any(c.decision == "shortlisted" for c in await rows(milo, Candidate))


async def _outbox_idle(milo) -> bool:
    """No webhook delivery waiting (other kinds, a card's update say, may retry on their own time)."""
    pending = await rows(
        milo, OutboxMessage, OutboxMessage.status == "pending", OutboxMessage.kind == "webhook"
    )
    return not pending


async def test_shortlist_and_dismiss_are_events_once_each(milo, slack, receiver):
    await setup_endpoint(milo, slack, receiver, ["candidate.shortlisted", "candidate.dismissed"])
    key = await api_key(milo)
    await post_result(milo, key, result(1))
    [delivery_count] = [len(await rows(milo, WebhookDelivery))]
    assert delivery_count == 0
    interview_id = (await rows(milo, Interview))[0].id
    value = encode(InterviewRef(interview_id=interview_id))
    for _ in range(2):  # two presses at once: one event
        await milo.interact(
            payloads.block_actions(
                slack.team_id, ADMIN, Action.CANDIDATE_SHORTLIST, value, response_url=slack.new_response_url()
            )
        )
    await receiver.wait_for(HOOK)
    await milo.wait_until(lambda: _outbox_idle(milo))
    # Dismiss from the card opens the reason form; submitting it dismisses.
    mark = slack.mark()
    await milo.interact(
        payloads.block_actions(
            slack.team_id, ADMIN, Action.CANDIDATE_DISMISS, value, response_url=slack.new_response_url()
        )
    )
    form = (await slack.wait_for("views.open", since=mark)).args["view"]
    state = {ProfileBlock.DISMISS_REASON: {Input.VALUE: payloads.text_input_state("Found someone else")}}
    await milo.interact(
        payloads.view_submission(slack.team_id, ADMIN, ProfileView.DISMISS, state, form["private_metadata"])
    )
    got = await receiver.wait_for(HOOK, count=2)
    await milo.wait_until(lambda: _outbox_idle(milo))
    assert [r.json["type"] for r in receiver.requests_to(HOOK)] == [
        "candidate.shortlisted",
        "candidate.dismissed",
    ]
    assert (
        got[1].json["data"]["decided_by"] == ADMIN and got[1].json["data"]["reason"] == "Found someone else"
    )


async def test_503_is_retried_with_the_same_webhook_id(milo, slack, receiver):
    receiver.respond_sequence(HOOK, [503, 503, 200])
    _, secret = await setup_endpoint(milo, slack, receiver, ["candidate.created"])
    key = await api_key(milo)
    await post_result(milo, key, result(1))
    first, second, third = await receiver.wait_for(HOOK, count=3)
    assert first.headers["webhook-id"] == second.headers["webhook-id"] == third.headers["webhook-id"]
    assert first.body == third.body and all(verifies(secret, r) for r in (first, second, third))

    async def delivered():
        [d] = await rows(milo, WebhookDelivery)
        return d if d.status == "delivered" else None

    d = await milo.wait_until(delivered)
    assert d.attempts == 3 and d.last_status_code == 200


async def test_429_waits_as_retry_after_says(milo, slack, receiver):
    receiver.respond_sequence(HOOK, [Reply(429, headers={"Retry-After": "1"}), 200])
    await setup_endpoint(milo, slack, receiver, ["candidate.created"])
    key = await api_key(milo)
    await post_result(milo, key, result(1))
    first, second = await receiver.wait_for(HOOK, count=2, timeout=8)
    gap = second.arrived - first.arrived
    assert gap >= 0.9, gap  # the schedule alone would have retried after 0.2 s


async def test_410_disables_the_endpoint_and_tells_the_channel(milo, slack, receiver):
    receiver.respond(HOOK, 410)
    agent_id, _ = await setup_endpoint(milo, slack, receiver, ["candidate.created"])
    key = await api_key(milo)
    await post_result(milo, key, result(1))
    notice = await slack.wait_for(
        "chat.postMessage", lambda c: "disabled the webhook endpoint" in c.args["text"]
    )
    assert notice.args["channel"] == CARD_CHANNEL and "410 Gone" in notice.args["text"]
    [hook] = await rows(milo, Webhook)
    assert not hook.active and "410" in hook.disabled_reason
    await post_result(milo, key, result(2))
    await milo.wait_until(lambda: _outbox_idle(milo))
    assert len(receiver.requests_to(HOOK)) == 1  # one try, no retry, nothing after
    view = await open_manage(milo, slack, agent_id)
    assert "disabled" in view_text(view) and "410" in view_text(view)


async def test_last_failure_disables_then_enable_and_retry_delivers_the_same_event(milo, slack, receiver):
    receiver.respond(HOOK, 500)
    agent_id, secret = await setup_endpoint(milo, slack, receiver, ["candidate.created"])
    key = await api_key(milo)
    await post_result(milo, key, result(1))
    notice = await slack.wait_for(
        "chat.postMessage", lambda c: "disabled the webhook endpoint" in c.args["text"]
    )
    assert "4 attempts failed" in notice.args["text"]  # the first try and the schedule's three retries
    assert len(receiver.requests_to(HOOK)) == 4
    [d] = await rows(milo, WebhookDelivery)
    assert d.status == "failed" and d.attempts == 4 and d.last_status_code == 500

    view = await open_manage(milo, slack, agent_id)
    assert "Retry" in view_text(view) and "HTTP 500" in view_text(view)
    # Retry while disabled is refused; Enable, then Retry sends the same event again.
    mark = slack.mark()
    await in_modal(milo, slack, view, WebhookAction.RETRY, delivery_ref(d.id))
    await slack.wait_for("chat.postMessage", lambda c: "enable it first" in c.args["text"], since=mark)
    await milo.wait_until(lambda: _outbox_idle(milo))
    assert len(receiver.requests_to(HOOK)) == 4
    receiver.respond(HOOK, 200)
    await in_modal(
        milo,
        slack,
        view,
        WebhookAction.ENDPOINT,
        endpoint_choice(WebhookChoice.ENABLE, d.webhook_id),
        overflow=True,
    )
    await milo.wait_until(lambda: _hook_active(milo))
    await in_modal(milo, slack, view, WebhookAction.RETRY, delivery_ref(d.id))
    fifth = await receiver.wait_for(HOOK, count=5)
    assert fifth[-1].headers["webhook-id"] == fifth[0].headers["webhook-id"] and verifies(secret, fifth[-1])


async def test_a_receiver_that_does_not_answer_in_time_is_logged_as_a_timeout(milo, slack, receiver, caplog):
    # aiohttp's timeout is a TimeoutError without a message: the log and the delivery log used to read
    # "network error: TimeoutError: " and nothing after it.
    milo.container.outbound.timeout = 0.3
    receiver.respond(HOOK, 200, delay=1.5)
    agent_id, _ = await setup_endpoint(milo, slack, receiver, ["candidate.created"])
    key = await api_key(milo)
    caplog.set_level("WARNING", logger="milobot")
    await post_result(milo, key, result(1))

    async def failed():
        found = await rows(milo, WebhookDelivery)
        return found[0] if found and found[0].status == "failed" else None

    d = await milo.wait_until(failed, timeout=15)
    assert d.attempts == 4 and d.last_status_code is None
    assert d.last_error == "timed out after 0.3 s"
    gave_up = [r.getMessage() for r in caplog.records if "gave up" in r.getMessage()]
    assert gave_up and gave_up[-1].endswith(": timed out after 0.3 s"), gave_up
    notice = await slack.wait_for(
        "chat.postMessage", lambda c: "disabled the webhook endpoint" in c.args["text"]
    )
    assert "the last: timed out after 0.3 s" in notice.args["text"]
    view = await open_manage(milo, slack, agent_id)
    assert "timed out after 0.3 s" in view_text(view)


async def _hook_active(milo) -> bool:
    [hook] = await rows(milo, Webhook)
    return hook.active


async def test_other_4xx_is_final_and_a_redirect_is_not_followed(milo, slack, receiver):
    receiver.respond(HOOK, 400, json={"error": "bad"})
    receiver.respond("/hooks/moved", 302, headers={"Location": receiver.url_for("/hooks/elsewhere")})
    agent_id, _ = await setup_endpoint(milo, slack, receiver, ["candidate.created"])
    await add_endpoint(milo, slack, agent_id, receiver.url_for("/hooks/moved"), ["candidate.created"])
    key = await api_key(milo)
    await post_result(milo, key, result(1))
    await milo.wait_until(lambda: _outbox_idle(milo))
    assert len(receiver.requests_to(HOOK)) == 1 and len(receiver.requests_to("/hooks/moved")) == 1
    assert receiver.requests_to("/hooks/elsewhere") == []
    by_hook = {d.webhook_id: d for d in await rows(milo, WebhookDelivery)}
    first, second = sorted(by_hook.values(), key=lambda d: d.webhook_id)
    assert first.status == "failed" and first.attempts == 1 and first.last_status_code == 400
    assert second.status == "failed" and "redirects are not followed" in second.last_error
    assert all(h.active for h in await rows(milo, Webhook))  # a 400 or a redirect doesn't disable


async def test_rotated_secret_signs_with_both_for_24_hours(milo, slack, receiver):
    agent_id, old = await setup_endpoint(milo, slack, receiver, ["candidate.created"])
    [hook] = await rows(milo, Webhook)
    view = await open_manage(milo, slack, agent_id)
    mark = slack.mark()
    await in_modal(
        milo,
        slack,
        view,
        WebhookAction.ENDPOINT,
        endpoint_choice(WebhookChoice.ROTATE, hook.id),
        overflow=True,
    )
    pushed = await slack.wait_for("views.push", since=mark)
    new = secret_in(pushed.args["view"])
    assert new != old and "old secret keeps signing" in json.dumps(pushed.args["view"])
    await in_modal(
        milo, slack, view, WebhookAction.ENDPOINT, endpoint_choice(WebhookChoice.TEST, hook.id), overflow=True
    )
    test = await receiver.wait_for(HOOK)
    assert test.json["type"] == "webhook.test"
    assert verifies(old, test) and verifies(new, test)
    assert len(test.headers["webhook-signature"].split(" ")) == 2
    [hook] = await rows(milo, Webhook)
    remaining = (hook.previous_secret_expires_at.timestamp() - time.time()) / 3600
    assert 23.9 < remaining <= 24


async def test_disable_stops_deliveries_and_the_log_shows_fifty(milo, slack, receiver):
    agent_id, _ = await setup_endpoint(milo, slack, receiver, ["candidate.created"])
    [hook] = await rows(milo, Webhook)
    key = await api_key(milo)
    for n in range(52):
        await post_result(milo, key, result(n))
    await receiver.wait_for(HOOK, count=52, timeout=15)
    view = await open_manage(milo, slack, agent_id)
    assert view_text(view).count("candidate.created") == 50 + 1  # 50 log rows, and the endpoint's events
    await in_modal(
        milo,
        slack,
        view,
        WebhookAction.ENDPOINT,
        endpoint_choice(WebhookChoice.DISABLE, hook.id),
        overflow=True,
    )
    await milo.wait_until(lambda: _hook_inactive(milo))
    await post_result(milo, key, result(99))
    await milo.wait_until(lambda: _outbox_idle(milo))
    assert len(receiver.requests_to(HOOK)) == 52


async def _hook_inactive(milo) -> bool:
    return not await _hook_active(milo)


async def test_candidates_added_by_hand_are_candidate_created_events(milo, slack, receiver):
    agent_id, secret = await setup_endpoint(milo, slack, receiver, ["candidate.created"])
    state = {
        Block.CANDIDATES_TEXT: {
            Input.VALUE: payloads.text_input_state("Ada, ada@example.com\nBob, bob@example.com")
        }
    }
    answer = await submit(
        milo, slack.team_id, ADMIN, View.ADD_CANDIDATES, state, metadata.ModalContext(agent_id=agent_id)
    )
    assert answer["response_action"] == "update"
    got = await receiver.wait_for(HOOK, count=2)
    assert sorted(r.json["data"]["candidate"]["email"] for r in got) == ["ada@example.com", "bob@example.com"]
    assert all(r.json["data"]["candidate"]["source"] == "manual" and verifies(secret, r) for r in got)
