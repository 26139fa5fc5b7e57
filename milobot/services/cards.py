"""What a candidate card shows, read fresh from the database each time the card is posted or updated,
as plain data (the builder in blocks/candidate.py turns it into Block Kit)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from milobot.db.models import Agent, Candidate, IntegritySignal, Interview, Rating, Recording, Workspace
from milobot.errors import NotFound
from milobot.services.interview_records import answers_of, effective_score, rubric_questions, version_of
from milobot.services.privacy import public_label


@dataclass(frozen=True)
class QuestionSummary:
    index: int  # 0-based
    question: str
    answer: str
    score: int | None
    machine_score: int | None
    overridden: bool
    evidence: list[str]
    rationale: str | None
    duration_ms: int | None
    answer_id: int
    anchor_1: str = ""  # the rubric's words for a 1 and a 5 (the interview's own version)
    anchor_5: str = ""


@dataclass(frozen=True)
class CardData:
    interview_id: int
    workspace_id: int
    candidate_id: int
    candidate_name: str
    email: str | None
    phone: str | None
    agent_name: str
    role_title: str | None
    channel_id: str | None
    interview_status: str
    decision: str  # none | shortlisted | dismissed
    decided_by: str | None
    overall_score: float | None
    scorer: str | None
    source: str
    completed_at: datetime | None
    version: int | None
    card_channel: str | None
    card_ts: str | None
    questions: list[QuestionSummary] = field(default_factory=list)
    observations: list[str] = field(default_factory=list)
    recordings: list[str] = field(default_factory=list)
    rating_count: int = 0  # the card shows how many, never whose or what (blind until you rate)
    decided_at: datetime | None = None
    # The workspace's settings (its public_channel_privacy choice, see services/privacy.py), and whether
    # this copy of the card had its personal data taken out for the channel it goes to.
    workspace_settings: dict[str, Any] = field(default_factory=dict)
    personal_data_hidden: bool = False
    agent_privacy: str | None = None  # the agent's override of the workspace's choice (migration 0010)

    def without_personal_data(self) -> CardData:
        """For a channel where personal data is hidden: no e-mail, no phone, no answer text (nor the
        evidence and rationale that quote it), and the name cut to initials and the candidate number.
        Scores and observations stay."""
        return replace(
            self,
            candidate_name=public_label(self.candidate_name, self.candidate_id),
            email=None,
            phone=None,
            questions=[replace(q, answer="", evidence=[], rationale=None) for q in self.questions],
            personal_data_hidden=True,
        )


def _times(n: int) -> str:
    return "once" if n == 1 else "twice" if n == 2 else f"{n} times"


def observations(signals: list[IntegritySignal]) -> list[str]:
    """Integrity signals worded as what was observed, never as what it means: there are innocent
    reasons for each (a drafted answer pasted in, a doorbell, a slow think)."""
    out: list[str] = []
    pastes = Counter(s.question_index for s in signals if s.kind == "paste")
    for q in sorted(pastes, key=lambda i: (i is None, i or 0)):
        where = f" in question {q + 1}" if q is not None else ""
        out.append(f"Pasted text {_times(pastes[q])}{where}")
    hidden = [s for s in signals if s.kind == "tab_hidden"]
    if hidden:
        out.append(f"Left the tab {_times(len(hidden))}")
    silences = [s for s in signals if s.kind == "long_silence"]
    if silences:
        numbers = sorted({s.question_index + 1 for s in silences if s.question_index is not None})
        tail = f" (question {', '.join(map(str, numbers))})" if numbers else ""
        out.append(f"Paused for over a minute {_times(len(silences))}{tail}")
    other = Counter(s.kind for s in signals if s.kind not in ("paste", "tab_hidden", "long_silence"))
    for kind, n in sorted(other.items()):
        out.append(f"Reported by the interview engine: {kind.replace('_', ' ')} ({_times(n)})")
    return out


async def load_card(session: AsyncSession, *, interview_id: int, workspace_id: int | None = None) -> CardData:
    """The card of one interview; with `workspace_id`, an interview of another workspace is NotFound."""
    query = select(Interview).where(Interview.id == interview_id)
    if workspace_id is not None:
        query = query.where(Interview.workspace_id == workspace_id)
    interview = await session.scalar(query)
    if interview is None:
        raise NotFound("That interview doesn't exist (or no longer does).")
    ws = interview.workspace_id
    candidate = await session.scalar(
        select(Candidate).where(Candidate.id == interview.candidate_id, Candidate.workspace_id == ws)
    )
    agent = await session.scalar(
        select(Agent).where(Agent.id == interview.agent_id, Agent.workspace_id == ws)
    )
    workspace = await session.get(Workspace, ws)
    if candidate is None or agent is None or workspace is None:
        raise NotFound("That interview's candidate no longer exists.")
    version = await version_of(session, interview)
    rubric = rubric_questions(version)
    answers = await answers_of(session, interview)
    signals = list(
        (
            await session.scalars(
                select(IntegritySignal)
                .where(IntegritySignal.workspace_id == ws, IntegritySignal.interview_id == interview.id)
                .order_by(IntegritySignal.id)
            )
        ).all()
    )
    recordings = (
        await session.scalars(
            select(Recording.kind).where(Recording.workspace_id == ws, Recording.interview_id == interview.id)
        )
    ).all()
    # card_channel means something only once the card's ts is known (it marks a post under way before).
    channel = (interview.card_channel if interview.card_ts else None) or agent.channel_id
    questions = [
        QuestionSummary(
            index=a.question_index,
            # The question as asked and stored with the answer: the interview's own version's wording.
            question=a.question_text
            or (rubric[a.question_index]["text"] if a.question_index < len(rubric) else ""),
            answer=a.answer_text or "",
            score=effective_score(a),
            machine_score=a.score,
            overridden=a.score_override is not None,
            evidence=list(a.evidence or []),
            rationale=a.rationale,
            duration_ms=a.duration_ms,
            answer_id=a.id,
            anchor_1=str(rubric[a.question_index].get("anchor_1") or "")
            if a.question_index < len(rubric)
            else "",
            anchor_5=str(rubric[a.question_index].get("anchor_5") or "")
            if a.question_index < len(rubric)
            else "",
        )
        for a in answers
    ]
    rating_count = await session.scalar(
        select(func.count())
        .select_from(Rating)
        .where(Rating.workspace_id == ws, Rating.candidate_id == candidate.id)
    )
    return CardData(
        interview_id=interview.id,
        workspace_id=ws,
        candidate_id=candidate.id,
        candidate_name=candidate.name,
        email=candidate.email,
        phone=candidate.phone,
        agent_name=agent.name,
        role_title=agent.role_title,
        channel_id=channel,
        interview_status=interview.status,
        decision=candidate.decision,
        decided_by=candidate.decided_by,
        overall_score=interview.overall_score,
        scorer=interview.scorer,
        source=interview.source,
        completed_at=interview.completed_at,
        version=version.version if version else None,
        card_channel=interview.card_channel,
        card_ts=interview.card_ts,
        questions=questions,
        observations=observations(signals),
        recordings=sorted(recordings),
        workspace_settings=dict(workspace.settings or {}),
        agent_privacy=agent.public_channel_privacy,
        rating_count=rating_count or 0,
        decided_at=candidate.decided_at,
    )
