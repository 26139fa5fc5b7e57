"""A candidate e-mail that failed for good (the mail server refused it with a 5xx reply, or every attempt
failed): the profile's history says so, and the person who sent it hears it in a DM, so they can check
the address. Called by the outbox in the unit of work that gives the e-mail up (milobot.mail).

Each candidate e-mail's outbox payload carries `about` (made by `about()` below): which candidate, which
e-mail, who sent it. E-mails without it (a personal link asked for on a shared link page, rows from
before) are only logged by the outbox, as before.

A reminder that never reached the candidate does not count as a nudge: the count goes back down and the
24-hour gap runs from the last nudge that did go, so the three-nudge cap counts only nudges that could
have been read."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from milobot.db.models import Agent, AuditEntry, Candidate, Member, Nudge
from milobot.services import outbox

INVITATION, REMINDER = "invitation", "reminder"
FAILED = "candidate.email_failed"  # the audit action the profile's history shows
TEMPLATE = "candidate_email_failed"  # the DM, rendered at delivery (milobot/blocks/email_failures.py)


def about(
    *, candidate_id: int, email: str, sent_by: str | None, nudge_id: int | None = None
) -> dict[str, Any]:
    """What a candidate e-mail's outbox payload says about itself. `sent_by` None: no person sent it
    (an ATS added the candidate), so only the history hears of a failure."""
    data: dict[str, Any] = {"candidate_id": candidate_id, "email": email, "sent_by": sent_by}
    if nudge_id is not None:
        data["nudge_id"] = nudge_id
    return data


async def email_failed(
    session: AsyncSession,
    *,
    workspace_id: int,
    outbox_id: int,
    payload: dict[str, Any],
    reason: str,
    refused: bool,
    attempts: int,
) -> None:
    """`reason`: the server's reply or what went wrong, in words (never the server's address or our
    credentials); `refused`: the server refused it (5xx) rather than every attempt failing."""
    about = payload.get("about")
    if not isinstance(about, dict) or about.get("candidate_id") is None:
        return
    candidate = await session.scalar(
        select(Candidate).where(
            Candidate.id == int(about["candidate_id"]), Candidate.workspace_id == workspace_id
        )
    )
    if candidate is None:  # erased (or never of this workspace): nothing to tell anyone about
        return
    kind = REMINDER if about.get("email") == REMINDER else INVITATION
    to = str(payload.get("to") or "")[:320]
    detail: dict[str, Any] = {
        "email": kind,
        "to": to,
        "reason": reason[:500],
        "refused": refused,
        "attempts": attempts,
    }
    nudge_id = about.get("nudge_id")
    if kind == REMINDER and nudge_id is not None:
        detail["nudge_id"] = int(nudge_id)
    session.add(
        AuditEntry(
            workspace_id=workspace_id,
            actor_id=None,
            action=FAILED,
            target_type="candidate",
            target_id=str(candidate.id),
            detail=detail,
        )
    )
    if kind == REMINDER:
        await _uncount_nudge(session, candidate, detail.get("nudge_id"), outbox_id=outbox_id)
    sender = about.get("sent_by")
    if not sender or not await _on_team(session, workspace_id, str(sender)):
        return  # an ATS's invitation, or someone no longer on the team: the history says it
    agent_name = await session.scalar(
        select(Agent.name).where(Agent.id == candidate.agent_id, Agent.workspace_id == workspace_id)
    )
    outbox.enqueue(
        session,
        workspace_id=workspace_id,
        kind=outbox.SLACK_DM,
        payload={
            "user": str(sender),
            "template": TEMPLATE,
            "data": {
                "candidate_id": candidate.id,
                "candidate_name": candidate.name,
                "agent_name": agent_name or "",
                **detail,
            },
        },
    )


async def _on_team(session: AsyncSession, workspace_id: int, user_id: str) -> bool:
    member = await session.scalar(
        select(Member.id).where(Member.workspace_id == workspace_id, Member.slack_user_id == user_id)
    )
    return member is not None


async def _uncount_nudge(
    session: AsyncSession, candidate: Candidate, nudge_id: int | None, *, outbox_id: int
) -> None:
    nudge = await session.get(Nudge, nudge_id) if nudge_id is not None else None
    if nudge is None or nudge.candidate_id != candidate.id:
        return
    # An UPDATE, not read-and-write: a nudge sent meanwhile keeps its own increment.
    await session.execute(
        update(Candidate)
        .where(Candidate.id == candidate.id, Candidate.nudge_count > 0)
        .values(nudge_count=Candidate.nudge_count - 1)
    )
    failed = await _failed_nudges(session, candidate)
    last = await session.scalar(
        select(func.max(Nudge.sent_at)).where(
            Nudge.candidate_id == candidate.id, Nudge.id.not_in(failed | {nudge.id})
        )
    )
    if candidate.last_nudged_at is not None and candidate.last_nudged_at <= nudge.sent_at:
        await session.execute(
            update(Candidate).where(Candidate.id == candidate.id).values(last_nudged_at=last)
        )
    # The nudge's dedupe key (nudge:<candidate>:<count>) is the next nudge's again: this row gives it up.
    await outbox.release_dedupe_key(session, outbox_id=outbox_id)


async def _failed_nudges(session: AsyncSession, candidate: Candidate) -> set[int]:
    details = (
        await session.scalars(
            select(AuditEntry.detail).where(
                AuditEntry.workspace_id == candidate.workspace_id,
                AuditEntry.action == FAILED,
                AuditEntry.target_type == "candidate",
                AuditEntry.target_id == str(candidate.id),
            )
        )
    ).all()
    return {int(d["nudge_id"]) for d in details if isinstance(d, dict) and d.get("nudge_id") is not None}
