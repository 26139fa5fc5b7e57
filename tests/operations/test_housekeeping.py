"""Processed Slack event ids older than a day are purged; younger ones still stop a redelivery."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from milobot.db.models import ProcessedEvent
from milobot.db.types import utcnow
from milobot.jobs.housekeeping import purge_processed_events
from tests.fakes import payloads


async def test_event_ids_older_than_a_day_are_purged_and_younger_ones_still_dedupe(milo, slack):
    now = utcnow()
    async with milo.container.db.unit_of_work() as s:
        s.add(
            ProcessedEvent(event_id="Ev0LD00001", team_id=slack.team_id, received_at=now - timedelta(days=2))
        )
        s.add(
            ProcessedEvent(
                event_id="Ev0LD00002", team_id=slack.team_id, received_at=now - timedelta(hours=25)
            )
        )
        s.add(
            ProcessedEvent(
                event_id="EvRECENT01",
                team_id=slack.team_id,
                received_at=now - timedelta(hours=23),
                completed_at=now - timedelta(hours=23),  # handled then: its claim completed
            )
        )

    assert await purge_processed_events(milo.container.db) == 2
    async with milo.container.db.unit_of_work() as s:
        left = set((await s.scalars(select(ProcessedEvent.event_id))).all())
    assert left == {"EvRECENT01"}
    assert await purge_processed_events(milo.container.db) == 0  # running it again is harmless

    # The id still kept drops Slack's redelivery of that event: no App Home is published for it.
    envelope = payloads.event_callback(
        slack.team_id, {"type": "app_home_opened", "user": "UADMIN0001", "tab": "home"}, event_id="EvRECENT01"
    )
    resp = await milo.event(envelope)
    assert resp.status == 200
    fresh = payloads.event_callback(
        slack.team_id, {"type": "app_home_opened", "user": "UADMIN0001", "tab": "home"}, event_id="EvFRESH001"
    )
    await milo.event(fresh)
    await slack.wait_for("views.publish")
    assert len(slack.calls_to("views.publish")) == 1
