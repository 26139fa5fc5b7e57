"""What the ingestion service hands out (plain dataclasses), and the helpers its halves share."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from milobot.db.models import Agent, IngestionBatch, IngestionDraft, IngestionFile
from milobot.db.types import utcnow
from milobot.errors import Forbidden, NotFound
from milobot.services import home_refresh, outbox
from milobot.services.context import Actor, require_member

# Outbox kinds delivered by milobot.slack.review. The review message is rendered from the database at
# delivery time, so however many rows pile up, the message shows the latest state.
REVIEW_RENDER = "ingest.review"
EXTRACT = "ingest.extract"

# File outcomes that are not problems: read fine, a ZIP that was unpacked into entry rows, or not done yet.
FINE_OUTCOMES = ("ok", "unpacked", "pending")
PAGE_SIZE = 10


@dataclass(frozen=True)
class IncomingFile:
    file_id: str
    name: str | None = None


@dataclass(frozen=True)
class Received:
    batch_id: int | None  # None: every file was already being handled (Slack sends two events per file)
    file_count: int


@dataclass(frozen=True)
class FileToFetch:
    id: int
    workspace_id: int
    team_id: str
    batch_id: int
    slack_file_id: str | None
    filename: str
    stored_path: str | None
    sha256: str | None


@dataclass(frozen=True)
class DraftRow:
    id: int
    status: str
    profile: dict[str, Any]
    duplicate_reason: str | None
    decided_by: str | None
    link: str | None  # the candidate's personal interview link, once approved


@dataclass(frozen=True)
class FileProblem:
    filename: str
    outcome: str
    reason: str


@dataclass(frozen=True)
class AgentChoice:
    id: int
    name: str


@dataclass(frozen=True)
class ReviewData:
    batch_id: int
    status: str  # extracting | review | done
    uploaded_by: str
    file_names: list[str]
    file_count: int
    profile_count: int
    pending: int
    approved: int
    discarded: int
    flagged_pending: int
    problems: list[FileProblem]
    problem_count: int
    problem_outcomes: dict[str, int]
    rows: list[DraftRow]
    page: int
    page_count: int
    first_index: int
    agents: list[AgentChoice]
    agent_id: int | None
    agent_name: str | None
    channel_id: str | None = None
    message_ts: str | None = None
    can_invite: bool = False  # e-mail is configured, so approved candidates can be invited from here


@dataclass(frozen=True)
class Decision:
    draft_id: int
    status: str  # approved | discarded | pending (flagged, left pending)
    changed: bool  # False when it had already been decided (a double click)
    message: str | None = None


@dataclass(frozen=True)
class BulkResult:
    approved: int = 0
    discarded: int = 0
    flagged_left: int = 0
    agent_name: str | None = None


@dataclass(frozen=True)
class DraftEdit:
    batch_id: int
    draft_id: int
    profile: dict[str, Any]


@dataclass(frozen=True)
class BatchSummary:
    id: int
    created_at: datetime
    uploaded_by: str
    files: int
    created: int
    skipped: int
    errors: int
    pending: int
    status: str
    agent_name: str | None = None


@dataclass
class Counts:
    pending: int = 0
    approved: int = 0
    discarded: int = 0
    by_status: dict[str, int] = field(default_factory=dict)


def require_ingest_admin(actor: Actor) -> None:
    require_member(actor)
    if not actor.is_admin:
        admins = ", ".join(f"<@{a}>" for a in actor.admin_ids[:3]) or "a milobot admin"
        raise Forbidden(
            "Only milobot admins can import candidates, and you're a viewer here, so I didn't keep your file. "
            f"Ask {admins} to import it, or to make you an admin."
        )


async def load_batch(
    session: AsyncSession, actor: Actor, batch_id: int, *, lock: bool = False
) -> IngestionBatch:
    """The batch, if it is this workspace's: a crafted id from elsewhere is simply not found."""
    query = select(IngestionBatch).where(
        IngestionBatch.id == batch_id, IngestionBatch.workspace_id == actor.workspace_id
    )
    if lock:
        query = query.with_for_update()
    batch = await session.scalar(query)
    if batch is None:
        raise NotFound("That import no longer exists.")
    return batch


async def load_agent(session: AsyncSession, workspace_id: int, agent_id: int | None) -> Agent | None:
    if agent_id is None:
        return None
    return await session.scalar(select(Agent).where(Agent.id == agent_id, Agent.workspace_id == workspace_id))


async def draft_counts(session: AsyncSession, batch_id: int) -> Counts:
    rows = (
        await session.execute(
            select(IngestionDraft.status, func.count())
            .where(IngestionDraft.batch_id == batch_id)
            .group_by(IngestionDraft.status)
        )
    ).all()
    by = {status: n for status, n in rows}
    return Counts(by.get("pending", 0), by.get("approved", 0), by.get("discarded", 0), by)


async def problem_count(session: AsyncSession, batch_id: int) -> int:
    return (
        await session.scalar(
            select(func.count())
            .select_from(IngestionFile)
            .where(IngestionFile.batch_id == batch_id, IngestionFile.outcome.not_in(FINE_OUTCOMES))
        )
        or 0
    )


async def refresh_counts(session: AsyncSession, batch: IngestionBatch) -> Counts:
    """Keep the history's numbers current after every decision; a batch with nothing pending is done."""
    counts = await draft_counts(session, batch.id)
    batch.created_count = counts.approved
    batch.skipped_count = counts.discarded
    batch.error_count = await problem_count(session, batch.id)
    if batch.status == "review" and counts.pending == 0:
        batch.status = "done"
        batch.finished_at = utcnow()
    return counts


def enqueue_render(session: AsyncSession, batch: IngestionBatch, *, dm_user: str | None = None) -> None:
    payload: dict[str, Any] = {"batch_id": batch.id}
    if dm_user:
        payload["dm_user"] = dm_user
    # The review message is posted once and then updated in place: its renders go in order.
    outbox.enqueue(
        session,
        workspace_id=batch.workspace_id,
        kind=REVIEW_RENDER,
        payload=payload,
        ordering_key=f"{batch.workspace_id}:review:{batch.id}",
    )
    # What the review shows changed, so did the uploader's Home ("Imports pending review").
    home_refresh.refresh_homes(session, workspace_id=batch.workspace_id, user_ids=[batch.uploaded_by])
