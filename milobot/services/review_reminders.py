"""Reviewer reminders (issue 11 item 3). A candidate whose completed interview nobody on the team has
rated (nor shortlisted or dismissed) for one business day is waiting for review. Each reviewer of the
workspace (`/milo settings` names them; the admins by default) gets one DM a day listing everything that
waits, never one per candidate; after three business days the agent's creator is told, once per
candidate. All of it only on weekdays within the workspace's working hours, in its time zone.

Exactly once across replicas: each DM is preceded by a claim row (review_reminders, unique per
reviewer and local day, or per candidate for the creator) inserted in the same transaction as the
outbox row that sends it. A second replica's insert of the same claim fails, so it sends nothing; the
outbox delivers what the first one committed even if that replica dies right after."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from milobot.db.models import Agent, Candidate, Member, ReviewReminder, Workspace
from milobot.services import outbox
from milobot.services.base import Service, rowcount
from milobot.services.review_queue import awaiting_review
from milobot.services.workspace_settings import WorkspaceSettings, read, reviewers_of, workspace_of

REVIEWER, CREATOR = "reviewer", "creator"
DUE_AFTER_BUSINESS_DAYS = 1
CREATOR_AFTER_BUSINESS_DAYS = 3
LISTED = 15  # candidates named in one DM; the rest are counted ("and 12 more")
SCANNED = 500  # candidates read per workspace and run, oldest first
REVIEW_REMINDER_TEMPLATE = "review_reminder"
REVIEW_OVERDUE_TEMPLATE = "review_overdue"


@dataclass(frozen=True)
class Waiting:
    candidate_id: int
    candidate_name: str
    agent_id: int
    agent_name: str
    agent_created_by: str | None
    completed_at: datetime
    score: float | None


@dataclass
class ReminderRun:
    """What one run did, for logs and tests."""

    reminded: list[tuple[int, str]] = field(default_factory=list)  # (workspace_id, reviewer)
    creators_told: list[tuple[int, str, int]] = field(default_factory=list)  # (workspace, creator, count)
    skipped: dict[int, str] = field(default_factory=dict)  # workspace_id -> why (weekend, hours)


def business_days_before(local: datetime, days: int) -> datetime:
    """The moment `days` business days before `local` (an aware local time), in UTC. Counted on the
    wall clock of the workspace's zone, Saturdays and Sundays skipped, so a candidate who finished on
    Friday afternoon is due on Monday afternoon and a DST change shifts nothing by an hour."""
    wall = local.replace(tzinfo=None)
    counted = 0
    while counted < days:
        wall -= timedelta(days=1)
        if wall.weekday() < 5:
            counted += 1
    return wall.replace(tzinfo=local.tzinfo).astimezone(UTC)


def business_days_between(earlier: datetime, local: datetime) -> int:
    """Whole business days from `earlier` to `local` (at least 1 for anything shown as waiting)."""
    days = 0
    while days < 60 and business_days_before(local, days + 1) >= earlier:
        days += 1
    return max(days, 1)


def in_working_hours(local: datetime, settings: WorkspaceSettings) -> str | None:
    """Why not now (None: now is fine)."""
    if local.weekday() >= 5:
        return "weekend"
    start, end = settings.work_hours
    if not start <= local.hour < end:
        return "outside working hours"
    return None


async def waiting_for_review(
    session: AsyncSession, *, workspace_id: int, completed_before: datetime, limit: int = SCANNED
) -> list[Waiting]:
    """What review_queue.awaiting_review finds (completed, unrated, undecided, of active agents, oldest
    first), with each agent's creator, who hears about candidates left waiting three business days."""
    items = await awaiting_review(
        session, workspace_id=workspace_id, completed_before=completed_before, limit=limit
    )
    agent_ids = {item.agent_id for item in items}
    creators: dict[int, str | None] = {}
    if agent_ids:
        rows = await session.execute(
            select(Agent.id, Agent.created_by).where(
                Agent.workspace_id == workspace_id, Agent.id.in_(agent_ids)
            )
        )
        creators = {agent_id: created_by for agent_id, created_by in rows.all()}
    return [
        Waiting(
            item.candidate_id,
            item.candidate_name,
            item.agent_id,
            item.agent_name,
            creators.get(item.agent_id),
            item.completed_at,
            item.score,
        )
        for item in items
    ]


async def workspaces_with_waiting(session: AsyncSession, *, completed_before: datetime) -> list[int]:
    return list(
        (
            await session.scalars(
                select(Candidate.workspace_id)
                .join(Workspace, Workspace.id == Candidate.workspace_id)
                .where(
                    Workspace.uninstalled_at.is_(None),  # uninstalled: no token to DM with
                    Candidate.status == "completed",
                    Candidate.completed_at.is_not(None),
                    Candidate.completed_at < completed_before,
                    Candidate.rating_count == 0,
                    Candidate.decision == "none",
                )
                .distinct()
            )
        ).all()
    )


