"""Reviewing a batch: approve, discard, edit, choose the agent, page, re-post (the read side is ingestion_read).

Every decision is a conditional UPDATE from "pending", so a double click, two admins clicking at once,
or a Slack retry can decide a draft once only, and only one candidate is ever created for it."""

from __future__ import annotations

import functools
import re
from collections.abc import Awaitable, Callable
from typing import Any, ParamSpec, TypeVar

from sqlalchemy import select, update
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import AsyncSession

from milobot.blocks.text import display
from milobot.db.models import (
    Agent,
    Candidate,
    IngestionBatch,
    IngestionDraft,
    IngestionFile,
    Member,
    StoredFile,
)
from milobot.errors import Conflict, Invalid, NotFound
from milobot.services import audit, webhook_events
from milobot.services.base import Service
from milobot.services.candidate_records import find_duplicates, new_candidate, normalise_phone
from milobot.services.context import Actor, Identity, require_admin
from milobot.services.ingestion_dupes import agent_known, keys_of, reflag
from milobot.services.ingestion_model import (
    BulkResult,
    Decision,
    DraftEdit,
    enqueue_render,
    load_agent,
    load_batch,
    refresh_counts,
)

_EMAIL = re.compile(r"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$")
_DUP_WORDS = {
    "same e-mail": "same e-mail as",
    "same phone": "same phone as",
    "similar name": "similar name to",
}
EDITABLE = ("name", "email", "phone", "current_title", "current_company", "location", "skills")


_P = ParamSpec("_P")
_R = TypeVar("_R")


