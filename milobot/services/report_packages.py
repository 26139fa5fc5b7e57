"""Package ZIP (SPEC step 7): a candidate's files in one ZIP uploaded to the requester's DM, or one ZIP
with a folder per shortlisted candidate of an agent (Package shortlisted).

The request is checked here, before anything is built: sizes are known (recordings and résumés are
files on disk, the PDF and transcripts are estimated generously), so a package that would be over the
size Slack accepts is refused with what to leave out. The row written here is the job: a background
worker (slack/report_packages.py) claims it with a lease it keeps renewing, so a replica that dies
mid-build leaves a row another one picks up, and a finished row is never built twice."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from milobot.db.models import Agent, Candidate, ReportPackage, Workspace
from milobot.errors import Invalid, NotFound
from milobot.services import audit, outbox
from milobot.services.base import Service, ServiceDeps, rowcount
from milobot.services.context import Actor, Identity, require_member
from milobot.services.csv_exports import listed_candidate_gone
from milobot.services.report_files import CandidateFiles, candidate_files, load_candidate
from milobot.services.reports import sees_team_feedback

PACKAGE_KIND = "report.package"  # outbox: {package_id} -> hand the package to the build worker
REPORT, RESUME, VIDEO, AUDIO, TRANSCRIPT_TXT, TRANSCRIPT_JSON = (
    "report_pdf",
    "resume",
    "video",
    "audio",
    "transcript_txt",
    "transcript_json",
)
ITEM_LABELS = {
    REPORT: "PDF report",
    RESUME: "Résumé",
    VIDEO: "Video recording",
    AUDIO: "Audio recording",
    TRANSCRIPT_TXT: "Transcript (text)",
    TRANSCRIPT_JSON: "Transcript (JSON)",
}
ITEMS = tuple(ITEM_LABELS)
MAX_CANDIDATES = 200  # a shortlist bigger than this is an export, not a package to forward
MAX_ATTEMPTS = 3


def estimate(item: str, files: CandidateFiles) -> int:
    """Bytes an item adds for one candidate: exact for files on disk, generous for what we write."""
    chars = files.transcript_chars
    if item == REPORT:
        return 200_000 + 3 * chars
    if item == TRANSCRIPT_TXT:
        return 1_000 + 3 * chars  # UTF-8 is at most 3 bytes a character of the BMP
    if item == TRANSCRIPT_JSON:
        return 2_000 + 6 * chars  # escapes
    source = {RESUME: files.resume, VIDEO: files.video, AUDIO: files.audio}.get(item)
    return source.size if source is not None and source.present else 0


def available(item: str, files: CandidateFiles) -> bool:
    if item in (REPORT, TRANSCRIPT_TXT, TRANSCRIPT_JSON):
        return True
    source = {RESUME: files.resume, VIDEO: files.video, AUDIO: files.audio}.get(item)
    return source is not None and source.present


def size_words(n: int) -> str:
    if n >= 1_000_000_000:
        return f"{n / 1e9:.1f} GB"
    if n >= 1_000_000:
        return f"{n / 1e6:.1f} MB"
    return f"{max(1, round(n / 1000))} KB"


def slug(name: str, default: str = "candidate") -> str:
    """An ASCII slug of a name for file and folder names: letters, digits and dashes only (no path
    separators, dots or control characters survive), so an odd name can't escape a ZIP or a filename."""
    ascii_name = unicodedata.normalize("NFKD", name or "").encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:40].strip("-") or default


def folder_name(n: int, name: str) -> str:
    """A shortlist package's folder: its number and the name's slug."""
    return f"{n:02d}-{slug(name)}"


@dataclass(frozen=True)
class ItemOption:
    key: str
    label: str
    candidates: int  # how many of the package's candidates have it
    size: int  # bytes, summed over them
    missing: int = 0  # candidates whose file is gone from storage


