"""Duplicate flags for a batch of drafts, computed in memory.

`candidate_records.find_duplicates` answers for one profile with two queries; a 200-résumé ZIP would
make that 400 round trips holding the write lock. Here the agent's candidates are loaded once and every
pending draft is checked against them and against the earlier drafts of the same batch, with the same
rules: same normalised e-mail, same E.164 phone, or a name at or above NAME_SIMILARITY."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from milobot.db.models import Candidate, IngestionDraft
from milobot.services.candidate_records import NAME_SIMILARITY, normalise_email, normalise_phone


@dataclass(frozen=True)
class Known:
    """Someone a draft could duplicate: an existing candidate or an earlier draft of the batch."""

    name: str
    email: str | None
    phone: str | None
    where: str  # "already a candidate of Backend" | "in this import (cv.pdf)"


def keys_of(profile: dict) -> tuple[str | None, str | None, str | None]:
    name = (profile.get("name") or "").strip() or None
    return name, normalise_email(profile.get("email")), normalise_phone(profile.get("phone"))


def reason_for(profile: dict, known: Sequence[Known]) -> str | None:
    name, email, phone = keys_of(profile)
    for k in known:
        if email and k.email == email:
            return f"same e-mail as {k.name}, {k.where}"
    for k in known:
        if phone and k.phone == phone:
            return f"same phone as {k.name}, {k.where}"
    if name and known:
        choices = [k.name.lower() for k in known]
        best = process.extractOne(
            name.lower(), choices, scorer=fuzz.token_sort_ratio, score_cutoff=NAME_SIMILARITY
        )
        if best is not None:
            k = known[best[2]]
            return f"similar name to {k.name}, {k.where}"
    return None


async def agent_known(
    session: AsyncSession, *, workspace_id: int, agent_id: int | None, agent_name: str
) -> list[Known]:
    if agent_id is None:
        return []
    rows = (
        await session.execute(
            select(Candidate.name, Candidate.email_normalized, Candidate.phone).where(
                Candidate.workspace_id == workspace_id, Candidate.agent_id == agent_id
            )
        )
    ).all()
    where = f"already a candidate of {agent_name}"
    return [Known(n or "", e, p, where) for n, e, p in rows]


def known_draft(profile: dict) -> Known | None:
    name, email, phone = keys_of(profile or {})
    if not (name or email or phone):
        return None
    source = (profile or {}).get("source_file") or "another file"
    return Known(name or email or phone or "", email, phone, f"in this import ({source})")


def reflag(drafts: Iterable[IngestionDraft], existing: list[Known]) -> int:
    """Recompute `duplicate_reason` of every pending draft (in id order). Approved and discarded drafts
    keep theirs; an approved draft is an existing candidate by now, a discarded one is out of the way.
    Returns how many pending drafts are flagged."""
    earlier: list[Known] = []
    flagged = 0
    for draft in sorted(drafts, key=lambda d: d.id):
        if draft.status == "discarded":
            continue
        if draft.status == "pending":
            reason = reason_for(draft.profile or {}, existing + earlier)
            if draft.duplicate_reason != reason:
                draft.duplicate_reason = reason
            flagged += reason is not None
        known = known_draft(draft.profile or {})
        if draft.status == "pending" and known is not None:
            earlier.append(known)
    return flagged
