"""Reading one page of the candidate list in its order.

Two ways to read a page. "Order first" walks the sort's index in order and checks each row against the
filters, stopping after the page: best when many candidates match. "Filter first" finds the matches
through the covering filter index and sorts them: best when few do. Up to PROBE matches are simply
fetched by id and sorted among themselves (SQLite only; PostgreSQL plans few matches well by itself). The
count of matches (needed for "31–60 of 412" anyway) decides, and `unindexed` keeps SQLite's
statistics-free planner to that choice.

Sorts on a value some candidates lack (score, completion, rating) read in two segments: those with the
value, in the chosen order, then the rest, newest first. Missing values stay last either way, and each
segment is an index range, where one ORDER BY ... NULLS LAST would sort the whole agent.

Ratings are blind until you rate (services/rating_scale.py): sorting by rating orders only the candidates
whose ratings the viewer may see (rated by them, or shortlisted or dismissed); the others follow, newest
first, so the order itself gives nothing away."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from milobot.db.models import Candidate
from milobot.db.unindexed import unindexed
from milobot.services.candidate_list_repo import (
    BY_ID,
    DECIDED,
    Build,
    Columns,
    Matches,
    Scope,
    mine,
)
from milobot.services.candidate_query import ListQuery

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

        def present(c: Columns) -> list[ColumnElement[bool]]:
            return [getattr(c, column).is_not(None)]

        def absent(c: Columns) -> list[ColumnElement[bool]]:
            return [getattr(c, column).is_(None)]

        # One index (workspace, agent, key, created_at, id) serves both: a range for those with the key,
        # and "key IS NULL" already in date order for the rest.
        walk = frozenset({"scope", column, "created_at"})
        return [
            _Segment(present, (column, "created_at"), desc, walk, ((present, 1, False),)),
            _Segment(absent, newest, True, walk),
        ]

    # rating: only what this viewer may see is ordered by it (rated by them, or decided)
    def visible(c: Columns) -> list[ColumnElement[bool]]:
        return [c.rating_avg.is_not(None), or_(c.decision.in_(DECIDED), c.id.in_(mine(scope)))]

    def decided(c: Columns) -> list[ColumnElement[bool]]:
        return [c.rating_avg.is_not(None), c.decision.in_(DECIDED)]

    def mine_undecided(c: Columns) -> list[ColumnElement[bool]]:
        return [c.rating_avg.is_not(None), c.decision.not_in(DECIDED), c.id.in_(mine(scope))]

    def hidden(c: Columns) -> list[ColumnElement[bool]]:
        return [or_(c.rating_avg.is_(None), and_(c.decision.not_in(DECIDED), c.id.not_in(mine(scope))))]

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
    session: AsyncSession,
    m: Matches,
    seg: _Segment,
    *,
    offset: int,
    limit: int | None,
    order_first: bool,
    size: int | None = None,
) -> list[int]:
    """`size`: how many rows the segment holds, when known exactly. A page in its far half is then read
    from the other end, in the reverse order (every key reversed, the id too, so ties reverse exactly),
    and turned round: the last page of 100,000 skips 0 rows instead of 99,970."""
    if size is not None and limit is not None and offset > size // 2:
        take = min(limit, size - offset)
        if take <= 0:
            return []
        back = replace(seg, desc=not seg.desc)
        got = await _segment_page(
            session, m, back, offset=size - offset - take, limit=take, order_first=order_first
        )
        return got[::-1]
    if order_first:
        c = Columns(seg.walk)
        keys = [getattr(Candidate, name) for name in seg.order]
    else:
        c = Columns(m.sorting())
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
    m: Matches,
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
        # Exact when counted: this segment's rows (or, for the last, all that the others left).
        exact = size if (offset >= deep and m.ids is None) else None
        got = await _segment_page(session, m, seg, offset=offset, limit=want, order_first=first, size=exact)
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
    if not query.has_filters or limit <= 0 or session.get_bind().dialect.name != "sqlite":
        # PostgreSQL plans few matches well by itself (statistics, bitmap scans, top-N sorts).
        return None
    m = Matches(scope, query)
    c = Columns(BY_ID if query.rated == "rated" else m.finding())
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
    m = Matches(scope, query, found)
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
    m = Matches(scope, query)
    return await _ordered(session, m, offset=0, limit=None, matches=0, everyone=0)
