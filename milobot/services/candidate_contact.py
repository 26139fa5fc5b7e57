"""Edit contact (admins, from the profile): a candidate's name, e-mail and phone corrected after they
were added, e.g. when an invitation bounced. Checked the way Add Candidates checks a line (valid_email,
normalise_phone to E.164); an address another candidate of the same agent already has is refused. The
audit line keeps the name from/to, and addresses and phones only as keyed hashes (erasure.address_hash),
so the log never holds an address the candidate no longer has."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from milobot.db.models import Candidate
from milobot.errors import Invalid
from milobot.services import audit
from milobot.services.base import Service
from milobot.services.candidate_access import candidate_in, refresh_cards, retry_when_locked
from milobot.services.candidate_records import normalise_email, normalise_phone
from milobot.services.candidates import valid_email
from milobot.services.context import Identity, require_admin
from milobot.services.erasure import address_hash

MAX_NAME = 300
EDIT_ACTION = "candidate.contact_edit"


@dataclass(frozen=True)
class Contact:
    candidate_id: int
    name: str
    email: str | None
    phone: str | None
    changed: tuple[str, ...] = ()  # the fields a save changed: name, email, phone


def _contact(candidate: Candidate, changed: tuple[str, ...] = ()) -> Contact:
    return Contact(candidate.id, candidate.name, candidate.email, candidate.phone, changed)


class ContactService(Service):
    async def for_edit(self, *, identity: Identity, candidate_id: int) -> Contact:
        """Checked before the form opens, so a viewer or a stranger's id is refused at once."""
        async with self.acting(identity) as (session, actor):
            require_admin(actor)
            return _contact(await candidate_in(session, actor, candidate_id=candidate_id))

    @retry_when_locked
    async def update(
        self,
        *,
        identity: Identity,
        candidate_id: int,
        name: str | None,
        email: str | None,
        phone: str | None,
    ) -> Contact:
        name = " ".join((name or "").split())
        email = (email or "").strip() or None
        phone = (phone or "").strip() or None
        if not name:
            raise Invalid("The name is missing.", field="name")
        if email is not None and not valid_email(email):
            raise Invalid(f"`{email}` isn't a valid e-mail address.", field="email")
        e164 = normalise_phone(phone) if phone else None
        if phone and e164 is None:
            raise Invalid(
                f"`{phone}` isn't a valid phone number (use +country code for non-US numbers).", field="phone"
            )
        async with self.acting(identity) as (session, actor):
            require_admin(actor)
            candidate = await candidate_in(session, actor, candidate_id=candidate_id, lock=True)
            key = normalise_email(email)
            if key is not None and key != candidate.email_normalized:
                other = await session.scalar(
                    select(Candidate.name).where(
                        Candidate.workspace_id == actor.workspace_id,
                        Candidate.agent_id == candidate.agent_id,
                        Candidate.email_normalized == key,
                        Candidate.id != candidate.id,
                    )
                )
                if other is not None:
                    raise Invalid(f"{email} is already a candidate for this agent ({other}).", field="email")
            name = name[:MAX_NAME]
            changed = tuple(
                f
                for f, old, new in (
                    ("name", candidate.name, name),
                    ("email", candidate.email, email),
                    ("phone", candidate.phone, e164),
                )
                if old != new
            )
            if not changed:
                return _contact(candidate)
            secret = self.deps.secret_key

            def hashed(value: str | None) -> str | None:
                return address_hash(secret, value) if value else None

            detail: dict[str, object] = {"changed": list(changed)}
            if "name" in changed:
                detail["name_from"], detail["name_to"] = candidate.name, name
            if "email" in changed:
                detail["email_from_sha256"] = hashed(candidate.email_normalized)
                detail["email_to_sha256"] = hashed(key)
            if "phone" in changed:
                detail["phone_from_sha256"] = hashed(candidate.phone)
                detail["phone_to_sha256"] = hashed(e164)
            audit.record(
                session, actor, EDIT_ACTION, target_type="candidate", target_id=candidate.id, **detail
            )
            # The ORM hook (db/models.py) folds the new name and address into search_text on flush.
            candidate.name, candidate.email, candidate.email_normalized = name, email, key
            candidate.phone = e164
            if "name" in changed:
                await refresh_cards(session, candidate)
            return _contact(candidate, changed)
