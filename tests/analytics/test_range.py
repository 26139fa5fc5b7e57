"""Ranges as people type them, in the workspace's time zone, and the errors they get."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from milobot.services.analytics_range import RangeError, parse_range
from milobot.services.analytics_report import split_args

NOW = datetime(2026, 12, 5, 3, 0, tzinfo=UTC)  # still Dec 4 in New York


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("", date(2026, 11, 5), date(2026, 12, 4)),
        ("last 7d", date(2026, 11, 28), date(2026, 12, 4)),
        ("last 7 days", date(2026, 11, 28), date(2026, 12, 4)),
        ("Last 2w", date(2026, 11, 21), date(2026, 12, 4)),
        ("today", date(2026, 12, 4), date(2026, 12, 4)),
        ("yesterday", date(2026, 12, 3), date(2026, 12, 3)),
        ("this week", date(2026, 11, 30), date(2026, 12, 4)),
        ("last week", date(2026, 11, 23), date(2026, 11, 29)),
        ("this month", date(2026, 12, 1), date(2026, 12, 4)),
        ("last month", date(2026, 11, 1), date(2026, 11, 30)),
        ("this year", date(2026, 1, 1), date(2026, 12, 4)),
        ("2026-10-01..2026-10-31", date(2026, 10, 1), date(2026, 10, 31)),
        ("2026-10-01 .. 2026-10-31", date(2026, 10, 1), date(2026, 10, 31)),
        ("2026-03-08", date(2026, 3, 8), date(2026, 3, 8)),
    ],
)
def test_ranges_are_whole_local_days(text, first, last):
    r = parse_range(text, "America/New_York", NOW)
    assert (r.first_day, r.last_day) == (first, last)
    ny = ZoneInfo("America/New_York")
    assert r.start.astimezone(ny) == datetime(first.year, first.month, first.day, tzinfo=ny)
    end = last + timedelta(days=1)
    assert r.end.astimezone(ny) == datetime(end.year, end.month, end.day, tzinfo=ny)


def test_dst_days_have_23_and_25_hours():
    spring = parse_range("2026-03-08", "America/New_York", NOW)
    autumn = parse_range("2026-11-01", "America/New_York", NOW)
    assert spring.end - spring.start == timedelta(hours=23)
    assert autumn.end - autumn.start == timedelta(hours=25)


def test_the_same_moment_is_a_different_day_in_utc():
    assert parse_range("today", "UTC", NOW).first_day == date(2026, 12, 5)
    assert parse_range("today", "Not/AZone", NOW).first_day == date(2026, 12, 5)  # unknown zone: UTC


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("2026-10-31..2026-10-01", "before it starts"),
        ("2026-02-30", "not a real date"),
        ("2026-1-3", "not a date like"),
        ("last 0d", "at least 1"),
        ("last 9999d", "longer than"),
        # More digits than a range ever needs read as too long, not as unreadable (they said "can't read").
        ("last 100000d", "longer than 1098 days"),
        ("last 100000 weeks", "longer than 1098 days"),
        ("past 1234567 months", "longer than 1098 days"),
        ("last " + "9" * 5000 + "d", "longer than 1098 days"),
        ("last 00000d", "at least 1"),
        ("1000-01-01..2026-01-01", "longer than"),
        ("fortnight", "can't read"),
        ("2026-10-01..", "not a date like"),
    ],
)
def test_bad_ranges_say_what_is_wrong_and_what_works(text, words):
    with pytest.raises(RangeError) as caught:
        parse_range(text, "UTC", NOW)
    assert words in str(caught.value)


def test_leading_zeros_are_the_same_count():
    assert parse_range("last 0000007d", "UTC", NOW).days == 7


def test_agent_words_and_range_split():
    assert split_args(["backend", "engineer", "last", "7d"]) == ("backend engineer", "last 7d")
    assert split_args(["backend", "2026-10-01..2026-10-31"]) == ("backend", "2026-10-01..2026-10-31")
    assert split_args(["this", "month"]) == ("", "this month")
    assert split_args(["backend"]) == ("backend", "")
    assert split_args([]) == ("", "")
