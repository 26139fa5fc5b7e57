"""Analytics of one agent or a whole workspace over a date range: plain numbers out, no roles (the
caller has checked the reader belongs to the workspace), always filtered on workspace_id.

Speed at a million interviews: a range is a list of local days; each day that is over is read from the
day rollup (`analytics_days`, one row per agent and day, and one per workspace and day) and only today,
and days not rolled up yet, are computed from the rows. Those queries are ranges over indexes that lead
with (workspace_id[, agent_id]) and carry the columns they read (migration 0011), and group in the
database by UTC hour (put on local days here, so a day with a DST change is still one local day) and by
whole minutes for the median time to complete, so no query ships a row per interview to Python. Database
triggers delete a rolled-up day when a write lands in it (milobot/db/analytics_triggers.py)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Integer, case, cast, func, literal_column, select
from sqlalchemy.ext.asyncio import AsyncSession

from milobot.db.engine import Database
from milobot.db.models import (
    AnalyticsDay,
    Candidate,
    CandidateDecision,
    Interview,
    LinkVisit,
    Note,
    Rating,
    Workspace,
)
from milobot.services.analytics_range import local_midnight, zone
from milobot.services.outbox import dialect_insert
from milobot.services.rating_scale import ratings_visible

WEEKLY_AFTER_DAYS = 31  # longer ranges are charted per week (a bar per day would be unreadable)
SCORE_BUCKETS = (
    (0, 20, "0–19"),
    (20, 40, "20–39"),
    (40, 60, "40–59"),
    (60, 80, "60–79"),
    (80, 101, "80–100"),
)
SOURCE_LABELS = {"link": "share link", "ingest": "import", "manual": "manual", "api": "API"}


@dataclass(frozen=True)
class SourceCount:
    source: str  # link | ingest | manual | api
    tag: str | None  # the share link's source tag (link only)
    count: int

    @property
    def label(self) -> str:
        base = SOURCE_LABELS.get(self.source, self.source)
        if self.source == "link":
            return f"share link ({self.tag})" if self.tag else "share link (untagged)"
        return base


@dataclass
class AnalyticsSummary:
    workspace_id: int
    agent_id: int | None
    start: datetime
    end: datetime
    time_zone: str
    invited: int = 0  # candidates added in the range, from any source
    started: int = 0  # interviews begun in the range
    completed: int = 0  # interviews finished in the range
    started_and_completed: int = 0  # of those begun in the range, how many are finished now
    by_source: list[SourceCount] = field(default_factory=list)
    median_minutes_to_complete: float | None = None
    score_buckets: list[tuple[str, int]] = field(default_factory=list)
    shortlisted: int = 0  # decisions taken in the range that still stand
    dismissed: int = 0
    visits_by_tag: list[tuple[str | None, int]] = field(default_factory=list)
    activity: list[tuple[date, int, int]] = field(default_factory=list)  # (day or Monday, started, completed)
    bucket: str = "day"  # day | week

    @property
    def completion_rate(self) -> float | None:
        """Share of the interviews begun in the range that are finished (None when none began)."""
        return self.started_and_completed / self.started if self.started else None

    @property
    def visits(self) -> int:
        return sum(n for _, n in self.visits_by_tag)

    @property
    def is_empty(self) -> bool:
        return not (self.invited or self.started or self.completed or self.visits)


def _postgres(session: AsyncSession) -> bool:
    return session.bind is not None and session.bind.dialect.name == "postgresql"


def _hour(session: AsyncSession, column: Any) -> Any:
    """The UTC hour a timestamp falls in, as something _to_hour reads back on either database."""
    if _postgres(session):
        return func.date_trunc("hour", func.timezone("UTC", column))
    return func.substr(column, 1, 13)  # SQLite keeps "YYYY-MM-DD HH:MM:SS.ffffff" (UTC, zone dropped)


def _minutes_between(session: AsyncSession, start: Any, end: Any) -> Any:
    if _postgres(session):
        return cast(func.round(func.extract("epoch", end - start) / 60), Integer)
    # julianday is a float of days: round, or 30 minutes exactly comes out as 29.99999 and truncates
    return cast(func.round((func.julianday(end) - func.julianday(start)) * 1440), Integer)


def _to_hour(value: Any) -> datetime:
    if isinstance(value, datetime):
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    return datetime.strptime(str(value)[:13], "%Y-%m-%d %H").replace(tzinfo=UTC)


def _scope(column_ws: Any, column_agent: Any, workspace_id: int, agent_id: int | None) -> list[Any]:
    where = [column_ws == workspace_id]
    if agent_id is not None:
        where.append(column_agent == agent_id)
    return where


async def workspace_zone(session: AsyncSession, workspace_id: int) -> str:
    tz = await session.scalar(select(Workspace.time_zone).where(Workspace.id == workspace_id))
    return tz or "UTC"


async def summarize(
    db: AsyncSession | Database,
    *,
    workspace_id: int,
    agent_id: int | None = None,
    start: datetime,
    end: datetime,
    time_zone: str | None = None,
    now: datetime | None = None,
) -> AnalyticsSummary:
    """The numbers of one agent (or, with agent_id None, every agent of the workspace) for [start, end).
    Days are the workspace's local days unless time_zone says otherwise. Takes a session, or a Database
    (then it opens its own unit of work). `now` (default: the wall clock) decides which days are over
    and may be read from, or written to, the day rollup."""
    if isinstance(db, Database):
        async with db.unit_of_work() as session:
            return await _summarize(session, workspace_id, agent_id, start, end, time_zone, now)
    return await _summarize(db, workspace_id, agent_id, start, end, time_zone, now)


@dataclass
class _Part:
    """The numbers of one local day (or any stretch): what a day rollup row holds, and what adds up."""

    invited: Counter[tuple[str, str | None]] = field(default_factory=Counter)
    started: int = 0
    started_done: int = 0
    completed: int = 0
    buckets: list[int] = field(default_factory=lambda: [0] * len(SCORE_BUCKETS))
    minutes: Counter[int] = field(default_factory=Counter)
    shortlisted: int = 0
    dismissed: int = 0
    visits: Counter[str | None] = field(default_factory=Counter)
    daily: dict[date, tuple[int, int]] | None = None  # a month's (started, completed) per day, for the chart

    def add(self, other: _Part) -> None:
        self.invited.update(other.invited)
        self.started += other.started
        self.started_done += other.started_done
        self.completed += other.completed
        self.buckets = [a + b for a, b in zip(self.buckets, other.buckets, strict=True)]
        self.minutes.update(other.minutes)
        self.shortlisted += other.shortlisted
        self.dismissed += other.dismissed
        self.visits.update(other.visits)

    def to_json(self) -> dict[str, Any]:
        return {
            "i": [[s, t, n] for (s, t), n in self.invited.items()],
            "s": self.started,
            "sd": self.started_done,
            "c": self.completed,
            "b": self.buckets,
            "m": [[m, n] for m, n in self.minutes.items()],
            "sl": self.shortlisted,
            "dm": self.dismissed,
            "v": [[t, n] for t, n in self.visits.items()],
            **(
                {"a": [[d.isoformat(), s, c] for d, (s, c) in self.daily.items()]}
                if self.daily is not None
                else {}
            ),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> _Part:
        return cls(
            invited=Counter({(s, t): n for s, t, n in data.get("i", [])}),
            started=data.get("s", 0),
            started_done=data.get("sd", 0),
            completed=data.get("c", 0),
            buckets=list(data.get("b") or [0] * len(SCORE_BUCKETS)),
            minutes=Counter({int(m): n for m, n in data.get("m", [])}),
            shortlisted=data.get("sl", 0),
            dismissed=data.get("dm", 0),
            visits=Counter({t: n for t, n in data.get("v", [])}),
            daily={date.fromisoformat(d): (s, c) for d, s, c in data["a"]} if "a" in data else None,
        )


# A day is rolled up only once it has been over this long: a write racing the first read of a day that
# just ended would otherwise be lost until the next write to that day.
ROLLUP_GRACE = timedelta(hours=2)


async def _summarize(
    session: AsyncSession,
    workspace_id: int,
    agent_id: int | None,
    start: datetime,
    end: datetime,
    time_zone: str | None,
    now: datetime | None,
) -> AnalyticsSummary:
    tz_name = time_zone or await workspace_zone(session, workspace_id)
    tz = zone(tz_name)
    days = await _days(session, workspace_id, agent_id, start, end, tz, tz_name, now or datetime.now(UTC))
    out = AnalyticsSummary(workspace_id, agent_id, start, end, tz_name)
    total = _Part()
    for part in days.values():
        total.add(part)
    out.invited = sum(total.invited.values())
    out.by_source = sorted(
        (SourceCount(s, t, n) for (s, t), n in total.invited.items() if n),
        key=lambda c: (-c.count, c.label),
    )
    out.started, out.started_and_completed, out.completed = total.started, total.started_done, total.completed
    out.score_buckets = [(label, total.buckets[i]) for i, (_, _, label) in enumerate(SCORE_BUCKETS)]
    out.median_minutes_to_complete = _median(sorted(total.minutes.items()))
    out.shortlisted, out.dismissed = total.shortlisted, total.dismissed
    out.visits_by_tag = sorted(
        ((t, n) for t, n in total.visits.items() if n), key=lambda v: (-v[1], v[0] or "")
    )
    out.bucket = "week" if (end - start) > timedelta(days=WEEKLY_AFTER_DAYS, hours=2) else "day"
    out.activity = _activity(start, end, tz, out.bucket, days)
    return out


async def _days(
    session: AsyncSession,
    workspace_id: int,
    agent_id: int | None,
    start: datetime,
    end: datetime,
    tz: ZoneInfo,
    tz_name: str,
    now: datetime,
) -> dict[date, _Part]:
    """Each local day's numbers (a whole month's under its first day, with `daily` for the chart): from
    the rollup for days and months long over, computed from the rows (and rolled up) for those not there
    yet, and always from the rows for today and for a range that doesn't start and end at local
    midnight."""
    first = start.astimezone(tz).date()
    last = (end - timedelta(microseconds=1)).astimezone(tz).date()
    if start != local_midnight(first, tz) or end != local_midnight(last + timedelta(days=1), tz):
        return await _collect(session, workspace_id, agent_id, start, end, tz)
    closed_until = now - ROLLUP_GRACE
    closed = []
    day = first
    while day <= last and local_midnight(day + timedelta(days=1), tz) <= closed_until:
        closed.append(day)
        day += timedelta(days=1)
    out: dict[date, _Part] = {}
    if closed:
        store = _Rollup(session, workspace_id, agent_id, tz_name, tz)
        months = [d for d in closed if d.day == 1 and _month_end(d) <= closed[-1]]
        in_months = {m + timedelta(days=i) for m in months for i in range((_month_end(m) - m).days + 1)}
        out.update(await store.months(months))
        out.update(await store.days([d for d in closed if d not in in_months]))
    if day <= last:  # today and later: never rolled up
        out.update(await _collect(session, workspace_id, agent_id, local_midnight(day, tz), end, tz))
    return out


def _month_end(first: date) -> date:
    return (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)


class _Rollup:
    """Reading and filling `analytics_days` for one agent (or the workspace) in one time zone. A row is
    a local day (key "2026-10-05") or a whole local month ("2026-10", also holding each day's started and
    completed for the chart), so a year is ~12 rows rather than 365."""

    def __init__(
        self, session: AsyncSession, workspace_id: int, agent_id: int | None, tz_name: str, tz: ZoneInfo
    ):
        self.session, self.workspace_id, self.agent_id = session, workspace_id, agent_id
        self.key, self.tz_name, self.tz = agent_id or 0, tz_name, tz

    async def _read(self, keys: list[str]) -> dict[str, dict[str, Any]]:
        found: dict[str, dict[str, Any]] = {}
        for i in range(0, len(keys), 400):
            rows = await self.session.execute(
                select(AnalyticsDay.day, AnalyticsDay.data).where(
                    AnalyticsDay.workspace_id == self.workspace_id,
                    AnalyticsDay.agent_id == self.key,
                    AnalyticsDay.time_zone == self.tz_name,
                    AnalyticsDay.day.in_(keys[i : i + 400]),
                )
            )
            found.update({k: data for k, data in rows})
        return found

    async def days(self, days: list[date]) -> dict[date, _Part]:
        if not days:
            return {}
        found = await self._read([d.isoformat() for d in days])
        out = {d: _Part.from_json(found[d.isoformat()]) for d in days if d.isoformat() in found}
        missing = [d for d in days if d not in out]
        if missing:
            span_start = local_midnight(missing[0], self.tz)
            span_end = local_midnight(missing[-1] + timedelta(days=1), self.tz)
            computed = await _collect(
                self.session, self.workspace_id, self.agent_id, span_start, span_end, self.tz
            )
            for d in missing:
                out[d] = computed.get(d, _Part())
            await self._store([(d.isoformat(), d, d + timedelta(days=1), out[d]) for d in missing])
        return out

    async def months(self, months: list[date]) -> dict[date, _Part]:
        if not months:
            return {}
        found = await self._read([m.strftime("%Y-%m") for m in months])
        out = {m: _Part.from_json(found[m.strftime("%Y-%m")]) for m in months if m.strftime("%Y-%m") in found}
        missing = [m for m in months if m not in out]
        if missing:
            days = [m + timedelta(days=i) for m in missing for i in range((_month_end(m) - m).days + 1)]
            parts = await self.days(days)
            new = []
            for m in missing:
                month = _Part(daily={})
                for i in range((_month_end(m) - m).days + 1):
                    d = m + timedelta(days=i)
                    month.add(parts[d])
                    if parts[d].started or parts[d].completed:
                        month.daily[d] = (parts[d].started, parts[d].completed)  # type: ignore[index]
                out[m] = month
                new.append((m.strftime("%Y-%m"), m, _month_end(m) + timedelta(days=1), month))
            await self._store(new)
        return out

    async def _store(self, rows: list[tuple[str, date, date, _Part]]) -> None:
        values = [
            {
                "workspace_id": self.workspace_id,
                "agent_id": self.key,
                "time_zone": self.tz_name,
                "day": key,
                "starts_at": local_midnight(first, self.tz),
                "ends_at": local_midnight(after, self.tz),
                "data": part.to_json(),
            }
            for key, first, after, part in rows
        ]
        insert = dialect_insert(self.session)
        for i in range(0, len(values), 500):
            # Two readers filling the same day race harmlessly: both computed the same numbers.
            await self.session.execute(
                insert(AnalyticsDay).values(values[i : i + 500]).on_conflict_do_nothing()
            )


async def _collect(
    session: AsyncSession,
    workspace_id: int,
    agent_id: int | None,
    start: datetime,
    end: datetime,
    tz: ZoneInfo,
) -> dict[date, _Part]:
    """Every number of [start, end) from the rows, per local day: each query groups by UTC hour in the
    database, and each hour is put on the local day it starts in (so no row travels to Python)."""
    parts: dict[date, _Part] = {}

    def part(hour: Any) -> _Part:
        day = max(_to_hour(hour), start).astimezone(tz).date()
        if day not in parts:
            parts[day] = _Part()
        return parts[day]

    c_where = [*_scope(Candidate.workspace_id, Candidate.agent_id, workspace_id, agent_id)]
    h = _hour(session, Candidate.created_at).label("h")
    for hour, source, tag, n in await session.execute(
        select(h, Candidate.source, Candidate.source_tag, func.count())
        .where(*c_where, Candidate.created_at >= start, Candidate.created_at < end)
        .group_by(literal_column("h"), Candidate.source, Candidate.source_tag)
    ):
        part(hour).invited[(source or "manual", tag if source == "link" else None)] += n

    h = _hour(session, Candidate.decided_at).label("h")
    for hour, decision, n in await session.execute(
        select(h, Candidate.decision, func.count())
        .where(
            *c_where,
            Candidate.decision.in_(("shortlisted", "dismissed")),
            Candidate.decided_at >= start,
            Candidate.decided_at < end,
        )
        .group_by(literal_column("h"), Candidate.decision)
    ):
        p = part(hour)
        if decision == "shortlisted":
            p.shortlisted += n
        else:
            p.dismissed += n

    i_scope = _scope(Interview.workspace_id, Interview.agent_id, workspace_id, agent_id)
    h = _hour(session, Interview.started_at).label("h")
    for hour, n, done in await session.execute(
        select(h, func.count(), func.sum(case((Interview.status == "completed", 1), else_=0)))
        .where(*i_scope, Interview.started_at >= start, Interview.started_at < end)
        .group_by(literal_column("h"))
    ):
        p = part(hour)
        p.started += n
        p.started_done += int(done or 0)

    done_where = [
        *i_scope,
        Interview.status == "completed",
        Interview.completed_at >= start,
        Interview.completed_at < end,
    ]
    bucket_expr = case(
        *((Interview.overall_score < hi, i) for i, (_, hi, _) in enumerate(SCORE_BUCKETS)),
        else_=len(SCORE_BUCKETS) - 1,
    )
    score_bucket = case((Interview.overall_score.is_(None), -1), else_=bucket_expr).label("b")
    minutes = _minutes_between(session, Interview.started_at, Interview.completed_at).label("m")
    h = _hour(session, Interview.completed_at).label("h")
    for hour, b, m, n in await session.execute(
        select(h, score_bucket, minutes, func.count())
        .where(*done_where)
        .group_by(literal_column("h"), literal_column("b"), literal_column("m"))
    ):
        p = part(hour)
        p.completed += n
        if b is not None and int(b) >= 0:
            p.buckets[int(b)] += n
        if m is not None:
            p.minutes[int(m)] += n

    v_where = [*_scope(LinkVisit.workspace_id, LinkVisit.agent_id, workspace_id, agent_id)]
    h = _hour(session, LinkVisit.at).label("h")
    for hour, tag, n in await session.execute(
        select(h, LinkVisit.source_tag, func.count())
        .where(*v_where, LinkVisit.at >= start, LinkVisit.at < end)
        .group_by(literal_column("h"), LinkVisit.source_tag)
    ):
        part(hour).visits[tag] += n
    return parts


def _median(histogram: list[tuple[int, int]]) -> float | None:
    """The median of values given as (value, count) pairs in order (the mean of the middle two)."""
    total = sum(n for _, n in histogram)
    if not total:
        return None
    lo_rank, hi_rank = (total - 1) // 2, total // 2
    seen, lo = 0, None
    for value, n in histogram:
        if lo is None and seen + n > lo_rank:
            lo = value
        if seen + n > hi_rank:
            return (lo + value) / 2 if lo is not None else float(value)
        seen += n
    return None


def _bucket_day(day: date, bucket: str) -> date:
    return day - timedelta(days=day.weekday()) if bucket == "week" else day


def _activity(
    start: datetime, end: datetime, tz: ZoneInfo, bucket: str, days: dict[date, _Part]
) -> list[tuple[date, int, int]]:
    """Every local day (or week, by its Monday) of the range, with none left out, so a quiet day shows
    as a zero bar rather than vanishing. An hour of a zone with a half-hour offset counts on the local
    day its first minute falls in."""
    first = start.astimezone(tz).date()
    last = (end - timedelta(microseconds=1)).astimezone(tz).date()
    slots: dict[date, list[int]] = {}
    day = first
    while day <= last:
        slots.setdefault(_bucket_day(day, bucket), [0, 0])
        day += timedelta(days=1)
    for day, part in days.items():
        for d, (started, completed) in (part.daily or {day: (part.started, part.completed)}).items():
            key = _bucket_day(d, bucket)
            if key in slots:
                slots[key][0] += started
                slots[key][1] += completed
    return [(d, s, c) for d, (s, c) in sorted(slots.items())]


# ---------------------------------------------------------------- recent feed


@dataclass(frozen=True)
class FeedItem:
    at: datetime
    kind: str  # added | started | completed | rated | shortlisted | dismissed | note
    candidate_id: int
    candidate_name: str
    actor: str | None = None  # Slack user id, when a person did it
    detail: str | None = None  # score, stars, source tag...
    agent_id: int | None = None


async def recent_feed(
    db: AsyncSession | Database,
    workspace_id: int,
    agent_id: int | None,
    limit: int = 10,
    *,
    viewer_id: str | None = None,
) -> list[FeedItem]:
    """The last `limit` things that happened to candidates of the agent (or the workspace): added,
    interview begun or finished, rated, shortlisted or dismissed, a note. Each source reads only its own
    newest `limit` rows, so the feed costs the same at a million interviews as at ten.

    With `viewer_id`, ratings are blind until that person rates (services/rating_scale.py): a rating of
    a candidate they may not see yet is only "was rated", without its value or who gave it."""
    if isinstance(db, Database):
        async with db.unit_of_work() as session:
            return await _recent_feed(session, workspace_id, agent_id, limit, viewer_id)
    return await _recent_feed(db, workspace_id, agent_id, limit, viewer_id)


async def _recent_feed(
    session: AsyncSession, workspace_id: int, agent_id: int | None, limit: int, viewer_id: str | None = None
) -> list[FeedItem]:
    limit = max(1, min(limit, 50))
    items: list[FeedItem] = []
    c_scope = _scope(Candidate.workspace_id, Candidate.agent_id, workspace_id, agent_id)

    added = await session.execute(
        select(Candidate.created_at, Candidate.id, Candidate.name, Candidate.source, Candidate.source_tag)
        .where(*c_scope)
        .order_by(Candidate.created_at.desc(), Candidate.id.desc())
        .limit(limit)
    )
    for at, cid, name, source, tag in added:
        label = SourceCount(source, tag if source == "link" else None, 0).label
        items.append(FeedItem(at, "added", cid, name, detail=label))

    i_scope = _scope(Interview.workspace_id, Interview.agent_id, workspace_id, agent_id)
    began = await session.execute(
        select(Interview.started_at, Candidate.id, Candidate.name)
        .join(Candidate, Candidate.id == Interview.candidate_id)
        .where(*i_scope)
        .order_by(Interview.started_at.desc(), Interview.id.desc())
        .limit(limit)
    )
    items += [FeedItem(at, "started", cid, name) for at, cid, name in began]
    finished = await session.execute(
        select(Interview.completed_at, Candidate.id, Candidate.name, Interview.overall_score)
        .join(Candidate, Candidate.id == Interview.candidate_id)
        .where(*i_scope, Interview.status == "completed", Interview.completed_at.is_not(None))
        .order_by(Interview.completed_at.desc(), Interview.id.desc())
        .limit(limit)
    )
    for done_at, cid, name, score in finished:
        if done_at is None:  # the query leaves these out already; narrows the type
            continue
        items.append(
            FeedItem(done_at, "completed", cid, name, detail=None if score is None else f"{score:g}")
        )

    joined = [Candidate.workspace_id == workspace_id] + ([Candidate.agent_id == agent_id] if agent_id else [])
    rated = (
        await session.execute(
            select(
                Rating.updated_at,
                Candidate.id,
                Candidate.name,
                Rating.slack_user_id,
                Rating.kind,
                Rating.value,
                Candidate.decision,
            )
            .join(Candidate, Candidate.id == Rating.candidate_id)
            .where(Rating.workspace_id == workspace_id, *joined)
            .order_by(Rating.updated_at.desc(), Rating.id.desc())
            .limit(limit)
        )
    ).all()
    rated_by_viewer: set[int] = set()
    if viewer_id is not None and rated:
        rated_by_viewer = set(
            await session.scalars(
                select(Rating.candidate_id).where(
                    Rating.workspace_id == workspace_id,
                    Rating.slack_user_id == viewer_id,
                    Rating.candidate_id.in_({row[1] for row in rated}),
                )
            )
        )
    for at, cid, name, who, kind, value, decision in rated:
        if viewer_id is not None and not ratings_visible(
            viewer_has_rated=cid in rated_by_viewer, decision=decision
        ):
            items.append(FeedItem(at, "rated", cid, name))  # blind: neither the value nor the rater
            continue
        detail = ("👍" if value > 0 else "👎") if kind == "thumbs" else "★" * max(0, min(5, int(value)))
        items.append(FeedItem(at, "rated", cid, name, actor=who, detail=detail))
    decided = await session.execute(
        select(
            CandidateDecision.decided_at,
            Candidate.id,
            Candidate.name,
            CandidateDecision.decided_by,
            CandidateDecision.decision,
        )
        .join(Candidate, Candidate.id == CandidateDecision.candidate_id)
        .where(CandidateDecision.workspace_id == workspace_id, CandidateDecision.undone_at.is_(None), *joined)
        .order_by(CandidateDecision.decided_at.desc(), CandidateDecision.id.desc())
        .limit(limit)
    )
    items += [FeedItem(at, decision, cid, name, actor=who) for at, cid, name, who, decision in decided]
    noted = await session.execute(
        select(Note.created_at, Candidate.id, Candidate.name, Note.author_id)
        .join(Candidate, Candidate.id == Note.candidate_id)
        .where(Note.workspace_id == workspace_id, *joined)
        .order_by(Note.created_at.desc(), Note.id.desc())
        .limit(limit)
    )
    items += [FeedItem(at, "note", cid, name, actor=who) for at, cid, name, who in noted]

    order = {
        "added": 0,
        "started": 1,
        "completed": 2,
        "rated": 3,
        "note": 4,
        "shortlisted": 5,
        "dismissed": 5,
    }
    items.sort(key=lambda i: (i.at, order.get(i.kind, 9)), reverse=True)
    items = items[:limit]
    rows = await session.execute(
        select(Candidate.id, Candidate.agent_id).where(
            Candidate.workspace_id == workspace_id, Candidate.id.in_({i.candidate_id for i in items})
        )
    )
    agent_of = {cid: aid for cid, aid in rows}
    return [replace(i, agent_id=agent_of.get(i.candidate_id)) for i in items]
