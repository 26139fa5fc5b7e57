"""Retention and privacy settings: how long candidates are kept after their last activity (off unless set),
and whether public-channel posts carry personal data, for the workspace and per agent.

A candidate's last activity is the latest of: added or changed, an interview started or completed, a
rating, a note. The daily job (milobot/jobs/retention.py) erases those older than the period the way
`/milo forget` does; the settings modal counts them before the admin saves."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, exists, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.attributes import flag_modified

from milobot.db.models import Agent, Candidate, Interview, Note, Rating, Workspace
from milobot.errors import Invalid
from milobot.services import audit
from milobot.services.base import Service
from milobot.services.context import Identity, require_admin
from milobot.services.privacy import PUBLIC_CHANNEL_PRIVACY, REDACT, SHOW
from milobot.services.workspace_settings import workspace_of

RETENTION_DAYS = "retention_days"
MIN_DAYS, MAX_DAYS = 7, 3650
CHOICES = (30, 90, 180, 365, 730)  # the modal's options besides Off


def retention_days(settings: dict[str, Any] | None) -> int | None:
    """The workspace's period in days, or None (off). Anything unusable counts as off: erasing on a
    garbled setting would be the one mistake that can't be undone."""
    raw = (settings or {}).get(RETENTION_DAYS)
    if isinstance(raw, bool) or not isinstance(raw, int):
        return None
    return raw if MIN_DAYS <= raw <= MAX_DAYS else None


def parse_days(raw: object) -> int | None:
    text = str(raw or "").strip().lower()
    if text in ("", "off", "0", "none"):
        return None
    if not text.isdigit() or not MIN_DAYS <= int(text) <= MAX_DAYS:
        raise Invalid(f"Retention is a number of days from {MIN_DAYS} to {MAX_DAYS}, or Off.")
    return int(text)


def _stale(workspace_id: int, cutoff: datetime) -> Any:
    """Candidates of the workspace with no activity since `cutoff`."""
    recent_interview = exists().where(
        Interview.candidate_id == Candidate.id,
        or_(Interview.started_at >= cutoff, Interview.completed_at >= cutoff),
    )
    recent_rating = exists().where(Rating.candidate_id == Candidate.id, Rating.updated_at >= cutoff)
    recent_note = exists().where(
        Note.candidate_id == Candidate.id, or_(Note.created_at >= cutoff, Note.edited_at >= cutoff)
    )
    return and_(
        Candidate.workspace_id == workspace_id,
        Candidate.created_at < cutoff,
        or_(Candidate.updated_at.is_(None), Candidate.updated_at < cutoff),
        ~recent_interview,
        ~recent_rating,
        ~recent_note,
    )


async def count_due(session: AsyncSession, workspace_id: int, days: int, now: datetime) -> int:
    cutoff = now - timedelta(days=days)
    return int(
        await session.scalar(select(func.count()).select_from(Candidate).where(_stale(workspace_id, cutoff)))
        or 0
    )


async def due_ids(
    session: AsyncSession, workspace_id: int, days: int, now: datetime, *, limit: int
) -> list[int]:
    cutoff = now - timedelta(days=days)
    rows = await session.scalars(
        select(Candidate.id).where(_stale(workspace_id, cutoff)).order_by(Candidate.id).limit(limit)
    )
    return list(rows.all())


@dataclass(frozen=True)
class PrivacyForm:
    workspace_id: int
    retention_days: int | None
    public: str  # redact | show
    agents: list[tuple[int, str, str | None]]  # (id, name, override)
    due: int  # candidates the current period would erase now


class PrivacySettingsService(Service):
    async def form(self, *, identity: Identity, days: int | None | str = "current") -> PrivacyForm:
        """The modal's contents; `days` other than "current" previews another period's count."""
        async with self.acting(identity) as (session, actor):
            require_admin(actor)
            ws = await session.get(Workspace, actor.workspace_id)
            settings = dict((ws.settings if ws else None) or {})
            period = retention_days(settings) if days == "current" else days
            agents = (
                await session.execute(
                    select(Agent.id, Agent.name, Agent.public_channel_privacy)
                    .where(Agent.workspace_id == actor.workspace_id, Agent.status == "active")
                    .order_by(Agent.name)
                    .limit(100)
                )
            ).all()
            due = (
                await count_due(session, actor.workspace_id, period, self.now())
                if isinstance(period, int)
                else 0
            )
            return PrivacyForm(
                actor.workspace_id,
                period if isinstance(period, int) else None,
                SHOW if settings.get(PUBLIC_CHANNEL_PRIVACY) == SHOW else REDACT,
                [(a.id, a.name, a.public_channel_privacy) for a in agents],
                due,
            )

    async def save(
        self,
        *,
        identity: Identity,
        days: int | None,
        public: str,
        show_agents: list[int],
        hide_agents: list[int],
    ) -> None:
        if public not in (REDACT, SHOW):
            raise Invalid("Choose whether public channels show candidate details.")
        if set(show_agents) & set(hide_agents):
            raise Invalid("An agent can't both show and hide details; pick one list for it.")
        async with self.acting(identity) as (session, actor):
            require_admin(actor)
            # Locked before it is read: a /milo settings save of the other keys at the same moment
            # waits instead of being overwritten with what this one read (workspace_settings.py).
            ws = await workspace_of(session, actor.workspace_id, for_update=True)
            settings = dict(ws.settings or {})
            settings[PUBLIC_CHANNEL_PRIVACY] = public
            if days is None:
                settings.pop(RETENTION_DAYS, None)
            else:
                settings[RETENTION_DAYS] = days
            ws.settings = settings
            flag_modified(ws, "settings")
            mine = Agent.workspace_id == actor.workspace_id  # ids from the form may name anything
            await session.execute(update(Agent).where(mine).values(public_channel_privacy=None))
            if show_agents:
                await session.execute(
                    update(Agent).where(mine, Agent.id.in_(show_agents)).values(public_channel_privacy=SHOW)
                )
            if hide_agents:
                await session.execute(
                    update(Agent).where(mine, Agent.id.in_(hide_agents)).values(public_channel_privacy=REDACT)
                )
            audit.record(
                session,
                actor,
                "settings.privacy",
                retention_days=days,
                public_channel_privacy=public,
                agents_show=sorted(show_agents),
                agents_hide=sorted(hide_agents),
            )
