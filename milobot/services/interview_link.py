"""Registering through an agent's shared link (the poster's QR code, a careers page).

A visitor who types an e-mail address is never handed anyone else's interview: not the personal link
of a candidate invited with that address, not their name, and not even whether the address is known.

- With e-mail configured, the answer is always "we've sent your personal link to j…@example.com": the
  request only queues the registration (the same single insert whatever the address), and the outbox
  then finds or creates the candidate and e-mails the personal link to the address itself. Whoever
  reads that inbox is the candidate.
- Without e-mail there is no way to reach the owner of an address, so every registration starts a new
  candidate of its own, and the team sees two candidates with one address rather than one hijacked.

An optional daily cap (MILOBOT_LINK_DAILY_CAP) bounds how many candidates one link creates per UTC day;
the first refusal of the day tells the workspace's admins."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from milobot.db.models import Agent, Candidate, Member, OutboxMessage
from milobot.errors import Gone, Invalid, NotFound
from milobot.services import emails, outbox, webhook_events
from milobot.services.candidate_records import new_candidate, normalise_email
from milobot.services.context import ADMIN
from milobot.services.interview_flow import CLOSED, UNKNOWN, _begin, _check_details, _resolve, source_tag
from milobot.services.sharing import interview_link

LINK_REQUEST = "interview.link_request"  # outbox kind: find or create the candidate, e-mail the link
CAP_REACHED = (
    "This interview isn't taking more candidates through this link today. Please try again tomorrow."
)


@dataclass(frozen=True)
class LinkStart:
    candidate_token: str | None = None  # the interview starts now, on this new personal link
    emailed_to: str | None = None  # the personal link was e-mailed to this (masked) address
    # The daily cap is reached: refused, retry after this many seconds. Returned rather than raised so
    # the unit of work commits the admins' notice before the caller raises RateLimited.
    capped_for: int | None = None


def mask_email(email: str) -> str:
    """j…@example.com: enough for the visitor to spot a typo in the domain, no more."""
    local, _, domain = email.strip().partition("@")
    return f"{local[:1]}…@{domain.lower()}"


def mask_name(name: str) -> str:
    """J… D…: enough for the person it belongs to to recognise, not for a stranger to learn."""
    words = [w for w in (name or "").split() if w[:1].isalnum()][:3]
    return " ".join(f"{w[:1].upper()}…" for w in words) or "the previous visitor"


def _day_start(now: datetime) -> datetime:
    return datetime.combine(now.date(), time.min, tzinfo=now.tzinfo)


async def _over_daily_cap(session: AsyncSession, agent: Agent, *, cap: int, now: datetime) -> int | None:
    """None while under the cap; else tells the admins (once a day) and gives the seconds to midnight."""
    if cap <= 0:
        return None
    made_today = await session.scalar(
        select(func.count())
        .select_from(Candidate)
        .where(
            Candidate.workspace_id == agent.workspace_id,
            Candidate.agent_id == agent.id,
            Candidate.source == "link",
            Candidate.created_at >= _day_start(now),
        )
    )
    if (made_today or 0) < cap:
        return None
    await _tell_admins_once(session, agent, cap=cap, now=now)
    return int((_day_start(now) + timedelta(days=1) - now).total_seconds()) + 1


async def _tell_admins_once(session: AsyncSession, agent: Agent, *, cap: int, now: datetime) -> None:
    admins = (
        await session.scalars(
            select(Member.slack_user_id).where(
                Member.workspace_id == agent.workspace_id, Member.role == ADMIN
            )
        )
    ).all()
    day = now.date().isoformat()
    data = {"agent_name": agent.name, "cap": cap}
    for user in admins:
        key = f"link-cap:{agent.id}:{day}:{user}"
        if await session.scalar(select(OutboxMessage.id).where(OutboxMessage.dedupe_key == key)):
            continue
        try:
            async with session.begin_nested():
                outbox.enqueue(
                    session,
                    workspace_id=agent.workspace_id,
                    kind=outbox.SLACK_DM,
                    payload={"user": user, "template": "link_cap_reached", "data": data},
                    dedupe_key=key,
                )
        except IntegrityError:  # another visitor's refusal told this admin a moment ago
            pass


async def start_from_link(
    session: AsyncSession,
    share_token: str,
    *,
    name: str,
    email: str,
    consent: bool,
    src: str | None,
    now: datetime,
    mail: bool,
    daily_cap: int,
    browser: str | None = None,
) -> LinkStart:
    agent, candidate = await _resolve(session, share_token)
    if candidate is not None:
        raise NotFound(UNKNOWN)
    if agent.status == "archived":
        raise Gone(CLOSED)
    name, email = _check_details(name, email)
    if not consent:
        raise Invalid(
            "Please tick the box to confirm you understand how your answers are reviewed.", field="consent"
        )
    tag = source_tag(src)
    if (retry := await _over_daily_cap(session, agent, cap=daily_cap, now=now)) is not None:
        return LinkStart(capped_for=retry)
    if mail:
        # The same one insert whether or not the address is known: the answer can't tell them apart.
        outbox.enqueue(
            session,
            workspace_id=agent.workspace_id,
            kind=LINK_REQUEST,
            payload={"agent_id": agent.id, "name": name, "email": email, "tag": tag},
        )
        return LinkStart(emailed_to=mask_email(email))
    fresh = new_candidate(
        session,
        workspace_id=agent.workspace_id,
        agent_id=agent.id,
        name=name,
        email=email,
        source="link",
        source_tag=tag,
    )
    await session.flush()
    await webhook_events.candidate_created(session, fresh)
    await _begin(session, agent, fresh, now=now, tag=tag, browser=browser)
    return LinkStart(candidate_token=fresh.token)


async def send_personal_link(
    session: AsyncSession,
    *,
    workspace_id: int,
    agent_id: int,
    name: str,
    email: str,
    tag: str | None,
    public_url: str,
    now: datetime,
) -> dict[str, Any]:
    """The queued side of a registration: the candidate with this address (or a new one) gets their
    personal link by e-mail, at most once an hour, so the form can't be used to flood an inbox."""
    agent = await session.scalar(
        select(Agent).where(Agent.id == agent_id, Agent.workspace_id == workspace_id)
    )
    if agent is None or agent.status == "archived":
        return {"skipped": "agent gone or archived"}
    candidate = await session.scalar(
        select(Candidate)
        .where(
            Candidate.workspace_id == workspace_id,
            Candidate.agent_id == agent.id,
            Candidate.email_normalized == normalise_email(email),
        )
        .order_by(Candidate.id)
        .limit(1)
    )
    created = candidate is None
    if candidate is None:
        candidate = new_candidate(
            session,
            workspace_id=workspace_id,
            agent_id=agent.id,
            name=name,
            email=email,
            source="link",
            source_tag=tag,
        )
        await session.flush()
        await webhook_events.candidate_created(session, candidate)
    key = f"personal-link:{candidate.id}:{now:%Y%m%d%H}"
    if await session.scalar(select(OutboxMessage.id).where(OutboxMessage.dedupe_key == key)):
        return {"candidate_id": candidate.id, "skipped": "sent within the hour"}
    mail = emails.personal_link(
        to=candidate.email or email,
        # Whoever filled in the form picked both the address and the name: greeting the inbox with that
        # name would let a stranger put any words in the team's e-mail. A name the team entered stays.
        name=None if candidate.source == "link" else candidate.name,
        agent_name=agent.name,
        role=agent.role_title,
        link=interview_link(public_url, candidate.token),
    )
    outbox.enqueue(
        session, workspace_id=workspace_id, kind=outbox.EMAIL, payload=mail.payload(), dedupe_key=key
    )
    return {"candidate_id": candidate.id, "created": created}
