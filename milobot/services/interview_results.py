"""Results posted by an external interview engine (the inbound API), recorded like a web interview:
same candidate matching, same answers and signals, same completion (scoring, then the card)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from milobot.db.models import (
    Agent,
    Answer,
    AuditEntry,
    Candidate,
    IntegritySignal,
    Interview,
    Recording,
    StoredFile,
)
from milobot.errors import Conflict, Invalid, NotFound
from milobot.services import webhook_events
from milobot.services.candidate_records import new_candidate, normalise_email
from milobot.services.interview_records import (
    current_version,
    mark_completed,
    recompute_overall,
    rubric_questions,
)


@dataclass(frozen=True)
class ExternalCandidate:
    name: str
    email: str
    phone: str | None = None


@dataclass(frozen=True)
class ExternalTurn:
    question: str
    answer: str


@dataclass(frozen=True)
class ExternalScore:
    question_index: int
    score: int
    evidence: list[str] = field(default_factory=list)
    rationale: str | None = None


@dataclass(frozen=True)
class ExternalSignal:
    kind: str
    question_index: int | None = None
    detail: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ExternalResult:
    external_id: str
    candidate: ExternalCandidate
    transcript: list[ExternalTurn]
    agent_id: int | None = None
    agent_token: str | None = None
    scores: list[ExternalScore] = field(default_factory=list)
    overall_score: float | None = None
    signals: list[ExternalSignal] = field(default_factory=list)
    completed_at: datetime | None = None


@dataclass(frozen=True)
class IncomingRecording:
    """A recording already streamed to a temporary file; moved into place only if the result is new."""

    kind: str  # audio | video
    temp_path: Path
    content_type: str | None
    size: int
    sha256: str
    suffix: str


@dataclass(frozen=True)
class RecordedResult:
    interview_id: int
    candidate_id: int
    created: bool


async def _existing(session: AsyncSession, workspace_id: int, external_id: str) -> Interview | None:
    return await session.scalar(
        select(Interview).where(Interview.workspace_id == workspace_id, Interview.external_id == external_id)
    )


async def _agent(session: AsyncSession, workspace_id: int, result: ExternalResult) -> Agent:
    query = select(Agent).where(Agent.workspace_id == workspace_id)
    if result.agent_id is not None:
        query = query.where(Agent.id == result.agent_id)
    else:
        query = query.where(Agent.share_token == result.agent_token)
    agent = await session.scalar(query)
    if agent is None:  # another workspace's agent looks exactly like a missing one
        raise NotFound("No such agent in this workspace.")
    return agent


REUSED = (
    "external_id {!r} was already posted with a different body. Posting the same result again is safe; "
    "a different result needs its own external_id."
)


def _replayed(existing: Interview, digest: str | None, external_id: str) -> RecordedResult:
    """The same external_id again: the same answer for the same body (a retry), 409 for another. Rows
    recorded before digests were kept (NULL) can't be compared, so they answer as before."""
    if digest and existing.external_digest and digest != existing.external_digest:
        raise Conflict(REUSED.format(external_id))
    return RecordedResult(existing.id, existing.candidate_id, False)


async def record_external(
    session: AsyncSession,
    *,
    workspace_id: int,
    key_prefix: str,
    result: ExternalResult,
    recordings: list[IncomingRecording],
    data_dir: Path,
    now: datetime,
    digest: str | None = None,
) -> RecordedResult:
    existing = await _existing(session, workspace_id, result.external_id)
    if existing is not None:  # idempotent: the same post again changes nothing
        return _replayed(existing, digest, result.external_id)
    agent = await _agent(session, workspace_id, result)
    version = await current_version(session, agent)
    if version is None:
        raise Invalid("That agent has no questions yet.", field="agent_id")
    c = result.candidate
    candidate = await session.scalar(
        select(Candidate)
        .where(
            Candidate.workspace_id == workspace_id,
            Candidate.agent_id == agent.id,
            Candidate.email_normalized == normalise_email(c.email),
        )
        .order_by(Candidate.id)
        .limit(1)
    )
    if candidate is None:
        candidate = new_candidate(
            session,
            workspace_id=workspace_id,
            agent_id=agent.id,
            name=c.name,
            email=c.email,
            phone=c.phone,
            source="api",
        )
        await session.flush()
        await webhook_events.candidate_created(session, candidate)
    interview = Interview(
        workspace_id=workspace_id,
        candidate_id=candidate.id,
        agent_id=agent.id,
        agent_version_id=version.id,
        source="api",
        external_id=result.external_id,
        external_digest=digest,
        started_at=result.completed_at or now,
        completed_at=result.completed_at or now,
    )
    try:
        async with session.begin_nested():
            session.add(interview)
    except IntegrityError:  # a concurrent post of the same external_id won the race
        winner = await _existing(session, workspace_id, result.external_id)
        if winner is None:
            raise
        return _replayed(winner, digest, result.external_id)

    given = {s.question_index: s for s in result.scores}
    answers = []
    for i, turn in enumerate(result.transcript):
        s = given.get(i)
        answer = Answer(
            workspace_id=workspace_id,
            interview_id=interview.id,
            question_index=i,
            question_text=turn.question,
            answer_text=turn.answer,
            score=s.score if s else None,
            evidence=list(s.evidence) if s else [],
            rationale=(s.rationale or "scored by the interview engine") if s else None,
            answered_at=now,
        )
        session.add(answer)
        answers.append(answer)
    for sig in result.signals:
        session.add(
            IntegritySignal(
                workspace_id=workspace_id,
                interview_id=interview.id,
                kind=sig.kind,
                question_index=sig.question_index,
                detail=sig.detail,
                at=now,
            )
        )
    scored = bool(answers) and all(a.score is not None for a in answers)
    if scored:
        interview.scorer = "external"
        if result.overall_score is not None:
            interview.overall_score = round(float(result.overall_score), 1)
        else:
            recompute_overall(interview, answers, rubric_questions(version))
    _store_recordings(session, data_dir, workspace_id, interview, candidate, recordings)
    session.add(
        AuditEntry(
            workspace_id=workspace_id,
            actor_id=f"apikey:{key_prefix}",
            action="interview.api_result",
            target_type="interview",
            target_id=str(interview.id),
            detail={"external_id": result.external_id, "answers": len(answers)},
        )
    )
    await mark_completed(session, interview, candidate, now=now, scored=scored)
    await session.flush()
    return RecordedResult(interview.id, candidate.id, True)


def _store_recordings(
    session: AsyncSession,
    data_dir: Path,
    workspace_id: int,
    interview: Interview,
    candidate: Candidate,
    recordings: list[IncomingRecording],
) -> None:
    folder = data_dir / str(workspace_id) / "recordings"
    folder.mkdir(parents=True, exist_ok=True)
    for rec in recordings:
        final = folder / f"interview-{interview.id}-{rec.kind}{rec.suffix}"
        os.replace(rec.temp_path, final)
        session.add(
            Recording(
                workspace_id=workspace_id,
                interview_id=interview.id,
                kind=rec.kind,
                path=str(final),
                content_type=rec.content_type,
                size=rec.size,
            )
        )
        session.add(
            StoredFile(
                workspace_id=workspace_id,
                candidate_id=candidate.id,
                kind=f"recording_{rec.kind}",
                path=str(final),
                sha256=rec.sha256,
            )
        )
