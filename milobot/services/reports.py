"""Reports (SPEC step 7): View Report (a signed, expiring link to a page milobot serves), Download PDF
(drawn off the event loop, uploaded to the requester's DM through the outbox), Revoke report links.
Package ZIP lives in report_packages.py.

Team members (admins and viewers) may make reports; only admins revoke links. Every report made is
audited: who made which report of whom. The web page takes no Slack identity: its token is the
credential, checked here (signature, expiry, the candidate's revocation epoch)."""

from __future__ import annotations

import time
from collections import OrderedDict
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from milobot.db.models import Agent, Candidate, Interview, Rating, Recording, Workspace
from milobot.errors import Gone, NotFound
from milobot.services import audit, outbox
from milobot.services.base import Service, ServiceDeps
from milobot.services.context import Actor, Identity, require_admin, require_member
from milobot.services.rating_scale import ratings_visible
from milobot.services.report_data import ReportData, feedback_in, load_report
from milobot.services.report_files import load_candidate, on_disk
from milobot.services.report_links import BadToken, LinkClaims, sign, verify

PAGE_CACHE_SECONDS = 5.0
PAGE_CACHE_SIZE = 256
REPORT_PDF = "report.pdf"  # outbox: {candidate_id, user, feedback} -> draw the PDF, upload it to the DM
UNKNOWN_LINK = "We couldn't find this report. Check that the whole link was copied, or ask for a new one."
EXPIRED_LINK = (
    "This report link has expired. Ask the person who sent it for a fresh one: in Slack, "
    "View Report on the candidate makes a new link."
)
REVOKED_LINK = (
    "This report link has been turned off by the hiring team. Ask the person who sent it for a new one."
)


@dataclass(frozen=True)
class ReportLink:
    url: str
    expires_at: datetime
    candidate_id: int
    candidate_name: str
    agent_name: str
    can_revoke: bool


@dataclass(frozen=True)
class Revoked:
    candidate_id: int
    candidate_name: str


@dataclass(frozen=True)
class PdfRequest:
    candidate_id: int
    candidate_name: str


@dataclass(frozen=True)
class RecordingFile:
    path: str
    content_type: str | None
    kind: str


async def sees_team_feedback(session: AsyncSession, actor: Actor, candidate: Candidate) -> bool:
    """Blind until you rate: a report made by someone who hasn't rated an undecided candidate carries
    no one else's ratings (or notes), so a report can't be used to peek."""
    rated = await session.scalar(
        select(Rating.id)
        .where(
            Rating.workspace_id == actor.workspace_id,
            Rating.candidate_id == candidate.id,
            Rating.slack_user_id == actor.user_id,
        )
        .limit(1)
    )
    return ratings_visible(viewer_has_rated=rated is not None, decision=candidate.decision)


