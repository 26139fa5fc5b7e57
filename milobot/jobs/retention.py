"""The daily retention job: in each workspace that set `retention_days`, erase the candidates whose last
activity is older than the period, exactly as `/milo forget` would, and DM the workspace's admins what it
did. Off by default (no setting, no erasure). Runs on one replica at a time (exclusive)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from milobot.db.models import Member, Workspace
from milobot.services import outbox
from milobot.services.context import ADMIN
from milobot.services.erasure import ErasureService
from milobot.services.retention import due_ids, retention_days

log = logging.getLogger(__name__)

RETENTION_JOB = "privacy.retention"
BATCH = 100  # candidates per erasure transaction: short transactions, and progress kept if it stops


@dataclass(frozen=True)
class RetentionOutcome:
    workspace_id: int
    days: int
    candidates: int
    interviews: int
    files: int
    uploads: int = 0  # files the bot had uploaded to Slack with them in it, now being deleted


async def run_retention(container: Any, now: datetime) -> list[RetentionOutcome]:
    db = container.db
    erasure = ErasureService(container.deps)
    async with db.unit_of_work() as session:
        workspaces = [
            (w.id, retention_days(w.settings)) for w in (await session.scalars(select(Workspace))).all()
        ]
    outcomes = []
    for workspace_id, days in workspaces:
        if days is None:
            continue
        candidates = interviews = files = uploads = 0
        while True:
            async with db.unit_of_work() as session:
                ids = await due_ids(session, workspace_id, days, now, limit=BATCH)
            if not ids:
                break
            result = await erasure.erase_candidates(
                workspace_id=workspace_id, candidate_ids=ids, reason="retention"
            )
            candidates += result.plan.candidates
            interviews += result.plan.interviews
            files += result.files_removed
            uploads += result.plan.slack_files
            if result.plan.candidates == 0:  # nothing erased: stop rather than loop on the same rows
                break
        if candidates:
            outcome = RetentionOutcome(workspace_id, days, candidates, interviews, files, uploads)
            outcomes.append(outcome)
            await _tell_admins(db, outcome)
            log.info("retention erased %d candidate(s) in workspace %d", candidates, workspace_id)
    return outcomes


async def _tell_admins(db: Any, outcome: RetentionOutcome) -> None:
    text = (
        f":wastebasket: Retention ({outcome.days} days after last activity): erased {outcome.candidates} "
        f"candidate{'s' if outcome.candidates != 1 else ''}, {outcome.interviews} interview"
        f"{'s' if outcome.interviews != 1 else ''} and {outcome.files} file{'s' if outcome.files != 1 else ''}. "
    )
    if outcome.uploads:  # an admin would otherwise wonder where their CSV export or package went
        text += (
            f"{outcome.uploads} file{'s' if outcome.uploads != 1 else ''} I uploaded to Slack with them in it "
            "(report PDFs, packages, data exports, candidate list CSVs) "
            f"{'are' if outcome.uploads != 1 else 'is'} being deleted. "
        )
    text += "Change the period in `/milo settings` → Privacy & retention."
    async with db.unit_of_work() as session:
        admins = (
            await session.scalars(
                select(Member.slack_user_id).where(
                    Member.workspace_id == outcome.workspace_id, Member.role == ADMIN
                )
            )
        ).all()
        for user in admins:
            outbox.enqueue(
                session,
                workspace_id=outcome.workspace_id,
                kind=outbox.SLACK_DM,
                payload={"user": user, "text": text},
            )


def install(container: Any) -> bool:
    """Daily at 03:00 UTC on the one scheduler (milobot.jobs.scheduler); without it, nothing runs."""
    scheduler = getattr(container, "scheduler", None)
    if scheduler is None:
        log.debug("no scheduler in this build: retention does not run on a timer")
        return False
    from apscheduler.triggers.cron import CronTrigger

    async def job(run: Any) -> None:
        await run_retention(container, run.now)

    scheduler.register(RETENTION_JOB, CronTrigger(hour=3, minute=0, timezone="UTC"), job, exclusive=True)
    return True
