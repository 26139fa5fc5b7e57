"""Slack's rules: signatures are checked, redeliveries change nothing twice."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from milobot.db.models import ProcessedEvent
from tests.conftest import ADMIN
from tests.fakes import payloads


@pytest.mark.parametrize("signature", ["bad", "missing", "stale"])
async def test_unsigned_requests_get_401_and_cause_no_web_api_call(milo, slack, signature):
    # The MILOBOT_ADMINS admin's first command seats them, and the outbox then reads their profile's time
    # zone (users.info), racing the command's reply: that is done before the requests under test.
    await milo.command("help", user=ADMIN)
    await milo.replies()
    await slack.wait_for("users.info")
    mark = slack.mark()
    resp = await milo.command("team", user=ADMIN, signature=signature)
    assert resp.status == 401
    event = await milo.event(payloads.app_home_opened(slack.team_id, ADMIN), signature=signature)
    assert event.status == 401
    # Give the app every chance to have done something by sending a valid request after, and waiting for it.
    ok = await milo.command("help", user=ADMIN)
    assert ok.status == 200
    await slack.wait_for("response_url", since=mark)
    # auth.test only, asked by the valid request (Bolt's authorisation; MILOBOT_ADMINS' home workspace).
    assert {c.method for c in slack.calls[mark:] if c.method != "response_url"} <= {"auth.test"}
    assert len([c for c in slack.calls[mark:] if c.method == "response_url"]) == 1


async def test_one_event_delivered_four_times_has_one_effect(milo, slack):
    envelope = payloads.app_home_opened(slack.team_id, ADMIN)
    first = await milo.event(envelope)
    assert first.status == 200
    for retry in (1, 2, 3):
        resp = await milo.event(envelope, retry_num=retry, retry_reason="http_timeout")
        assert resp.status == 200
    await slack.wait_for("views.publish")
    # A different event after the retries is processed, which proves the app was still listening.
    await milo.event(payloads.app_home_opened(slack.team_id, ADMIN))
    await slack.wait_for("views.publish", count=2)
    assert len(slack.calls_to("views.publish")) == 2

    async def rows():
        async with milo.container.db.unit_of_work() as s:
            return await s.scalar(select(func.count()).select_from(ProcessedEvent))

    assert await rows() == 2


async def test_redelivery_after_restart_is_still_dropped(milo, slack):
    envelope = payloads.app_home_opened(slack.team_id, ADMIN)
    await milo.event(envelope)
    await slack.wait_for("views.publish")
    await milo.restart()
    await milo.event(envelope, retry_num=1, retry_reason="http_timeout")
    await milo.event(payloads.app_home_opened(slack.team_id, ADMIN))
    await slack.wait_for("views.publish", count=2)
    assert len(slack.calls_to("views.publish")) == 2
