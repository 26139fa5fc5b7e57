"""Candidates. Manual entry (SPEC step 2): one line per person, each gets a personal interview link and,
when SMTP is configured, an invitation e-mail through the outbox. Other features add functions here."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sqlalchemy import select

from milobot.db.models import Agent, Candidate
from milobot.errors import Invalid, NotFound
from milobot.services import audit, email_failures, emails, outbox, webhook_events
from milobot.services.base import Service
from milobot.services.candidate_records import new_candidate, normalise_email, normalise_phone
from milobot.services.context import Identity, require_admin
from milobot.services.sharing import interview_link

MAX_LINES = 100  # one modal's worth; bigger lists go through file ingestion (DM a CSV)
ARCHIVED = "That agent is archived; unarchive it before adding candidates."
_EMAIL = re.compile(
    r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$"
)
TWO_PEOPLE = "that looks like more than one address: one candidate per line, `Name, email[, phone]`"
_ADDRESS_IN = re.compile(r"[^\s<>,;@]+@[^\s<>,;@]+\.[^\s<>,;@]+")
_ANGLE = re.compile(r"^(?P<name>.*)<(?P<email>[^<>]+)>\s*(?:[,;]\s*(?P<phone>.*))?$")


def valid_email(email: str) -> bool:
    email = email.strip()
    if len(email) > 254 or ".." in email:
        return False
    local, _, domain = email.rpartition("@")
    return bool(_EMAIL.match(email)) and len(local) <= 64 and "." in domain


@dataclass(frozen=True)
class ParsedLine:
    line_no: int
    raw: str
    name: str = ""
    email: str | None = None
    phone: str | None = None
    error: str | None = None


def parse_line(line_no: int, raw: str) -> ParsedLine:
    """`Name, email[, phone]` or `Name <email>[, phone]`."""
    text = raw.strip()
    m = _ANGLE.match(text)
    if m:
        name, email, phone = (
            m.group("name").strip().strip(",").strip(),
            m.group("email").strip(),
            m.group("phone"),
        )
    else:
        parts = [p.strip() for p in re.split(r"[,;\t]", text)]
        if len(parts) < 2:
            return ParsedLine(line_no, raw, error="expected `Name, email[, phone]`")
        name, email = parts[0], parts[1]
        phone = ", ".join(p for p in parts[2:] if p) or None
    phone = (phone or "").strip() or None
    if _ADDRESS_IN.search(name) or (phone and "@" in phone):
        # Two addresses on one line (a mail client's To: line, a comma list): never one person named
        # after the other's address.
        return ParsedLine(line_no, raw, error=TWO_PEOPLE)
    if not name:
        return ParsedLine(line_no, raw, error="the name is missing")
    if not valid_email(email):
        return ParsedLine(line_no, raw, name=name, error=f"`{email}` isn't a valid e-mail address")
    e164 = None
    if phone:
        e164 = normalise_phone(phone)
        if e164 is None:
            return ParsedLine(
                line_no,
                raw,
                name=name,
                email=email,
                error=f"`{phone}` isn't a valid phone number (use +country code for non-US numbers)",
            )
    return ParsedLine(line_no, raw, name=name[:300], email=email, phone=e164)


@dataclass(frozen=True)
class AddedCandidate:
    line_no: int
    candidate_id: int
    name: str
    email: str
    link: str
    invited: bool


@dataclass(frozen=True)
class RefusedLine:
    line_no: int
    raw: str
    reason: str


@dataclass(frozen=True)
class AddCandidatesResult:
    agent_id: int
    agent_name: str
    added: list[AddedCandidate] = field(default_factory=list)
    refused: list[RefusedLine] = field(default_factory=list)
    mail_enabled: bool = False


class CandidateService(Service):
    async def add_manual(self, *, identity: Identity, agent_id: int, text: str | None) -> AddCandidatesResult:
        """Each valid line becomes a candidate; a bad or duplicate line is refused with its reason and
        the others still go through."""
        lines = [(i, raw) for i, raw in enumerate((text or "").splitlines(), start=1) if raw.strip()]
        if not lines:
            raise Invalid(
                "Add at least one candidate: one per line, `Name, email[, phone]`.", field="candidates"
            )
        if len(lines) > MAX_LINES:
            raise Invalid(
                f"At most {MAX_LINES} lines at a time; DM me a CSV for bigger lists.", field="candidates"
            )
        async with self.acting(identity) as (session, actor):
            require_admin(actor)
            agent = await session.scalar(
                select(Agent).where(Agent.id == agent_id, Agent.workspace_id == actor.workspace_id)
            )
            if agent is None:
                raise NotFound("That interview agent doesn't exist here (it may have been deleted).")
            if agent.status == "archived":
                raise Invalid(ARCHIVED, field="candidates")
            parsed = [parse_line(i, raw) for i, raw in lines]
            wanted = {normalise_email(p.email) for p in parsed if p.email and not p.error}
            existing = (
                {
                    e: n
                    for e, n in (
                        await session.execute(
                            select(Candidate.email_normalized, Candidate.name).where(
                                Candidate.workspace_id == actor.workspace_id,
                                Candidate.agent_id == agent.id,
                                Candidate.email_normalized.in_(wanted),
                            )
                        )
                    ).all()
                }
                if wanted
                else {}
            )
            added: list[AddedCandidate] = []
            refused: list[RefusedLine] = []
            for p in parsed:
                if p.error or p.email is None:  # parse_line gives every line it accepts an address
                    refused.append(RefusedLine(p.line_no, p.raw, p.error or "the e-mail address is missing"))
                    continue
                key = normalise_email(p.email)
                if key in existing:
                    refused.append(
                        RefusedLine(
                            p.line_no,
                            p.raw,
                            f"{p.email} is already a candidate for this agent ({existing[key]})",
                        )
                    )
                    continue
                candidate = new_candidate(
                    session,
                    workspace_id=actor.workspace_id,
                    agent_id=agent.id,
                    name=p.name,
                    email=p.email,
                    phone=p.phone,
                    source="manual",
                )
                existing[key] = p.name  # a repeat later in the same paste is a duplicate too
                await session.flush()
                await webhook_events.candidate_created(session, candidate)
                link = interview_link(self.deps.public_url, candidate.token)
                email = candidate.email or p.email  # the same address (new_candidate strips it)
                if self.deps.mail_enabled:
                    mail = emails.invitation(
                        to=email,
                        name=candidate.name,
                        agent_name=agent.name,
                        role=agent.role_title,
                        location=agent.location,
                        link=link,
                    )
                    outbox.enqueue(
                        session,
                        workspace_id=actor.workspace_id,
                        kind=outbox.EMAIL,
                        payload={
                            **mail.payload(),
                            "about": email_failures.about(
                                candidate_id=candidate.id,
                                email=email_failures.INVITATION,
                                sent_by=actor.user_id,
                            ),
                        },
                        dedupe_key=f"invite:{candidate.id}",
                    )
                added.append(
                    AddedCandidate(
                        p.line_no, candidate.id, candidate.name, email, link, self.deps.mail_enabled
                    )
                )
            if added:
                audit.record(
                    session,
                    actor,
                    "candidates.add",
                    target_type="agent",
                    target_id=agent.id,
                    added=len(added),
                    refused=len(refused),
                )
            return AddCandidatesResult(agent.id, agent.name, added, refused, self.deps.mail_enabled)