async def forget_old_reviewer_claims(session: AsyncSession, *, older_than: timedelta) -> int:
    """A reviewer's claim only has to outlive its local day; a creator's ("candidate:<id>") is kept, since
    it is what stops the creator being told about the same candidate again."""
    result = await session.execute(
        delete(ReviewReminder).where(
            ReviewReminder.kind == REVIEWER, ReviewReminder.sent_at < datetime.now(UTC) - older_than
        )
    )
    return rowcount(result) or 0


async def _claim(session: AsyncSession, *, workspace_id: int, kind: str, subject: str, user_id: str) -> bool:
    try:
        async with session.begin_nested():
            session.add(
                ReviewReminder(workspace_id=workspace_id, kind=kind, subject=subject, user_id=user_id)
            )
    except IntegrityError:
        return False
    return True


def _line(item: Waiting, local: datetime) -> dict[str, Any]:
    return {
        "candidate_id": item.candidate_id,
        "candidate": item.candidate_name,
        "agent": item.agent_name,
        "days": business_days_between(item.completed_at, local),
        "score": item.score,
    }


class ReviewReminderService(Service):
    async def run(self, *, now: datetime) -> ReminderRun:
        """One pass over every workspace with candidates waiting; safe to run on every replica at once
        and as often as wanted (the claims keep it to one DM per reviewer per local day)."""
        done = ReminderRun()
        # A business day is at least a calendar day of wall clock, 23 hours across a DST change: this
        # cheap filter over all workspaces loses nothing that the per-workspace rule would keep.
        async with self.unit() as session:
            workspace_ids = await workspaces_with_waiting(session, completed_before=now - timedelta(hours=23))
        for workspace_id in workspace_ids:
            await self._workspace(workspace_id, now, done)
        return done

    async def _workspace(self, workspace_id: int, now: datetime, done: ReminderRun) -> None:
        async with self.unit() as session:
            settings = read(await workspace_of(session, workspace_id))
            local = now.astimezone(settings.zone)
            why_not = in_working_hours(local, settings)
            if why_not:
                done.skipped[workspace_id] = why_not
                return
            waiting = await waiting_for_review(
                session,
                workspace_id=workspace_id,
                completed_before=business_days_before(local, DUE_AFTER_BUSINESS_DAYS),
            )
            if not waiting:
                return
            lines = [_line(item, local) for item in waiting[:LISTED]]
            day = local.date().isoformat()
            for reviewer in await reviewers_of(session, workspace_id, settings):
                if not await _claim(
                    session,
                    workspace_id=workspace_id,
                    kind=REVIEWER,
                    subject=f"{reviewer}:{day}",
                    user_id=reviewer,
                ):
                    continue
                outbox.enqueue(
                    session,
                    workspace_id=workspace_id,
                    kind=outbox.SLACK_DM,
                    payload={
                        "user": reviewer,
                        "template": REVIEW_REMINDER_TEMPLATE,
                        "data": {"items": lines, "total": len(waiting)},
                    },
                )
                done.reminded.append((workspace_id, reviewer))
            await self._tell_creators(session, workspace_id, waiting, local, done)

    async def _tell_creators(
        self,
        session: AsyncSession,
        workspace_id: int,
        waiting: list[Waiting],
        local: datetime,
        done: ReminderRun,
    ) -> None:
        overdue_before = business_days_before(local, CREATOR_AFTER_BUSINESS_DAYS)
        creators = {item.agent_created_by for item in waiting if item.agent_created_by}
        # The DM names candidates: only for a creator still on the team (as reviewers_of holds reviewers).
        on_team = set(
            (
                await session.scalars(
                    select(Member.slack_user_id).where(
                        Member.workspace_id == workspace_id, Member.slack_user_id.in_(creators)
                    )
                )
            ).all()
        )
        told: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for item in waiting:
            if item.completed_at >= overdue_before or item.agent_created_by not in on_team:
                continue
            if await _claim(
                session,
                workspace_id=workspace_id,
                kind=CREATOR,
                subject=f"candidate:{item.candidate_id}",
                user_id=item.agent_created_by,
            ):
                told[item.agent_created_by].append(_line(item, local))
        for creator, lines in told.items():
            outbox.enqueue(
                session,
                workspace_id=workspace_id,
                kind=outbox.SLACK_DM,
                payload={
                    "user": creator,
                    "template": REVIEW_OVERDUE_TEMPLATE,
                    "data": {"items": lines[:LISTED], "total": len(lines)},
                },
            )
            done.creators_told.append((workspace_id, creator, len(lines)))