@dataclass(frozen=True)
class PackageOptions:
    title: str  # the candidate's name, or the agent's for a shortlist
    candidate_id: int | None
    agent_id: int | None
    candidates: int
    items: tuple[ItemOption, ...]
    max_bytes: int


@dataclass(frozen=True)
class PackageRequest:
    package_id: int
    title: str
    candidates: int
    items: tuple[str, ...]
    estimated_bytes: int


@dataclass(frozen=True)
class PlannedCandidate:
    candidate_id: int
    name: str
    folder: str  # "" for a one-candidate package: entries sit at the top
    files: CandidateFiles
    feedback: bool


@dataclass(frozen=True)
class PackagePlan:
    package_id: int
    workspace_id: int
    team_id: str
    requested_by: str
    title: str
    shortlist: bool
    items: tuple[str, ...]
    candidates: tuple[PlannedCandidate, ...]
    dm_channel: str | None
    message_ts: str | None
    attempts: int


class PackageService(Service):
    def __init__(self, deps: ServiceDeps, *, max_bytes: int = 1_000_000_000):
        super().__init__(deps)
        self.max_bytes = max_bytes

    async def _targets(
        self, session: AsyncSession, actor: Actor, candidate_id: int | None, agent_id: int | None
    ) -> tuple[str, list[Candidate]]:
        if candidate_id is not None:
            candidate = await load_candidate(
                session, workspace_id=actor.workspace_id, candidate_id=candidate_id
            )
            return candidate.name, [candidate]
        agent = await session.scalar(
            select(Agent).where(Agent.id == agent_id, Agent.workspace_id == actor.workspace_id)
        )
        if agent is None:
            raise NotFound("That interview agent doesn't exist here (it may have been deleted).")
        shortlisted = (
            await session.scalars(
                select(Candidate)
                .where(
                    Candidate.workspace_id == actor.workspace_id,
                    Candidate.agent_id == agent.id,
                    Candidate.decision == "shortlisted",
                )
                .order_by(Candidate.name, Candidate.id)
            )
        ).all()
        if not shortlisted:
            raise Invalid(f"No one is shortlisted for {agent.name} yet, so there is nothing to package.")
        if len(shortlisted) > MAX_CANDIDATES:
            raise Invalid(
                f"A package holds at most {MAX_CANDIDATES} candidates; {len(shortlisted)} are shortlisted."
            )
        return agent.name, list(shortlisted)

    async def _files(
        self, session: AsyncSession, actor: Actor, candidates: list[Candidate]
    ) -> list[CandidateFiles]:
        return [
            await candidate_files(session, workspace_id=actor.workspace_id, candidate_id=c.id)
            for c in candidates
        ]

    async def options(
        self, *, identity: Identity, candidate_id: int | None = None, agent_id: int | None = None
    ) -> PackageOptions:
        async with self.acting(identity) as (session, actor):
            require_member(actor)
            title, candidates = await self._targets(session, actor, candidate_id, agent_id)
            files = await self._files(session, actor, candidates)
        items = []
        for key in ITEMS:
            have = [f for f in files if available(key, f)]
            gone = sum(1 for f in files if key in f.missing)
            items.append(
                ItemOption(key, ITEM_LABELS[key], len(have), sum(estimate(key, f) for f in have), gone)
            )
        return PackageOptions(
            title=title,
            candidate_id=candidate_id,
            agent_id=agent_id if candidate_id is None else None,
            candidates=len(candidates),
            items=tuple(items),
            max_bytes=self.max_bytes,
        )

    def _check_size(self, chosen: list[str], sizes: dict[str, int]) -> int:
        total = sum(sizes[k] for k in chosen)
        if total <= self.max_bytes:
            return total
        drop, left = [], total
        for key in sorted(chosen, key=lambda k: -sizes[k]):
            if left <= self.max_bytes:
                break
            drop.append(key)
            left -= sizes[key]
        what = " and ".join(f"the {ITEM_LABELS[k].lower()} ({size_words(sizes[k])})" for k in drop)
        raise Invalid(
            f"That package would be about {size_words(total)}, and Slack takes files up to "
            f"{size_words(self.max_bytes)}. Leave out {what} to fit.",
            field="items",
        )

    async def request(
        self,
        *,
        identity: Identity,
        items: list[str],
        candidate_id: int | None = None,
        agent_id: int | None = None,
    ) -> PackageRequest:
        if any(k not in ITEM_LABELS for k in items or []):
            raise Invalid("That choice isn't something a package can hold.", field="items")
        chosen = [k for k in ITEMS if k in set(items or [])]
        if not chosen:
            raise Invalid("Choose at least one thing to put in the package.", field="items")
        async with self.acting(identity) as (session, actor):
            require_member(actor)
            title, candidates = await self._targets(session, actor, candidate_id, agent_id)
            files = await self._files(session, actor, candidates)
            for key in chosen:
                if not any(available(key, f) for f in files):
                    raise Invalid(f"There is no {ITEM_LABELS[key].lower()} to include.", field="items")
            sizes = {k: sum(estimate(k, f) for f in files if available(k, f)) for k in chosen}
            total = self._check_size(chosen, sizes)
            feedback = [c.id for c in candidates if await sees_team_feedback(session, actor, c)]
            row = ReportPackage(
                workspace_id=actor.workspace_id,
                requested_by=actor.user_id,
                agent_id=agent_id if candidate_id is None else None,
                candidate_ids=[c.id for c in candidates],
                items=chosen,
                status="queued",
                # No names here: `forget` erases a candidate through their rows, and this one only
                # points at them by id; the title is read again when the package is built.
                detail={"feedback_ids": feedback, "estimated_bytes": total},
            )
            session.add(row)
            await session.flush()
            for c in candidates:
                audit.record(
                    session,
                    actor,
                    "report.package",
                    target_type="candidate",
                    target_id=c.id,
                    package_id=row.id,
                    items=chosen,
                    shortlist_of_agent=row.agent_id,
                )
            outbox.enqueue(
                session, workspace_id=actor.workspace_id, kind=PACKAGE_KIND, payload={"package_id": row.id}
            )
            return PackageRequest(row.id, title, len(candidates), tuple(chosen), total)

    # ---------------------------------------------------------------- the build worker

    async def unfinished(self) -> list[int]:
        """Rows to (re)start: queued, or building under a lease that ran out (its replica died)."""
        now = self.now()
        async with self.unit() as session:
            return list(
                (
                    await session.scalars(
                        select(ReportPackage.id)
                        .where(
                            or_(
                                ReportPackage.status == "queued",
                                (ReportPackage.status == "building") & (ReportPackage.lease_until < now),
                            )
                        )
                        .order_by(ReportPackage.id)
                        .limit(50)
                    )
                ).all()
            )

    async def claim(self, *, package_id: int, worker: str, lease: timedelta) -> PackagePlan | None:
        """Take the row for this worker, or None when it is done, failed, or another worker holds it."""
        now = self.now()
        async with self.unit() as session:
            taken = await session.execute(
                update(ReportPackage)
                .where(
                    ReportPackage.id == package_id,
                    or_(
                        ReportPackage.status == "queued",
                        (ReportPackage.status == "building") & (ReportPackage.lease_until < now),
                    ),
                )
                .values(
                    status="building",
                    claimed_by=worker,
                    lease_until=now + lease,
                    attempts=ReportPackage.attempts + 1,
                )
            )
            if rowcount(taken) != 1:
                return None
            row = await session.get(ReportPackage, package_id)
            if row is None:  # just updated in this transaction, so never; narrows the type
                return None
            team_id = await session.scalar(select(Workspace.team_id).where(Workspace.id == row.workspace_id))
            if team_id is None:  # the package's workspace row (a foreign key) always exists
                return None
            planned: list[PlannedCandidate] = []
            shortlist = len(row.candidate_ids) > 1 or row.agent_id is not None
            feedback = set((row.detail or {}).get("feedback_ids") or [])
            for n, candidate_id in enumerate(row.candidate_ids, 1):
                try:
                    files = await candidate_files(
                        session, workspace_id=row.workspace_id, candidate_id=candidate_id
                    )
                except NotFound:
                    continue  # erased since the request: left out
                folder = folder_name(n, files.candidate_name) if shortlist else ""
                planned.append(
                    PlannedCandidate(
                        candidate_id, files.candidate_name, folder, files, candidate_id in feedback
                    )
                )
            if row.agent_id is not None:
                title = await session.scalar(
                    select(Agent.name).where(Agent.id == row.agent_id, Agent.workspace_id == row.workspace_id)
                )
            else:
                title = planned[0].name if planned else None
            return PackagePlan(
                package_id=row.id,
                workspace_id=row.workspace_id,
                team_id=team_id,
                requested_by=row.requested_by,
                title=title or "candidates",
                shortlist=shortlist,
                items=tuple(row.items or []),
                candidates=tuple(planned),
                dm_channel=row.dm_channel,
                message_ts=row.message_ts,
                attempts=row.attempts,
            )

    async def extend(self, *, package_id: int, worker: str, lease: timedelta) -> bool:
        async with self.unit() as session:
            result = await session.execute(
                update(ReportPackage)
                .where(
                    ReportPackage.id == package_id,
                    ReportPackage.claimed_by == worker,
                    ReportPackage.status == "building",
                )
                .values(lease_until=self.now() + lease)
            )
            return rowcount(result) == 1

    async def remember_message(self, *, package_id: int, channel: str, ts: str) -> None:
        async with self.unit() as session:
            await session.execute(
                update(ReportPackage)
                .where(ReportPackage.id == package_id)
                .values(dm_channel=channel, message_ts=ts)
            )

    async def finish(
        self,
        *,
        package_id: int,
        worker: str,
        status: str,
        detail: dict[str, Any],
        inside: Sequence[int] = (),
    ) -> bool:
        """done or failed; or back to queued (a retry) while attempts remain. A done package's upload is
        kept only while everyone `inside` it still exists: one erased while it was built or uploaded
        leaves a ZIP the erasure could not delete yet, so it is queued for files.delete here (False).

        The row is written before it is read, as services/erasure.py does with the packages it takes a
        person out of: on PostgreSQL whichever comes second waits for the other's commit and then sees
        it (the erasure reads the file id recorded here; this reads the candidates the erasure deleted)."""
        values: dict[str, Any] = {"status": status, "claimed_by": None, "lease_until": None}
        if status in ("done", "failed"):
            values["finished_at"] = self.now()
        async with self.unit() as session:
            taken = await session.execute(
                update(ReportPackage)
                .where(ReportPackage.id == package_id, ReportPackage.claimed_by == worker)
                .values(**values)
                .execution_options(synchronize_session=False)
            )
            if rowcount(taken) != 1:
                return True
            workspace_id, earlier = (
                await session.execute(
                    select(ReportPackage.workspace_id, ReportPackage.detail).where(
                        ReportPackage.id == package_id
                    )
                )
            ).one()
            merged = {**(earlier or {}), **detail}
            file_id = merged.get("slack_file_id") if status == "done" else None
            kept = not (file_id and await listed_candidate_gone(session, inside))
            if not kept:
                outbox.enqueue(
                    session,
                    workspace_id=workspace_id,
                    kind=outbox.SLACK_FILE_DELETE,
                    payload={"file": file_id},
                )
                # Its entries and notes name the people inside; the upload they describe is going.
                merged = {
                    "bytes": merged.get("bytes"),
                    "deleted": "someone in it was erased while it was built",
                }
            await session.execute(
                update(ReportPackage)
                .where(ReportPackage.id == package_id)
                .values(detail=merged)
                .execution_options(synchronize_session=False)
            )
            return kept
