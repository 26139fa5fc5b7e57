"""Finding a candidate inside the caller's workspace, and refreshing the candidate's cards: shared by
the profile, ratings, notes, decisions and nudges so every one of them draws the same wall between
workspaces.

A candidate is named by its own id (the list, the profile) or by one of its interviews (a candidate
card posted before candidate-level buttons existed carries the interview id)."""

from __future__ import annotations

import asyncio
import functools
import random
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import ParamSpec, TypeVar

from sqlalchemy import false, select, update
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import AsyncSession

from milobot.db.models import Candidate, Interview
from milobot.db.types import utcnow
from milobot.errors import Invalid, NotFound
from milobot.services import outbox
from milobot.services.context import Actor
from milobot.services.interview_records import CARD_KIND

NOT_HERE = "That candidate doesn't exist in this workspace."
# A burst of ratings (reactions, mostly) on one card becomes one chat.update per this much time.
CARD_COALESCE = timedelta(seconds=2)


async def candidate_in(
    session: AsyncSession,
    actor: Actor,
    *,
    candidate_id: int | None = None,
    interview_id: int | None = None,
    lock: bool = False,
) -> Candidate:
    """The candidate, or NotFound when it belongs to another workspace or doesn't exist.

    `lock`: the caller writes from what it reads here (a decision keeps the state it replaces), so no
    other writer may change the candidate in between. PostgreSQL takes the row lock (FOR UPDATE). SQLite
    has none, and the driver runs a read before the transaction's first write outside any transaction,
    so a press racing another read the state the other was replacing: a shortlist recorded "none" as
    what it replaced and kept the dismissal's reason. A write that matches no row takes SQLite's write
    lock first (waiting for the other writer, or "database is locked" when its snapshot went stale:
    retry_when_locked runs the call again), and the read after it is the latest."""
    if (candidate_id is None) == (interview_id is None):
        raise Invalid("Name one candidate.")
    if candidate_id is None:
        candidate_id = await session.scalar(
            select(Interview.candidate_id).where(
                Interview.id == interview_id, Interview.workspace_id == actor.workspace_id
            )
        )
        if candidate_id is None:
            raise NotFound(NOT_HERE)
    query = select(Candidate).where(
        Candidate.id == candidate_id, Candidate.workspace_id == actor.workspace_id
    )
    if lock:
        if session.get_bind().dialect.name == "sqlite":
            # An UPDATE matching no row still takes the write lock, and fires no trigger (the search
            # index's and the analytics' watch candidates' columns) and stamps no updated_at.
            await session.execute(
                update(Candidate)
                .where(false())
                .values(id=Candidate.id)
                .execution_options(synchronize_session=False)
            )
        query = query.with_for_update().execution_options(populate_existing=True)
    candidate = await session.scalar(query)
    if candidate is None:
        raise NotFound(NOT_HERE)
    return candidate


async def interviews_of(session: AsyncSession, candidate: Candidate) -> list[Interview]:
    """Newest first."""
    return list(
        (
            await session.scalars(
                select(Interview)
                .where(
                    Interview.workspace_id == candidate.workspace_id, Interview.candidate_id == candidate.id
                )
                .order_by(Interview.id.desc())
            )
        ).all()
    )


async def _carded(session: AsyncSession, candidate: Candidate) -> list[int]:
    return list(
        (
            await session.scalars(
                select(Interview.id).where(
                    Interview.workspace_id == candidate.workspace_id,
                    Interview.candidate_id == candidate.id,
                    Interview.card_ts.is_not(None),
                )
            )
        ).all()
    )


async def refresh_cards(session: AsyncSession, candidate: Candidate) -> None:
    """A decision shows at once on every card of the candidate, updated in place."""
    for interview_id in await _carded(session, candidate):
        outbox.enqueue(
            session,
            workspace_id=candidate.workspace_id,
            kind=CARD_KIND,
            payload={"interview_id": interview_id},
        )


async def refresh_cards_soon(session: AsyncSession, candidate: Candidate) -> None:
    """Ratings: one update per card shortly after, however many ratings arrive meanwhile."""
    for interview_id in await _carded(session, candidate):
        await outbox.enqueue_coalesced(
            session,
            workspace_id=candidate.workspace_id,
            kind=CARD_KIND,
            payload={"interview_id": interview_id, "coalesced": True},
            dedupe_key=f"card:{interview_id}",
            due=utcnow() + CARD_COALESCE,
        )


_P = ParamSpec("_P")
_R = TypeVar("_R")


def retry_when_locked(method: Callable[_P, Awaitable[_R]]) -> Callable[_P, Awaitable[_R]]:
    """SQLite refuses a write from a transaction whose read snapshot went stale ("database is locked")
    when writers race, as a reaction storm makes them; every write here is an upsert or a conditional
    update, so running the call again is safe. PostgreSQL never raises this."""

    @functools.wraps(method)
    async def wrapper(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        for attempt in range(6):
            try:
                return await method(*args, **kwargs)
            except OperationalError as exc:
                if "locked" not in str(exc).lower() or attempt == 5:
                    raise
                await asyncio.sleep(random.uniform(0.005, 0.03) * (attempt + 1))  # back off, then retry
        raise AssertionError("unreachable")

    return wrapper
