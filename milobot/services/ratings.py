"""Ratings (SPEC step 6): 1–5 stars or thumbs up/down, from the profile, the card, or a :+1: / :-1:
reaction on a candidate card. One rating per person per candidate, the latest wins
(services/rating_scale.py). Viewers and admins rate; anyone else changes nothing.

Cards show counts only and are refreshed through the outbox with a coalescing key, so a burst of
reactions on one card becomes a few chat.update calls that end with the right count."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from milobot.db.models import Candidate, Interview, ProcessedEvent, Rating
from milobot.db.types import utcnow
from milobot.errors import Invalid
from milobot.services import webhook_events
from milobot.services.base import Service
from milobot.services.candidate_access import candidate_in, refresh_cards_soon, retry_when_locked
from milobot.services.context import Identity, require_member
from milobot.services.outbox import dialect_insert
from milobot.services.rating_scale import STARS, THUMBS, THUMBS_DOWN, THUMBS_UP

_SKIN_TONE = re.compile(r"::skin-tone-\d$")
REACTIONS = {"+1": THUMBS_UP, "thumbsup": THUMBS_UP, "-1": THUMBS_DOWN, "thumbsdown": THUMBS_DOWN}
BUTTON, REACTION = "button", "reaction"


def reaction_value(name: str | None) -> int | None:
    """+1 / -1 for a thumbs reaction in any skin tone (`+1::skin-tone-3`), None for anything else."""
    return REACTIONS.get(_SKIN_TONE.sub("", (name or "").strip()))


CHOICES = {
    **{str(n): (STARS, n) for n in range(1, 6)},
    "up": (THUMBS, THUMBS_UP),
    "down": (THUMBS, THUMBS_DOWN),
}


def choice_rating(choice: str) -> tuple[str, int]:
    """A rating control's value ("1".."5", "up", "down") as (kind, value)."""
    try:
        return CHOICES[choice]
    except (KeyError, TypeError):
        raise Invalid("A rating is 1 to 5 stars, or thumbs up or down.") from None


def check_rating(kind: str, value: int) -> tuple[str, int]:
    if isinstance(value, bool) or not isinstance(value, int):
        raise Invalid("A rating is 1 to 5 stars, or thumbs up or down.")
    if kind == STARS and 1 <= value <= 5:
        return kind, value
    if kind == THUMBS and value in (THUMBS_UP, THUMBS_DOWN):
        return kind, value
    raise Invalid("A rating is 1 to 5 stars, or thumbs up or down.")


@dataclass(frozen=True)
class Rated:
    candidate_id: int
    candidate_name: str
    kind: str | None  # None: the rating was removed
    value: int | None


async def _upsert(
    session: AsyncSession,
    *,
    candidate: Candidate,
    user_id: str,
    kind: str,
    value: int,
    source: str,
    now: datetime,
) -> None:
    insert = dialect_insert(session)
    await session.execute(
        insert(Rating)
        .values(
            workspace_id=candidate.workspace_id,
            candidate_id=candidate.id,
            slack_user_id=user_id,
            kind=kind,
            value=value,
            source=source,
            created_at=now,
            updated_at=now,
        )
        .on_conflict_do_update(
            index_elements=[Rating.candidate_id, Rating.slack_user_id],
            set_={"kind": kind, "value": value, "source": source, "updated_at": now},
            # Events can be handled out of order: an older one never overwrites a newer rating.
            where=Rating.updated_at <= now,
        )
    )


async def _claim(session: AsyncSession, event_id: str, team_id: str) -> bool:
    try:
        async with session.begin_nested():
            # Claimed with its effect, so complete at once (services/events.py).
            session.add(ProcessedEvent(event_id=event_id[:64], team_id=team_id, completed_at=utcnow()))
    except IntegrityError:
        return False
    return True


class RatingService(Service):
    @retry_when_locked
    async def rate(
        self,
        *,
        identity: Identity,
        kind: str,
        value: int,
        candidate_id: int | None = None,
        interview_id: int | None = None,
    ) -> Rated:
        kind, value = check_rating(kind, value)
        async with self.acting(identity) as (session, actor):
            require_member(actor)
            candidate = await candidate_in(
                session, actor, candidate_id=candidate_id, interview_id=interview_id
            )
            await _upsert(
                session,
                candidate=candidate,
                user_id=actor.user_id,
                kind=kind,
                value=value,
                source=BUTTON,
                now=self.now(),
            )
            await refresh_cards_soon(session, candidate)
            await webhook_events.rated(
                session, candidate, by=actor.user_id, kind=kind, value=value, source=BUTTON
            )
            return Rated(candidate.id, candidate.name, kind, value)

    @retry_when_locked
    async def unrate(self, *, identity: Identity, candidate_id: int) -> Rated:
        async with self.acting(identity) as (session, actor):
            require_member(actor)
            candidate = await candidate_in(session, actor, candidate_id=candidate_id)
            await session.execute(
                delete(Rating).where(
                    Rating.workspace_id == actor.workspace_id,
                    Rating.candidate_id == candidate.id,
                    Rating.slack_user_id == actor.user_id,
                )
            )
            await refresh_cards_soon(session, candidate)
            return Rated(candidate.id, candidate.name, None, None)

    @retry_when_locked
    async def react(
        self,
        *,
        identity: Identity,
        channel: str,
        ts: str,
        reaction: str,
        added: bool,
        at: datetime | None = None,
        event_id: str | None = None,
    ) -> Rated | None:
        """A reaction on a message. Only a thumbs reaction on a candidate card, by someone on the team,
        does anything; everything else returns None and changes nothing (quietly: a reaction is not a
        request, and answering a stranger's :+1: would be noise). `at` is when the reaction happened
        (the event's event_ts): the latest wins by that, however the events are scheduled here.
        `event_id` is claimed in the same transaction, so a redelivered event has no second effect."""
        value = reaction_value(reaction)
        if value is None or not channel or not ts:
            return None
        now = self.now()
        at = min(at, now) if at else now  # Slack's clock, but never ahead of ours
        async with self.acting(identity) as (session, actor):
            if not actor.is_member:
                return None
            if event_id and not await _claim(session, event_id, identity.team_id):
                return None
            candidate_id = await session.scalar(
                select(Interview.candidate_id).where(
                    Interview.card_ts == ts,
                    Interview.card_channel == channel,
                    Interview.workspace_id == actor.workspace_id,
                )
            )
            if candidate_id is None:
                return None
            candidate = await candidate_in(session, actor, candidate_id=candidate_id)
            if added:
                await _upsert(
                    session,
                    candidate=candidate,
                    user_id=actor.user_id,
                    kind=THUMBS,
                    value=value,
                    source=REACTION,
                    now=at,
                )
                result = Rated(candidate.id, candidate.name, THUMBS, value)
                await webhook_events.rated(
                    session, candidate, by=actor.user_id, kind=THUMBS, value=value, source=REACTION
                )
            else:
                # Removing the reaction takes back the rating it made; a rating given since through
                # a button or the other thumb stays.
                await session.execute(
                    delete(Rating).where(
                        Rating.workspace_id == actor.workspace_id,
                        Rating.candidate_id == candidate.id,
                        Rating.slack_user_id == actor.user_id,
                        Rating.kind == THUMBS,
                        Rating.value == value,
                        Rating.source == REACTION,
                        Rating.updated_at <= at,
                    )
                )
                result = Rated(candidate.id, candidate.name, None, None)
            await refresh_cards_soon(session, candidate)
            return result
