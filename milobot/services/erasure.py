"""Erasing a person (GDPR Art. 17): everything milobot holds about one e-mail address in one workspace.

Used by `/milo forget`, the inbound API's `DELETE /api/v1/candidates?email=` and the retention job. In one
transaction it deletes the candidates (every agent) with their interviews, answers, scores, ratings,
notes, integrity signals, recordings, decisions, nudges and file rows; import drafts and outbox rows,
webhook deliveries and ATS events that carry the address or name those candidates; and every earlier
audit line about them. It enqueues a chat.update of each message the bot posted about them (cards,
notices, review messages re-rendered) to an "erased" placeholder and a files.delete of each file the bot
uploaded that shows them: report PDFs and personal data exports (their outbox rows' results), Package ZIPs
with them inside (report_packages) and candidate list CSV exports that listed them (candidate_exports,
services/csv_exports.py). An upload can't be edited, so one erased person in it takes the whole file, in
this workspace only. One still being built or uploaded is deleted when it lands: a CSV export is marked
(csv_exports.withdraw), a package finds someone inside gone when it records its upload
(report_packages.finish), and a delivery whose outbox row was deleted meanwhile deletes what it uploaded
(jobs/outbox.py). Each side writes the shared row before reading it, so on PostgreSQL the second waits
for the first's commit and sees it. It writes one audit line: who, when,
and a salted hash of the address (so a later request can be matched to it, while the log itself names
no one). Report and file links stop working on their own: both look the candidate up on every open.

Files are unlinked after the commit, off the event loop, a batch at a time: erasing 500 MB of recordings
must not stall other people's slash commands. A crash between the commit and the unlink leaves files no
row names; the data folder's bytes are then orphaned, never served (file links check the row first).

The address is matched as text inside JSON columns (`icontains` on the column cast to text), as written
and as json.dumps escapes it (a non-ASCII address is stored as \\uXXXX escapes; see `_mentions`)."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, Text, cast, delete, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from milobot.db.models import (
    Answer,
    AtsInboundEvent,
    AtsNotice,
    AtsSync,
    AuditEntry,
    Candidate,
    CandidateDecision,
    IngestionDraft,
    IngestionFile,
    IntegritySignal,
    Interview,
    Note,
    Nudge,
    OutboxMessage,
    Rating,
    Recording,
    ReportPackage,
    StoredFile,
    WebhookDelivery,
)
from milobot.errors import Invalid
from milobot.services import csv_exports, outbox
from milobot.services.ats_sync import NOTICE, POSTING
from milobot.services.base import Service
from milobot.services.candidate_records import normalise_email
from milobot.services.context import Identity, require_admin
from milobot.services.ingestion_model import REVIEW_RENDER

_PURPOSE = b"milobot erasure v1"
_EMAIL = re.compile(r"^[^@\s<>|]{1,200}@[^@\s<>|]{1,200}\.[^@\s<>|]{1,60}$")
_MAILTO = re.compile(r"^<mailto:([^|>]+)(?:\|[^>]*)?>$")
UNLINK_BATCH = 1  # files per worker-thread hop: the loop turns between files (see bench/forget.py)
_SHRINK_STEP = 1024 * 1024
ERASED_TEXT = "Candidate details erased."
ERASE_ACTION = "candidate.erase"
# Kinds whose delivered row names a Slack message (result channel + ts) that may show the person.
_POSTED_KINDS = (outbox.SLACK_POST, outbox.SLACK_DM)


def parse_email(raw: str | None) -> str:
    """The address from a command or query: Slack sends a typed address as `<mailto:a@b.c|a@b.c>`."""
    text = (raw or "").strip()
    found = _MAILTO.match(text)
    if found:
        text = found.group(1).strip()
    text = text.removeprefix("mailto:")
    address = normalise_email(text)
    if not address or not _EMAIL.match(address):
        raise Invalid("Give an e-mail address, e.g. `/milo forget jane@example.com`.")
    return address


def address_hash(secret_key: str, address: str) -> str:
    """HMAC-SHA256 of the normalised address, keyed from MILOBOT_SECRET_KEY with a purpose label: the
    same address always gives the same hash (a repeat request can be matched), and no table of known
    addresses can be hashed to reverse it without the key."""
    key = hmac.new(secret_key.encode(), _PURPOSE, hashlib.sha256).digest()
    return hmac.new(key, address.encode(), hashlib.sha256).hexdigest()


def erased_blocks() -> list[dict[str, Any]]:
    return [{"type": "section", "text": {"type": "mrkdwn", "text": f":wastebasket: _{ERASED_TEXT}_"}}]


@dataclass(frozen=True)
class ErasurePlan:
    """What an erasure would touch, counted before anyone confirms it."""

    candidates: int
    interviews: int
    files: int
    messages: int
    drafts: int
    queued: int = 0  # outbox rows about them (e-mails, exports, webhooks not yet sent)
    slack_files: int = 0  # files the bot uploaded to Slack that show them, deleted with them

    @property
    def known(self) -> bool:
        return bool(self.candidates or self.drafts or self.queued)


@dataclass
class _Found:
    candidate_ids: list[int] = field(default_factory=list)
    interview_ids: list[int] = field(default_factory=list)
    cards: list[tuple[str, str]] = field(default_factory=list)  # (channel, ts)
    paths: set[str] = field(default_factory=set)
    drafts: list[IngestionDraft] = field(default_factory=list)
    posted: list[OutboxMessage] = field(default_factory=list)  # delivered posts about them
    outbox_ids: list[int] = field(default_factory=list)
    answer_ids: list[int] = field(default_factory=list)
    sync_ids: list[int] = field(default_factory=list)
    slack_files: set[str] = field(
        default_factory=set
    )  # uploads that show them: report PDFs, packages, data exports, list CSVs
    csv_exports: list[int] = field(default_factory=list)  # candidate list exports that listed them

    def plan(self) -> ErasurePlan:
        return ErasurePlan(
            candidates=len(self.candidate_ids),
            interviews=len(self.interview_ids),
            files=len(self.paths),
            messages=len(self.cards) + len(self.posted),
            drafts=len(self.drafts),
            queued=len(self.outbox_ids),
            slack_files=len(self.slack_files),
        )


@dataclass(frozen=True)
class ErasureResult:
    plan: ErasurePlan
    files_removed: int


def _mentions(column: Any, address: str) -> Any:
    """Whether a JSON column's text holds the address. json.dumps (SQLAlchemy's JSON serialiser, on both
    databases) writes ASCII as itself but any other character as an escape: "anaïs@b.c" is stored as
    "ana\\u00efs@b.c". An address need not be ASCII (RFC 6531), so both spellings are looked for."""
    text = cast(column, Text)
    spellings = dict.fromkeys((address, json.dumps(address)[1:-1]))
    return or_(*(text.icontains(spelling, autoescape=True) for spelling in spellings))


def _names_ids(payload: Any, keys: Iterable[str], ids: set[int]) -> bool:
    """Whether a JSON payload names one of `ids` under one of `keys`, anywhere inside it."""
    if isinstance(payload, dict):
        for key, value in payload.items():
            if key in keys and isinstance(value, int) and value in ids:
                return True
            if (
                key in keys
                and isinstance(value, list)
                and ids.intersection(v for v in value if isinstance(v, int))
            ):
                return True
            if _names_ids(value, keys, ids):
                return True
    elif isinstance(payload, list):
        return any(_names_ids(v, keys, ids) for v in payload)
    return False


async def _find(
    session: AsyncSession, workspace_id: int, address: str | None, candidate_ids: Sequence[int]
) -> _Found:
    """Everything of one workspace about an address (or about given candidates, for retention)."""
    found = _Found()
    query = select(Candidate.id, Candidate.resume_path).where(Candidate.workspace_id == workspace_id)
    if address is not None:
        query = query.where(Candidate.email_normalized == address)
    else:
        query = query.where(Candidate.id.in_(list(candidate_ids) or [-1]))
    for cid, resume in (await session.execute(query)).all():
        found.candidate_ids.append(cid)
        if resume:
            found.paths.add(resume)
    cids = found.candidate_ids or [-1]
    for iid, channel, ts in (
        await session.execute(
            select(Interview.id, Interview.card_channel, Interview.card_ts).where(
                Interview.workspace_id == workspace_id, Interview.candidate_id.in_(cids)
            )
        )
    ).all():
        found.interview_ids.append(iid)
        if ts and channel:
            found.cards.append((channel, ts))
    iids = found.interview_ids or [-1]
    found.paths.update(
        (
            await session.scalars(
                select(Recording.path).where(
                    Recording.workspace_id == workspace_id, Recording.interview_id.in_(iids)
                )
            )
        ).all()
    )
    found.paths.update(
        (
            await session.scalars(
                select(StoredFile.path).where(
                    StoredFile.workspace_id == workspace_id, StoredFile.candidate_id.in_(cids)
                )
            )
        ).all()
    )
    found.answer_ids = list(
        (
            await session.scalars(
                select(Answer.id).where(Answer.workspace_id == workspace_id, Answer.interview_id.in_(iids))
            )
        ).all()
    )
    found.sync_ids = list(
        (
            await session.scalars(
                select(AtsSync.id).where(AtsSync.workspace_id == workspace_id, AtsSync.candidate_id.in_(cids))
            )
        ).all()
    )
    draft_match: ColumnElement[bool] = IngestionDraft.candidate_id.in_(cids)
    if address is not None:
        draft_match = or_(draft_match, _mentions(IngestionDraft.profile, address))
    found.drafts = list(
        (
            await session.scalars(
                select(IngestionDraft).where(IngestionDraft.workspace_id == workspace_id, draft_match)
            )
        ).all()
    )
    upload_ids = sorted({d.file_id for d in found.drafts if d.file_id})
    if upload_ids:  # the uploaded résumé a draft came from carries the address too
        found.paths.update(
            p
            for p in (
                await session.scalars(
                    select(IngestionFile.stored_path).where(
                        IngestionFile.workspace_id == workspace_id, IngestionFile.id.in_(upload_ids)
                    )
                )
            ).all()
            if p
        )
    # Outbox rows: those carrying the address, and those naming the candidates or interviews by id.
    cid_set, iid_set = set(found.candidate_ids), set(found.interview_ids)
    text = cast(OutboxMessage.payload, Text)
    match = [_mentions(OutboxMessage.payload, address)] if address is not None else []
    match += [text.contains(f'"candidate_id": {i}') for i in cid_set]
    match += [text.contains(f'"interview_id": {i}') for i in iid_set]
    if cid_set:
        match.append(text.contains('"candidate_ids"'))
    if match:
        for row in (
            await session.scalars(
                select(OutboxMessage).where(OutboxMessage.workspace_id == workspace_id, or_(*match))
            )
        ).all():
            by_text = address is not None and address in str(row.payload).lower()
            by_id = _names_ids(row.payload, ("candidate_id", "candidate_ids"), cid_set) or _names_ids(
                row.payload, ("interview_id",), iid_set
            )
            if not (by_text or by_id):
                continue
            found.outbox_ids.append(row.id)
            result = row.result or {}
            found.slack_files.update(str(f) for f in result.get("slack_files") or [] if f)
            if (
                row.kind in _POSTED_KINDS
                and row.status == "done"
                and result.get("channel")
                and result.get("ts")
            ):
                found.posted.append(row)
    if cid_set:  # a package ZIP cannot be edited: one erased person inside means the whole upload goes
        for package_ids, detail in (
            await session.execute(
                select(ReportPackage.candidate_ids, ReportPackage.detail).where(
                    ReportPackage.workspace_id == workspace_id
                )
            )
        ).all():
            uploaded = (detail or {}).get("slack_file_id")
            if uploaded and cid_set.intersection(package_ids or []):
                found.slack_files.add(str(uploaded))
    found.csv_exports, listed_in = await csv_exports.listing(session, workspace_id, found.candidate_ids)
    found.slack_files.update(listed_in)
    return found


class ErasureService(Service):
    # ------------------------------------------------------------------ callers

    async def preview(self, *, identity: Identity, email: str) -> tuple[str, ErasurePlan, int]:
        """The address as understood, what erasing it would touch, and the workspace it was counted in."""
        address = parse_email(email)
        async with self.acting(identity) as (session, actor):
            require_admin(actor)
            found = await _find(session, actor.workspace_id, address, ())
        return address, found.plan(), actor.workspace_id

    async def forget(
        self, *, identity: Identity, email: str, workspace_id: int | None = None
    ) -> ErasureResult:
        """`workspace_id`: the workspace the confirmation was shown for; a confirmation naming another
        workspace than the caller's is refused (a forged or replayed submission)."""
        address = parse_email(email)
        async with self.acting(identity) as (session, actor):
            require_admin(actor)
            if workspace_id is not None and workspace_id != actor.workspace_id:
                raise Invalid("That confirmation is not for this workspace; nothing was erased.")
            found, paths = await self._erase(
                session, actor.workspace_id, address, (), actor.user_id, "forget"
            )
        return ErasureResult(found.plan(), await self.remove_files(paths))

    async def forget_by_api(self, *, workspace_id: int, email: str, key_prefix: str) -> ErasureResult:
        address = parse_email(email)
        async with self.unit() as session:
            found, paths = await self._erase(session, workspace_id, address, (), f"api:{key_prefix}", "api")
        return ErasureResult(found.plan(), await self.remove_files(paths))

    async def erase_candidates(
        self, *, workspace_id: int, candidate_ids: Sequence[int], reason: str
    ) -> ErasureResult:
        """For retention: the candidates by id, with what carries their addresses."""
        async with self.unit() as session:
            addresses = (
                await session.scalars(
                    select(Candidate.email_normalized).where(
                        Candidate.workspace_id == workspace_id,
                        Candidate.id.in_(list(candidate_ids) or [-1]),
                        Candidate.email_normalized.is_not(None),
                    )
                )
            ).all()
            found, paths = await self._erase(session, workspace_id, None, candidate_ids, None, reason)
            for address in sorted(
                {a for a in addresses if a}
            ):  # other agents' rows and drafts with the same address
                more, more_paths = await self._erase(
                    session, workspace_id, address, (), None, reason, audit=False
                )
                found.candidate_ids += more.candidate_ids
                found.interview_ids += more.interview_ids
                found.slack_files |= more.slack_files
                paths += more_paths
        return ErasureResult(found.plan(), await self.remove_files(paths))

    # ------------------------------------------------------------------ the work

    async def _erase(
        self,
        session: AsyncSession,
        workspace_id: int,
        address: str | None,
        candidate_ids: Sequence[int],
        actor_id: str | None,
        via: str,
        *,
        audit: bool = True,
    ) -> tuple[_Found, list[str]]:
        found = await _find(session, workspace_id, address, candidate_ids)
        if not found.plan().known:
            return found, []
        cids, iids = found.candidate_ids or [-1], found.interview_ids or [-1]
        ws = workspace_id
        await self._placeholders(session, ws, found)
        # Found again under a lock: an export's, a package's or an outbox delivery's upload may have
        # landed since _find counted (each is written before it is read, here and where it lands).
        found.slack_files.update(await csv_exports.withdraw(session, ws, found.csv_exports))
        found.slack_files.update(await _withdraw_from_packages(session, ws, set(found.candidate_ids)))
        found.slack_files.update(await _delete_outbox_rows(session, ws, found.outbox_ids))
        for file_id in sorted(found.slack_files):
            outbox.enqueue(session, workspace_id=ws, kind=outbox.SLACK_FILE_DELETE, payload={"file": file_id})
        await self._rerender_notices(session, ws, cids)
        batch_ids = sorted({d.batch_id for d in found.drafts})
        file_ids = sorted({d.file_id for d in found.drafts if d.file_id})
        for f in (
            await session.scalars(
                select(IngestionFile).where(
                    IngestionFile.workspace_id == ws, IngestionFile.id.in_(file_ids or [-1])
                )
            )
        ).all():
            # The uploaded résumé carries the address; the row stays (the import's counts) but names nothing.
            if f.stored_path:
                found.paths.add(f.stored_path)
            f.stored_path, f.filename, f.reason = None, "(erased)", None
        draft_ids = [d.id for d in found.drafts] or [-1]
        await session.execute(
            delete(IngestionDraft).where(IngestionDraft.workspace_id == ws, IngestionDraft.id.in_(draft_ids))
        )
        await self._delete_payloads(session, ws, address, set(found.candidate_ids), set(found.interview_ids))
        # Children first, explicitly: the same on SQLite and PostgreSQL whatever the cascade settings.
        for model in (Answer, IntegritySignal, Recording):
            await session.execute(delete(model).where(model.workspace_id == ws, model.interview_id.in_(iids)))
        await session.execute(
            update(AtsSync)
            .where(AtsSync.workspace_id == ws, AtsSync.candidate_id.in_(cids))
            .values(notice_id=None)
        )
        for owned in (Rating, Note, Nudge, CandidateDecision, StoredFile, AtsSync):
            await session.execute(delete(owned).where(owned.workspace_id == ws, owned.candidate_id.in_(cids)))
        await session.execute(delete(Interview).where(Interview.workspace_id == ws, Interview.id.in_(iids)))
        await session.execute(
            update(IngestionDraft)
            .where(IngestionDraft.workspace_id == ws, IngestionDraft.candidate_id.in_(cids))
            .values(candidate_id=None)
        )
        await session.execute(delete(Candidate).where(Candidate.workspace_id == ws, Candidate.id.in_(cids)))
        await self._scrub_audit(session, ws, address, found)
        for batch_id in batch_ids:  # the import's review message shows its drafts: render it without them
            outbox.enqueue(
                session,
                workspace_id=ws,
                kind=REVIEW_RENDER,
                payload={"batch_id": batch_id},
                ordering_key=f"{ws}:review:{batch_id}",
            )
        if audit:
            session.add(
                AuditEntry(
                    workspace_id=ws,
                    actor_id=actor_id if actor_id and len(actor_id) <= 32 else None,
                    action=ERASE_ACTION,
                    detail={
                        "address_sha256": address_hash(self.deps.secret_key, address) if address else None,
                        "via": via,
                    },
                )
            )
        return found, sorted(found.paths)

    async def _placeholders(self, session: AsyncSession, ws: int, found: _Found) -> None:
        targets = list(found.cards) + [
            (str(r.result["channel"]), str(r.result["ts"])) for r in found.posted if r.result
        ]
        for channel, ts in dict.fromkeys(targets):
            outbox.enqueue(
                session,
                workspace_id=ws,
                kind=outbox.SLACK_UPDATE,
                payload={"channel": channel, "ts": ts, "text": ERASED_TEXT, "blocks": erased_blocks()},
            )

    async def _rerender_notices(self, session: AsyncSession, ws: int, cids: list[int]) -> None:
        """An ATS-sync notice lists write-backs: one that listed only them becomes the placeholder, one
        that lists others too is rendered again without their lines."""
        notice_ids = set(
            (
                await session.scalars(
                    select(AtsSync.notice_id).where(
                        AtsSync.workspace_id == ws,
                        AtsSync.candidate_id.in_(cids),
                        AtsSync.notice_id.is_not(None),
                    )
                )
            ).all()
        )
        for notice in (
            await session.scalars(select(AtsNotice).where(AtsNotice.id.in_(list(notice_ids) or [-1])))
        ).all():
            others = await session.scalar(
                select(func.count())
                .select_from(AtsSync)
                .where(AtsSync.notice_id == notice.id, AtsSync.candidate_id.not_in(cids))
            )
            if others:
                notice.queued = True
                outbox.enqueue(session, workspace_id=ws, kind=NOTICE, payload={"notice_id": notice.id})
            elif notice.channel_id and notice.ts and notice.ts != POSTING:
                outbox.enqueue(
                    session,
                    workspace_id=ws,
                    kind=outbox.SLACK_UPDATE,
                    payload={
                        "channel": notice.channel_id,
                        "ts": notice.ts,
                        "text": ERASED_TEXT,
                        "blocks": erased_blocks(),
                    },
                )

    async def _delete_payloads(
        self, session: AsyncSession, ws: int, address: str | None, cids: set[int], iids: set[int]
    ) -> None:
        """Webhook deliveries (sent or not) and inbound ATS events about them: their bodies carry the
        person; a delivery not yet sent is simply never sent."""
        for model, column in (
            (WebhookDelivery, WebhookDelivery.payload),
            (AtsInboundEvent, AtsInboundEvent.event),
        ):
            match = [_mentions(column, address)] if address else []
            match += [cast(column, Text).contains(f'"id": {i}') for i in cids | iids]
            match += [cast(column, Text).contains(f'"candidate_id": {i}') for i in cids]
            if not match:
                continue
            doomed = []
            for row_id, body in (
                await session.execute(select(model.id, column).where(model.workspace_id == ws, or_(*match)))
            ).all():
                text = str(body).lower()
                if (address and address in text) or _names_candidate(body, cids, iids):
                    doomed.append(row_id)
            if doomed:
                await session.execute(delete(model).where(model.workspace_id == ws, model.id.in_(doomed)))

    async def _scrub_audit(self, session: AsyncSession, ws: int, address: str | None, found: _Found) -> None:
        """Earlier audit lines about them go: the log keeps only the erasure's own line."""
        targets = {
            "candidate": found.candidate_ids,
            "interview": found.interview_ids,
            "answer": found.answer_ids,
            "draft": [d.id for d in found.drafts],
            "ats_sync": found.sync_ids,
        }
        about = [
            (AuditEntry.target_type == kind) & AuditEntry.target_id.in_([str(i) for i in ids])
            for kind, ids in targets.items()
            if ids
        ]
        if address:
            about.append(_mentions(AuditEntry.detail, address))
        if about:
            await session.execute(delete(AuditEntry).where(AuditEntry.workspace_id == ws, or_(*about)))

    # ------------------------------------------------------------------ files

    async def remove_files(self, paths: Sequence[str]) -> int:
        """Unlink files inside the data folder, a few per worker-thread hop."""
        root = Path(self.deps.data_dir)
        removed = 0
        for start in range(0, len(paths), UNLINK_BATCH):
            removed += await asyncio.to_thread(_unlink_all, root, paths[start : start + UNLINK_BATCH])
        return removed


