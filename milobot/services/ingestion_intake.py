"""Files in: a batch per DM, one row per file, extraction results persisted before anyone reviews them.

The methods without an `identity` are called by the extraction job and the review deliverer, which act
for a batch already authorised when it was received."""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Sequence
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from milobot.db.models import (
    Agent,
    IngestionBatch,
    IngestionDraft,
    IngestionFile,
    Member,
    ProcessedEvent,
    Workspace,
)
from milobot.ingest import FileResult
from milobot.services import audit, outbox
from milobot.services.base import Service, rowcount
from milobot.services.context import Identity
from milobot.services.ingestion_dupes import KnownSet, agent_known, known_draft
from milobot.services.ingestion_model import (
    EXTRACT,
    FileToFetch,
    IncomingFile,
    Received,
    enqueue_render,
    refresh_counts,
    require_ingest_admin,
)


def claim_key(team_id: str, file_id: str) -> str:
    # Slack announces a DM'd file twice (message.im with `files`, and file_shared). The first handler to
    # insert this processed_events id owns the file; the other loses the primary-key race.
    return f"file:{team_id}:{file_id}"[:64]


class IntakeService(Service):
    async def receive(
        self, *, identity: Identity, channel_id: str, files: Sequence[IncomingFile]
    ) -> Received:
        """An admin DM'd files: claim them, open a batch, and queue the "Reading…" message and the
        extraction. A viewer or stranger is refused before anything is written."""
        async with self.acting(identity) as (session, actor):
            require_ingest_admin(actor)
            fresh: list[IncomingFile] = []
            for f in {f.file_id: f for f in files}.values():
                try:
                    async with session.begin_nested():
                        session.add(
                            ProcessedEvent(
                                event_id=claim_key(actor.team_id, f.file_id),
                                team_id=actor.team_id,
                                completed_at=self.now(),  # claimed with its batch: done when committed
                            )
                        )
                except IntegrityError:
                    continue
                fresh.append(f)
            if not fresh:
                return Received(None, 0)
            batch = IngestionBatch(
                workspace_id=actor.workspace_id,
                uploaded_by=actor.user_id,
                agent_id=await self._default_agent(session, actor.workspace_id, actor.user_id),
                channel_id=channel_id,
                status="extracting",
            )
            session.add(batch)
            await session.flush()
            session.add_all(
                IngestionFile(
                    workspace_id=actor.workspace_id,
                    batch_id=batch.id,
                    slack_file_id=f.file_id,
                    filename=(f.name or f.file_id)[:500],
                    outcome="pending",
                )
                for f in fresh
            )
            # Extraction first (delivering it only starts a background task), then "Reading 3 files…",
            # which the review later replaces in place.
            outbox.enqueue(
                session, workspace_id=actor.workspace_id, kind=EXTRACT, payload={"batch_id": batch.id}
            )
            enqueue_render(session, batch)
            audit.record(
                session, actor, "ingest.received", target_type="batch", target_id=batch.id, files=len(fresh)
            )
            return Received(batch.id, len(fresh))

    async def check_importer(self, *, identity: Identity) -> None:
        """Refuse a viewer or stranger before anything is asked of Slack about their files."""
        async with self.acting(identity) as (_session, actor):
            require_ingest_admin(actor)

    async def _default_agent(self, session: AsyncSession, workspace_id: int, user_id: str) -> int | None:
        """The agent this person used last, else the only active agent there is."""
        last = await session.scalar(
            select(Member.last_agent_id).where(
                Member.workspace_id == workspace_id, Member.slack_user_id == user_id
            )
        )
        active = select(Agent.id).where(Agent.workspace_id == workspace_id, Agent.status == "active")
        if last is not None and await session.scalar(active.where(Agent.id == last)):
            return last
        ids = (await session.scalars(active.limit(2))).all()
        return ids[0] if len(ids) == 1 else None

    # -- the extraction job's side ----------------------------------------------------------------

    async def files_to_process(self, *, batch_id: int) -> list[FileToFetch]:
        async with self.unit() as session:
            rows = (
                await session.execute(
                    select(IngestionFile, Workspace.team_id)
                    .join(IngestionBatch, IngestionBatch.id == IngestionFile.batch_id)
                    .join(Workspace, Workspace.id == IngestionFile.workspace_id)
                    .where(
                        IngestionFile.batch_id == batch_id,
                        IngestionBatch.status == "extracting",
                        IngestionFile.outcome == "pending",
                        IngestionFile.slack_file_id.is_not(None),
                    )
                    .order_by(IngestionFile.id)
                )
            ).all()
            return [
                FileToFetch(
                    f.id,
                    f.workspace_id,
                    team,
                    f.batch_id,
                    f.slack_file_id,
                    f.filename,
                    f.stored_path,
                    f.sha256,
                )
                for f, team in rows
            ]

    async def record_download(
        self, *, file_id: int, filename: str, sha256: str, stored_path: str
    ) -> str | None:
        """Remember where the original bytes are kept; returns a reason when the very same file was
        imported before in this workspace (the row becomes a "duplicate" and is not extracted again)."""
        async with self.unit() as session:
            row = await session.get_one(IngestionFile, file_id)
            row.filename = filename[:500]
            row.sha256 = sha256
            earlier = (
                await session.execute(
                    select(IngestionFile, IngestionBatch)
                    .join(IngestionBatch, IngestionBatch.id == IngestionFile.batch_id)
                    .where(
                        IngestionFile.workspace_id == row.workspace_id,
                        IngestionFile.sha256 == sha256,
                        IngestionFile.id != row.id,
                        IngestionFile.outcome != "duplicate",
                    )
                    .order_by(IngestionFile.id)
                    .limit(1)
                )
            ).first()
            if earlier is None:
                row.stored_path = stored_path
                return None
            other, other_batch = earlier
            if other_batch.id == row.batch_id:
                reason = f"This is the same file as {other.filename} in this import, so it was read once."
            else:
                reason = (
                    f"This exact file was already imported in import #{other_batch.id} "
                    f"({other_batch.created_at:%b %d}, as {other.filename}); see /milo imports."
                )
            row.outcome, row.reason = "duplicate", reason
            return reason

    async def record_failure(
        self, *, file_id: int, outcome: str, reason: str, filename: str | None = None
    ) -> None:
        async with self.unit() as session:
            values: dict[str, Any] = {"outcome": outcome, "reason": reason}
            if filename:
                values["filename"] = filename[:500]
            await session.execute(
                update(IngestionFile)
                .where(IngestionFile.id == file_id, IngestionFile.outcome == "pending")
                .values(**values)
            )

    async def record_extraction(self, *, file_id: int, results: list[FileResult]) -> int:
        """Persist one uploaded file's outcome, its ZIP entries and its profiles as pending drafts, in one
        transaction: a crash leaves the file pending (re-extracted on start-up) or fully recorded.
        Returns the number of drafts created (0 if another worker recorded it first).

        Rows go in as bulk INSERTs and duplicate flags are computed before inserting: a 200-résumé ZIP
        is two statements, not 400 ORM objects flushed on the event loop while commands wait."""
        async with self.unit() as session:
            row = await session.get_one(IngestionFile, file_id)
            batch = await session.get_one(IngestionBatch, row.batch_id)
            archive = not (len(results) == 1 and results[0].file == row.filename)
            total = sum(len(r.profiles) for r in results)
            if archive:
                outcome, reason = "unpacked", f"ZIP with {len(results)} files"
            else:
                outcome, reason = results[0].outcome, results[0].reason
            claimed = await session.execute(
                update(IngestionFile)
                .where(IngestionFile.id == file_id, IngestionFile.outcome == "pending")
                .values(outcome=outcome, reason=reason, profile_count=total)
            )
            if rowcount(claimed) != 1:
                return 0
            leaf_ids = [row.id]
            if archive:
                entries = [
                    {
                        "workspace_id": row.workspace_id,
                        "batch_id": row.batch_id,
                        "filename": f"{row.filename}/{r.file}"[:500],
                        "outcome": r.outcome,
                        "reason": r.reason,
                        "profile_count": len(r.profiles),
                        "created_at": self.now(),
                    }
                    for r in results
                ]
                returned = await session.execute(
                    insert(IngestionFile).returning(IngestionFile.id, IngestionFile.filename), entries
                )
                leaf_ids = _ids_in_parameter_order(entries, returned.all())
            profiles = [
                (leaf_id, {**p.to_dict(), "source_file": p.source_file or result.file})
                for leaf_id, result in zip(leaf_ids, results)
                for p in result.profiles
                if not p.is_empty()
            ]
            if not profiles:
                return 0
            reasons = await self._flags_for_new(session, batch, [p for _, p in profiles])
            await session.execute(
                insert(IngestionDraft),
                [
                    {
                        "workspace_id": row.workspace_id,
                        "batch_id": row.batch_id,
                        "file_id": leaf_id,
                        "profile": profile,
                        "status": "pending",
                        "duplicate_reason": why,
                        "created_at": self.now(),
                    }
                    for (leaf_id, profile), why in zip(profiles, reasons)
                ],
            )
            return len(profiles)

    async def _flags_for_new(
        self, session: AsyncSession, batch: IngestionBatch, profiles: list[dict[str, Any]]
    ) -> list[str | None]:
        """Duplicate reasons for profiles about to join the batch: against the agent's candidates, the
        batch's pending drafts, and the profiles before them in this same file."""
        agent = await session.get(Agent, batch.agent_id) if batch.agent_id else None
        existing = await agent_known(
            session,
            workspace_id=batch.workspace_id,
            agent_id=agent.id if agent else None,
            agent_name=agent.name if agent else "",
        )
        known = KnownSet(existing)
        pending = await session.scalars(
            select(IngestionDraft.profile)
            .where(IngestionDraft.batch_id == batch.id, IngestionDraft.status == "pending")
            .order_by(IngestionDraft.id)
        )
        for profile in pending.all():
            known.add(known_draft(profile))
        reasons: list[str | None] = []
        for profile in profiles:
            reasons.append(known.reason_for(profile))
            known.add(known_draft(profile))
        return reasons

    async def finish_extraction(self, *, batch_id: int) -> bool:
        """Every file has an outcome: open the batch for review (or close it if nothing came out)."""
        async with self.unit() as session:
            batch = await session.get(IngestionBatch, batch_id)
            if batch is None or batch.status != "extracting":
                return False
            left = await session.scalar(
                select(IngestionFile.id)
                .where(IngestionFile.batch_id == batch_id, IngestionFile.outcome == "pending")
                .limit(1)
            )
            if left is not None:
                return False
            batch.status = "review"
            await refresh_counts(session, batch)
            enqueue_render(session, batch)
            return True

    async def remember_message(self, *, batch_id: int, channel_id: str, ts: str) -> None:
        async with self.db.unit_of_work() as session:
            await session.execute(
                update(IngestionBatch)
                .where(IngestionBatch.id == batch_id)
                .values(channel_id=channel_id, message_ts=ts)
            )


def _ids_in_parameter_order(entries: list[dict[str, Any]], returned: Sequence[tuple[int, str]]) -> list[int]:
    """The new rows' ids in the order of `entries`. RETURNING promises no order, and asking SQLAlchemy
    for one (sort_by_parameter_order) makes SQLite insert a row per statement: 200 round trips, 35 ms
    on the event loop for a 200-entry ZIP, against 5 ms for one statement. So rows are matched back by
    filename, and among equal names (a ZIP may repeat one) by id, which both databases assign in the
    order of the VALUES list."""
    by_name: dict[str, deque[int]] = defaultdict(deque)
    for row_id, filename in sorted(returned):
        by_name[filename].append(row_id)
    return [by_name[entry["filename"]].popleft() for entry in entries]
