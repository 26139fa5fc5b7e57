"""The `data` of each event (README: "Webhook body"), and the emit calls the domain makes, so every path
that creates a candidate or completes an interview describes it the same way."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from milobot.db.models import Answer, Candidate, Interview
from milobot.services.webhooks import emit


def _iso(value: datetime | None) -> str | None:
    return value.isoformat().replace("+00:00", "Z") if value else None


def candidate_data(candidate: Candidate) -> dict[str, Any]:
    return {
        "id": candidate.id,
        "name": candidate.name,
        "email": candidate.email,
        "phone": candidate.phone,
        "source": candidate.source,
        "status": candidate.status,
        "decision": candidate.decision,
    }


def interview_data(interview: Interview) -> dict[str, Any]:
    return {
        "id": interview.id,
        "status": interview.status,
        "source": interview.source,
        "source_tag": interview.source_tag,
        "started_at": _iso(interview.started_at),
        "completed_at": _iso(interview.completed_at),
        "overall_score": interview.overall_score,
        "scorer": interview.scorer,
    }


def scores_data(answers: Sequence[Answer]) -> list[dict[str, Any]]:
    out = []
    for a in answers:
        score = a.score_override if a.score_override is not None else a.score
        out.append({"question_index": a.question_index, "question": a.question_text, "score": score})
    return out


async def candidate_created(session: AsyncSession, candidate: Candidate) -> None:
    """Call after the candidate row is flushed (it needs its id)."""
    await emit(
        session,
        workspace_id=candidate.workspace_id,
        agent_id=candidate.agent_id,
        event="candidate.created",
        data={"candidate": candidate_data(candidate)},
    )


async def interview_completed(session: AsyncSession, interview: Interview, candidate: Candidate) -> None:
    await emit(
        session,
        workspace_id=interview.workspace_id,
        agent_id=interview.agent_id,
        event="interview.completed",
        data={"interview": interview_data(interview), "candidate": candidate_data(candidate)},
    )


async def interview_scored(
    session: AsyncSession, interview: Interview, candidate: Candidate, answers: Sequence[Answer]
) -> None:
    await emit(
        session,
        workspace_id=interview.workspace_id,
        agent_id=interview.agent_id,
        event="interview.scored",
        data={
            "interview": interview_data(interview),
            "candidate": candidate_data(candidate),
            "scores": scores_data(answers),
        },
    )


async def decided(
    session: AsyncSession,
    candidate: Candidate,
    *,
    decision: str,
    by: str,
    interview_id: int | None,
    reason: str | None = None,
) -> None:
    """Shortlist or dismiss: `decision` is the candidate's new value, shortlisted or dismissed."""
    await emit(
        session,
        workspace_id=candidate.workspace_id,
        agent_id=candidate.agent_id,
        event=f"candidate.{decision}",
        data={
            "candidate": candidate_data(candidate),
            "decided_by": by,
            "interview_id": interview_id,
            "reason": reason,
        },
    )


async def rated(
    session: AsyncSession, candidate: Candidate, *, by: str, kind: str, value: int, source: str = "button"
) -> None:
    """For the ratings feature: call after a rating is stored (kind stars|thumbs, value 1..5 or ±1)."""
    await emit(
        session,
        workspace_id=candidate.workspace_id,
        agent_id=candidate.agent_id,
        event="candidate.rated",
        data={
            "candidate": candidate_data(candidate),
            "rating": {"by": by, "kind": kind, "value": value, "source": source},
        },
    )


async def nudged(session: AsyncSession, candidate: Candidate, *, by: str | None, nudge_count: int) -> None:
    """For the nudge feature: call when a reminder e-mail is enqueued (by is None for the automatic ladder)."""
    await emit(
        session,
        workspace_id=candidate.workspace_id,
        agent_id=candidate.agent_id,
        event="candidate.nudged",
        data={"candidate": candidate_data(candidate), "nudged_by": by, "nudge_count": nudge_count},
    )