async def _withdraw_from_packages(session: AsyncSession, ws: int, cids: set[int]) -> set[str]:
    """Takes them out of every package that holds them; the Slack files of those already uploaded, to
    delete. Each row is written (their ids dropped) before its upload is read: a package whose upload
    lands meanwhile either recorded it first (read here) or waits and finds them gone when it records it
    (services/report_packages.finish deletes it then). Its detail goes: it names who is inside."""
    if not cids:
        return set()
    holding: dict[int, list[int]] = {}
    for package_id, listed in (
        await session.execute(
            select(ReportPackage.id, ReportPackage.candidate_ids).where(ReportPackage.workspace_id == ws)
        )
    ).all():
        if cids.intersection(listed or []):
            holding[package_id] = [c for c in listed if c not in cids]
    for package_id, kept in holding.items():
        await session.execute(
            update(ReportPackage)
            .where(ReportPackage.workspace_id == ws, ReportPackage.id == package_id)
            .values(candidate_ids=kept)
            .execution_options(synchronize_session=False)
        )
    uploaded = {
        str(detail["slack_file_id"])
        for detail in (
            await session.scalars(
                select(ReportPackage.detail).where(
                    ReportPackage.workspace_id == ws, ReportPackage.id.in_(list(holding) or [-1])
                )
            )
        ).all()
        if (detail or {}).get("slack_file_id")
    }
    if holding:
        await session.execute(
            update(ReportPackage)
            .where(ReportPackage.workspace_id == ws, ReportPackage.id.in_(list(holding)))
            .values(detail={})
            .execution_options(synchronize_session=False)
        )
    return uploaded


