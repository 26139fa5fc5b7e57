"""The candidate list's filters, counts and rows: plain data out, no roles (the service checks those
first). Reading a page in order is in candidate_list_pages.

Speed at 100,000 candidates in one agent comes from the read model on `candidates` (score, completion
time and rating kept there by triggers, the folded search text by an ORM hook), one index per sort, each
led by (workspace_id, agent_id), and a covering index of every filter column, so a count is an index
range or an index-only scan. The text search reads a trigram index on both databases (see `_text`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any, cast
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, Select, and_, func, literal_column, or_, select, table
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.sqltypes import NullType
from sqlalchemy.sql.type_api import TypeEngine
from sqlalchemy.sql.visitors import InternalTraversal

from milobot.db.list_triggers import SEARCH_TABLE
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
# Each column is either plain (it may drive an index) or `unindexed` (SQLite won't use it to pick one), so
# every query says which index reads it: see candidate_list_pages for the choice.

_EVERYTHING = frozenset(
    {"scope", "status", "decision", "source", "source_tag", "score", "created_at", "completed_at"}
    | {"search_text", "rating_avg", "id"}
)


def mine(scope: Scope) -> Select[int]:
    return select(Rating.candidate_id).where(
        Rating.workspace_id == scope.workspace_id, Rating.slack_user_id == scope.user_id
    )


def _day_start(day: date, zone: str) -> datetime:
    try:
        tz = ZoneInfo(zone)
    except (KeyError, ValueError):  # an unknown zone name in settings: fall back to UTC, never fail
        tz = ZoneInfo("UTC")
    return datetime.combine(day, time.min, tzinfo=tz)


class Columns:
    """The candidate columns, plain where they may drive an index and `unindexed` elsewhere."""

    def __init__(self, plain: frozenset[str]):
        self.plain = plain

    def __getattr__(self, name: str) -> ColumnElement[Any]:
        column = getattr(Candidate, name)
        return column if name in self.plain else unindexed(column)

    def scope(self, scope: Scope) -> list[ColumnElement[bool]]:
        if "scope" in self.plain:
            return [Candidate.workspace_id == scope.workspace_id, Candidate.agent_id == scope.agent_id]
        return [
            unindexed(Candidate.workspace_id.expression) == scope.workspace_id,
            unindexed(Candidate.agent_id.expression) == scope.agent_id,
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


def text_indexed(query: ListQuery) -> bool:
    """Does the text search read the trigram index (three characters at least: one trigram)?"""
    return len(query.folded_text) >= TRIGRAM


def _filtering(query: ListQuery, rated: str, *, more: int = 0) -> frozenset[str]:
    """What may drive when the filters find the rows: the viewer's ratings when only rated ones count,
    or the search index's matches; a lone filter's own index; else the covering filter index (led by
    status). `more`: conditions beyond the query's (a sort's segment)."""
    if rated == "rated" or text_indexed(query):
        return frozenset({"id"})
    if _dimensions(query) + more <= 1:
        return _EVERYTHING
    return frozenset({"scope", "status"})


def conditions(
    scope: Scope, query: ListQuery, *, rated: str | None = None, plain: frozenset[str] = _EVERYTHING
) -> list[ColumnElement[bool]]:
    """The filters as SQL. `rated` overrides the query's rated-by-me filter ("any" leaves it out)."""
    c = Columns(plain)
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
        out.append(_text(c, query.folded_text))
    if rated == "rated":
        out.append(c.id.in_(mine(scope)))
    elif rated == "unrated":
        out.append(c.id.not_in(mine(scope)))
    return out


TRIGRAM = 3


class per_dialect(ColumnElement[bool]):  # noqa: N801 (used like a SQL function)
    """One condition written two ways: `sqlite` on SQLite, `other` elsewhere."""

    inherit_cache = True
    # Boolean would make SQLite render "(… IN …) = 1", which no index serves. (The cast: ColumnElement[bool]
    # declares a Boolean type, and NullType is on purpose here.)
    type = cast("TypeEngine[bool]", NullType())
    _traverse_internals = [
        ("sqlite", InternalTraversal.dp_clauseelement),
        ("other", InternalTraversal.dp_clauseelement),
    ]

    def __init__(self, sqlite: ColumnElement[bool], other: ColumnElement[bool]):
        self.sqlite, self.other = sqlite, other