def _retry_when_locked(method: Callable[_P, Awaitable[_R]]) -> Callable[_P, Awaitable[_R]]:
    """SQLite refuses a write from a transaction whose snapshot went stale ("database is locked") when
    two clicks race; the conditional update makes a second try safe, and it then sees the decision."""

    @functools.wraps(method)
    async def wrapper(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        for attempt in range(3):
            try:
                return await method(*args, **kwargs)
            except OperationalError as exc:
                if "locked" not in str(exc).lower() or attempt == 2:
                    raise
        raise AssertionError("unreachable")

    return wrapper


def _clip(value: Any, limit: int) -> Any:
    return value[:limit] if isinstance(value, str) else value


class ReviewService(Service):
    # -- decisions ---------------------------------------------------------------------------------

    async def _reviewable(self, session: AsyncSession, actor: Actor, batch_id: int) -> IngestionBatch:
        require_admin(actor)
        batch = await load_batch(session, actor, batch_id)
        if batch.status == "extracting":
            raise Conflict("I'm still reading the files of this import; try again in a moment.")
        return batch

    async def _draft(self, session: AsyncSession, batch: IngestionBatch, draft_id: int) -> IngestionDraft:
        draft = await session.scalar(
            select(IngestionDraft).where(
                IngestionDraft.id == draft_id,
                IngestionDraft.batch_id == batch.id,
                IngestionDraft.workspace_id == batch.workspace_id,
            )
        )
        if draft is None:
            raise NotFound("That profile is not part of this import.")
        return draft

    async def _agent(self, session: AsyncSession, batch: IngestionBatch) -> Agent:
        agent = await load_agent(session, batch.workspace_id, batch.agent_id)
        if agent is None or agent.status != "active":
            raise Invalid(
                "Pick the interview agent these candidates are for first (the menu at the top of the review)."
            )
        return agent

    async def _decide(self, session: AsyncSession, ids: list[int], status: str, actor: Actor) -> set[int]:
        if not ids:
            return set()
        result = await session.execute(
            update(IngestionDraft)
            .where(IngestionDraft.id.in_(ids), IngestionDraft.status == "pending")
            .values(status=status, decided_by=actor.user_id, decided_at=self.now())
            .returning(IngestionDraft.id)
            .execution_options(synchronize_session="fetch")
        )
        return set(result.scalars().all())

    async def _create(
        self, session: AsyncSession, actor: Actor, agent: Agent, drafts: list[IngestionDraft]
    ) -> None:
        file_ids = {d.file_id for d in drafts if d.file_id}
        files = (
            {
                f.id: f
                for f in (
                    await session.scalars(select(IngestionFile).where(IngestionFile.id.in_(file_ids)))
                ).all()
            }
            if file_ids
            else {}
        )
        made: list[tuple[IngestionDraft, Candidate, str | None, IngestionFile | None]] = []
        for draft in drafts:
            p = draft.profile or {}
            source = files.get(draft.file_id) if draft.file_id is not None else None
            # A one-person PDF or DOCX that we kept is that candidate's résumé (a CSV or ZIP is not).
            resume = source.stored_path if source is not None and source.profile_count == 1 else None
            candidate = new_candidate(
                session,
                workspace_id=actor.workspace_id,
                agent_id=agent.id,
                name=_clip(p.get("name") or "", 300),
                email=_clip(p.get("email"), 320),
                phone=p.get("phone"),
                source="ingest",
                source_file=_clip(p.get("source_file"), 500),
                current_title=_clip(p.get("current_title"), 300),
                current_company=_clip(p.get("current_company"), 300),
                location=_clip(p.get("location"), 300),
                years_experience=p.get("years_experience"),
                links=list(p.get("links") or []),
                skills=list(p.get("skills") or []),
                education=list(p.get("education") or []),
                resume_path=resume,
            )
            made.append((draft, candidate, resume, source))
        await session.flush()
        for draft, candidate, resume, source in made:
            draft.candidate_id = candidate.id
            await webhook_events.candidate_created(session, candidate)
            if resume and source is not None:  # a kept résumé always comes from a file
                session.add(
                    StoredFile(
                        workspace_id=actor.workspace_id,
                        candidate_id=candidate.id,
                        kind="resume",
                        path=resume,
                        sha256=source.sha256,
                    )
                )
        await session.execute(
            update(Member)
            .where(Member.workspace_id == actor.workspace_id, Member.slack_user_id == actor.user_id)
            .values(last_agent_id=agent.id)
        )

    @_retry_when_locked
    async def approve(
        self, *, identity: Identity, batch_id: int, draft_id: int, confirm_duplicate: bool = False
    ) -> Decision:
        async with self.acting(identity) as (session, actor):
            batch = await self._reviewable(session, actor, batch_id)
            draft = await self._draft(session, batch, draft_id)
            if draft.status != "pending":
                return Decision(draft.id, draft.status, False)
            agent = await self._agent(session, batch)
            if not confirm_duplicate:
                if draft.duplicate_reason:
                    raise Conflict(
                        "This profile looks like a duplicate; approve it with the button on the review, which asks you to confirm."
                    )
                name, email, phone = keys_of(draft.profile or {})
                matches = await find_duplicates(
                    session,
                    workspace_id=actor.workspace_id,
                    agent_id=agent.id,
                    name=name,
                    email=email,
                    phone=phone,
                )
                if matches:
                    m = matches[0]
                    draft.duplicate_reason = (
                        f"{_DUP_WORDS.get(m.reason, m.reason)} {m.name}, already a candidate of {agent.name}"
                    )
                    enqueue_render(session, batch)
                    return Decision(
                        draft.id,
                        "pending",
                        False,
                        # The message is mrkdwn and the reason holds names from the résumé: display() them.
                        f"This profile looks like a duplicate ({display(draft.duplicate_reason, 300)}). I flagged it; approve it again and confirm if it's really someone new.",
                    )
            if not await self._decide(session, [draft.id], "approved", actor):
                return Decision(draft.id, "approved", False)
            await self._create(session, actor, agent, [draft])
            await refresh_counts(session, batch)
            enqueue_render(session, batch)
            audit.record(
                session,
                actor,
                "ingest.approved",
                target_type="draft",
                target_id=draft.id,
                batch_id=batch.id,
                agent_id=agent.id,
                duplicate_confirmed=bool(draft.duplicate_reason),
            )
            return Decision(draft.id, "approved", True)

    @_retry_when_locked
    async def discard(self, *, identity: Identity, batch_id: int, draft_id: int) -> Decision:
        async with self.acting(identity) as (session, actor):
            batch = await self._reviewable(session, actor, batch_id)
            draft = await self._draft(session, batch, draft_id)
            if not await self._decide(session, [draft.id], "discarded", actor):
                return Decision(draft.id, draft.status, False)
            await refresh_counts(session, batch)
            enqueue_render(session, batch)
            audit.record(
                session, actor, "ingest.discarded", target_type="draft", target_id=draft.id, batch_id=batch.id
            )
            return Decision(draft.id, "discarded", True)

    @_retry_when_locked
    async def approve_all(self, *, identity: Identity, batch_id: int) -> BulkResult:
        """Approve every pending profile that doesn't look like a duplicate; flagged ones are left for a
        person to decide one by one, because confirming twenty duplicates in one click is how they slip in."""
        async with self.acting(identity) as (session, actor):
            batch = await self._reviewable(session, actor, batch_id)
            agent = await self._agent(session, batch)
            drafts = (
                await session.scalars(select(IngestionDraft).where(IngestionDraft.batch_id == batch.id))
            ).all()
            existing = await agent_known(
                session, workspace_id=actor.workspace_id, agent_id=agent.id, agent_name=agent.name
            )
            reflag(drafts, existing)  # against the agent as it is now, not as it was at extraction
            clean = [d.id for d in drafts if d.status == "pending" and not d.duplicate_reason]
            won = await self._decide(session, clean, "approved", actor)
            await self._create(session, actor, agent, [d for d in drafts if d.id in won])
            counts = await refresh_counts(session, batch)
            enqueue_render(session, batch)
            audit.record(
                session,
                actor,
                "ingest.approved_all",
                target_type="batch",
                target_id=batch.id,
                approved=len(won),
                agent_id=agent.id,
            )
            return BulkResult(approved=len(won), flagged_left=counts.pending, agent_name=agent.name)

    @_retry_when_locked
    async def discard_all(self, *, identity: Identity, batch_id: int) -> BulkResult:
        async with self.acting(identity) as (session, actor):
            batch = await self._reviewable(session, actor, batch_id)
            pending = (
                await session.scalars(
                    select(IngestionDraft.id).where(
                        IngestionDraft.batch_id == batch.id, IngestionDraft.status == "pending"
                    )
                )
            ).all()
            won = await self._decide(session, list(pending), "discarded", actor)
            await refresh_counts(session, batch)
            enqueue_render(session, batch)
            audit.record(
                session,
                actor,
                "ingest.discarded_all",
                target_type="batch",
                target_id=batch.id,
                discarded=len(won),
            )
            return BulkResult(discarded=len(won))

    async def choose_agent(self, *, identity: Identity, batch_id: int, agent_id: int) -> str:
        async with self.acting(identity) as (session, actor):
            batch = await self._reviewable(session, actor, batch_id)
            agent = await load_agent(session, actor.workspace_id, agent_id)
            if agent is None:
                raise NotFound("That interview agent doesn't exist (any more).")
            if agent.status != "active":
                raise Invalid(
                    f"{display(agent.name, 200)} is archived; unarchive it first to add candidates."
                )
            batch.agent_id = agent.id
            await session.execute(
                update(Member)
                .where(Member.workspace_id == actor.workspace_id, Member.slack_user_id == actor.user_id)
                .values(last_agent_id=agent.id)
            )
            drafts = (
                await session.scalars(select(IngestionDraft).where(IngestionDraft.batch_id == batch.id))
            ).all()
            reflag(
                drafts,
                await agent_known(
                    session, workspace_id=actor.workspace_id, agent_id=agent.id, agent_name=agent.name
                ),
            )
            enqueue_render(session, batch)
            return agent.name

    async def turn_page(self, *, identity: Identity, batch_id: int, page: int) -> None:
        async with self.acting(identity) as (session, actor):
            batch = await self._reviewable(session, actor, batch_id)
            batch.page = max(0, int(page))
            enqueue_render(session, batch)

    async def draft_for_edit(self, *, identity: Identity, batch_id: int, draft_id: int) -> DraftEdit:
        async with self.acting(identity) as (session, actor):
            batch = await self._reviewable(session, actor, batch_id)
            draft = await self._draft(session, batch, draft_id)
            if draft.status != "pending":
                raise Conflict(f"That profile was already {draft.status}.")
            return DraftEdit(batch.id, draft.id, dict(draft.profile or {}))

    @_retry_when_locked
    async def edit_draft(
        self, *, identity: Identity, batch_id: int, draft_id: int, fields: dict[str, Any]
    ) -> DraftEdit:
        """Save what a person corrected, then check duplicates again with the corrected e-mail/phone/name."""
        clean = _validated(fields)
        async with self.acting(identity) as (session, actor):
            batch = await self._reviewable(session, actor, batch_id)
            draft = await self._draft(session, batch, draft_id)
            if draft.status != "pending":
                raise Conflict(f"That profile was already {draft.status}, so it can't be edited here.")
            draft.profile = {**(draft.profile or {}), **clean, "edited_by": actor.user_id}
            agent = await load_agent(session, actor.workspace_id, batch.agent_id)
            drafts = (
                await session.scalars(select(IngestionDraft).where(IngestionDraft.batch_id == batch.id))
            ).all()
            reflag(
                drafts,
                await agent_known(
                    session,
                    workspace_id=actor.workspace_id,
                    agent_id=agent.id if agent else None,
                    agent_name=agent.name if agent else "",
                ),
            )
            enqueue_render(session, batch)
            audit.record(
                session, actor, "ingest.edited", target_type="draft", target_id=draft.id, fields=sorted(clean)
            )
            return DraftEdit(batch.id, draft.id, dict(draft.profile))

    async def reopen(self, *, identity: Identity, batch_id: int) -> None:
        """Post the review again in the person's DM (from App Home), and keep updating that copy."""
        async with self.acting(identity) as (session, actor):
            require_admin(actor)
            batch = await load_batch(session, actor, batch_id)
            batch.message_ts = None
            enqueue_render(session, batch, dm_user=actor.user_id)


def _validated(fields: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key in EDITABLE:
        value = fields.get(key)
        value = value.strip() if isinstance(value, str) else value
        out[key] = value or None
    if not (out["name"] or out["email"]):
        raise Invalid("Give at least a name or an e-mail.", field="name")
    if out["email"] and not _EMAIL.match(out["email"]):
        raise Invalid("That doesn't look like an e-mail address.", field="email")
    if out["phone"]:
        phone = normalise_phone(out["phone"])
        if phone is None:
            raise Invalid(
                "That isn't a phone number I can read; include the country code, like +44 20 7946 0958.",
                field="phone",
            )
        out["phone"] = phone
    raw_skills = fields.get("skills")
    if isinstance(raw_skills, str):
        out["skills"] = [s.strip() for s in raw_skills.split(",") if s.strip()][:50]
    else:
        out["skills"] = list(raw_skills or [])
    for key in ("name", "email", "current_title", "current_company", "location"):
        out[key] = _clip(out[key], 300)
    return out
