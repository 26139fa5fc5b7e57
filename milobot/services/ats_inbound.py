"""Calls from the ATS (the other direction): a candidate entered a stage. The vendor's signature is
checked against the connection's secret (Greenhouse: HMAC-SHA256 of the body in `Signature: sha256
<hex>`; Lever: HMAC-SHA256 of token + triggeredAt in the body's `signature`); a verified call is kept once
per delivery and handled by the outbox, which adds the candidate to the agent mapped to that job and
stage and e-mails the invitation. The same delivery twice, or the same person twice, adds one candidate."""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from milobot.ats.client import Person
from milobot.ats.greenhouse import parse_stage_change
from milobot.db.models import (
    Agent,
    AtsAgentLink,
    AtsCandidate,
    AtsConnection,
    AtsInboundEvent,
    AuditEntry,
    Candidate,
)
from milobot.services import email_failures, emails, outbox, webhook_events
from milobot.services.base import Service
from milobot.services.candidate_records import new_candidate, normalise_email
from milobot.services.secrets import Unreadable, unseal
from milobot.services.sharing import interview_link

INBOUND = "ats.inbound"  # outbox: {event_id}


@dataclass(frozen=True)
class Reply:
    status: int
    body: dict[str, Any]


@dataclass(frozen=True)
class InboundJob:
    event_id: int
    kind: str
    api_key: str
    acting_user: str
    event: dict[str, Any]


def greenhouse_signed(secret: str, body: bytes, header: str | None) -> bool:
    algorithm, _, digest = (header or "").strip().partition(" ")
    if algorithm.lower() != "sha256" or not digest:
        return False
    expected = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, digest.strip().lower())


def lever_signed(secret: str, data: dict[str, Any]) -> bool:
    token, at, signature = data.get("token"), data.get("triggeredAt"), data.get("signature")
    if not isinstance(token, str) or at is None or not isinstance(signature, str):
        return False
    expected = hmac.new(secret.encode(), f"{token}{at}".encode(), hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature.strip().lower())


