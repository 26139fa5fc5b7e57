"""Creating candidate rows and spotting likely duplicates: shared by manual entry, the shared interview
link, the inbound API and ingestion, so every path normalises and tokenises the same way."""

from __future__ import annotations

import functools
import secrets
from dataclasses import dataclass
from typing import Any

import phonenumbers
from rapidfuzz import fuzz
from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from milobot.db.models import Candidate

NAME_SIMILARITY = 90  # token_sort_ratio at or above this, within one agent, is "a close name"


def new_token() -> str:
    """A personal link token: unguessable, URL-safe, short enough to print."""
    return secrets.token_urlsafe(16)


def normalise_email(email: str | None) -> str | None:
    if not email:
        return None
    email = email.strip().lower()
    return email or None


def normalise_phone(phone: str | None, *, region: str = "US") -> str | None:
    """E.164, or None when it isn't a plausible number."""
    if not phone:
        return None
    return _normalise_phone(phone, region)


@functools.lru_cache(maxsize=4096)
def _normalise_phone(phone: str, region: str) -> str | None:
    # Cached: duplicate checks normalise every draft's and every candidate's phone, again on each
    # decision, and phonenumbers.parse is ~50 µs a call.
    try:
        parsed = phonenumbers.parse(phone, None if phone.strip().startswith("+") else region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(parsed):
        return None
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def new_candidate(
    session: AsyncSession,
    *,
    workspace_id: int,
    agent_id: int,
    name: str,
    email: str | None = None,
    phone: str | None = None,
    source: str = "manual",
    **fields: Any,
) -> Candidate:
    candidate = Candidate(
        workspace_id=workspace_id,
        agent_id=agent_id,
        name=(name or "").strip() or (email or "Unnamed candidate"),
        email=email.strip() if email else None,
        email_normalized=normalise_email(email),
        phone=normalise_phone(phone),
        source=source,
        token=new_token(),
        links=fields.pop("links", None) or [],
        skills=fields.pop("skills", None) or [],
        education=fields.pop("education", None) or [],
        **fields,
    )
    session.add(candidate)
    return candidate


@dataclass(frozen=True)
class DuplicateMatch:
    candidate_id: int
    name: str
    reason: str  # "same e-mail" | "same phone" | "similar name"


async def find_duplicates(
    session: AsyncSession,
    *,
    workspace_id: int,
    agent_id: int,
    name: str | None,
    email: str | None,
    phone: str | None,
) -> list[DuplicateMatch]:
    """Likely duplicates in the same agent: same normalised e-mail or phone, or a close name.
    Flagged for a person to decide, never merged."""
    email_n, phone_n = normalise_email(email), phone
    matches: list[DuplicateMatch] = []
    conditions = []
    if email_n:
        conditions.append(Candidate.email_normalized == email_n)
    if phone_n:
        conditions.append(Candidate.phone == phone_n)
    if conditions:
        rows = (
            await session.scalars(
                select(Candidate).where(
                    Candidate.workspace_id == workspace_id, Candidate.agent_id == agent_id, or_(*conditions)
                )
            )
        ).all()
        for c in rows:
            reason = "same e-mail" if email_n and c.email_normalized == email_n else "same phone"
            matches.append(DuplicateMatch(c.id, c.name, reason))
    if name and not matches:
        names = (
            await session.execute(
                select(Candidate.id, Candidate.name).where(
                    Candidate.workspace_id == workspace_id, Candidate.agent_id == agent_id
                )
            )
        ).all()
        for cid, other in names:
            if fuzz.token_sort_ratio(name.lower(), (other or "").lower()) >= NAME_SIMILARITY:
                matches.append(DuplicateMatch(cid, other, "similar name"))
                break
    return matches
