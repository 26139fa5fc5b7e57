"""Processed Slack event ids older than a day are purged; younger ones still stop a redelivery. Reviewer
reminder claims older than a week are purged too."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from milobot.db.models import ProcessedEvent, ReviewReminder
from milobot.db.types import utcnow
from milobot.jobs.housekeeping import purge_processed_events, purge_reviewer_claims
from milobot.services.workspaces import get_or_create_workspace
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


async def test_reviewer_claims_older_than_a_week_are_purged_and_creator_claims_are_kept(milo, slack):
    now = utcnow()
    async with milo.container.db.unit_of_work() as s:
        ws = await get_or_create_workspace(s, slack.team_id)
        rows = [
            ("reviewer", "UREV00001:2026-01-05", now - timedelta(days=8)),
            ("reviewer", "UREV00001:2026-01-12", now - timedelta(days=6)),
            ("creator", "candidate:41", now - timedelta(days=30)),
        ]
        s.add_all(
            ReviewReminder(workspace_id=ws.id, kind=kind, subject=subject, user_id="UREV00001", sent_at=at)
            for kind, subject, at in rows
        )

    assert await purge_reviewer_claims(milo.container.db) == 1
    async with milo.container.db.unit_of_work() as s:
        left = set((await s.scalars(select(ReviewReminder.subject))).all())
    assert left == {"UREV00001:2026-01-12", "candidate:41"}
