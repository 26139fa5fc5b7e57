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

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from milobot.db.models import Candidate, Rating
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


# ---------------------------------------------------------------- filters


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


def _source_condition(value: str) -> ColumnElement[bool]:
    if value.startswith("tag:"):
        tag = value[4:]
        untagged = or_(Candidate.source_tag.is_(None), Candidate.source_tag == "")
        return and_(Candidate.source == "link", untagged if not tag else Candidate.source_tag == tag)
    return Candidate.source == SOURCE_COLUMN[value]


def conditions(scope: Scope, query: ListQuery, *, rated: bool = True) -> list[ColumnElement[bool]]:
    """`rated=False` leaves out the rated-by-me filter (for counting "not rated" as all minus rated)."""
    out: list[ColumnElement[bool]] = [
        Candidate.workspace_id == scope.workspace_id,
        Candidate.agent_id == scope.agent_id,
    ]
    if query.statuses:
        out.append(Candidate.status.in_(query.statuses))
    if query.decisions:
        out.append(Candidate.decision.in_(query.decisions))
    if query.score_min is not None:
        out.append(Candidate.score >= query.score_min)
    if query.score_max is not None:
        out.append(Candidate.score <= query.score_max)
    if query.date_from or query.date_to:
        column = Candidate.completed_at if query.date_field == "completed" else Candidate.created_at
        if query.date_from:
            out.append(column >= _day_start(query.date_from, scope.time_zone))
        if query.date_to:  # the whole last day, in the workspace's time zone
            out.append(column < _day_start(query.date_to + timedelta(days=1), scope.time_zone))
    if query.sources:
        out.append(or_(*(_source_condition(s) for s in query.sources)))
    if query.folded_text:
        out.append(Candidate.search_text.contains(query.folded_text, autoescape=True))
    if rated and query.rated == "rated":
        out.append(Candidate.id.in_(_mine(scope)))
    if rated and query.rated == "unrated":
        out.append(Candidate.id.not_in(_mine(scope)))
    return out


async def count(session: AsyncSession, scope: Scope, query: ListQuery) -> int:
    if query.rated == "unrated":
        # All minus rated-by-me: two index scans, where NOT IN would probe the viewer's ratings once per
        # candidate of the agent.
        everyone = await _count(session, conditions(scope, query, rated=False))
        rated = await _count(
            session, conditions(scope, query, rated=False) + [Candidate.id.in_(_mine(scope))]
        )
        return max(0, everyone - rated)
    return await _count(session, conditions(scope, query))


async def _count(session: AsyncSession, where: list[ColumnElement[bool]]) -> int:
    return int(await session.scalar(select(func.count()).select_from(Candidate).where(*where)) or 0)


# ---------------------------------------------------------------- order and pages


def _newest_first():
    return (Candidate.created_at.desc(), Candidate.id.desc())


def _segments(scope: Scope, query: ListQuery):
    """(condition of the first segment, its order, the rest's condition, the rest's order); a sort on
    a value every candidate has is one segment (the rest's condition is None)."""
    key, desc = query.sort_key, query.descending

    def ordered(column):
        return (column.desc(), Candidate.id.desc()) if desc else (column.asc(), Candidate.id.asc())

    if key == "added":
        return None, ordered(Candidate.created_at), None, None
    if key == "name":
        return None, ordered(Candidate.search_text), None, None
    if key in ("score", "completed"):
        column = Candidate.score if key == "score" else Candidate.completed_at
        return column.is_not(None), ordered(column), column.is_(None), _newest_first()
    # rating: only what this viewer may see is ordered by it
    visible = and_(
        Candidate.rating_avg.is_not(None),
        or_(Candidate.decision.in_(DECIDED), Candidate.id.in_(_mine(scope))),
    )
    hidden = or_(
        Candidate.rating_avg.is_(None),
        and_(Candidate.decision.not_in(DECIDED), Candidate.id.not_in(_mine(scope))),
    )
    return visible, ordered(Candidate.rating_avg), hidden, _newest_first()


async def _ids(session, where, order, offset: int, limit: int | None) -> list[int]:
    stmt = select(Candidate.id).where(*where).order_by(*order).offset(offset)
    if limit is not None:
        stmt = stmt.limit(limit)
    return list((await session.scalars(stmt)).all())


async def page_ids(
    session: AsyncSession, scope: Scope, query: ListQuery, *, offset: int, limit: int | None
) -> list[int]:
    """The ids of one page in the query's order (`limit` None: every one from `offset`, for export)."""
    where = conditions(scope, query)
    first, first_order, rest, rest_order = _segments(scope, query)
    if rest is None:
        return await _ids(session, where, first_order, offset, limit)
    ids = await _ids(session, where + [first], first_order, offset, limit)
    if limit is not None and len(ids) >= limit:
        return ids
    # Into the second segment: skip what the first held before this page.
    skip = 0
    if offset > 0:
        in_first = await _count(session, where + [first])
        skip = max(0, offset - in_first)
    more = None if limit is None else limit - len(ids)
    return ids + await _ids(session, where + [rest], rest_order, skip, more)


async def rows(session: AsyncSession, scope: Scope, ids: list[int]) -> list[CandidateRow]:
    """The rows for these ids, in the order given, with the blind-until-you-rate rule applied."""
    if not ids:
        return []
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
                ).where(Candidate.workspace_id == scope.workspace_id, Candidate.id.in_(ids))
            )
        ).all()
    }
    mine = set(
        (
            await session.scalars(
                select(Rating.candidate_id).where(
                    Rating.workspace_id == scope.workspace_id,
                    Rating.slack_user_id == scope.user_id,
                    Rating.candidate_id.in_(ids),
                )
            )
        ).all()
    )
    out = []
    for cid in ids:
        c = found.get(cid)
        if c is None:  # erased between the two reads
            continue
        visible = ratings_visible(viewer_has_rated=cid in mine, decision=c.decision)
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
                rated_by_me=cid in mine,
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
