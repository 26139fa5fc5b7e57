"""Which candidates each Export CSV of the candidate list listed, so that erasing one of them deletes the
upload from Slack (a CSV can't be edited: the whole file goes, as a Package ZIP does).

The deliverer (milobot/slack/candidate_export.py) records the export and its candidates *before* it reads
their rows (`begin`), and the Slack file id once the upload landed (`uploaded`); a failed upload removes
the record (`discard`), and an empty list records nothing. An erasure (services/erasure.py) finds the
exports that listed the person through `listing` (an index on workspace and candidate id: the same query on
SQLite and PostgreSQL) and takes them with `withdraw`: an uploaded one is deleted from Slack and its record
goes; one still being written is marked, and `uploaded` deletes it the moment it lands. Both sides write
the export's row before reading it again, so whichever comes second sees the other's change; and
`uploaded` also deletes an upload that lists a candidate gone since `begin` (an erasure that searched
just before `begin` committed, so never saw the export)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import delete, exists, func, insert, literal, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from milobot.db.models import Candidate, CandidateExport, CandidateExportRow
from milobot.services import outbox
from milobot.services.base import Service

WRITE_CHUNK = 1000  # candidate ids per INSERT … SELECT: well inside either database's bound-parameter limit


class CsvExportRecords(Service):
    async def begin(
        self,
        *,
        workspace_id: int,
        outbox_id: int,
        requested_by: str,
        agent_id: int,
        candidate_ids: Sequence[int],
    ) -> int:
        """Record an export about to be written with the candidates it will list (those that still exist);
        a retry of the same delivery replaces the earlier attempt's record."""
        async with self.unit() as session:
            earlier = (
                await session.scalars(
                    select(CandidateExport.id).where(
                        CandidateExport.workspace_id == workspace_id, CandidateExport.outbox_id == outbox_id
                    )
                )
            ).all()
            await _drop(session, workspace_id, earlier)
            export = CandidateExport(
                workspace_id=workspace_id,
                outbox_id=outbox_id,
                requested_by=requested_by[:32],
                agent_id=agent_id,
                rows=0,
                erased=False,
            )
            session.add(export)
            await session.flush()
            ids = sorted(set(candidate_ids))
            for start in range(0, len(ids), WRITE_CHUNK):
                # By primary key alone: the ids are this workspace's (its list gave them), and with the
                # workspace in the condition a PostgreSQL without statistics yet walked the workspace
                # index once per chunk (7 s for 20,000 candidates, 0.8 s by key).
                await session.execute(
                    insert(CandidateExportRow).from_select(
                        ["export_id", "candidate_id", "workspace_id"],
                        select(literal(export.id), Candidate.id, literal(workspace_id)).where(
                            Candidate.id.in_(ids[start : start + WRITE_CHUNK])
                        ),
                    )
                )
            return export.id

    async def uploaded(
        self, *, workspace_id: int, export_id: int, file_id: str, channel_id: str | None, rows: int
    ) -> bool:
        """Where the upload landed. False when someone it lists was erased while it was written: the
        upload is then queued for files.delete and the record goes."""
        async with self.unit() as session:
            await session.execute(
                update(CandidateExport)
                .where(CandidateExport.workspace_id == workspace_id, CandidateExport.id == export_id)
                .values(slack_file_id=file_id, channel_id=channel_id, rows=rows, uploaded_at=self.now())
                .execution_options(synchronize_session=False)
            )
            # Read after the write: on PostgreSQL the update waited for an erasure marking this row.
            erased = await session.scalar(
                select(CandidateExport.erased).where(
                    CandidateExport.workspace_id == workspace_id, CandidateExport.id == export_id
                )
            )
            if erased is False and not await _lists_someone_gone(session, workspace_id, export_id):
                return True
            outbox.enqueue(
                session, workspace_id=workspace_id, kind=outbox.SLACK_FILE_DELETE, payload={"file": file_id}
            )
            await _drop(session, workspace_id, [export_id])
            return False

    async def discard(self, *, workspace_id: int, export_id: int) -> None:
        """The upload did not happen, or the file names no one: nothing in Slack to find again."""
        async with self.unit() as session:
            await _drop(session, workspace_id, [export_id])


