"""The numbers against a known dataset: each source, completion, median, scores, decisions, visits,
local-day edges (New York, and the 25-hour day DST ends on), and the wall between workspaces."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from milobot.services.analytics import summarize
from milobot.services.analytics_range import parse_range
from tests.analytics.support import NY, october

NOW = datetime(2026, 11, 15, 12, tzinfo=UTC)


async def _oct(milo, agent_id):
    r = parse_range("2026-10-01..2026-10-31", NY, NOW)
    ws = (await _ids(milo))["ws"]
    return await summarize(milo.container.db, workspace_id=ws, agent_id=agent_id, start=r.start, end=r.end)


async def _ids(milo):
    if not hasattr(milo, "_ids"):
        milo._ids = await october(milo)
    return milo._ids


async def test_agent_numbers_for_october_in_new_york(milo):
    ids = await _ids(milo)
    s = await _oct(milo, ids["backend"])
    assert s.invited == 7  # Ana Ben Cal Dee Eve Fay Hal; Gus is September here, Ivy November
    assert {(c.label, c.count) for c in s.by_source} == {
        ("share link (linkedin)", 2),
        ("share link (untagged)", 1),
        ("import", 1),
        ("manual", 2),
        ("API", 1),
    }
    assert (s.started, s.completed, s.started_and_completed) == (5, 4, 4)
    assert s.completion_rate == pytest.approx(0.8)
    assert s.median_minutes_to_complete == 40  # 10, 30, 50, 90
    assert dict(s.score_buckets) == {"0–19": 1, "20–39": 0, "40–59": 1, "60–79": 1, "80–100": 1}
    assert (s.shortlisted, s.dismissed) == (1, 1)
    assert s.visits_by_tag == [("linkedin", 3), (None, 2)]
    assert s.bucket == "day" and len(s.activity) == 31
    by_day = {d: (st, co) for d, st, co in s.activity}
    assert by_day[date(2026, 10, 2)] == (1, 1)
    # Eve began at 23:00 New York on the 7th (03:00 UTC on the 8th) and finished on the 8th.
    assert by_day[date(2026, 10, 7)] == (1, 0)
    assert by_day[date(2026, 10, 8)] == (1, 2)
    assert not s.is_empty


async def test_workspace_adds_every_agent_and_nothing_from_another_workspace(milo):
    ids = await _ids(milo)
    s = await _oct(milo, None)
    assert s.invited == 8 and s.started == 6 and s.completed == 5
    assert ("share link (poster)", 1) in {(c.label, c.count) for c in s.by_source}
    assert s.visits == 5  # the other workspace's visit and its twin interview are not here
    assert dict(s.score_buckets)["80–100"] == 2  # Ana and Jon, not the twin
    other = await summarize(
        milo.container.db, workspace_id=ids["ws"], agent_id=ids["other_agent"], start=s.start, end=s.end
    )
    assert other.is_empty  # another workspace's agent id, asked through this workspace: nothing


async def test_the_25_hour_day_dst_ends_on_is_one_local_day(milo):
    ids = await _ids(milo)
    r = parse_range("2026-11-01", NY, NOW)
    assert r.end - r.start == timedelta(hours=25)
    s = await summarize(
        milo.container.db, workspace_id=ids["ws"], agent_id=ids["backend"], start=r.start, end=r.end
    )
    assert s.invited == 1 and s.activity == [(date(2026, 11, 1), 0, 0)]  # Ivy at 23:30 EST


async def test_the_same_data_read_in_utc_moves_the_edges(milo):
    ids = await _ids(milo)
    r = parse_range("2026-10-01..2026-10-31", "UTC", NOW)
    s = await summarize(
        milo.container.db,
        workspace_id=ids["ws"],
        agent_id=ids["backend"],
        start=r.start,
        end=r.end,
        time_zone="UTC",
    )
    assert s.invited == 7  # Gus (Oct 1 03:30 UTC) in, Hal (Nov 1 03:30 UTC) out


async def test_long_ranges_are_charted_per_week_from_monday(milo):
    ids = await _ids(milo)
    r = parse_range("2026-09-01..2026-11-30", NY, NOW)
    s = await summarize(
        milo.container.db, workspace_id=ids["ws"], agent_id=ids["backend"], start=r.start, end=r.end
    )
    assert s.bucket == "week"
    assert all(d.weekday() == 0 for d, _, _ in s.activity)
    assert sum(st for _, st, _ in s.activity) == s.started == 5
    assert sum(co for _, _, co in s.activity) == s.completed == 4
    week = {d: (st, co) for d, st, co in s.activity}
    assert week[date(2026, 9, 28)] == (2, 2)  # Ana (Fri 2) and Ben (Sat 3), both finished that week
    assert week[date(2026, 10, 5)] == (3, 2)  # Cal, Eve, Fay began; Eve and Fay finished
    assert min(week) == date(2026, 8, 31)  # Tuesday Sep 1 belongs to the week of Monday Aug 31


async def test_an_empty_agent_is_empty(milo):
    ids = await _ids(milo)
    from tests.analytics.support import make_agent

    empty = await make_agent(milo, "Nobody yet")
    r = parse_range("last 30d", NY, NOW)
    s = await summarize(milo.container.db, workspace_id=ids["ws"], agent_id=empty, start=r.start, end=r.end)
    assert s.is_empty and s.completion_rate is None and s.median_minutes_to_complete is None
    assert len(s.activity) == 30 and all(st == co == 0 for _, st, co in s.activity)
