"""`/milo export <email>` (GDPR Art. 15): everything held about one address in one workspace, as a ZIP of
`person.json` plus their files (résumés, recordings), for a data-subject access request.

The admin's role is checked when the export is queued (an outbox row, kind `privacy.export`); the
deliverer (milobot/slack/privacy_export.py) reads the data at delivery time, writes the ZIP off the event
loop into the data folder's tmp/ and uploads it to the admin's DM, then deletes the temporary file."""

from __future__ import annotations

import json
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from milobot.db.models import (
    Agent,
    Answer,
    Candidate,
    CandidateDecision,
    IngestionDraft,
    IntegritySignal,
    Interview,
    Note,
    Nudge,
    Rating,
    Recording,
)
from milobot.services import audit, outbox
from milobot.services.base import Service
from milobot.services.context import Identity, require_admin
from milobot.services.erasure import _mentions, address_hash, parse_email

EXPORT_KIND = "privacy.export"  # outbox: {user, email} -> ZIP to the admin's DM


def _row(obj: Any, skip: tuple[str, ...] = ()) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for column in obj.__table__.columns:
        if column.key in skip:
            continue
        value = getattr(obj, column.key)
        out[column.key] = value.isoformat() if isinstance(value, datetime) else value
    return out


@dataclass
class PersonData:
    address: str
    record: dict[str, Any]
    files: list[tuple[str, Path]] = field(default_factory=list)  # (name in the ZIP, path on disk)

    @property
    def candidates(self) -> int:
        return len(self.record["candidates"])


async def gather(session: AsyncSession, workspace_id: int, address: str) -> PersonData:
    """Every row about the address, the internal tokens left out (they are credentials, not data)."""
    person = PersonData(address, {"email": address, "candidates": [], "import_drafts": []})
    candidates = (
        await session.scalars(
            select(Candidate)
            .where(Candidate.workspace_id == workspace_id, Candidate.email_normalized == address)
            .order_by(Candidate.id)
        )
    ).all()
    for c in candidates:
        agent = await session.get(Agent, c.agent_id)
        entry = _row(c, skip=("token", "search_text", "report_epoch"))
        entry["agent"] = agent.name if agent else None
        if c.resume_path:
            name = f"candidate-{c.id}/resume{Path(c.source_file or c.resume_path).suffix}"
            person.files.append((name, Path(c.resume_path)))
        entry["interviews"] = []
        for i in (
            await session.scalars(
                select(Interview).where(
                    Interview.workspace_id == workspace_id, Interview.candidate_id == c.id
                )
            )
        ).all():
            item = _row(i, skip=("external_digest", "card_claimed_until"))
            item["answers"] = [
                _row(a)
                for a in (
                    await session.scalars(
                        select(Answer).where(Answer.interview_id == i.id).order_by(Answer.question_index)
                    )
                ).all()
            ]
            item["integrity_signals"] = [
                _row(s)
                for s in (
                    await session.scalars(select(IntegritySignal).where(IntegritySignal.interview_id == i.id))
                ).all()
            ]
            item["recordings"] = []
            for r in (await session.scalars(select(Recording).where(Recording.interview_id == i.id))).all():
                name = f"candidate-{c.id}/interview-{i.id}-{r.kind}{Path(r.path).suffix}"
                item["recordings"].append({"kind": r.kind, "size": r.size, "file": name})
                person.files.append((name, Path(r.path)))
            entry["interviews"].append(item)
        for key, model in (
            ("ratings", Rating),
            ("notes", Note),
            ("decisions", CandidateDecision),
            ("nudges", Nudge),
        ):
            entry[key] = [
                _row(x)
                for x in (
                    await session.scalars(
                        select(model).where(model.workspace_id == workspace_id, model.candidate_id == c.id)
                    )
                ).all()
            ]
        person.record["candidates"].append(entry)
    drafts = (
        await session.scalars(
            select(IngestionDraft).where(
                IngestionDraft.workspace_id == workspace_id, _mentions(IngestionDraft.profile, address)
            )
        )
    ).all()
    person.record["import_drafts"] = [_row(d) for d in drafts]
    return person


def write_zip(person: PersonData, target: Path) -> int:
    """Blocking: run in a worker thread. Returns the ZIP's size."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("person.json", json.dumps(person.record, indent=2, ensure_ascii=False, default=str))
        for name, path in person.files:
            if not path.is_file():  # a row whose file is gone: person.json still lists it
                continue
            zf.write(
                path, arcname=name, compress_type=zipfile.ZIP_STORED
            )  # recordings are compressed already
    return target.stat().st_size


class PrivacyExportService(Service):
    async def queue(self, *, identity: Identity, email: str) -> None:
        address = parse_email(email.replace("/milo export", "").strip())
        async with self.acting(identity) as (session, actor):
            require_admin(actor)
            outbox.enqueue(
                session,
                workspace_id=actor.workspace_id,
                kind=EXPORT_KIND,
                payload={"user": actor.user_id, "email": address},
            )
            audit.record(
                session, actor, "person.export", address_sha256=address_hash(self.deps.secret_key, address)
            )

    async def gather(self, *, workspace_id: int, email: str) -> PersonData:
        async with self.unit() as session:
            return await gather(session, workspace_id, parse_email(email))