class AtsInboundService(Service):
    async def receive(self, *, kind: str, public_id: str, headers: dict[str, str], body: bytes) -> Reply:
        async with self.unit() as session:
            conn = await session.scalar(
                select(AtsConnection).where(AtsConnection.public_id == public_id, AtsConnection.kind == kind)
            )
            if conn is None or not conn.enabled:
                return Reply(404, {"error": "unknown_connection"})
            try:
                secret = unseal(self.deps.secret_key, conn.inbound_secret or "")
            except Unreadable:
                secret = ""
            try:
                data = json.loads(body)
            except ValueError:
                data = None
            if kind == "greenhouse":
                verified = bool(secret) and greenhouse_signed(secret, body, headers.get("signature"))
            else:
                verified = bool(secret) and isinstance(data, dict) and lever_signed(secret, data)
            if not verified:
                return Reply(401, {"error": "bad_signature"})
            if not isinstance(data, dict):
                return Reply(400, {"error": "not_json"})
            if kind == "greenhouse":
                if data.get("action") != "candidate_stage_change":
                    return Reply(200, {"ignored": str(data.get("action"))[:60]})  # a ping, or another event
                key = headers.get("greenhouse-event-id") or hashlib.sha256(body).hexdigest()
            else:
                if data.get("event") != "candidateStageChange":
                    return Reply(200, {"ignored": str(data.get("event"))[:60]})
                key = str(data["token"])
            event = AtsInboundEvent(
                workspace_id=conn.workspace_id, connection_id=conn.id, dedupe_key=key[:200], event=data
            )
            try:
                async with session.begin_nested():
                    session.add(event)
            except IntegrityError:
                return Reply(200, {"duplicate": True})
            outbox.enqueue(
                session, workspace_id=conn.workspace_id, kind=INBOUND, payload={"event_id": event.id}
            )
            return Reply(202, {"accepted": True})

    async def job(self, *, event_id: int) -> InboundJob | None:
        async with self.unit() as session:
            event = await session.get(AtsInboundEvent, event_id)
            if event is None or event.outcome:
                return None
            conn = await session.get(AtsConnection, event.connection_id)
            if conn is None:
                return None
            try:
                key = unseal(self.deps.secret_key, conn.api_key or "")
            except Unreadable:
                key = ""
            return InboundJob(
                event.id,
                conn.kind,
                key,
                str((conn.settings or {}).get("acting_user") or ""),
                dict(event.event),
            )

    async def done(self, *, event_id: int, outcome: str) -> None:
        async with self.unit() as session:
            event = await session.get(AtsInboundEvent, event_id)
            if event is not None:
                event.outcome = outcome[:1000]

    async def add_person(self, *, event_id: int, person: Person) -> str:
        """Add the person to the agent mapped to their job and stage; say what happened."""
        async with self.unit() as session:
            event = await session.get(AtsInboundEvent, event_id)
            conn = await session.get(AtsConnection, event.connection_id) if event else None
            if event is None or conn is None:
                return "connection gone"
            links = (
                await session.scalars(
                    select(AtsAgentLink)
                    .where(
                        AtsAgentLink.connection_id == conn.id,
                        AtsAgentLink.job_id.in_(person.job_ids or ["-"]),
                    )
                    .order_by(AtsAgentLink.id)  # two agents mapped alike: the first mapping wins, every time
                )
            ).all()
            link = next((lk for lk in links if _stage_matches(lk, person)), None)
            if link is None:
                event.outcome = "no agent is mapped to that job and stage"
                return event.outcome
            agent = await session.get(Agent, link.agent_id)
            if agent is None or agent.status != "active":
                event.outcome = "the mapped agent is archived"
                return event.outcome
            known = await session.scalar(
                select(Candidate)
                .join(AtsCandidate, AtsCandidate.candidate_id == Candidate.id)
                .where(
                    AtsCandidate.connection_id == conn.id,
                    AtsCandidate.ats_candidate_id == person.candidate_id,
                    Candidate.agent_id == agent.id,
                )
            )
            email_n = normalise_email(person.email)
            if known is None and email_n:
                known = await session.scalar(
                    select(Candidate).where(
                        Candidate.workspace_id == agent.workspace_id,
                        Candidate.agent_id == agent.id,
                        Candidate.email_normalized == email_n,
                    )
                )
            if known is not None:
                event.outcome = f"already a candidate ({known.id})"
                return event.outcome
            if not email_n or not person.email:  # (a non-empty e-mail whenever email_n is)
                event.outcome = "the ATS gave no e-mail address to invite"
                return event.outcome
            candidate = new_candidate(
                session,
                workspace_id=agent.workspace_id,
                agent_id=agent.id,
                name=person.name[:300] or person.email,
                email=person.email,
                source="ats",
                external_id=f"{conn.kind}:{person.candidate_id}"[:200],
            )
            await session.flush()
            session.add(
                AtsCandidate(
                    workspace_id=agent.workspace_id,
                    connection_id=conn.id,
                    candidate_id=candidate.id,
                    ats_candidate_id=person.candidate_id,
                    ats_application_id=person.application_id,
                    profile_url=person.url,
                )
            )
            if self.deps.mail_enabled:
                mail = emails.invitation(
                    to=candidate.email or person.email,  # the same address, stripped
                    name=candidate.name,
                    agent_name=agent.name,
                    role=agent.role_title,
                    location=agent.location,
                    link=interview_link(self.deps.public_url, candidate.token),
                )
                outbox.enqueue(
                    session,
                    workspace_id=agent.workspace_id,
                    kind=outbox.EMAIL,
                    payload={
                        **mail.payload(),
                        "about": email_failures.about(
                            candidate_id=candidate.id, email=email_failures.INVITATION, sent_by=None
                        ),
                    },
                    dedupe_key=f"invite:{candidate.id}",
                )
            session.add(
                AuditEntry(
                    workspace_id=agent.workspace_id,
                    actor_id=f"ats:{conn.kind}",
                    action="candidate.from_ats",
                    target_type="candidate",
                    target_id=str(candidate.id),
                    detail={
                        "ats_candidate_id": person.candidate_id,
                        "stage": person.stage_name or person.stage_id,
                    },
                )
            )
            await webhook_events.candidate_created(session, candidate)
            event.outcome = f"added candidate {candidate.id}"
            return event.outcome


def _stage_matches(link: AtsAgentLink, person: Person) -> bool:
    if not link.stage_name and not link.stage_id:
        return False  # an agent with no inviting stage takes no one from the ATS
    if link.stage_id and person.stage_id and link.stage_id == person.stage_id:
        return True
    return bool(
        link.stage_name and person.stage_name and link.stage_name.casefold() == person.stage_name.casefold()
    )


def person_from_greenhouse(event: dict[str, Any]) -> Person | None:
    return parse_stage_change(event)