async def _lists_someone_gone(session: AsyncSession, workspace_id: int, export_id: int) -> bool:
    """Whether a candidate it listed no longer exists: only an erasure deletes candidates, and one whose
    search ran just before `begin` committed did not see this export to mark it. Looked up by primary key
    alone (the list holds this workspace's ids): with the workspace in the join, a PostgreSQL without
    statistics yet planned 20,000 index walks (17-50 s); by key it is 0.06 s."""
    gone = await session.scalar(
        select(CandidateExportRow.candidate_id)
        .where(
            CandidateExportRow.workspace_id == workspace_id,
            CandidateExportRow.export_id == export_id,
            ~exists().where(Candidate.id == CandidateExportRow.candidate_id),
        )
        .limit(1)
    )
    return gone is not None


async def listed_candidate_gone(session: AsyncSession, candidate_ids: Sequence[int]) -> bool:
    """Whether any candidate an upload holds no longer exists, for an upload recorded elsewhere than in
    candidate_export_rows (a Package ZIP: services/report_packages.py). By primary key alone, as above."""
    ids = sorted(set(candidate_ids))
    for start in range(0, len(ids), WRITE_CHUNK):
        chunk = ids[start : start + WRITE_CHUNK]
        present = await session.scalar(
            select(func.count()).select_from(Candidate).where(Candidate.id.in_(chunk))
        )
        if present != len(chunk):
            return True
    return False


async def listing(
    session: AsyncSession, workspace_id: int, candidate_ids: Sequence[int]
) -> tuple[list[int], set[str]]:
    """The exports of the workspace that listed any of these candidates, and the Slack files of those
    already uploaded (what an erasure's confirmation counts)."""
    if not candidate_ids:
        return [], set()
    rows = (
        await session.execute(
            select(CandidateExport.id, CandidateExport.slack_file_id)
            .join(CandidateExportRow, CandidateExportRow.export_id == CandidateExport.id)
            .where(
                CandidateExportRow.workspace_id == workspace_id,
                CandidateExportRow.candidate_id.in_(list(candidate_ids)),
                CandidateExport.workspace_id == workspace_id,
            )
            .distinct()
        )
    ).all()
    return sorted({export_id for export_id, _ in rows}), {str(f) for _, f in rows if f}


async def withdraw(session: AsyncSession, workspace_id: int, export_ids: Sequence[int]) -> set[str]:
    """For an erasure, inside its transaction: the Slack files of these exports, to delete. Each export
    is marked first, so one whose upload is still under way is deleted by its deliverer when it lands;
    the records of those already uploaded go (the file goes with them), and no export keeps its list."""
    if not export_ids:
        return set()
    ids = list(export_ids)
    await session.execute(
        update(CandidateExport)
        .where(CandidateExport.workspace_id == workspace_id, CandidateExport.id.in_(ids))
        .values(erased=True)
        .execution_options(synchronize_session=False)
    )
    # Read after the write: on PostgreSQL the update waited for a deliverer recording its upload.
    landed = (
        await session.execute(
            select(CandidateExport.id, CandidateExport.slack_file_id).where(
                CandidateExport.workspace_id == workspace_id,
                CandidateExport.id.in_(ids),
                CandidateExport.slack_file_id.is_not(None),
            )
        )
    ).all()
    await session.execute(
        delete(CandidateExportRow).where(
            CandidateExportRow.workspace_id == workspace_id, CandidateExportRow.export_id.in_(ids)
        )
    )
    await _drop(session, workspace_id, [export_id for export_id, _ in landed])
    return {str(file_id) for _, file_id in landed}


async def _drop(session: AsyncSession, workspace_id: int, export_ids: Sequence[int]) -> None:
    """Records and their lists, children first (the same on both databases whatever the cascades)."""
    if not export_ids:
        return
    ids = list(export_ids)
    await session.execute(
        delete(CandidateExportRow).where(
            CandidateExportRow.workspace_id == workspace_id, CandidateExportRow.export_id.in_(ids)
        )
    )
    await session.execute(
        delete(CandidateExport).where(
            CandidateExport.workspace_id == workspace_id, CandidateExport.id.in_(ids)
        )
    )
