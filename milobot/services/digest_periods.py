"""When a digest is due, as pure functions of the subscription, the workspace's time zone and "now".

A period is named by the local calendar: "2026-11-25" (daily) or "2026-W48" (weekly, ISO week, sent on
its Monday). Naming periods by the local date rather than by an instant is what keeps daylight-saving
changes from skipping or doubling a digest: a day of 23 or 25 hours is still one date. A local time that
does not exist on a spring-forward day (02:30) is read with the offset before the change, so it lands an
hour later on the wall clock; one that happens twice on a fall-back day is the first of the two.

The catch-up rule: only the latest period whose time has come is ever due. If milobot was down when it
came, it is sent late, once, provided the next one has not come yet (so it is less than a period late);
periods before that one are skipped, and the caller logs them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DAILY, WEEKLY = "daily", "weekly"
FREQUENCIES = (DAILY, WEEKLY)
MONDAY = 0


@dataclass(frozen=True)
class Period:
    key: str  # "2026-11-25" | "2026-W48"
    due_at: datetime  # aware UTC: when it goes out
    start: datetime  # aware UTC: what it covers, [start, due_at) — the previous period's due time
    local_day: date


def zone(name: str | None) -> ZoneInfo:
    try:
        return ZoneInfo(name or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def _at(day: date, hour: int, minute: int, tz: ZoneInfo) -> datetime:
    # fold=0: the first of two 01:30s on a fall-back day; the pre-change offset for a missing 02:30.
    local = datetime.combine(day, time(hour, minute), tzinfo=tz)
    return local.astimezone(ZoneInfo("UTC"))


def _key(frequency: str, day: date) -> str:
    if frequency == WEEKLY:
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    return day.isoformat()


def _period_day(frequency: str, local_day: date) -> date:
    """The day of the period containing `local_day` on which it goes out (the Monday, for weekly)."""
    if frequency == WEEKLY:
        return local_day - timedelta(days=local_day.weekday() - MONDAY)
    return local_day


def _step(frequency: str) -> timedelta:
    return timedelta(days=7 if frequency == WEEKLY else 1)


def period_of(frequency: str, day: date, *, hour: int, minute: int, tz: ZoneInfo) -> Period:
    day = _period_day(frequency, day)
    due = _at(day, hour, minute, tz)
    start = _at(day - _step(frequency), hour, minute, tz)
    return Period(key=_key(frequency, day), due_at=due, start=start, local_day=day)


def latest_due(frequency: str, *, hour: int, minute: int, tz: ZoneInfo, now: datetime) -> Period:
    """The latest period whose time has come at `now`."""
    today = now.astimezone(tz).date()
    this = period_of(frequency, today, hour=hour, minute=minute, tz=tz)
    if this.due_at <= now:
        return this
    return period_of(frequency, this.local_day - _step(frequency), hour=hour, minute=minute, tz=tz)


def next_due(frequency: str, *, hour: int, minute: int, tz: ZoneInfo, now: datetime) -> Period:
    latest = latest_due(frequency, hour=hour, minute=minute, tz=tz, now=now)
    return period_of(frequency, latest.local_day + _step(frequency), hour=hour, minute=minute, tz=tz)


def periods_between(frequency: str, *, after: str | None, before: Period) -> int:
    """How many periods were skipped between the one last sent (`after`, a key) and `before`: for the log."""
    if not after:
        return 0
    try:
        if frequency == WEEKLY:
            year, week = after.split("-W")
            last = date.fromisocalendar(int(year), int(week), 1)
        else:
            last = date.fromisoformat(after)
    except ValueError:
        return 0
    return max(0, (before.local_day - last).days // _step(frequency).days - 1)


def parse_time(text: str) -> tuple[int, int] | None:
    """ "9", "09:30", "9:30", "17h", "9am", "5:15pm" → (hour, minute); None when it is not a time of day."""
    raw = text.strip().lower().replace(".", ":")
    suffix = ""
    for s in ("am", "pm", "h"):
        if raw.endswith(s):
            raw, suffix = raw[: -len(s)].strip(), s
            break
    hour_text, _, minute_text = raw.partition(":")
    if not hour_text.isdigit() or len(hour_text) > 2 or (minute_text and not minute_text.isdigit()):
        return None
    if minute_text and len(minute_text) != 2:
        return None
    hour, minute = int(hour_text), int(minute_text or 0)
    if suffix in ("am", "pm"):
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if suffix == "pm" else 0)
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        return None
    return hour, minute
