"""Date ranges for analytics, as people type them: `2026-10-01..2026-10-31`, `last 7d`, `this month`.

Every range is whole local days in the workspace's time zone, turned into a half-open UTC interval
[start, end): a day that has 23 or 25 hours (daylight saving) is still one day, and `2026-10-31` as an
end means through the last second of that local day."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DEFAULT_DAYS = 30
MAX_DAYS = 3 * 366  # a bound, so a typo like 1026-01-01 can't ask for a millennium of weekly bars

RANGE_HELP = (
    "Try `2026-10-01..2026-10-31`, `2026-10-05`, `last 7d`, `last 4w`, `today`, `yesterday`, "
    "`this week`, `last week`, `this month`, `last month` or `this year`."
)


class RangeError(ValueError):
    """A range the user typed that we can't read; the message is fit to show them."""


@dataclass(frozen=True)
class DateRange:
    start: datetime  # aware UTC, the first instant of the first local day
    end: datetime  # aware UTC, exclusive: the first instant after the last local day
    first_day: date  # local
    last_day: date  # local, inclusive
    label: str

    @property
    def days(self) -> int:
        return (self.last_day - self.first_day).days + 1


def zone(name: str | None) -> ZoneInfo:
    try:
        return ZoneInfo(name or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def local_midnight(day: date, tz: ZoneInfo) -> datetime:
    """The UTC instant a local day begins (zoneinfo resolves a midnight skipped by DST forward)."""
    return datetime(day.year, day.month, day.day, tzinfo=tz).astimezone(UTC)


def days_range(first: date, last: date, tz: ZoneInfo, label: str) -> DateRange:
    if last < first:
        raise RangeError(f"The range ends ({last.isoformat()}) before it starts ({first.isoformat()}).")
    if (last - first).days + 1 > MAX_DAYS:
        raise RangeError(f"That range is longer than {MAX_DAYS} days; pick a shorter one.")
    return DateRange(
        local_midnight(first, tz), local_midnight(last + timedelta(days=1), tz), first, last, label
    )


def _month_start(day: date) -> date:
    return day.replace(day=1)


def _parse_date(text: str) -> date:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise RangeError(f"`{text}` is not a date like 2026-10-31. {RANGE_HELP}")
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise RangeError(f"`{text}` is not a real date. {RANGE_HELP}") from None


# Any count of digits: `last 100000d` is a range too long, not a range unreadable.
_LAST_N = re.compile(r"(?:last|past)\s*(\d+)\s*(d|day|days|w|wk|week|weeks|m|month|months)")


def parse_range(text: str | None, tz: str | ZoneInfo | None, now: datetime) -> DateRange:
    """Read a range typed by a person; RangeError (with a message to show) when it can't be read."""
    zi = tz if isinstance(tz, ZoneInfo) else zone(tz)
    today = now.astimezone(zi).date()
    raw = " ".join((text or "").strip().lower().split())
    if not raw:
        return days_range(today - timedelta(days=DEFAULT_DAYS - 1), today, zi, f"last {DEFAULT_DAYS} days")
    if ".." in raw:
        left, _, right = raw.partition("..")
        first, last = _parse_date(left.strip()), _parse_date(right.strip())
        return days_range(first, last, zi, f"{first.isoformat()} to {last.isoformat()}")
    if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", raw):
        day = _parse_date(raw)
        return days_range(day, day, zi, day.isoformat())
    if m := _LAST_N.fullmatch(raw):
        digits, unit = m.group(1).lstrip("0") or "0", m.group(2)[0]
        # Past every bound below; and int() refuses thousands of digits.
        n = int(digits) if len(digits) <= 6 else 10**6
        if n < 1:
            raise RangeError(f"`{text}`: the number of days must be at least 1.")
        if unit == "d":
            span = n
            label = f"last {n} day" + ("s" if n != 1 else "")
        elif unit == "w":
            span = 7 * n
            label = f"last {n} week" + ("s" if n != 1 else "")
        else:  # whole months back to the day after today's date, e.g. last 1 month on Dec 5 = Nov 6..Dec 5
            if n > 36:
                raise RangeError(f"That range is longer than {MAX_DAYS} days; pick a shorter one.")
            months = today.year * 12 + today.month - 1 - n
            year, month = divmod(months, 12)
            anchor = date(year, month + 1, min(today.day, 28))
            return days_range(
                anchor + timedelta(days=1), today, zi, f"last {n} month" + ("s" if n != 1 else "")
            )
        if span > MAX_DAYS:
            raise RangeError(f"That range is longer than {MAX_DAYS} days; pick a shorter one.")
        return days_range(today - timedelta(days=span - 1), today, zi, label)
    week_start = today - timedelta(days=today.weekday())
    named = {
        "today": (today, today),
        "yesterday": (today - timedelta(days=1), today - timedelta(days=1)),
        "this week": (week_start, today),
        "last week": (week_start - timedelta(days=7), week_start - timedelta(days=1)),
        "this month": (_month_start(today), today),
        "last month": (
            _month_start(_month_start(today) - timedelta(days=1)),
            _month_start(today) - timedelta(days=1),
        ),
        "this year": (today.replace(month=1, day=1), today),
        "last year": (
            today.replace(year=today.year - 1, month=1, day=1),
            today.replace(month=1, day=1) - timedelta(days=1),
        ),
    }
    if raw in named:
        first, last = named[raw]
        return days_range(first, last, zi, raw)
    raise RangeError(f"I can't read `{text}` as a date range. {RANGE_HELP}")


def looks_like_range(text: str) -> bool:
    """Whether the tail of `/milo analytics <agent words> <range>` starts a range (so the agent's name
    is what comes before it)."""
    raw = text.strip().lower()
    return bool(
        re.match(r"\d{4}-\d{1,2}-\d{1,2}", raw)
        or re.match(r"(last|past|this)\b", raw)
        or raw in ("today", "yesterday")
    )