class ReportService(Service):
    def __init__(self, deps: ServiceDeps, *, link_ttl_seconds: int = 7 * 24 * 3600):
        super().__init__(deps)
        self.link_ttl = timedelta(seconds=link_ttl_seconds)
        self._pages: OrderedDict[tuple[int, int, bool], tuple[float, ReportData]] = OrderedDict()

    # ---------------------------------------------------------------- from Slack

    async def link(self, *, identity: Identity, candidate_id: int) -> ReportLink:
        async with self.acting(identity) as (session, actor):
            require_member(actor)
            candidate = await load_candidate(
                session, workspace_id=actor.workspace_id, candidate_id=candidate_id
            )
            agent_name = await session.scalar(
                select(Agent.name).where(
                    Agent.id == candidate.agent_id, Agent.workspace_id == actor.workspace_id
                )
            )
            expires = self.now() + self.link_ttl
            claims = LinkClaims(
                workspace_id=actor.workspace_id,
                candidate_id=candidate.id,
                epoch=candidate.report_epoch or 0,
                expires_at=expires,
                feedback=await sees_team_feedback(session, actor, candidate),
            )
            token = sign(self.deps.secret_key, claims)
            audit.record(
                session,
                actor,
                "report.link",
                target_type="candidate",
                target_id=candidate.id,
                expires_at=expires.isoformat(timespec="seconds"),
            )
            return ReportLink(
                url=f"{self.deps.public_url.rstrip('/')}/r/{token}",
                expires_at=claims.expires_at,
                candidate_id=candidate.id,
                candidate_name=candidate.name,
                agent_name=agent_name or "",
                can_revoke=actor.is_admin,
            )

    async def revoke(self, *, identity: Identity, candidate_id: int) -> Revoked:
        """Every report link already handed out for this candidate stops working (410)."""
        async with self.acting(identity) as (session, actor):
            require_admin(actor)
            candidate = await load_candidate(
                session, workspace_id=actor.workspace_id, candidate_id=candidate_id
            )
            # One statement, so two admins revoking at once both move the epoch on.
            await session.execute(
                update(Candidate)
                .where(Candidate.id == candidate.id, Candidate.workspace_id == actor.workspace_id)
                .values(report_epoch=Candidate.report_epoch + 1)
            )
            audit.record(session, actor, "report.revoke", target_type="candidate", target_id=candidate.id)
            return Revoked(candidate.id, candidate.name)

    async def request_pdf(self, *, identity: Identity, candidate_id: int) -> PdfRequest:
        async with self.acting(identity) as (session, actor):
            require_member(actor)
            candidate = await load_candidate(
                session, workspace_id=actor.workspace_id, candidate_id=candidate_id
            )
            outbox.enqueue(
                session,
                workspace_id=actor.workspace_id,
                kind=REPORT_PDF,
                payload={
                    "candidate_id": candidate.id,
                    "user": actor.user_id,
                    "feedback": await sees_team_feedback(session, actor, candidate),
                },
            )
            audit.record(session, actor, "report.pdf", target_type="candidate", target_id=candidate.id)
            return PdfRequest(candidate.id, candidate.name)

    # ---------------------------------------------------------------- for the outbox and jobs

    async def report(self, *, workspace_id: int, candidate_id: int, include_feedback: bool) -> ReportData:
        async with self.unit() as session:
            return await load_report(
                session,
                workspace_id=workspace_id,
                candidate_id=candidate_id,
                now=self.now(),
                include_feedback=include_feedback,
            )

    # ---------------------------------------------------------------- the web page (token holders)
    #
    # The page has a latency budget (p99 < 50 ms at 20 concurrent readers), and loading a report is a
    # dozen queries. So every request checks what must be exact (the signature, the expiry, the
    # candidate's revocation epoch, and whether the workspace still lets reports carry the team's
    # feedback: one small query on a connection, no ORM session), and the report
    # itself is kept for PAGE_CACHE_SECONDS per replica: a score adjusted a moment ago shows up a few
    # seconds later, while a revoked or erased link stops at once.

    def _claims(self, token: str) -> LinkClaims:
        try:
            return verify(self.deps.secret_key, token)
        except BadToken:
            raise NotFound(UNKNOWN_LINK) from None

    async def _check(self, claims: LinkClaims) -> bool:
        """The link still holds (else NotFound/Gone); True when the workspace lets reports carry the
        team's feedback now, so turning that setting off empties the cache's answer at once."""
        async with self.db.engine.connect() as conn:
            row = (
                await conn.execute(
                    select(Candidate.report_epoch, Workspace.settings)
                    .join(Workspace, Workspace.id == Candidate.workspace_id)
                    .where(Candidate.id == claims.candidate_id, Candidate.workspace_id == claims.workspace_id)
                )
            ).first()
        self._judge(claims, row.report_epoch if row is not None else None)
        assert row is not None  # _judge refused a missing candidate
        return feedback_in(row.settings)

    def _judge(self, claims: LinkClaims, epoch: int | None) -> None:
        if epoch is None:  # erased (or never in that workspace): as unknown as a made-up link
            raise NotFound(UNKNOWN_LINK)
        if (epoch or 0) != claims.epoch:
            raise Gone(REVOKED_LINK)
        if claims.expired(self.now()):
            raise Gone(EXPIRED_LINK)

    async def page(self, *, token: str) -> ReportData:
        claims = self._claims(token)
        feedback = await self._check(claims) and claims.feedback
        key = (claims.workspace_id, claims.candidate_id, feedback)
        cached = self._pages.get(key)
        if cached is not None and cached[0] > time.monotonic():
            return cached[1]
        async with self.unit() as session:
            data = await load_report(
                session,
                workspace_id=claims.workspace_id,
                candidate_id=claims.candidate_id,
                now=self.now(),
                include_feedback=feedback,
            )
        self._pages[key] = (time.monotonic() + PAGE_CACHE_SECONDS, data)
        self._pages.move_to_end(key)
        while len(self._pages) > PAGE_CACHE_SIZE:
            self._pages.popitem(last=False)
        return data

    async def recording(self, *, token: str, recording_id: int) -> RecordingFile:
        """One query for a player's Range requests: the recording, if it is this candidate's, with the
        candidate's epoch; the slower refusal path works out whether to say 404 or 410."""
        claims = self._claims(token)
        async with self.db.engine.connect() as conn:
            row = (
                await conn.execute(
                    select(Recording.path, Recording.content_type, Recording.kind, Candidate.report_epoch)
                    .join(Interview, Interview.id == Recording.interview_id)
                    .join(Candidate, Candidate.id == Interview.candidate_id)
                    .where(
                        Recording.id == recording_id,
                        Recording.workspace_id == claims.workspace_id,
                        Interview.workspace_id == claims.workspace_id,
                        Candidate.workspace_id == claims.workspace_id,
                        Candidate.id == claims.candidate_id,
                    )
                )
            ).first()
        if row is None:
            await self._check(claims)  # 410 for a revoked or expired link, else 404 below
            raise NotFound("That recording isn't available.")
        self._judge(claims, row.report_epoch)
        if not on_disk(row.path):
            raise NotFound("That recording isn't available.")
        return RecordingFile(row.path, row.content_type, row.kind)