@compiles(per_dialect)
def _other(element: per_dialect, compiler: SQLCompiler, **kw: Any) -> str:
    return str(compiler.process(element.other, **kw))


@compiles(per_dialect, "sqlite")
def _sqlite(element: per_dialect, compiler: SQLCompiler, **kw: Any) -> str:
    return str(compiler.process(element.sqlite, **kw))


def _text(c: Columns, folded: str) -> ColumnElement[bool]:
    """Name or e-mail contains `folded`. LIKE '%x%' reads every candidate of the agent; from three
    characters on, a trigram index finds the few that contain it: on PostgreSQL pg_trgm's GIN index
    serves the LIKE itself, on SQLite the FTS5 trigram table (list_triggers) answers a phrase query,
    which with the trigram tokenizer is exactly "contains" (both sides folded alike)."""
    like = c.search_text.contains(folded, autoescape=True)
    if len(folded) < TRIGRAM:
        return like
    phrase = '"' + folded.replace('"', '""') + '"'
    found: Select[Any] = (
        select(literal_column("rowid"))
        .select_from(table(SEARCH_TABLE))
        .where(literal_column(SEARCH_TABLE).op("MATCH")(phrase))
    )
    return per_dialect(c.id.in_(found), like)


def _source_condition(c: Columns, value: str) -> ColumnElement[bool]:
    if value.startswith("tag:"):
        tag = value[4:]
        untagged = or_(c.source_tag.is_(None), c.source_tag == "")
        return and_(c.source == "link", untagged if not tag else c.source_tag == tag)
    return c.source == SOURCE_COLUMN[value]


async def _count(session: AsyncSession, where: list[ColumnElement[bool]]) -> int:
    return int(await session.scalar(select(func.count()).select_from(Candidate).where(*where)) or 0)


Build = Callable[[Columns], list[ColumnElement[bool]]]


class Matches:
    """The candidates a list shows: those the query's filters pick, or, once a probe found that few
    match, exactly those ids (then every later step drives from the ids)."""

    def __init__(self, scope: Scope, query: ListQuery, ids: list[int] | None = None):
        self.scope, self.query, self.ids = scope, query, ids

    def where(self, c: Columns, *, rated: str | None = None) -> list[ColumnElement[bool]]:
        if self.ids is not None:
            return c.scope(self.scope) + [Candidate.id.in_(self.ids)]
        return conditions(self.scope, self.query, rated=rated, plain=c.plain)

    def finding(self, *, more: int = 0) -> frozenset[str]:
        """What may drive a query that looks for matches (counts, the probe)."""
        return BY_ID if self.ids is not None else _filtering(self.query, self.query.rated, more=more)

    def sorting(self) -> frozenset[str]:
        """What may drive when the matches are found first and then sorted: the ids, or the viewer's
        ratings or the search index, or the covering filter index (which holds every sort key)."""
        if self.ids is not None or self.query.rated == "rated" or text_indexed(self.query):
            return BY_ID
        return frozenset({"scope", "status"})

    async def count(
        self, session: AsyncSession, extra: Build | None = None, *, more: int = 0, by_mine: bool = False
    ) -> int:
        """How many match (and `extra`, a sort's segment reading `more` columns, when given); `by_mine`:
        `extra` holds the viewer's ratings, so let them drive."""

        async def part(rated: str | None) -> int:
            c = Columns(BY_ID if by_mine else self.finding(more=more))
            if rated == "rated":
                c = Columns(BY_ID)
            return await _count(session, self.where(c, rated=rated) + (extra(c) if extra else []))

        if self.ids is None and self.query.rated == "unrated":
            # All minus rated-by-me: two cheap counts, where NOT IN would probe the viewer's ratings
            # once per candidate of the agent.
            return max(0, await part("any") - await part("rated"))
        return await part(None)


BY_ID = frozenset({"id"})


async def count(session: AsyncSession, scope: Scope, query: ListQuery) -> int:
    return await Matches(scope, query).count(session)


async def agent_total(session: AsyncSession, scope: Scope) -> int:
    return await _count(session, Columns(_EVERYTHING).scope(scope))


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
    return [tag for tag in found.all() if tag is not None]  # the query leaves out NULL already