async def _delete_outbox_rows(session: AsyncSession, ws: int, outbox_ids: Sequence[int]) -> set[str]:
    """Deletes the outbox rows about them; the Slack files their deliveries uploaded (report PDFs, data
    exports). Deleted and read in one statement: a delivery finishing meanwhile either recorded its
    upload first (returned here) or finds its row gone and deletes the upload itself (jobs/outbox.py)."""
    if not outbox_ids:
        return set()
    results = (
        await session.scalars(
            delete(OutboxMessage)
            .where(OutboxMessage.workspace_id == ws, OutboxMessage.id.in_(list(outbox_ids)))
            .returning(OutboxMessage.result)
            .execution_options(synchronize_session=False)
        )
    ).all()
    return {str(f) for result in results for f in (result or {}).get("slack_files") or [] if f}


def _names_candidate(body: Any, cids: set[int], iids: set[int]) -> bool:
    """A webhook body's data.candidate.id / data.interview.id (or an ATS event's candidate_id)."""
    if not isinstance(body, dict):
        return False
    data = body.get("data") if isinstance(body.get("data"), dict) else body
    cand = data.get("candidate") if isinstance(data, dict) else None
    inter = data.get("interview") if isinstance(data, dict) else None
    if isinstance(cand, dict) and cand.get("id") in cids:
        return True
    if isinstance(inter, dict) and inter.get("id") in iids:
        return True
    return _names_ids(body, ("candidate_id",), cids)


def _unlink_all(root: Path, paths: Sequence[str]) -> int:
    removed = 0
    for raw in paths:
        path = Path(raw)
        try:
            path.resolve().relative_to(root.resolve())
        except ValueError:
            continue  # never delete outside milobot's own data folder, whatever a row says
        try:
            _shrink(path)
            os.unlink(path)
            removed += 1
        except FileNotFoundError:
            pass
    return removed


def _shrink(path: Path) -> None:
    """Give a large file's blocks back a few MB at a time before unlinking it: freeing 10 MB of extents
    in one unlink held the filesystem long enough to delay other requests' I/O by 100 ms and more
    (bench/forget.py); small truncations spread that work out."""
    size = path.stat().st_size
    while size > _SHRINK_STEP:
        size -= _SHRINK_STEP
        os.truncate(path, size)
