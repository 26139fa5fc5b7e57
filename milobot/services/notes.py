"""Internal notes on a candidate (SPEC step 6): team-only, newest first; the author may edit or delete
their own. A teammate @mentioned in a note gets a DM with a View button, through the outbox. Notes
are shown only in the profile (a modal) and in that DM, never in a channel."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from milobot.db.models import Agent, Candidate, Member, Note
from milobot.errors import Forbidden, Invalid, NotFound
from milobot.services import audit, outbox
from milobot.services.base import Service
from milobot.services.candidate_access import candidate_in, retry_when_locked
from milobot.services.context import Actor, Identity, require_member

MAX_NOTE = 3000  # a modal's text input holds this much
MENTION = re.compile(r"<@([UW][A-Z0-9]{2,31})(?:\|[^>]*)?>")
NOTE_MENTION_TEMPLATE = "note_mention"


@dataclass(frozen=True)
class NoteSaved:
    note_id: int
    candidate_id: int
    notified: list[str] = field(default_factory=list)  # teammates sent a DM
    not_on_team: list[str] = field(default_factory=list)  # mentioned, but not on the team: no DM


@dataclass(frozen=True)
class NoteText:
    """What the note form shows: a new note (note_id None, empty body) or one being edited."""

    note_id: int | None
    candidate_id: int
    candidate_name: str
    body: str


def mentioned(body: str) -> list[str]:
    seen: list[str] = []
    for user_id in MENTION.findall(body or ""):
        if user_id not in seen:
            seen.append(user_id)
    return seen


def _clean(body: str | None) -> str:
    body = (body or "").strip()
    if not body:
        raise Invalid("Write something in the note.", field="note")
    if len(body) > MAX_NOTE:
        raise Invalid(f"A note holds at most {MAX_NOTE} characters.", field="note")
    return body


async def team_ids(session: AsyncSession, workspace_id: int, user_ids: list[str]) -> set[str]:
    if not user_ids:
        return set()
    return set(
        (
            await session.scalars(
                select(Member.slack_user_id).where(
                    Member.workspace_id == workspace_id, Member.slack_user_id.in_(user_ids)
                )
            )
        ).all()
    )


class NoteService(Service):
    async def _own_note(self, session: AsyncSession, actor: Actor, note_id: int) -> Note:
        require_member(actor)
        note = await session.scalar(
            select(Note).where(Note.id == note_id, Note.workspace_id == actor.workspace_id)
        )
        if note is None:
            raise NotFound("That note doesn't exist (it may have been deleted).")
        if note.author_id != actor.user_id:
            raise Forbidden("Only the person who wrote a note can edit or delete it.")
        return note

    async def _notify(
        self, session: AsyncSession, actor: Actor, note: Note, candidate: Candidate, users: list[str]
    ) -> NoteSaved:
        on_team = await team_ids(session, actor.workspace_id, users)
        notified = [u for u in users if u in on_team and u != actor.user_id]
        agent_name = await session.scalar(
            select(Agent.name).where(Agent.id == candidate.agent_id, Agent.workspace_id == actor.workspace_id)
        )
        for user_id in notified:
            outbox.enqueue(
                session,
                workspace_id=actor.workspace_id,
                kind=outbox.SLACK_DM,
                payload={
                    "user": user_id,
                    "template": NOTE_MENTION_TEMPLATE,
                    "data": {
                        "author": actor.user_id,
                        "candidate_id": candidate.id,
                        "candidate_name": candidate.name,
                        "agent_name": agent_name or "",
                        "body": note.body,
                        "team": sorted(on_team | {actor.user_id}),
                    },
                },
                # One DM per teammate per note, however often the note is saved or the save delivered.
                dedupe_key=f"note-mention:{note.id}:{user_id}",
            )
        not_on_team = [u for u in users if u not in on_team and u != actor.user_id]
        return NoteSaved(note.id, candidate.id, notified, not_on_team)

    @retry_when_locked
    async def add(self, *, identity: Identity, candidate_id: int, body: str) -> NoteSaved:
        body = _clean(body)
        async with self.acting(identity) as (session, actor):
            require_member(actor)
            candidate = await candidate_in(session, actor, candidate_id=candidate_id)
            note = Note(
                workspace_id=actor.workspace_id, candidate_id=candidate.id, author_id=actor.user_id, body=body
            )
            session.add(note)
            await session.flush()
            audit.record(
                session,
                actor,
                "candidate.note",
                target_type="candidate",
                target_id=candidate.id,
                note_id=note.id,
            )
            return await self._notify(session, actor, note, candidate, mentioned(body))

    async def new_form(self, *, identity: Identity, candidate_id: int) -> NoteText:
        async with self.acting(identity) as (session, actor):
            require_member(actor)
            candidate = await candidate_in(session, actor, candidate_id=candidate_id)
            return NoteText(None, candidate.id, candidate.name, "")

    async def for_edit(self, *, identity: Identity, note_id: int) -> NoteText:
        async with self.acting(identity) as (session, actor):
            note = await self._own_note(session, actor, note_id)
            candidate = await candidate_in(session, actor, candidate_id=note.candidate_id)
            return NoteText(note.id, candidate.id, candidate.name, note.body)

    @retry_when_locked
    async def edit(self, *, identity: Identity, note_id: int, body: str) -> NoteSaved:
        body = _clean(body)
        async with self.acting(identity) as (session, actor):
            note = await self._own_note(session, actor, note_id)
            before = set(mentioned(note.body))
            note.body, note.edited_at = body, self.now()
            candidate = await candidate_in(session, actor, candidate_id=note.candidate_id)
            audit.record(
                session,
                actor,
                "candidate.note_edit",
                target_type="candidate",
                target_id=candidate.id,
                note_id=note.id,
            )
            # Only teammates newly mentioned hear about it.
            return await self._notify(
                session, actor, note, candidate, [u for u in mentioned(body) if u not in before]
            )

    @retry_when_locked
    async def delete(self, *, identity: Identity, note_id: int) -> int:
        """Returns the candidate id, so the profile can be shown again."""
        async with self.acting(identity) as (session, actor):
            note = await self._own_note(session, actor, note_id)
            candidate_id = note.candidate_id
            await session.delete(note)
            audit.record(
                session,
                actor,
                "candidate.note_delete",
                target_type="candidate",
                target_id=candidate_id,
                note_id=note_id,
            )
            return candidate_id
