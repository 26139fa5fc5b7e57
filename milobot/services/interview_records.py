"""Rows and rules shared by both ways an interview arrives (the web page and the inbound API): which
questions an interview is held to, how it is completed, and how its overall score is worked out."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from milobot.db.models import Agent, AgentVersion, Answer, Candidate, Interview
from milobot.interview.scoring import Question, overall_from_scores
from milobot.services import outbox, webhook_events

SCORE_KIND = "interview.score"  # outbox: {interview_id} -> score the answers, then post the card
CARD_KIND = "slack.card"  # outbox: {interview_id} -> post or update the candidate card
SIGNAL_KINDS = ("paste", "tab_hidden", "long_silence")


def rubric_questions(version: AgentVersion | None) -> list[dict[str, Any]]:
    """The version's questions as stored, dropping malformed entries rather than failing a page."""
    out = []
    for q in (version.questions if version else None) or []:
        if isinstance(q, dict) and str(q.get("text") or "").strip():
            out.append(q)
    return out


def _weight(raw: Any) -> float:
    try:
        return max(0.0, float(raw))
    except (TypeError, ValueError):
        return 1.0


def scoring_question(rubric: Sequence[dict[str, Any]], index: int, asked: str) -> Question:
    """The rubric an answer is held to: the interview's own version's question at that index (never
    the agent's current one); an API transcript longer than the rubric is judged on substance alone."""
    if 0 <= index < len(rubric):
        q = rubric[index]
        return Question(
            text=str(q.get("text") or asked),
            anchor_1=str(q.get("anchor_1") or ""),
            anchor_5=str(q.get("anchor_5") or ""),
            weight=_weight(q.get("weight", 1.0)),
        )
    return Question(text=asked, anchor_1="", anchor_5="", weight=1.0)


def effective_score(answer: Answer) -> int | None:
    return answer.score_override if answer.score_override is not None else answer.score


def recompute_overall(
    interview: Interview, answers: Sequence[Answer], rubric: Sequence[dict[str, Any]]
) -> None:
    scored = [(a, effective_score(a)) for a in answers]
    scores = [s for _, s in scored if s is not None]
    if not scored or len(scores) < len(scored):
        return
    weights = [scoring_question(rubric, a.question_index, a.question_text).weight for a, _ in scored]
    interview.overall_score = overall_from_scores([int(s) for s in scores], weights)


async def answers_of(session: AsyncSession, interview: Interview) -> list[Answer]:
    return list(
        (
            await session.scalars(
                select(Answer)
                .where(Answer.workspace_id == interview.workspace_id, Answer.interview_id == interview.id)
                .order_by(Answer.question_index)
            )
        ).all()
    )


async def version_of(session: AsyncSession, interview: Interview) -> AgentVersion | None:
    return await session.scalar(
        select(AgentVersion).where(
            AgentVersion.id == interview.agent_version_id, AgentVersion.workspace_id == interview.workspace_id
        )
    )


async def current_version(session: AsyncSession, agent: Agent) -> AgentVersion | None:
    return await session.scalar(
        select(AgentVersion).where(
            AgentVersion.workspace_id == agent.workspace_id,
            AgentVersion.agent_id == agent.id,
            AgentVersion.version == agent.current_version,
        )
    )


async def mark_completed(
    session: AsyncSession, interview: Interview, candidate: Candidate, *, now: datetime, scored: bool
) -> None:
    """Complete an interview and enqueue what follows in the same transaction: scoring (which then
    posts the card), or the card straight away when the scores came with it; and the events."""
    interview.status = "completed"
    interview.completed_at = interview.completed_at or now
    candidate.status = "completed"
    if scored:
        enqueue_card(session, interview)
    else:
        outbox.enqueue(
            session,
            workspace_id=interview.workspace_id,
            kind=SCORE_KIND,
            payload={"interview_id": interview.id},
        )
    await session.flush()
    await webhook_events.interview_completed(session, interview, candidate)
    if scored:
        await webhook_events.interview_scored(
            session, interview, candidate, await answers_of(session, interview)
        )


def enqueue_card(session: AsyncSession, interview: Interview) -> None:
    outbox.enqueue(
        session,
        workspace_id=interview.workspace_id,
        kind=CARD_KIND,
        payload={"interview_id": interview.id},
        # One card message per interview: its first post comes before every update, on any replica.
        ordering_key=f"{interview.workspace_id}:card:{interview.id}",
    )
