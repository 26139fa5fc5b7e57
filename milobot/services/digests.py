"""Digest subscriptions (`/milo digest`, admins) and the claims that make each period go out once.

Subscribing, listing and removing are checked here (admins subscribe and remove; members may list).
The scheduled side (`due`, `claim`, `posted`, `finish`) serves milobot/jobs/digests.py: every replica
asks what is due and tries to claim it; the unique (subscription, period) row in `digest_periods` lets
exactly one win, and its lease lets another replica take over a claim whose holder died."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, delete, func, or_, select, tuple_, update
from sqlalchemy.ext.asyncio import AsyncSession

from milobot.db.models import Agent, DigestPeriod, DigestSubscription, Workspace
from milobot.errors import Invalid, NotFound
from milobot.services import digest_content
from milobot.services.base import Service, rowcount
from milobot.services.context import Identity, require_admin, require_member
from milobot.services.digest_periods import (
    DAILY,
    FREQUENCIES,
    Period,
    latest_due,
    next_due,
    periods_between,
    zone,
)
from milobot.services.outbox import dialect_insert

log = logging.getLogger(__name__)

CLAIM_LEASE = timedelta(minutes=5)  # building, posting and uploading one digest takes seconds
RETRY_AFTER = timedelta(minutes=2)  # a digest Slack refused for now is tried again after this
MAX_SUBSCRIPTIONS = 200  # per workspace


@dataclass(frozen=True)
class DigestFailure:
    """The subscription's latest period, when it was not posted: Slack's reason (an error code such as
    `is_archived`, or `timeout`, `not_installed`), when, and whether it is still being retried."""

    error: str
    at: datetime  # aware, in the workspace's time zone
    retrying: bool


@dataclass(frozen=True)
class SubscriptionInfo:
    id: int
    channel_id: str
    frequency: str
    agent_id: int | None
    agent_name: str | None
    hour: int
    minute: int
    created_by: str | None
    next_at: datetime  # aware, in the workspace's time zone
    time_zone: str
    last_failure: DigestFailure | None = None


@dataclass
class DueDigest:
    subscription_id: int
    workspace_id: int
    team_id: str
    channel_id: str
    frequency: str
    agent_id: int | None
    agent_name: str | None
    created_by: str | None
    period: Period
    settings: dict[str, Any] = field(default_factory=dict)
    message_ts: str | None = None  # already posted by a replica that died before finishing
    ad_hoc: bool = False  # Send now: outside the period claims
    time_zone: str = "UTC"

    @property
    def title(self) -> str:
        scope = self.agent_name or "all agents"
        return f"{'Daily' if self.frequency == DAILY else 'Weekly'} digest · {scope}"


class DigestService(Service):
    # ------------------------------------------------------------------ subscriptions

    async def subscribe(
        self,
        *,
        identity: Identity,
        channel_id: str,
        frequency: str,
        agent_id: int | None,
        hour: int,
        minute: int,
    ) -> SubscriptionInfo:
        if frequency not in FREQUENCIES:
            raise Invalid("Say `daily` or `weekly`.")
        if not (0 <= hour <= 23 and 0 <= minute <= 59):
            raise Invalid("The time must be between 00:00 and 23:59.")
        async with self.acting(identity) as (session, actor):
            require_admin(actor)
            if agent_id is not None:
                agent = await session.get(Agent, agent_id)
                if agent is None or agent.workspace_id != actor.workspace_id:
                    raise NotFound("I don't know that agent here.")
            count = len(
                (
                    await session.scalars(
                        select(DigestSubscription.id).where(
                            DigestSubscription.workspace_id == actor.workspace_id
                        )
                    )
                ).all()
            )
            row = await session.scalar(
                select(DigestSubscription).where(
                    DigestSubscription.workspace_id == actor.workspace_id,
                    DigestSubscription.channel_id == channel_id,
                    DigestSubscription.frequency == frequency,
                    DigestSubscription.agent_id.is_(None)
                    if agent_id is None
                    else DigestSubscription.agent_id == agent_id,
                )
            )
            if row is None:
                if count >= MAX_SUBSCRIPTIONS:
                    raise Invalid(
                        f"A workspace can have at most {MAX_SUBSCRIPTIONS} digests; remove some first."
                    )
                row = DigestSubscription(
                    workspace_id=actor.workspace_id,
                    channel_id=channel_id,
                    frequency=frequency,
                    agent_id=agent_id,
                    created_by=actor.user_id,
                    created_at=self.now(),
                )
                session.add(row)
            row.local_hour, row.local_minute, row.weekday = hour, minute, 0
            await session.flush()
            return await self._info(session, row)

    async def subscriptions(self, *, identity: Identity) -> list[SubscriptionInfo]:
        async with self.acting(identity) as (session, actor):
            require_member(actor)
            rows = (
                await session.scalars(
                    select(DigestSubscription)
                    .where(DigestSubscription.workspace_id == actor.workspace_id)
                    .order_by(DigestSubscription.id)
                    .limit(MAX_SUBSCRIPTIONS)
                )
            ).all()
            failures = await self._failures(session, [r.id for r in rows])
            return [await self._info(session, r, failures.get(r.id)) for r in rows]

    async def _failures(self, session: AsyncSession, ids: list[int]) -> dict[int, DigestPeriod]:
        """Each subscription's latest period that was sent or refused, where that one was refused: a
        digest that failed and has gone out since shows nothing."""
        if not ids:
            return {}
        settled = or_(DigestPeriod.status != "claimed", DigestPeriod.error.is_not(None))
        latest = (
            select(DigestPeriod.subscription_id, func.max(DigestPeriod.due_at).label("due_at"))
            .where(DigestPeriod.subscription_id.in_(ids), settled)
            .group_by(DigestPeriod.subscription_id)
            .subquery()
        )
        rows = await session.scalars(
            select(DigestPeriod)
            .join(
                latest,
                and_(
                    DigestPeriod.subscription_id == latest.c.subscription_id,
                    DigestPeriod.due_at == latest.c.due_at,
                ),
            )
            .where(settled, DigestPeriod.error.is_not(None))
        )
        return {p.subscription_id: p for p in rows.all()}

    async def remove(self, *, identity: Identity, subscription_id: int) -> SubscriptionInfo:
        async with self.acting(identity) as (session, actor):
            require_admin(actor)
            row = await self._own(session, actor.workspace_id, subscription_id)
            info = await self._info(session, row)
            await session.execute(delete(DigestSubscription).where(DigestSubscription.id == row.id))
            return info

    async def send_now(self, *, identity: Identity, subscription_id: int) -> DueDigest:
        """A digest of the period so far, posted at once (admins); it claims no period."""
        async with self.acting(identity) as (session, actor):
            require_admin(actor)
            row = await self._own(session, actor.workspace_id, subscription_id)
            ws = await session.get(Workspace, actor.workspace_id)
            now = self.now()
            tz = zone(ws.time_zone if ws else None)
            latest = latest_due(
                row.frequency, hour=row.local_hour, minute=row.local_minute or 0, tz=tz, now=now
            )
            period = Period(key="now", due_at=now, start=latest.due_at, local_day=now.astimezone(tz).date())
            return await self._due(session, row, ws, period, ad_hoc=True)

    async def _own(
        self, session: AsyncSession, workspace_id: int, subscription_id: int
    ) -> DigestSubscription:
        row = await session.get(DigestSubscription, subscription_id)
        if row is None or row.workspace_id != workspace_id:
            raise NotFound("That digest is gone; see `/milo digest list`.")
        return row

    async def _info(
        self, session: AsyncSession, row: DigestSubscription, failed: DigestPeriod | None = None
    ) -> SubscriptionInfo:
        ws = await session.get(Workspace, row.workspace_id)
        agent = await session.get(Agent, row.agent_id) if row.agent_id else None
        tz = zone(ws.time_zone if ws else None)
        upcoming = next_due(
            row.frequency, hour=row.local_hour, minute=row.local_minute or 0, tz=tz, now=self.now()
        )
        return SubscriptionInfo(
            id=row.id,
            channel_id=row.channel_id,
            frequency=row.frequency,
            agent_id=row.agent_id,
            agent_name=agent.name if agent else None,
            hour=row.local_hour,
            minute=row.local_minute or 0,
            created_by=row.created_by,
            next_at=upcoming.due_at.astimezone(tz),
            time_zone=tz.key,
            last_failure=None
            if failed is None or not failed.error
            else DigestFailure(
                error=failed.error,
                at=(failed.failed_at or failed.claimed_at or failed.due_at).astimezone(tz),
                retrying=failed.status == "claimed",
            ),
        )

    async def _due(
        self,
        session: AsyncSession,
        row: DigestSubscription,
        ws: Workspace | None,
        period: Period,
        *,
        ad_hoc: bool = False,
    ) -> DueDigest:
        agent = await session.get(Agent, row.agent_id) if row.agent_id else None
        return DueDigest(
            subscription_id=row.id,
            workspace_id=row.workspace_id,
            team_id=ws.team_id if ws else "",
            channel_id=row.channel_id,
            frequency=row.frequency,
            agent_id=row.agent_id,
            agent_name=agent.name if agent else None,
            created_by=row.created_by,
            period=period,
            settings=dict(ws.settings or {}) if ws else {},
            ad_hoc=ad_hoc,
            time_zone=zone(ws.time_zone if ws else None).key,
        )

    # ------------------------------------------------------------------ the scheduled side

    async def due(self, *, now: datetime, holder: str | None = None) -> list[DueDigest]:
        """Every subscription whose latest period has come and is not sent, nor held by a live claim.
        A channel where another replica (not `holder`) holds a live claim is left to that replica
        entirely, so one process posts to a channel at a time and can keep to Slack's pace there."""
        async with self.unit() as session:
            busy = set(
                (
                    await session.execute(
                        select(DigestSubscription.workspace_id, DigestSubscription.channel_id)
                        .join(DigestPeriod, DigestPeriod.subscription_id == DigestSubscription.id)
                        .where(
                            DigestPeriod.status == "claimed",
                            DigestPeriod.lease_until > now,
                            DigestPeriod.holder != (holder or ""),
                        )
                    )
                ).all()
            )
            rows = (
                await session.execute(
                    select(DigestSubscription, Workspace)
                    .join(Workspace, Workspace.id == DigestSubscription.workspace_id)
                    # Uninstalled: no token to post with. The subscriptions stay for a re-install.
                    .where(Workspace.uninstalled_at.is_(None))
                )
            ).all()
            wanted: list[tuple[DigestSubscription, Workspace, Period]] = []
            for sub, ws in rows:
                if (sub.workspace_id, sub.channel_id) in busy:
                    continue
                tz = zone(ws.time_zone)
                period = latest_due(
                    sub.frequency, hour=sub.local_hour, minute=sub.local_minute or 0, tz=tz, now=now
                )
                if sub.created_at is not None and period.due_at < sub.created_at:
                    continue  # subscribed after this period's time: its first is the next one
                if sub.last_period == period.key:
                    continue
                wanted.append((sub, ws, period))
            if not wanted:
                return []
            taken: dict[tuple[int, str], DigestPeriod] = {}
            keys = [(sub.id, period.key) for sub, _, period in wanted]
            for i in range(0, len(keys), 500):
                chunk = keys[i : i + 500]
                for p in (
                    await session.scalars(
                        select(DigestPeriod).where(
                            tuple_(DigestPeriod.subscription_id, DigestPeriod.period).in_(chunk)
                        )
                    )
                ).all():
                    taken[(p.subscription_id, p.period)] = p
            agents = {
                a.id: a.name
                for a in (
                    await session.scalars(
                        select(Agent).where(Agent.id.in_({s.agent_id for s, _, _ in wanted if s.agent_id}))
                    )
                ).all()
            }
            out = []
            for sub, ws, period in wanted:
                claim = taken.get((sub.id, period.key))
                if claim is not None and (
                    claim.status != "claimed" or (claim.lease_until is not None and claim.lease_until > now)
                ):
                    continue
                skipped = periods_between(sub.frequency, after=sub.last_period, before=period)
                if skipped and claim is None:
                    log.info(
                        "digest #%s: %d earlier period(s) missed while milobot was down are skipped "
                        "(more than a period late); sending %s",
                        sub.id,
                        skipped,
                        period.key,
                    )
                out.append(
                    DueDigest(
                        subscription_id=sub.id,
                        workspace_id=sub.workspace_id,
                        team_id=ws.team_id,
                        channel_id=sub.channel_id,
                        frequency=sub.frequency,
                        agent_id=sub.agent_id,
                        agent_name=agents.get(sub.agent_id) if sub.agent_id else None,
                        created_by=sub.created_by,
                        period=period,
                        settings=dict(ws.settings or {}),
                        time_zone=zone(ws.time_zone).key,
                        message_ts=claim.message_ts if claim is not None else None,
                    )
                )
            return out

    async def claim(
        self, due: DueDigest, *, holder: str, now: datetime, lease: timedelta = CLAIM_LEASE
    ) -> bool:
        """Take the period: insert its row, or take over a claim whose lease has run out. Exactly one
        caller wins, on any replica."""
        async with self.unit() as session:
            insert = dialect_insert(session)
            result = await session.execute(
                insert(DigestPeriod)
                .values(
                    workspace_id=due.workspace_id,
                    subscription_id=due.subscription_id,
                    period=due.period.key,
                    due_at=due.period.due_at,
                    status="claimed",
                    holder=holder,
                    lease_until=now + lease,
                    attempts=1,
                    claimed_at=now,
                )
                .on_conflict_do_nothing(index_elements=["subscription_id", "period"])
            )
            if rowcount(result):
                return True
        async with self.unit() as session:
            result = await session.execute(
                update(DigestPeriod)
                .where(
                    DigestPeriod.subscription_id == due.subscription_id,
                    DigestPeriod.period == due.period.key,
                    DigestPeriod.status == "claimed",
                    or_(DigestPeriod.lease_until.is_(None), DigestPeriod.lease_until <= now),
                )
                .values(holder=holder, lease_until=now + lease, attempts=DigestPeriod.attempts + 1)
                .execution_options(synchronize_session=False)
            )
            if not rowcount(result):
                return False
            row = await session.scalar(
                select(DigestPeriod).where(
                    DigestPeriod.subscription_id == due.subscription_id, DigestPeriod.period == due.period.key
                )
            )
            due.message_ts = row.message_ts if row else None
            log.info(
                "digest #%s %s: taken over from a claim that ran out", due.subscription_id, due.period.key
            )
            return True

    async def content(self, due: DueDigest) -> digest_content.DigestContent:
        async with self.unit() as session:
            return await digest_content.collect(
                session,
                workspace_id=due.workspace_id,
                agent_id=due.agent_id,
                title=due.title,
                frequency=due.frequency,
                start=due.period.start,
                end=due.period.due_at,
                time_zone=due.time_zone,
            )

    def _mine(self, due: DueDigest, holder: str) -> ColumnElement[bool]:
        return and_(
            DigestPeriod.subscription_id == due.subscription_id,
            DigestPeriod.period == due.period.key,
            DigestPeriod.holder == holder,
        )

    async def posted(self, due: DueDigest, *, holder: str, ts: str) -> None:
        """Slack took the message: remember it before anything else, so a take-over does not post again."""
        async with self.unit() as session:
            await session.execute(
                update(DigestPeriod)
                .where(self._mine(due, holder))
                .values(message_ts=ts)
                .execution_options(synchronize_session=False)
            )

    async def finish(self, due: DueDigest, *, holder: str, now: datetime, error: str | None = None) -> None:
        """Sent (or refused for good: no retry this period). The subscription remembers the period."""
        async with self.unit() as session:
            result = await session.execute(
                update(DigestPeriod)
                .where(self._mine(due, holder))
                .values(
                    status="failed" if error else "sent",
                    error=(error or None) and error[:500],
                    failed_at=now if error else None,
                    sent_at=None if error else now,
                    lease_until=None,
                )
                .execution_options(synchronize_session=False)
            )
            if rowcount(result):
                await session.execute(
                    update(DigestSubscription)
                    .where(DigestSubscription.id == due.subscription_id)
                    .values(last_period=due.period.key)
                    .execution_options(synchronize_session=False)
                )

    async def release(self, items: list[DueDigest], *, holder: str) -> None:
        """Give back claims not finished (the process is stopping): another replica takes them at once."""
        async with self.unit() as session:
            for due in items:
                await session.execute(
                    update(DigestPeriod)
                    .where(self._mine(due, holder), DigestPeriod.status == "claimed")
                    .values(lease_until=None)
                    .execution_options(synchronize_session=False)
                )

    async def retry_later(self, due: DueDigest, *, holder: str, now: datetime, error: str) -> None:
        """Slack failed for now: keep the claim a little, then any replica tries again."""
        async with self.unit() as session:
            await session.execute(
                update(DigestPeriod)
                .where(self._mine(due, holder))
                .values(lease_until=now + RETRY_AFTER, error=error[:500], failed_at=now)
                .execution_options(synchronize_session=False)
            )
