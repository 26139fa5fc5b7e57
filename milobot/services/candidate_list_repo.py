"""The candidate list's queries: plain rows out, no roles (the service checks those first).

Speed at 100,000 candidates in one agent comes from the read model on `candidates` (score, completion
time and rating kept there by triggers, the folded search text by an ORM hook) and one index per sort,
each led by (workspace_id, agent_id). Every page is read in index order and stops after the page, and the
count of a filter is an index range or an index-only scan.

Sorts on a value some candidates lack (score, completion, rating) read in two segments: those with the
value, in the chosen order, then the rest, newest first. Nulls stay last either way, and each segment is
an index scan, where a single ORDER BY ... NULLS LAST would sort the whole agent.

Ratings are blind until you rate (services/rating_scale.py): sorting by rating orders only the candidates
whose ratings the viewer may see (rated by them, or shortlisted or dismissed); the others follow, newest
first, so the order itself gives nothing away."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from milobot.db.models import Candidate, Rating
from milobot.db.unindexed import unindexed
from milobot.services.candidate_query import SOURCE_COLUMN, ListQuery
from milobot.services.rating_scale import ratings_visible

DECIDED = ("shortlisted", "dismissed")


@dataclass(frozen=True)
class Scope:
    """Whose list: the workspace and agent already checked by the service, and the viewer."""

    workspace_id: int
    agent_id: int
    user_id: str
    time_zone: str = "UTC"


@dataclass(frozen=True)
class CandidateRow:
    id: int
    name: str
    email: str | None
    phone: str | None
    location: str | None
    title: str | None
    status: str
    decision: str
    source: str
    source_tag: str | None
    created_at: datetime
    completed_at: datetime | None
    score: float | None
    rating_count: int
    rating_avg: float | None  # None when there are none, or when the viewer may not see them yet
    ratings_visible: bool
    rated_by_me: bool


# ---------------------------------------------------------------- filters, steered
#
# Two ways to read a page. "Order first" walks the sort's index in order and checks each row against the
# filters, stopping after the page: best when many candidates match. "Filter first" finds the matches
# through the covering filter index and sorts them: best when few do. The count of matches (needed for
# "31–60 of 412" anyway) decides, and `unindexed` keeps SQLite's statistics-free planner to that choice.

# Relative costs, in microseconds, measured on SQLite at 100,000 candidates: a row looked up from an index
# entry, an entry of the covering filter index scanned, a match sorted.
LOOKUP, SCAN, SORT = 4.0, 0.15, 0.3
# At most this many matches are simply fetched, and sorted among themselves.
PROBE = 1000

_SORT_COLUMN = {
    "added": "created_at",
    "completed": "completed_at",
    "score": "score",
    "rating": "rating_avg",
    "name": "search_text",
}
_EVERYTHING = frozenset(
    {"scope", "status", "decision", "source", "source_tag", "score", "created_at", "completed_at"}
    | {"search_text", "rating_avg", "id"}
)


def _mine(scope: Scope):
    return select(Rating.candidate_id).where(
        Rating.workspace_id == scope.workspace_id, Rating.slack_user_id == scope.user_id
    )


def _day_start(day: date, zone: str) -> datetime:
    try:
        tz = ZoneInfo(zone)
    except (KeyError, ValueError):  # an unknown zone name in settings: fall back to UTC, never fail
        tz = ZoneInfo("UTC")
    return datetime.combine(day, time.min, tzinfo=tz)


class _Columns:
    """The candidate columns, plain where they may drive an index and `unindexed` elsewhere."""

    def __init__(self, plain: frozenset[str]):
        self.plain = plain

    def __getattr__(self, name: str):
        column = getattr(Candidate, name)
        return column if name in self.plain else unindexed(column)

    def scope(self, scope: Scope) -> list[ColumnElement[bool]]:
        if "scope" in self.plain:
            return [Candidate.workspace_id == scope.workspace_id, Candidate.agent_id == scope.agent_id]
        return [
            unindexed(Candidate.workspace_id) == scope.workspace_id,
            unindexed(Candidate.agent_id) == scope.agent_id,
        ]


def _dimensions(query: ListQuery) -> int:
    return sum(
        bool(x)
        for x in (
            query.statuses,
            query.decisions,
            query.score_min is not None or query.score_max is not None,
            query.date_from or query.date_to,
            query.sources,
            query.folded_text,
        )
    )


def _filtering(query: ListQuery, rated: str, *, more: int = 0) -> frozenset[str]:
    """What may drive when the filters find the rows: the viewer's ratings when only rated ones count;
    a lone filter's own index; else the covering filter index (led by status). `more`: conditions
    beyond the query's (a sort's segment)."""
    if rated == "rated":
        return frozenset({"id"})
    if _dimensions(query) + more <= 1:
        return _EVERYTHING
    return frozenset({"scope", "status"})


def conditions(scope: Scope, query: ListQuery, *, rated: str | None = None, plain=_EVERYTHING) -> list:
    """The filters as SQL. `rated` overrides the query's rated-by-me filter ("any" leaves it out)."""
    c = _Columns(plain)
    rated = query.rated if rated is None else rated
    out: list[ColumnElement[bool]] = c.scope(scope)
    if query.statuses:
        out.append(c.status.in_(query.statuses))
    if query.decisions:
        out.append(c.decision.in_(query.decisions))
    if query.score_min is not None:
        out.append(c.score >= query.score_min)
    if query.score_max is not None:
        out.append(c.score <= query.score_max)
    if query.date_from or query.date_to:
        column = c.completed_at if query.date_field == "completed" else c.created_at
        if query.date_from:
            out.append(column >= _day_start(query.date_from, scope.time_zone))
        if query.date_to:  # the whole last day, in the workspace's time zone
            out.append(column < _day_start(query.date_to + timedelta(days=1), scope.time_zone))
    if query.sources:
        out.append(or_(*(_source_condition(c, s) for s in query.sources)))
    if query.folded_text:
        out.append(c.search_text.contains(query.folded_text, autoescape=True))
    if rated == "rated":
        out.append(c.id.in_(_mine(scope)))
    elif rated == "unrated":
        out.append(c.id.not_in(_mine(scope)))
    return out


