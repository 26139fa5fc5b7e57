"""Analytics of one agent or a whole workspace over a date range: plain numbers out, no roles (the
caller has checked the reader belongs to the workspace), always filtered on workspace_id.

Speed: every query is a range over an index that leads with (workspace_id[, agent_id]) and carries the
columns it reads (migration 0011), and groups in the database — by UTC hour for the activity chart
(turned into local days here, so a day with a DST change is still one local day) and by whole minutes
for the median time to complete — so no query ships one row per interview to Python."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Integer, case, cast, func, literal_column, select
from sqlalchemy.ext.asyncio import AsyncSession

from milobot.db.engine import Database
from milobot.db.models import (
    Agent,
    Candidate,
    CandidateDecision,
    Interview,
    LinkVisit,
    Note,
    Rating,
    Workspace,
)
from milobot.services.analytics_range import zone

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
) -> AnalyticsSummary:
    """The numbers of one agent (or, with agent_id None, every agent of the workspace) for [start, end).
    Days are the workspace's local days unless time_zone says otherwise. Takes a session, or a Database
    (then it opens its own read-only unit of work)."""
    if isinstance(db, Database):
        async with db.unit_of_work() as session:
            return await _summarize(session, workspace_id, agent_id, start, end, time_zone)
    return await _summarize(db, workspace_id, agent_id, start, end, time_zone)


async def _summarize(
    session: AsyncSession,
    workspace_id: int,
    agent_id: int | None,
    start: datetime,
    end: datetime,
    time_zone: str | None,
) -> AnalyticsSummary:
    tz_name = time_zone or await workspace_zone(session, workspace_id)
    tz = zone(tz_name)
    out = AnalyticsSummary(workspace_id, agent_id, start, end, tz_name)

    # Candidates added, by source (and share-link tag).
    c_where = [*_scope(Candidate.workspace_id, Candidate.agent_id, workspace_id, agent_id)]
    c_where += [Candidate.created_at >= start, Candidate.created_at < end]
    rows = await session.execute(
        select(Candidate.source, Candidate.source_tag, func.count())
        .where(*c_where)
        .group_by(Candidate.source, Candidate.source_tag)
    )
    by_source: Counter[tuple[str, str | None]] = Counter()
    for source, tag, n in rows:
        by_source[(source or "manual", tag if source == "link" else None)] += n
    out.by_source = sorted(
        (SourceCount(s, t, n) for (s, t), n in by_source.items()), key=lambda c: (-c.count, c.label)
    )
    out.invited = sum(by_source.values())

    # Decisions taken in the range that still stand.
    d_where = [*_scope(Candidate.workspace_id, Candidate.agent_id, workspace_id, agent_id)]
    d_where += [Candidate.decision.in_(("shortlisted", "dismissed"))]
    d_where += [Candidate.decided_at >= start, Candidate.decided_at < end]
    for decision, n in await session.execute(
        select(Candidate.decision, func.count()).where(*d_where).group_by(Candidate.decision)
    ):
        setattr(out, decision, n)

    # Interviews begun, per UTC hour, and how many of them are finished.
    i_scope = _scope(Interview.workspace_id, Interview.agent_id, workspace_id, agent_id)
    hour = _hour(session, Interview.started_at).label("h")
    started_hours: list[tuple[datetime, int]] = []
    for h, n, done in await session.execute(
        select(hour, func.count(), func.sum(case((Interview.status == "completed", 1), else_=0)))
        .where(*i_scope, Interview.started_at >= start, Interview.started_at < end)
        .group_by(literal_column("h"))
    ):
        started_hours.append((_to_hour(h), n))
        out.started += n
        out.started_and_completed += int(done or 0)

    # Interviews finished, per UTC hour and score bucket; and the minutes each took, grouped.
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
    hour_c = _hour(session, Interview.completed_at).label("h")
    completed_hours: list[tuple[datetime, int]] = []
    buckets = [0] * len(SCORE_BUCKETS)
    for h, b, n in await session.execute(
        select(hour_c, score_bucket, func.count())
        .where(*done_where)
        .group_by(literal_column("h"), literal_column("b"))
    ):
        completed_hours.append((_to_hour(h), n))
        out.completed += n
        if b is not None and int(b) >= 0:
            buckets[int(b)] += n
    out.score_buckets = [(label, buckets[i]) for i, (_, _, label) in enumerate(SCORE_BUCKETS)]

    minutes = _minutes_between(session, Interview.started_at, Interview.completed_at).label("m")
    histogram = [
        (int(m), n)
        for m, n in await session.execute(
            select(minutes, func.count())
            .where(*done_where)
            .group_by(literal_column("m"))
            .order_by(literal_column("m"))
        )
        if m is not None
    ]
    out.median_minutes_to_complete = _median(histogram)

    # Opens of the agent's share links, by source tag.
    v_where = [*_scope(LinkVisit.workspace_id, LinkVisit.agent_id, workspace_id, agent_id)]
    v_where += [LinkVisit.at >= start, LinkVisit.at < end]
    visits = await session.execute(
        select(LinkVisit.source_tag, func.count()).where(*v_where).group_by(LinkVisit.source_tag)
    )
    out.visits_by_tag = sorted(((t, n) for t, n in visits), key=lambda v: (-v[1], v[0] or ""))

    out.bucket = "week" if (end - start) > timedelta(days=WEEKLY_AFTER_DAYS, hours=2) else "day"
    out.activity = _activity(start, end, tz, out.bucket, started_hours, completed_hours)
    return out


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
    start: datetime,
    end: datetime,
    tz: ZoneInfo,
    bucket: str,
    started: list[tuple[datetime, int]],
    completed: list[tuple[datetime, int]],
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
    for index, series in enumerate((started, completed)):
        for hour, n in series:
            key = _bucket_day(max(hour, start).astimezone(tz).date(), bucket)
            if key in slots:
                slots[key][index] += n
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


async def recent_feed(
    db: AsyncSession | Database, workspace_id: int, agent_id: int | None, limit: int = 10
) -> list[FeedItem]:
    """The last `limit` things that happened to candidates of the agent (or the workspace): added,
    interview begun or finished, rated, shortlisted or dismissed, a note. Each source reads only its own
    newest `limit` rows, so the feed costs the same at a million interviews as at ten."""
    if isinstance(db, Database):
        async with db.unit_of_work() as session:
            return await _recent_feed(session, workspace_id, agent_id, limit)
    return await _recent_feed(db, workspace_id, agent_id, limit)


async def _recent_feed(
    session: AsyncSession, workspace_id: int, agent_id: int | None, limit: int
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
    for at, cid, name, score in finished:
        items.append(FeedItem(at, "completed", cid, name, detail=None if score is None else f"{score:g}"))

    joined = [Candidate.workspace_id == workspace_id] + ([Candidate.agent_id == agent_id] if agent_id else [])
    rated = await session.execute(
        select(
            Rating.updated_at, Candidate.id, Candidate.name, Rating.slack_user_id, Rating.kind, Rating.value
        )
        .join(Candidate, Candidate.id == Rating.candidate_id)
        .where(Rating.workspace_id == workspace_id, *joined)
        .order_by(Rating.updated_at.desc(), Rating.id.desc())
        .limit(limit)
    )
    for at, cid, name, who, kind, value in rated:
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
    return items[:limit]


async def agents_of(session: AsyncSession, workspace_id: int) -> dict[int, str]:
    rows = await session.execute(select(Agent.id, Agent.name).where(Agent.workspace_id == workspace_id))
    return {i: n for i, n in rows}
