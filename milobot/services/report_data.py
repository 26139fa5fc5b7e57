"""What a candidate report holds, read from the database as plain, picklable data: the web page, the
PDF (drawn in another process) and the Package ZIP all render this one shape, so they never disagree.

A report covers a candidate and every interview they took, newest first. A handful of queries whatever
the interview's length (one each for interviews, versions, answers, signals and recordings), because
the report page has a latency budget."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from milobot.db.models import (
    Agent,
    AgentVersion,
    Answer,
    IntegritySignal,
    Interview,
    Note,
    Rating,
    Recording,
    Workspace,
)
from milobot.errors import NotFound
from milobot.services.cards import observations
from milobot.services.interview_records import effective_score, rubric_questions
from milobot.services.rating_scale import rating_points
from milobot.services.report_files import NOT_FOUND, load_candidate, on_disk

# Workspace.settings key, set in `/milo settings` (services/workspace_settings.py): reports carry team
# ratings and notes.
TEAM_FEEDBACK_SETTING = "reports_include_team_feedback"


@dataclass(frozen=True)
class QuestionReport:
    index: int  # 0-based
    question: str
    anchor_1: str
    anchor_5: str
    weight: float
    answer: str
    score: int | None
    machine_score: int | None
    overridden: bool
    evidence: tuple[str, ...]
    rationale: str | None
    duration_ms: int | None


@dataclass(frozen=True)
class RecordingReport:
    id: int
    kind: str  # audio | video
    content_type: str | None
    size: int
    present: bool  # the file is on disk; a report says so when it is not, rather than failing


@dataclass(frozen=True)
class InterviewReport:
    id: int
    status: str
    source: str  # web | api
    started_at: datetime | None
    completed_at: datetime | None
    overall_score: float | None
    scorer: str | None
    version: int | None
    user_agent: str | None
    questions: tuple[QuestionReport, ...]
    observations: tuple[str, ...]
    recordings: tuple[RecordingReport, ...]

    @property
    def device(self) -> str | None:
        return describe_user_agent(self.user_agent)

    @property
    def answering_ms(self) -> int | None:
        known = [q.duration_ms for q in self.questions if q.duration_ms is not None]
        return sum(known) if known else None


@dataclass(frozen=True)
class TeamRating:
    user_id: str
    kind: str
    value: int


@dataclass(frozen=True)
class TeamNote:
    author_id: str
    body: str
    created_at: datetime | None


@dataclass(frozen=True)
class ReportData:
    workspace_id: int
    candidate_id: int
    candidate_name: str
    email: str | None
    phone: str | None
    location: str | None
    current_title: str | None
    current_company: str | None
    candidate_status: str  # invited | in_progress | completed
    decision: str  # none | shortlisted | dismissed
    decided_by: str | None
    agent_name: str
    role_title: str | None
    generated_at: datetime
    interviews: tuple[InterviewReport, ...] = ()
    team_feedback: bool = False  # ratings and notes below are included (workspace setting)
    ratings: tuple[TeamRating, ...] = ()
    notes: tuple[TeamNote, ...] = ()

    @property
    def average_rating(self) -> float | None:
        if not self.ratings:
            return None
        return sum(rating_points(r.kind, r.value) for r in self.ratings) / len(self.ratings)


STATUS_WORDS = {
    "invited": "Invited",
    "in_progress": "Interview in progress",
    "completed": "Interview completed",
}
DECISION_WORDS = {"shortlisted": "Shortlisted", "dismissed": "Dismissed", "none": "No decision yet"}


def feedback_allowed(workspace: Workspace | None) -> bool:
    return feedback_in(workspace.settings if workspace else None)


def feedback_in(settings: dict[str, Any] | None) -> bool:
    """A workspace's settings JSON lets reports carry the team's ratings and notes."""
    return bool((settings or {}).get(TEAM_FEEDBACK_SETTING))


async def load_report(
    session: AsyncSession,
    *,
    workspace_id: int,
    candidate_id: int,
    now: datetime,
    include_feedback: bool = True,
) -> ReportData:
    """The report of one candidate. Team ratings and notes are read only when the workspace allows
    reports to carry them AND `include_feedback` (False for someone who may not see them yet)."""
    candidate = await load_candidate(session, workspace_id=workspace_id, candidate_id=candidate_id)
    agent = await session.scalar(
        select(Agent).where(Agent.id == candidate.agent_id, Agent.workspace_id == workspace_id)
    )
    workspace = await session.get(Workspace, workspace_id)
    if agent is None or workspace is None:
        raise NotFound(NOT_FOUND)
    interviews = await _interviews(session, workspace_id, candidate.id)
    feedback = include_feedback and feedback_allowed(workspace)
    ratings: tuple[TeamRating, ...] = ()
    notes: tuple[TeamNote, ...] = ()
    if feedback:
        ratings, notes = await _feedback(session, workspace_id, candidate.id)
    return ReportData(
        workspace_id=workspace_id,
        candidate_id=candidate.id,
        candidate_name=candidate.name,
        email=candidate.email,
        phone=candidate.phone,
        location=candidate.location,
        current_title=candidate.current_title,
        current_company=candidate.current_company,
        candidate_status=candidate.status,
        decision=candidate.decision,
        decided_by=candidate.decided_by,
        agent_name=agent.name,
        role_title=agent.role_title,
        generated_at=now,
        interviews=interviews,
        team_feedback=feedback,
        ratings=ratings,
        notes=notes,
    )


async def _interviews(session: AsyncSession, ws: int, candidate_id: int) -> tuple[InterviewReport, ...]:
    rows = (
        await session.scalars(
            select(Interview)
            .where(Interview.workspace_id == ws, Interview.candidate_id == candidate_id)
            .order_by(Interview.id.desc())
        )
    ).all()
    if not rows:
        return ()
    ids = [i.id for i in rows]
    versions = {
        v.id: v
        for v in (
            await session.scalars(
                select(AgentVersion).where(
                    AgentVersion.workspace_id == ws,
                    AgentVersion.id.in_({i.agent_version_id for i in rows}),
                )
            )
        ).all()
    }
    answers: dict[int, list[Answer]] = {}
    for a in (
        await session.scalars(
            select(Answer)
            .where(Answer.workspace_id == ws, Answer.interview_id.in_(ids))
            .order_by(Answer.interview_id, Answer.question_index)
        )
    ).all():
        answers.setdefault(a.interview_id, []).append(a)
    signals: dict[int, list[IntegritySignal]] = {}
    for s in (
        await session.scalars(
            select(IntegritySignal)
            .where(IntegritySignal.workspace_id == ws, IntegritySignal.interview_id.in_(ids))
            .order_by(IntegritySignal.id)
        )
    ).all():
        signals.setdefault(s.interview_id, []).append(s)
    recordings: dict[int, list[Recording]] = {}
    for r in (
        await session.scalars(
            select(Recording)
            .where(Recording.workspace_id == ws, Recording.interview_id.in_(ids))
            .order_by(Recording.kind, Recording.id)
        )
    ).all():
        recordings.setdefault(r.interview_id, []).append(r)
    out = []
    for interview in rows:
        version = versions.get(interview.agent_version_id)
        rubric = rubric_questions(version)
        out.append(
            InterviewReport(
                id=interview.id,
                status=interview.status,
                source=interview.source,
                started_at=interview.consented_at or interview.started_at,
                completed_at=interview.completed_at,
                overall_score=interview.overall_score,
                scorer=interview.scorer,
                version=version.version if version else None,
                user_agent=interview.user_agent,
                questions=tuple(_question(a, rubric) for a in answers.get(interview.id, [])),
                observations=tuple(observations(signals.get(interview.id, []))),
                recordings=tuple(
                    RecordingReport(r.id, r.kind, r.content_type, r.size or 0, on_disk(r.path))
                    for r in recordings.get(interview.id, [])
                ),
            )
        )
    return tuple(out)


def _question(a: Answer, rubric: list[dict[str, Any]]) -> QuestionReport:
    q = rubric[a.question_index] if 0 <= a.question_index < len(rubric) else {}
    try:
        weight = float(q.get("weight", 1.0))
    except (TypeError, ValueError):
        weight = 1.0
    return QuestionReport(
        index=a.question_index,
        question=a.question_text or str(q.get("text") or ""),
        anchor_1=str(q.get("anchor_1") or ""),
        anchor_5=str(q.get("anchor_5") or ""),
        weight=weight,
        answer=a.answer_text or "",
        score=effective_score(a),
        machine_score=a.score,
        overridden=a.score_override is not None,
        evidence=tuple(str(e) for e in (a.evidence or []) if e),
        rationale=a.rationale,
        duration_ms=a.duration_ms,
    )


async def _feedback(
    session: AsyncSession, ws: int, candidate_id: int
) -> tuple[tuple[TeamRating, ...], tuple[TeamNote, ...]]:
    ratings = (
        await session.scalars(
            select(Rating)
            .where(Rating.workspace_id == ws, Rating.candidate_id == candidate_id)
            .order_by(Rating.id)
        )
    ).all()
    notes = (
        await session.scalars(
            select(Note).where(Note.workspace_id == ws, Note.candidate_id == candidate_id).order_by(Note.id)
        )
    ).all()
    return (
        tuple(TeamRating(r.slack_user_id, r.kind, r.value) for r in ratings),
        tuple(TeamNote(n.author_id, n.body, n.created_at) for n in notes),
    )


# ---------------------------------------------------------------- diagnostics

_BROWSERS = [  # order matters: Edge and Opera say "Chrome" too, Chrome says "Safari"
    ("Edge", re.compile(r"Edg(?:e|A|iOS)?/(\d+)")),
    ("Opera", re.compile(r"(?:OPR|Opera)/(\d+)")),
    ("Samsung Internet", re.compile(r"SamsungBrowser/(\d+)")),
    ("Firefox", re.compile(r"(?:Firefox|FxiOS)/(\d+)")),
    ("Chrome", re.compile(r"(?:Chrome|CriOS)/(\d+)")),
    ("Safari", re.compile(r"Version/(\d+)[.\d]* (?:Mobile/\S+ )?Safari/")),
]
_SYSTEMS = [
    ("iPadOS", re.compile(r"iPad")),
    ("iOS", re.compile(r"iPhone|iPod")),
    ("Android", re.compile(r"Android")),
    ("Windows", re.compile(r"Windows")),
    ("ChromeOS", re.compile(r"CrOS")),
    ("macOS", re.compile(r"Mac OS X|Macintosh")),
    ("Linux", re.compile(r"Linux")),
]


def describe_user_agent(ua: str | None) -> str | None:
    """ "Chrome 120 on Windows (desktop)" from a User-Agent header, as far as it says; the raw header is
    shown beside it. A small table rather than a UA-parsing library: the report needs the browser, the
    system and whether it was a phone, not a device database."""
    if not ua:
        return None
    browser = next((f"{name} {m.group(1)}" for name, rx in _BROWSERS if (m := rx.search(ua))), None)
    system = next((name for name, rx in _SYSTEMS if rx.search(ua)), None)
    if "HeadlessChrome" in ua:
        browser = "Headless Chrome"
    kind = "tablet" if system == "iPadOS" or "Tablet" in ua else "phone" if "Mobi" in ua else "desktop"
    if browser is None and system is None:
        return "unrecognised browser"
    return f"{browser or 'unknown browser'} on {system or 'an unknown system'} ({kind})"