def _source_condition(c: _Columns, value: str) -> ColumnElement[bool]:
    if value.startswith("tag:"):
        tag = value[4:]
        untagged = or_(c.source_tag.is_(None), c.source_tag == "")
        return and_(c.source == "link", untagged if not tag else c.source_tag == tag)
    return c.source == SOURCE_COLUMN[value]


async def _count(session: AsyncSession, where: list) -> int:
    return int(await session.scalar(select(func.count()).select_from(Candidate).where(*where)) or 0)


Build = Callable[[_Columns], list]


class _Matches:
    """The candidates a list shows: those the query's filters pick, or, once a probe found that few
    match, exactly those ids (then every later step drives from the ids)."""

    def __init__(self, scope: Scope, query: ListQuery, ids: list[int] | None = None):
        self.scope, self.query, self.ids = scope, query, ids

    def where(self, c: _Columns, *, rated: str | None = None) -> list:
        if self.ids is not None:
            return c.scope(self.scope) + [Candidate.id.in_(self.ids)]
        return conditions(self.scope, self.query, rated=rated, plain=c.plain)

    def finding(self, *, more: int = 0) -> frozenset[str]:
        """What may drive a query that looks for matches (counts, the probe)."""
        return _BY_ID if self.ids is not None else _filtering(self.query, self.query.rated, more=more)

    def sorting(self) -> frozenset[str]:
        """What may drive when the matches are found first and then sorted: the ids, or the viewer's
        ratings, or the covering filter index (which holds every sort key)."""
        if self.ids is not None or self.query.rated == "rated":
            return _BY_ID
        return frozenset({"scope", "status"})

    async def count(
        self, session: AsyncSession, extra: Build | None = None, *, more: int = 0, by_mine: bool = False
    ) -> int:
        """How many match (and `extra`, a sort's segment reading `more` columns, when given); `by_mine`:
        `extra` holds the viewer's ratings, so let them drive."""

        async def part(rated: str | None) -> int:
            c = _Columns(_BY_ID if by_mine else self.finding(more=more))
            if rated == "rated":
                c = _Columns(_BY_ID)
            return await _count(session, self.where(c, rated=rated) + (extra(c) if extra else []))

        if self.ids is None and self.query.rated == "unrated":
            # All minus rated-by-me: two cheap counts, where NOT IN would probe the viewer's ratings
            # once per candidate of the agent.
            return max(0, await part("any") - await part("rated"))
        return await part(None)


_BY_ID = frozenset({"id"})


# ---------------------------------------------------------------- order and pages


Part = tuple[Build, int, bool]  # a condition, the columns it reads, whether the viewer's ratings drive it


@dataclass(frozen=True)
class _Segment:
    """One run of the list's order: rows meeting `where` (None: all), ordered by `order` columns, read
    in order through the index on `walk` (what stays plain when walking), counted as disjoint `parts`."""

    where: Build | None
    order: tuple[str, ...]
    desc: bool
    walk: frozenset[str]
    parts: tuple[Part, ...] = ()


