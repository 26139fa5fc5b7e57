"""Shortlist and Dismiss (admins), for every candidate whatever the state of their interview, and Undo of
the last decision. Each decision keeps the state it replaced, so Undo puts exactly that back; every
decision and undo is audited, and every card of the candidate updates in place."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from milobot.db.models import Candidate, CandidateDecision
from milobot.errors import Conflict, Invalid
from milobot.services import audit, webhook_events
from milobot.services.base import Service, rowcount
from milobot.services.candidate_access import candidate_in, refresh_cards, retry_when_locked
from milobot.services.context import Identity, require_admin

DECISIONS = {"shortlist": "shortlisted", "dismiss": "dismissed"}
MAX_REASON = 500


@dataclass(frozen=True)
class DecisionResult:
    candidate_id: int
    candidate_name: str
    decision: str  # shortlisted | dismissed | none
    decided_by: str | None
    decided_at: datetime | None
    changed: bool  # False: it already stood (a second click, a redelivery)


@dataclass(frozen=True)
class DecisionTarget:
    """What the Dismiss form shows before anything changes."""

    candidate_id: int
    candidate_name: str
    decision: str


def _result(candidate: Candidate, *, changed: bool) -> DecisionResult:
    return DecisionResult(
        candidate.id,
        candidate.name,
        candidate.decision,
        candidate.decided_by,
        candidate.decided_at,
        changed,
    )


async def last_decision(session: AsyncSession, candidate: Candidate) -> CandidateDecision | None:
    """The decision Undo would take back: the latest one not undone yet."""
    return await session.scalar(
        select(CandidateDecision)
        .where(
            CandidateDecision.workspace_id == candidate.workspace_id,
            CandidateDecision.candidate_id == candidate.id,
            CandidateDecision.undone_at.is_(None),
        )
        .order_by(CandidateDecision.id.desc())
        .limit(1)
    )


class DecisionService(Service):
    async def target(
        self, *, identity: Identity, candidate_id: int | None = None, interview_id: int | None = None
    ) -> DecisionTarget:
        """Checked before the Dismiss form opens, so a viewer or a stranger's id is refused at once."""
        async with self.acting(identity) as (session, actor):
            require_admin(actor)
            candidate = await candidate_in(
                session, actor, candidate_id=candidate_id, interview_id=interview_id
            )
            return DecisionTarget(candidate.id, candidate.name, candidate.decision)

    @retry_when_locked
    async def decide(
        self,
        *,
        identity: Identity,
        decision: str,
        candidate_id: int | None = None,
        interview_id: int | None = None,
        reason: str | None = None,
    ) -> DecisionResult:
        if decision not in DECISIONS:
            raise Invalid("A decision is shortlist or dismiss.")
        reason = " ".join((reason or "").split())[:MAX_REASON] or None
        if decision == "shortlist":
            reason = None
        async with self.acting(identity) as (session, actor):
            require_admin(actor)
            candidate = await candidate_in(
                session, actor, candidate_id=candidate_id, interview_id=interview_id, lock=True
            )
            new = DECISIONS[decision]
            if candidate.decision == new:
                return _result(candidate, changed=False)
            # Conditional, so two presses racing each other (SQLite takes no row lock) change the
            # decision, record it and emit its webhook event once.
            won = await session.execute(
                update(Candidate)
                .where(Candidate.id == candidate.id, Candidate.decision != new)
                .values(decision=new)
                .execution_options(synchronize_session=False)
            )
            if rowcount(won) != 1:
                return _result(candidate, changed=False)
            now = self.now()
            session.add(
                CandidateDecision(
                    workspace_id=actor.workspace_id,
                    candidate_id=candidate.id,
                    decision=new,
                    reason=reason,
                    decided_by=actor.user_id,
                    decided_at=now,
                    previous_decision=candidate.decision,
                    previous_by=candidate.decided_by,
                    previous_at=candidate.decided_at,
                    previous_reason=candidate.decision_reason,
                )
            )
            audit.record(
                session,
                actor,
                f"candidate.{decision}",
                target_type="candidate",
                target_id=candidate.id,
                previous=candidate.decision,
                reason=reason,
            )
            candidate.decision, candidate.decided_by = new, actor.user_id
            candidate.decided_at, candidate.decision_reason = now, reason
            await refresh_cards(session, candidate)
            await webhook_events.decided(
                session, candidate, decision=new, by=actor.user_id, interview_id=interview_id, reason=reason
            )
            return _result(candidate, changed=True)

    @retry_when_locked
    async def undo(
        self, *, identity: Identity, candidate_id: int, decision_id: int | None = None
    ) -> DecisionResult:
        """Take back the last decision. With `decision_id` (the Undo button carries the one it was
        shown next to) a stale button, or the same click delivered twice, undoes nothing more."""
        async with self.acting(identity) as (session, actor):
            require_admin(actor)
            candidate = await candidate_in(session, actor, candidate_id=candidate_id, lock=True)
            last = await last_decision(session, candidate)
            if last is None:
                raise Conflict("There's no decision on this candidate to undo.")
            if decision_id is not None and last.id != decision_id:
                raise Conflict(
                    "That decision was already undone or replaced; the profile shows where it stands now."
                )
            last.undone_by, last.undone_at = actor.user_id, self.now()
            audit.record(
                session,
                actor,
                "candidate.undo",
                target_type="candidate",
                target_id=candidate.id,
                undid=last.decision,
                restored=last.previous_decision,
            )
            candidate.decision, candidate.decided_by = last.previous_decision, last.previous_by
            candidate.decided_at, candidate.decision_reason = last.previous_at, last.previous_reason
            await refresh_cards(session, candidate)
            return _result(candidate, changed=True)
