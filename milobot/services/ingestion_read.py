"""The read side of ingestion: what the review message shows, and the import history."""

from __future__ import annotations

import math

from sqlalchemy import func, select

from milobot.db.models import Agent, Candidate, IngestionBatch, IngestionDraft, IngestionFile
from milobot.services.base import Service
from milobot.services.context import Identity, require_member
from milobot.services.ingestion_model import (
    FINE_OUTCOMES,
    PAGE_SIZE,
    AgentChoice,
    BatchSummary,
    DraftRow,
    FileProblem,
    ReviewData,
    draft_counts,
    load_agent,
)
from milobot.services.sharing import interview_link

PROBLEMS_SHOWN = 10


class ReadService(Service):
    # -- what the review message shows (called by the deliverer) ----------------------------------

    async def review_view(self, *, batch_id: int) -> ReviewData | None:
        async with self.db.unit_of_work() as session:
            batch = await session.get(IngestionBatch, batch_id)
            if batch is None:
                return None
            ws = batch.workspace_id
            counts = await draft_counts(session, batch.id)
            total = counts.pending + counts.approved + counts.discarded
            page_count = max(1, math.ceil(total / PAGE_SIZE))
            page = min(max(batch.page, 0), page_count - 1)
            rows = (
                await session.execute(
                    select(IngestionDraft, Candidate.token)
                    .outerjoin(Candidate, Candidate.id == IngestionDraft.candidate_id)
                    .where(IngestionDraft.batch_id == batch.id)
                    .order_by(IngestionDraft.id)
                    .offset(page * PAGE_SIZE)
                    .limit(PAGE_SIZE)
                )
            ).all()
            files = IngestionFile.batch_id == batch.id
            leaf = IngestionFile.outcome != "unpacked"
            problem = IngestionFile.outcome.not_in(FINE_OUTCOMES)
            file_count = await session.scalar(
                select(func.count()).select_from(IngestionFile).where(files, leaf)
            )
            problems = (
                await session.scalars(
                    select(IngestionFile)
                    .where(files, problem)
                    .order_by(IngestionFile.id)
                    .limit(PROBLEMS_SHOWN)
                )
            ).all()
            by_outcome = dict(
                (
                    await session.execute(
                        select(IngestionFile.outcome, func.count())
                        .where(files, problem)
                        .group_by(IngestionFile.outcome)
                    )
                ).all()
            )
            names = (
                await session.scalars(
                    select(IngestionFile.filename)
                    .where(files, IngestionFile.slack_file_id.is_not(None))
                    .order_by(IngestionFile.id)
                    .limit(5)
                )
            ).all()
            agents = (
                await session.scalars(
                    select(Agent)
                    .where(Agent.workspace_id == ws, Agent.status == "active")
                    .order_by(Agent.name)
                    .limit(100)
                )
            ).all()
            chosen = await load_agent(session, ws, batch.agent_id)
            flagged = await session.scalar(
                select(func.count())
                .select_from(IngestionDraft)
                .where(
                    IngestionDraft.batch_id == batch.id,
                    IngestionDraft.status == "pending",
                    IngestionDraft.duplicate_reason.is_not(None),
                )
            )
            return ReviewData(
                batch_id=batch.id,
                status=batch.status,
                uploaded_by=batch.uploaded_by,
                file_names=list(names),
                file_count=file_count or 0,
                profile_count=total,
                pending=counts.pending,
                approved=counts.approved,
                discarded=counts.discarded,
                flagged_pending=flagged or 0,
                problems=[FileProblem(p.filename, p.outcome, p.reason or "") for p in problems],
                problem_count=sum(by_outcome.values()),
                problem_outcomes=by_outcome,
                rows=[
                    DraftRow(
                        d.id,
                        d.status,
                        dict(d.profile or {}),
                        d.duplicate_reason,
                        d.decided_by,
                        interview_link(self.deps.public_url, token) if token else None,
                    )
                    for d, token in rows
                ],
                page=page,
                page_count=page_count,
                first_index=page * PAGE_SIZE,
                agents=[AgentChoice(a.id, a.name) for a in agents],
                agent_id=chosen.id if chosen and chosen.status == "active" else None,
                agent_name=chosen.name if chosen else None,
                can_invite=self.deps.mail_enabled,
                channel_id=batch.channel_id,
                message_ts=batch.message_ts,
            )

    async def history(self, *, identity: Identity, limit: int = 15) -> list[BatchSummary]:
        async with self.acting(identity) as (session, actor):
            require_member(actor)
            files = (
                select(IngestionFile.batch_id, func.count().label("n"))
                .where(IngestionFile.workspace_id == actor.workspace_id, IngestionFile.outcome != "unpacked")
                .group_by(IngestionFile.batch_id)
                .subquery()
            )
            pending = (
                select(IngestionDraft.batch_id, func.count().label("n"))
                .where(IngestionDraft.workspace_id == actor.workspace_id, IngestionDraft.status == "pending")
                .group_by(IngestionDraft.batch_id)
                .subquery()
            )
            rows = (
                await session.execute(
                    select(
                        IngestionBatch, func.coalesce(files.c.n, 0), func.coalesce(pending.c.n, 0), Agent.name
                    )
                    .outerjoin(files, files.c.batch_id == IngestionBatch.id)
                    .outerjoin(pending, pending.c.batch_id == IngestionBatch.id)
                    .outerjoin(Agent, Agent.id == IngestionBatch.agent_id)
                    .where(IngestionBatch.workspace_id == actor.workspace_id)
                    .order_by(IngestionBatch.created_at.desc(), IngestionBatch.id.desc())
                    .limit(limit)
                )
            ).all()
            return [
                BatchSummary(
                    b.id,
                    b.created_at,
                    b.uploaded_by,
                    n_files,
                    b.created_count,
                    b.skipped_count,
                    b.error_count,
                    n_pending,
                    b.status,
                    agent,
                )
                for b, n_files, n_pending, agent in rows
            ]
