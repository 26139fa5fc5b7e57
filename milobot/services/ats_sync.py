"""ATS write-back (SPEC step 10): when an interview is scored (and on Shortlist / Dismiss when the
connection asks for it) the result is written to the candidate in Greenhouse or Lever.

Each write-back is an AtsSync row whose steps are recorded as they finish (the ATS candidate found or
created, the note added, the PDF report attached), so a retry resumes after the last finished step and
never adds a second note or a second attachment.
Its outcome joins the agent's ATS-sync notice: one Slack message per agent per minute, updated in place."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from milobot.ats.client import AtsRef
from milobot.ats.clients import KINDS
from milobot.db.models import (
    Agent,
    Answer,
    AtsAgentLink,
    AtsCandidate,
    AtsConnection,
    AtsNotice,
    AtsSync,
    Candidate,
    Interview,
    Member,
    Workspace,
)
from milobot.db.types import utcnow
from milobot.errors import Invalid, NotFound
from milobot.services import audit, outbox
from milobot.services.base import Service, ServiceDeps, rowcount
from milobot.services.context import ADMIN, Identity, require_admin
from milobot.services.privacy import public_label
from milobot.services.report_data import ReportData, load_report
from milobot.services.report_links import LinkClaims, sign
from milobot.services.report_packages import slug
from milobot.services.secrets import Unreadable, unseal

WRITEBACK = outbox.ATS  # {sync_id}
NOTICE = "ats.notice"  # {notice_id}: post or update the agent's ATS-sync message
GROUP_WINDOW = timedelta(seconds=60)
GROUP_MAX = 20  # lines in one notice; a busier minute opens another message
DECISION_EVENTS = {"candidate.shortlisted": "shortlisted", "candidate.dismissed": "dismissed"}
POSTING = "posting"  # ts of a notice whose first post is under way


async def on_event(
    session: AsyncSession, *, workspace_id: int, agent_id: int, event: str, data: dict[str, Any]
) -> None:
    """Called by webhooks.emit in the same transaction: start a write-back when the agent is mapped."""
    if event != "interview.scored" and event not in DECISION_EVENTS:
        return
    row = (
        await session.execute(
            select(AtsAgentLink, AtsConnection)
            .join(AtsConnection, AtsConnection.id == AtsAgentLink.connection_id)
            .where(
                AtsAgentLink.workspace_id == workspace_id,
                AtsAgentLink.agent_id == agent_id,
                AtsConnection.enabled.is_(True),
            )
        )
    ).first()
    if row is None:
        return
    link, conn = row
    candidate_id = int(data["candidate"]["id"])
    interview_id = (data.get("interview") or {}).get("id") or data.get("interview_id")
    if event == "interview.scored":
        trigger, dedupe = "interview.completed", f"{conn.id}:interview:{interview_id}"
        if await session.scalar(select(AtsSync.id).where(AtsSync.dedupe_key == dedupe)):
            return
    else:
        if not (conn.settings or {}).get("sync_decisions"):
            return
        trigger, dedupe = event, None
    sync = AtsSync(
        workspace_id=workspace_id,
        connection_id=conn.id,
        agent_id=agent_id,
        candidate_id=candidate_id,
        interview_id=interview_id,
        trigger=trigger,
        dedupe_key=dedupe,
        status="pending",
        attempts=0,
        requested_by=data.get("decided_by"),
    )
    session.add(sync)
    await session.flush()
    outbox.enqueue(session, workspace_id=workspace_id, kind=WRITEBACK, payload={"sync_id": sync.id})


# ------------------------------------------------------------------ what the write-back job needs


@dataclass(frozen=True)
class SyncJob:
    sync_id: int
    workspace_id: int
    connection_id: int
    kind: str
    api_key: str
    acting_user: str
    broken: bool
    job_id: str
    candidate_name: str
    candidate_email: str | None
    ref: AtsRef | None
    note_id: str | None
    note_started: bool
    note: str  # the text to write, ending with the marker that finds it again after a lost answer
    marker: str
    candidate_id: int = 0
    attach: bool = False  # an interview result carries the PDF report; a decision is a note only
    attachment_id: str | None = None
    attachment_started: bool = False
    pdf_name: str = ""  # unique per write-back: what finds the attachment again after a lost answer


def note_text(
    *,
    trigger: str,
    agent: Agent,
    candidate: Candidate,
    interview: Interview | None,
    answers: Sequence[Answer],
    by: str | None,
) -> str:
    if trigger in ("candidate.shortlisted", "candidate.dismissed"):
        verb = DECISION_EVENTS[trigger]
        who = f" by Slack user {by}" if by else ""
        return f"milobot: {candidate.name} was {verb} for {agent.name}{who}."
    lines = [f"milobot interview result: {agent.name}"]
    if interview is not None and interview.overall_score is not None:
        lines.append(
            f"Overall score: {interview.overall_score:g}/100 (scored by {interview.scorer or 'milobot'})"
        )
    for a in answers:
        score = a.score_override if a.score_override is not None else a.score
        question = " ".join((a.question_text or "").split())
        question = question if len(question) <= 90 else question[:89] + "…"
        lines.append(f"{a.question_index + 1}. {question}: {score if score is not None else '–'}/5")
    if interview is not None and interview.completed_at:
        lines.append(f"Completed {interview.completed_at:%Y-%m-%d %H:%M} UTC.")
    return "\n".join(lines)


def pdf_name(candidate_name: str, sync_id: int) -> str:
    """`report-<name>-s<sync>.pdf`: ASCII, short enough to store as Greenhouse's attachment id (Harvest
    returns none), and unique per write-back so a lost upload is found again by its name."""
    return f"report-{slug(candidate_name)[:30].strip('-') or 'candidate'}-s{sync_id}.pdf"


def report_link(
    public_url: str, secret_key: str, candidate: Candidate, *, now: datetime, ttl: timedelta
) -> str:
    """A View Report link for the ATS note: signed and expiring like any other (services/report_links),
    without team feedback, and stopped by Revoke report links like the rest."""
    claims = LinkClaims(
        workspace_id=candidate.workspace_id,
        candidate_id=candidate.id,
        epoch=candidate.report_epoch or 0,
        expires_at=now + ttl,
        feedback=False,
    )
    return f"{public_url.rstrip('/')}/r/{sign(secret_key, claims)}"


class AtsSyncService(Service):
    def __init__(self, deps: ServiceDeps, *, report_ttl_seconds: int = 7 * 24 * 3600):
        super().__init__(deps)
        self.report_ttl = timedelta(seconds=report_ttl_seconds)

    async def load(self, *, sync_id: int) -> SyncJob | None:
        async with self.unit() as session:
            sync = await session.get(AtsSync, sync_id)
            if sync is None or sync.status == "done":
                return None
            conn = await session.get(AtsConnection, sync.connection_id)
            link = await session.scalar(select(AtsAgentLink).where(AtsAgentLink.agent_id == sync.agent_id))
            candidate = await session.get(Candidate, sync.candidate_id)
            agent = await session.get(Agent, sync.agent_id)
            if conn is None or link is None or candidate is None or agent is None:
                return None
            try:
                key = unseal(self.deps.secret_key, conn.api_key or "")
            except Unreadable:
                key = ""
            stored = await session.scalar(
                select(AtsCandidate).where(
                    AtsCandidate.connection_id == conn.id, AtsCandidate.candidate_id == candidate.id
                )
            )
            interview = await session.get(Interview, sync.interview_id) if sync.interview_id else None
            answers = (
                (
                    await session.scalars(
                        select(Answer)
                        .where(Answer.interview_id == interview.id)
                        .order_by(Answer.question_index)
                    )
                ).all()
                if interview
                else []
            )
            marker = f"[milobot sync {sync.id}]"
            body = note_text(
                trigger=sync.trigger,
                agent=agent,
                candidate=candidate,
                interview=interview,
                answers=answers,
                by=sync.requested_by,
            )
            if sync.trigger == "interview.completed":
                report_url = report_link(
                    self.deps.public_url, self.deps.secret_key, candidate, now=self.now(), ttl=self.report_ttl
                )
                days = max(1, round(self.report_ttl.total_seconds() / 86400))
                body += f"\nView Report (valid {days} days): {report_url}"
            return SyncJob(
                sync.id,
                sync.workspace_id,
                conn.id,
                conn.kind,
                key,
                str((conn.settings or {}).get("acting_user") or ""),
                conn.status == "broken" or not key,
                link.job_id,
                candidate.name,
                candidate.email,
                AtsRef(stored.ats_candidate_id, stored.ats_application_id, stored.profile_url or "")
                if stored
                else None,
                sync.note_id,
                sync.note_started_at is not None,
                f"{body}\n{marker}",
                marker,
                candidate_id=candidate.id,
                attach=sync.trigger == "interview.completed",
                attachment_id=sync.attachment_id,
                attachment_started=sync.attachment_started_at is not None,
                pdf_name=pdf_name(candidate.name, sync.id),
            )

    async def save_ref(self, *, job: SyncJob, ref: AtsRef) -> AtsRef:
        async with self.unit() as session:
            sync = await session.get_one(AtsSync, job.sync_id)
            try:
                async with session.begin_nested():
                    session.add(
                        AtsCandidate(
                            workspace_id=job.workspace_id,
                            connection_id=job.connection_id,
                            candidate_id=sync.candidate_id,
                            ats_candidate_id=ref.candidate_id,
                            ats_application_id=ref.application_id,
                            profile_url=ref.url,
                        )
                    )
            except IntegrityError:  # another write-back of the same candidate stored it first: use that
                stored = (
                    await session.scalars(
                        select(AtsCandidate).where(
                            AtsCandidate.connection_id == job.connection_id,
                            AtsCandidate.candidate_id == sync.candidate_id,
                        )
                    )
                ).one()
                return AtsRef(stored.ats_candidate_id, stored.ats_application_id, stored.profile_url or "")
            return ref

    async def note_started(self, *, sync_id: int) -> None:
        async with self.unit() as session:
            await session.execute(
                update(AtsSync).where(AtsSync.id == sync_id).values(note_started_at=self.now())
            )

    async def note_done(self, *, sync_id: int, note_id: str) -> None:
        async with self.unit() as session:
            await session.execute(update(AtsSync).where(AtsSync.id == sync_id).values(note_id=note_id))

    async def attachment_started(self, *, sync_id: int) -> None:
        async with self.unit() as session:
            await session.execute(
                update(AtsSync).where(AtsSync.id == sync_id).values(attachment_started_at=self.now())
            )

    async def attachment_done(self, *, sync_id: int, attachment_id: str) -> None:
        async with self.unit() as session:
            await session.execute(
                update(AtsSync).where(AtsSync.id == sync_id).values(attachment_id=attachment_id[:64])
            )

    async def report_data(self, *, job: SyncJob) -> ReportData | None:
        """What the attached PDF shows: the report without team feedback (ratings and notes stay in
        Slack), or None when the candidate was erased since the interview."""
        async with self.unit() as session:
            try:
                return await load_report(
                    session,
                    workspace_id=job.workspace_id,
                    candidate_id=job.candidate_id,
                    now=self.now(),
                    include_feedback=False,
                )
            except NotFound:
                return None

    async def attempt_failed(self, *, sync_id: int, error: str, status: int | None) -> None:
        """A retryable failure: counted and shown nowhere yet (the notice waits for the outcome)."""
        async with self.unit() as session:
            sync = await session.get(AtsSync, sync_id)
            if sync is not None:
                sync.attempts += 1
                sync.error, sync.error_status = error[:1000], status

    async def finish(
        self, *, sync_id: int, error: str | None = None, status: int | None = None, broken: bool = False
    ) -> None:
        """The outcome: done, or failed with the vendor's reason; 401/403 also breaks the connection and
        tells the workspace's admins. Either way the agent's notice shows it."""
        async with self.unit() as session:
            sync = await session.get(AtsSync, sync_id)
            if sync is None:
                return
            sync.attempts += 1
            sync.status = "failed" if error else "done"
            sync.error, sync.error_status = (error[:1000] if error else None), status
            if broken:
                await _break(session, sync.connection_id, error or "the ATS refused milobot's key")
            await join_notice(session, sync, now=self.now())

    async def retry(self, *, identity: Identity, sync_id: int) -> None:
        async with self.acting(identity) as (session, actor):
            require_admin(actor)
            sync = await session.scalar(
                select(AtsSync).where(AtsSync.id == sync_id, AtsSync.workspace_id == actor.workspace_id)
            )
            if sync is None:
                raise NotFound("That ATS sync doesn't exist here.")
            if sync.status != "failed":
                raise Invalid("Only a failed sync can be retried.")
            conn = await session.get(AtsConnection, sync.connection_id)
            if conn is None or conn.status == "broken":
                raise Invalid("The ATS connection needs a new API key first: run `/milo ats` and reconnect.")
            sync.status, sync.error, sync.error_status = "pending", None, None
            outbox.enqueue(
                session, workspace_id=sync.workspace_id, kind=WRITEBACK, payload={"sync_id": sync.id}
            )
            if sync.notice_id:
                await _queue_notice(session, await session.get(AtsNotice, sync.notice_id))
            audit.record(session, actor, "ats.retry", target_type="ats_sync", target_id=sync.id)


async def _break(session: AsyncSession, connection_id: int, reason: str) -> None:
    conn = await session.get(AtsConnection, connection_id)
    if conn is None or conn.status == "broken":
        return
    conn.status, conn.status_reason = "broken", reason[:1000]
    admins = (
        await session.scalars(
            select(Member.slack_user_id).where(Member.workspace_id == conn.workspace_id, Member.role == ADMIN)
        )
    ).all()
    for user in admins:
        outbox.enqueue(
            session,
            workspace_id=conn.workspace_id,
            kind=outbox.SLACK_DM,
            payload={
                "user": user,
                "template": "ats.broken",
                "data": {"kind": KINDS.get(conn.kind, conn.kind), "reason": reason},
            },
        )


# ------------------------------------------------------------------ the ATS-sync notice


async def _queue_notice(session: AsyncSession, notice: AtsNotice | None) -> None:
    if notice is None or notice.queued:
        return  # a render is already queued: it will read this change too
    notice.queued = True
    message = outbox.enqueue(
        session, workspace_id=notice.workspace_id, kind=NOTICE, payload={"notice_id": notice.id}
    )
    # A second's grace gathers a burst of outcomes into one render.
    message.next_attempt_at = utcnow() + timedelta(seconds=1)


async def join_notice(session: AsyncSession, sync: AtsSync, *, now: datetime) -> None:
    if sync.notice_id is None:
        agent = await session.scalar(select(Agent).where(Agent.id == sync.agent_id).with_for_update())
        notice = await session.scalar(
            select(AtsNotice)
            .where(
                AtsNotice.agent_id == sync.agent_id,
                AtsNotice.opened_at > now - GROUP_WINDOW,
                # The agent's channel was changed (`/milo agent channel`): a new message, in the new one.
                AtsNotice.channel_id == (agent.channel_id if agent else None),
            )
            .order_by(AtsNotice.id.desc())
            .limit(1)
        )
        if notice is not None:
            lines = len(
                (await session.scalars(select(AtsSync.id).where(AtsSync.notice_id == notice.id))).all()
            )
            if lines >= GROUP_MAX:
                notice = None
        if notice is None:
            notice = AtsNotice(
                workspace_id=sync.workspace_id,
                agent_id=sync.agent_id,
                channel_id=agent.channel_id if agent else None,
                opened_at=now,
                queued=False,
            )
            session.add(notice)
            await session.flush()
        sync.notice_id = notice.id
    await _queue_notice(session, await session.get(AtsNotice, sync.notice_id))


@dataclass(frozen=True)
class NoticeLine:
    sync_id: int
    candidate: str
    trigger: str
    status: str  # pending | done | failed
    url: str | None
    error: str | None
    candidate_id: int = 0


@dataclass(frozen=True)
class NoticeData:
    notice_id: int
    workspace_id: int
    agent_name: str
    ats: str
    channel_id: str | None
    ts: str | None
    lines: list[NoticeLine]
    workspace_settings: dict[str, Any] = field(default_factory=dict)
    agent_privacy: str | None = None

    def without_personal_data(self) -> NoticeData:
        """For a public channel where personal data is hidden: initials and candidate numbers, and no
        error text from the ATS (it may quote the person's details)."""
        return replace(
            self,
            lines=[
                replace(line, candidate=public_label(line.candidate, line.candidate_id), error=None)
                for line in self.lines
            ],
        )


class AtsNoticeService(Service):
    async def render_data(self, *, notice_id: int) -> NoticeData | None:
        async with self.unit() as session:
            notice = await session.get(AtsNotice, notice_id)
            if notice is None:
                return None
            notice.queued = False  # from here on, a new outcome queues a new render
            agent = await session.get(Agent, notice.agent_id)
            rows = (
                await session.execute(
                    select(AtsSync, Candidate.name, AtsCandidate.profile_url, AtsConnection.kind)
                    .join(Candidate, Candidate.id == AtsSync.candidate_id)
                    .join(AtsConnection, AtsConnection.id == AtsSync.connection_id)
                    .outerjoin(
                        AtsCandidate,
                        (AtsCandidate.candidate_id == AtsSync.candidate_id)
                        & (AtsCandidate.connection_id == AtsSync.connection_id),
                    )
                    .where(AtsSync.notice_id == notice.id)
                    .order_by(AtsSync.id)
                )
            ).all()
            lines = [
                NoticeLine(s.id, name, s.trigger, s.status, url, s.error, s.candidate_id)
                for s, name, url, _ in rows
            ]
            workspace = await session.get(Workspace, notice.workspace_id)
            kind = rows[0][3] if rows else ""
            return NoticeData(
                notice.id,
                notice.workspace_id,
                agent.name if agent else "",
                KINDS.get(kind, kind),
                notice.channel_id,
                notice.ts,
                lines,
                dict((workspace.settings if workspace else None) or {}),
                agent.public_channel_privacy if agent else None,
            )

    async def claim_post(self, *, notice_id: int) -> bool:
        async with self.unit() as session:
            result = await session.execute(
                update(AtsNotice).where(AtsNotice.id == notice_id, AtsNotice.ts.is_(None)).values(ts=POSTING)
            )
            return rowcount(result) == 1

    async def posted(self, *, notice_id: int, channel: str | None, ts: str | None) -> None:
        async with self.unit() as session:
            values: dict[str, Any] = {"ts": ts}
            if channel:
                values["channel_id"] = channel
            await session.execute(update(AtsNotice).where(AtsNotice.id == notice_id).values(**values))