def _segments(scope: Scope, query: ListQuery) -> list[_Segment]:
    """A sort on a value every candidate has is one segment. On a value some lack, those with it come
    first (ties: newest first, or oldest first going up), then the rest, newest first."""
    key, desc = query.sort_key, query.descending
    column = _SORT_COLUMN[key]
    newest = ("created_at",)
    if key in ("added", "name"):
        return [_Segment(None, (column,), desc, frozenset({"scope", column}))]
    if key in ("score", "completed"):

        def present(c: _Columns) -> list:
            return [getattr(c, column).is_not(None)]

        def absent(c: _Columns) -> list:
            return [getattr(c, column).is_(None)]

        # One index (workspace, agent, key, created_at, id) serves both: a range for those with the key,
        # and "key IS NULL" already in date order for the rest.
        walk = frozenset({"scope", column, "created_at"})
        return [
            _Segment(present, (column, "created_at"), desc, walk, ((present, 1, False),)),
            _Segment(absent, newest, True, walk),
        ]

    # rating: only what this viewer may see is ordered by it (rated by them, or decided)
    def visible(c: _Columns) -> list:
        return [c.rating_avg.is_not(None), or_(c.decision.in_(DECIDED), c.id.in_(_mine(scope)))]

    def decided(c: _Columns) -> list:
        return [c.rating_avg.is_not(None), c.decision.in_(DECIDED)]

    def mine_undecided(c: _Columns) -> list:
        return [c.rating_avg.is_not(None), c.decision.not_in(DECIDED), c.id.in_(_mine(scope))]

    def hidden(c: _Columns) -> list:
        return [or_(c.rating_avg.is_(None), and_(c.decision.not_in(DECIDED), c.id.not_in(_mine(scope))))]

    return [
        _Segment(
            visible,
            (column, "created_at"),
            desc,
            frozenset({"scope", column}),
            ((decided, 2, False), (mine_undecided, 2, True)),
        ),
        _Segment(hidden, newest, True, frozenset({"scope", "created_at"})),
    ]


def _order_first(matches: int, everyone: int, offset: int, limit: int | None) -> bool:
    """Walk the sort's index (checking each row) rather than find the matches and sort them?"""
    if limit is None:
        return False
    if matches >= everyone:
        return True
    visits = min(everyone, (offset + limit) * everyone / max(matches, 1))
    return visits * LOOKUP <= everyone * SCAN + matches * SORT


async def _segment_page(
    session, m: _Matches, seg: _Segment, *, offset, limit, order_first: bool
) -> list[int]:
    if order_first:
        c = _Columns(seg.walk)
        keys = [getattr(Candidate, name) for name in seg.order]
    else:
        c = _Columns(m.sorting())
        keys = [unindexed(getattr(Candidate, name)) for name in seg.order]
    keys.append(Candidate.id)
    where = m.where(c) + (seg.where(c) if seg.where else [])
    stmt = select(Candidate.id).where(*where).order_by(*(k.desc() if seg.desc else k.asc() for k in keys))
    stmt = stmt.offset(offset)
    if limit is not None:
        stmt = stmt.limit(limit)
    return list((await session.scalars(stmt)).all())


DEEP = 300  # past this offset, count a segment before reading it rather than read it to find it short


async def _ordered(
    session: AsyncSession,
    m: _Matches,
    *,
    offset: int,
    limit: int | None,
    matches: int,
    everyone: int,
    plan: str | None = None,
    deep: int = DEEP,
) -> list[int]:
    ids: list[int] = []
    segments = _segments(m.scope, m.query)
    remaining = matches  # in this segment and the ones after it (an upper bound until counted)
    for n, seg in enumerate(segments):
        last = n == len(segments) - 1
        size = remaining
        if not last and offset >= deep:  # where does this segment end?
            size = 0
            for part, columns, by_mine in seg.parts:
                size += await m.count(session, part, more=columns, by_mine=by_mine)
            if offset >= size:
                offset -= size
                remaining = max(0, remaining - size)
                continue
        want = None if limit is None else limit - len(ids)
        if plan is not None:
            first = plan == "order" and want is not None
        else:
            first = not m.query.has_filters or _order_first(size, everyone, offset, want)
        first = first and m.ids is None and want is not None
        got = await _segment_page(session, m, seg, offset=offset, limit=want, order_first=first)
        ids += got
        if last or (want is not None and len(got) >= want):
            break
        if got or offset == 0:
            offset = 0  # the segment ended inside this page: the next one starts at its beginning
        else:  # the page starts past this segment: count it to know by how much
            size = 0
            for part, columns, by_mine in seg.parts:
                size += await m.count(session, part, more=columns, by_mine=by_mine)
            offset = max(0, offset - size)
        remaining = max(0, remaining - (size if size != remaining else len(got)))
    return ids


