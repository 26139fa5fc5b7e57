"""The candidate profile (SPEC step 6), as plain data for blocks/profile.py: contact details, where the
candidate came from (and their stored résumé behind a signed link), the interview with its transcript,
per-question scores, rubric anchors, evidence, recordings and observations, the team's ratings (blind
until you rate), notes, nudges, and the history of what the team did, from the audit log.

Works for every candidate, with or without an interview."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from milobot.db.models import Agent, Answer, AuditEntry, Member, Note, Nudge, Rating, Recording, Workspace
from milobot.errors import NotFound
from milobot.services.base import Service
from milobot.services.candidate_access import candidate_in, interviews_of
from milobot.services.cards import CardData, load_card
from milobot.services.context import ADMIN, Identity, require_member
from milobot.services.decisions import last_decision
from milobot.services.files import RECORDING, RESUME, file_url
from milobot.services.nudges import MAX_NUDGES, refusal
from milobot.services.rating_scale import rating_points, ratings_visible
from milobot.services.report_data import feedback_allowed
from milobot.services.sharing import interview_link

NOTES_SHOWN = 12
HISTORY_SHOWN = 12


@dataclass(frozen=True)
class RatingLine:
    user_id: str
    kind: str
    value: int


@dataclass(frozen=True)
class Ratings:
    count: int
    visible: bool  # blind until you rate, or until the candidate is shortlisted or dismissed
    mine: RatingLine | None
    lines: list[RatingLine] = field(default_factory=list)  # empty unless visible
    average: float | None = None  # on the 1–5 scale, thumbs up = 5, down = 1; None unless visible


@dataclass(frozen=True)
class NoteLine:
    id: int
    author_id: str
    body: str
    created_at: datetime
    edited_at: datetime | None
    mine: bool


@dataclass(frozen=True)
class HistoryLine:
    at: datetime
    actor_id: str | None
    action: str
    detail: dict[str, Any]


@dataclass(frozen=True)
class InterviewLine:
    id: int
    status: str
    started_at: datetime | None
    completed_at: datetime | None
    overall_score: float | None


@dataclass(frozen=True)
class RecordingLink:
    kind: str
    url: str
    size: int


@dataclass(frozen=True)
class ProfileData:
    candidate_id: int
    name: str
    email: str | None
    phone: str | None
    location: str | None
    current_title: str | None
    current_company: str | None
    links: list[str]
    source: str
    source_tag: str | None
    source_file: str | None
    resume_url: str | None
    added_at: datetime | None
    agent_id: int
    agent_name: str
    role_title: str | None
    status: str
    decision: str
    decided_by: str | None
    decided_at: datetime | None
    decision_reason: str | None
    last_decision_id: int | None
    viewer_id: str
    viewer_is_admin: bool
    mail_enabled: bool
    personal_link: str | None  # admins only: to send by hand
    nudge_count: int
    nudge_block: str | None  # the rule that stops a nudge now (services/nudges.py), None if it may go
    interviews: list[InterviewLine]
    interview: CardData | None  # the one shown in full
    page: int
    recordings: list[RecordingLink]
    ratings: Ratings
    notes: list[NoteLine]
    notes_total: int
    history: list[HistoryLine]
    team: frozenset[str]  # members: a note's mention of one of them may render as a mention
    max_nudges: int = MAX_NUDGES
    last_nudged_at: datetime | None = None
    # The workspace lets reports carry ratings and notes: View Report is where the ones the
    # profile leaves out can be read.
    reports_include_team_feedback: bool = False


def _ratings(rows: list[Rating], viewer: str, decision: str) -> Ratings:
    mine = next(
        (RatingLine(r.slack_user_id, r.kind, r.value) for r in rows if r.slack_user_id == viewer), None
    )
    visible = ratings_visible(viewer_has_rated=mine is not None, decision=decision)
    if not visible:
        return Ratings(len(rows), False, None)
    lines = [RatingLine(r.slack_user_id, r.kind, r.value) for r in rows]
    average = sum(rating_points(r.kind, r.value) for r in rows) / len(rows) if rows else None
    return Ratings(len(rows), True, mine, lines, average)


class ProfileService(Service):
    async def profile(
        self,
        *,
        identity: Identity,
        candidate_id: int | None = None,
        interview_id: int | None = None,
        page: int = 0,
    ) -> ProfileData:
        """By candidate (the list), by interview (a card), or both (the profile moving between
        interviews); an interview that isn't this candidate's is NotFound."""
        async with self.acting(identity) as (session, actor):
            require_member(actor)
            candidate = await candidate_in(
                session,
                actor,
                candidate_id=candidate_id,
                interview_id=interview_id if candidate_id is None else None,
            )
            ws = actor.workspace_id
            agent = await session.scalar(
                select(Agent).where(Agent.id == candidate.agent_id, Agent.workspace_id == ws)
            )
            if agent is None:
                raise NotFound("That candidate's interview agent no longer exists.")
            interviews = await interviews_of(session, candidate)
            shown = next((i for i in interviews if i.id == interview_id), None) if interview_id else None
            if interview_id is not None and shown is None:
                raise NotFound("That interview isn't this candidate's.")
            shown = shown or (interviews[0] if interviews else None)
            card = await load_card(session, interview_id=shown.id, workspace_id=ws) if shown else None
            recordings = []
            if shown is not None:
                rows = (
                    await session.scalars(
                        select(Recording)
                        .where(Recording.workspace_id == ws, Recording.interview_id == shown.id)
                        .order_by(Recording.id)
                    )
                ).all()
                recordings = [
                    RecordingLink(r.kind, self._link(ws, RECORDING, r.id), r.size or 0) for r in rows
                ]
            ratings = (
                await session.scalars(
                    select(Rating)
                    .where(Rating.workspace_id == ws, Rating.candidate_id == candidate.id)
                    .order_by(Rating.updated_at.desc())
                )
            ).all()
            notes = (
                await session.scalars(
                    select(Note)
                    .where(Note.workspace_id == ws, Note.candidate_id == candidate.id)
                    .order_by(Note.created_at.desc(), Note.id.desc())
                    .limit(NOTES_SHOWN)
                )
            ).all()
            notes_total = await session.scalar(
                select(func.count())
                .select_from(Note)
                .where(Note.workspace_id == ws, Note.candidate_id == candidate.id)
            )
            team = frozenset(
                (await session.scalars(select(Member.slack_user_id).where(Member.workspace_id == ws))).all()
            )
            last = await last_decision(session, candidate)
            now = self.now()
            rule = refusal(candidate, now=now, agent=agent)
            return ProfileData(
                candidate_id=candidate.id,
                name=candidate.name,
                email=candidate.email,
                phone=candidate.phone,
                location=candidate.location,
                current_title=candidate.current_title,
                current_company=candidate.current_company,
                links=[str(x) for x in (candidate.links or []) if x][:5],
                source=candidate.source,
                source_tag=candidate.source_tag,
                source_file=candidate.source_file,
                resume_url=self._link(ws, RESUME, candidate.id) if candidate.resume_path else None,
                added_at=candidate.created_at,
                agent_id=agent.id,
                agent_name=agent.name,
                role_title=agent.role_title,
                status=candidate.status,
                decision=candidate.decision,
                decided_by=candidate.decided_by,
                decided_at=candidate.decided_at,
                decision_reason=candidate.decision_reason,
                last_decision_id=last.id if last else None,
                viewer_id=actor.user_id,
                viewer_is_admin=actor.role == ADMIN,
                mail_enabled=self.deps.mail_enabled,
                personal_link=interview_link(self.deps.public_url, candidate.token)
                if actor.role == ADMIN
                else None,
                nudge_count=candidate.nudge_count or 0,
                nudge_block=rule,
                interviews=[
                    InterviewLine(i.id, i.status, i.started_at, i.completed_at, i.overall_score)
                    for i in interviews
                ],
                interview=card,
                page=max(0, int(page)),
                recordings=recordings,
                ratings=_ratings(list(ratings), actor.user_id, candidate.decision),
                notes=[
                    NoteLine(
                        n.id, n.author_id, n.body, n.created_at, n.edited_at, n.author_id == actor.user_id
                    )
                    for n in notes
                ],
                notes_total=notes_total or 0,
                history=await self._history(session, ws, candidate.id, [i.id for i in interviews]),
                team=team,
                last_nudged_at=candidate.last_nudged_at,
                reports_include_team_feedback=feedback_allowed(await session.get(Workspace, ws)),
            )

    def _link(self, workspace_id: int, kind: str, ref_id: int) -> str:
        return file_url(
            self.deps.public_url,
            self.deps.secret_key,
            workspace_id=workspace_id,
            kind=kind,
            ref_id=ref_id,
            now=self.now(),
        )

    async def _history(
        self, session: AsyncSession, ws: int, candidate_id: int, interview_ids: list[int]
    ) -> list[HistoryLine]:
        """Decisions, undos, notes, nudges and score adjustments, newest first. Bulk nudges leave one
        audit entry for the agent, so nudges come from their own table."""
        answer_ids = (
            [
                str(a)
                for a in (
                    await session.scalars(
                        select(Answer.id).where(
                            Answer.workspace_id == ws, Answer.interview_id.in_(interview_ids)
                        )
                    )
                ).all()
            ]
            if interview_ids
            else []
        )
        about = and_(AuditEntry.target_type == "candidate", AuditEntry.target_id == str(candidate_id))
        if answer_ids:
            about = or_(about, and_(AuditEntry.target_type == "answer", AuditEntry.target_id.in_(answer_ids)))
        entries = (
            await session.scalars(
                select(AuditEntry)
                .where(AuditEntry.workspace_id == ws, about, AuditEntry.action != "candidate.nudge")
                .order_by(AuditEntry.created_at.desc(), AuditEntry.id.desc())
                .limit(HISTORY_SHOWN)
            )
        ).all()
        nudges = (
            await session.scalars(
                select(Nudge)
                .where(Nudge.workspace_id == ws, Nudge.candidate_id == candidate_id)
                .order_by(Nudge.sent_at.desc())
                .limit(HISTORY_SHOWN)
            )
        ).all()
        lines = [HistoryLine(e.created_at, e.actor_id, e.action, dict(e.detail or {})) for e in entries]
        lines += [
            HistoryLine(n.sent_at, n.sent_by, "candidate.nudge", {"bulk": n.bulk, "email": n.email})
            for n in nudges
        ]
        lines.sort(key=lambda h: h.at, reverse=True)
        return lines[:HISTORY_SHOWN]