async def _probe(session: AsyncSession, scope: Scope, query: ListQuery, limit: int) -> list[int] | None:
    """The ids of every match when there are at most `limit` of them; None when there are more (it stops
    reading at limit + 1, so a broad filter costs little here)."""
    if not query.has_filters or limit <= 0 or session.bind.dialect.name != "sqlite":
        # PostgreSQL plans few matches well by itself (statistics, bitmap scans, top-N sorts).
        return None
    m = _Matches(scope, query)
    c = _Columns(_BY_ID if query.rated == "rated" else m.finding())
    found = (await session.scalars(select(Candidate.id).where(*m.where(c)).limit(limit + 1))).all()
    return list(found) if len(found) <= limit else None


async def list_page(
    session: AsyncSession,
    scope: Scope,
    query: ListQuery,
    *,
    page: int,
    size: int,
    everyone: Callable[[], Awaitable[int]],
    probe: int = PROBE,
    plan: str | None = None,
    deep: int = DEEP,
) -> tuple[int, int, list[int]]:
    """(how many match, the page shown, its ids in order). A page past the end shows the last one.
    `everyone()`: how many candidates the agent has (a recent figure will do; it only picks the plan).
    `probe`, `plan` ("order" or "filter") and `deep` force a way of reading, for tests that hold them
    equal."""
    found = await _probe(session, scope, query, probe)
    m = _Matches(scope, query, found)
    matches = len(found) if found is not None else await m.count(session)
    page = max(0, min(page, max(0, (matches - 1) // size)))
    if matches == 0:
        return 0, 0, []
    total = matches if found is not None or not query.has_filters else await everyone()
    ids = await _ordered(
        session,
        m,
        offset=page * size,
        limit=size,
        matches=matches,
        everyone=max(total, matches),
        plan=plan,
        deep=deep,
    )
    return matches, page, ids


async def all_ids(session: AsyncSession, scope: Scope, query: ListQuery) -> list[int]:
    """Every match in order (for export)."""
    m = _Matches(scope, query)
    return await _ordered(session, m, offset=0, limit=None, matches=0, everyone=0)


async def count(session: AsyncSession, scope: Scope, query: ListQuery) -> int:
    return await _Matches(scope, query).count(session)


async def agent_total(session: AsyncSession, scope: Scope) -> int:
    return await _count(session, _Columns(_EVERYTHING).scope(scope))


async def rows(session: AsyncSession, scope: Scope, ids: list[int]) -> list[CandidateRow]:
    """The rows for these ids, in the order given, with the blind-until-you-rate rule applied."""
    if not ids:
        return []
    rated_by_me = (
        select(Rating.id)
        .where(
            Rating.workspace_id == scope.workspace_id,
            Rating.slack_user_id == scope.user_id,
            Rating.candidate_id == Candidate.id,
        )
        .exists()
    )
    found = {
        c.id: c
        for c in (
            await session.execute(
                select(
                    Candidate.id,
                    Candidate.name,
                    Candidate.email,
                    Candidate.phone,
                    Candidate.location,
                    Candidate.current_title,
                    Candidate.status,
                    Candidate.decision,
                    Candidate.source,
                    Candidate.source_tag,
                    Candidate.created_at,
                    Candidate.completed_at,
                    Candidate.score,
                    Candidate.rating_count,
                    Candidate.rating_avg,
                    rated_by_me.label("mine"),
                ).where(Candidate.workspace_id == scope.workspace_id, Candidate.id.in_(ids))
            )
        ).all()
    }
    out = []
    for cid in ids:
        c = found.get(cid)
        if c is None:  # erased between the two reads
            continue
        visible = ratings_visible(viewer_has_rated=bool(c.mine), decision=c.decision)
        out.append(
            CandidateRow(
                id=c.id,
                name=c.name,
                email=c.email,
                phone=c.phone,
                location=c.location,
                title=c.current_title,
                status=c.status,
                decision=c.decision,
                source=c.source,
                source_tag=c.source_tag,
                created_at=c.created_at,
                completed_at=c.completed_at,
                score=c.score,
                rating_count=int(c.rating_count or 0),
                rating_avg=c.rating_avg if visible else None,
                ratings_visible=visible,
                rated_by_me=bool(c.mine),
            )
        )
    return out


async def source_tags(session: AsyncSession, scope: Scope, *, limit: int = 90) -> list[str]:
    """The share-link source tags this agent's candidates came through (for the source filter)."""
    found = await session.scalars(
        select(Candidate.source_tag)
        .where(
            Candidate.workspace_id == scope.workspace_id,
            Candidate.agent_id == scope.agent_id,
            Candidate.source == "link",
            Candidate.source_tag.is_not(None),
            Candidate.source_tag != "",
        )
        .group_by(Candidate.source_tag)
        .order_by(Candidate.source_tag)
        .limit(limit)
    )
    return list(found.all())
