"""Nudges (SPEC step 8, admins): a reminder e-mail with the candidate's personal link, through the
outbox. The policy, one rule per refusal so the person hears which one refused:

- none once the candidate has completed the interview, or was dismissed;
- none without an e-mail address;
- at most MAX_NUDGES per candidate, at least NUDGE_GAP apart (a reminder the mail server refused, or
  that could not be delivered, is not counted: services/email_failures.py).

Time comes from ServiceDeps.clock, so tests can move a day forward. Each nudge is a row in `nudges`
(shown in the profile) and an audit entry."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from milobot.db.models import Agent, Candidate, Nudge
from milobot.errors import Conflict, Invalid, NotFound
from milobot.services import audit, email_failures, emails, outbox, webhook_events
from milobot.services.base import Service
from milobot.services.candidate_access import candidate_in, retry_when_locked
from milobot.services.context import Actor, Identity, require_admin
from milobot.services.sharing import interview_link

MAX_NUDGES = 3
NUDGE_GAP = timedelta(hours=24)
NO_MAIL = (
    "E-mail isn't set up for milobot (SMTP_URL), so it can't send nudges. An admin of the milobot "
    "server can configure it; see the README."
)

# Why a candidate is not nudged: a key for counting, and the words for one candidate.
ARCHIVED, COMPLETED, DISMISSED, NO_EMAIL, TOO_MANY, TOO_SOON = (
    "archived",
    "completed",
    "dismissed",
    "no_email",
    "too_many",
    "too_soon",
)
SKIP_WORDS = {
    ARCHIVED: "the agent is archived",
    COMPLETED: "already completed the interview",
    DISMISSED: "dismissed",
    NO_EMAIL: "no e-mail address",
    TOO_MANY: f"nudged {MAX_NUDGES} times already",
    TOO_SOON: "nudged in the last 24 hours",
}


def refusal(candidate: Candidate, *, now: datetime, agent: Agent | None = None) -> str | None:
    """The rule that stops a nudge to this candidate now, or None. With `agent` (the candidate's), an
    archived agent stops it too: its links answer "This interview is closed"."""
    if agent is not None and agent.status == "archived":
        return ARCHIVED
    if candidate.status == "completed":
        return COMPLETED
    if candidate.decision == "dismissed":
        return DISMISSED
    if not candidate.email:
        return NO_EMAIL
    if (candidate.nudge_count or 0) >= MAX_NUDGES:
        return TOO_MANY
    if candidate.last_nudged_at is not None and now - candidate.last_nudged_at < NUDGE_GAP:
        return TOO_SOON
    return None


def refusal_message(candidate: Candidate, rule: str, *, now: datetime) -> str:
    name = candidate.name
    if rule == ARCHIVED:
        return (
            f"Not sent: {name}'s interview agent is archived, so their link says the interview is "
            "closed. Unarchive the agent first to nudge."
        )
    if rule == COMPLETED:
        return f"Not sent: {name} has already completed the interview; nudges are for candidates who haven't."
    if rule == DISMISSED:
        return f"Not sent: {name} was dismissed; milobot doesn't nudge dismissed candidates."
    if rule == NO_EMAIL:
        return f"Not sent: {name} has no e-mail address to nudge."
    if rule == TOO_MANY:
        return f"Not sent: {name} has been nudged {MAX_NUDGES} times already, the most milobot sends."
    wait = NUDGE_GAP - (now - (candidate.last_nudged_at or now))  # set whenever the rule is TOO_SOON
    hours = max(1, round(wait.total_seconds() / 3600))
    return (
        f"Not sent: {name} was nudged less than 24 hours ago; nudges go at least 24 hours apart "
        f"(the next one can go in about {hours} h)."
    )


@dataclass(frozen=True)
class Nudged:
    candidate_id: int
    candidate_name: str
    email: str
    count: int  # nudges sent to this candidate so far, this one included


@dataclass(frozen=True)
class NudgePlan:
    """How many of an agent's candidates a bulk nudge e-mails, and why the others are skipped."""

    agent_id: int
    agent_name: str
    to_send: int
    skipped: dict[str, int] = field(default_factory=dict)
    mail_enabled: bool = True

    @property
    def skipped_total(self) -> int:
        return sum(self.skipped.values())


class NudgeService(Service):
    def _mail_or_refuse(self) -> None:
        if not self.deps.mail_enabled:
            raise Invalid(NO_MAIL)

    async def _send(
        self,
        session: AsyncSession,
        actor: Actor,
        candidate: Candidate,
        agent: Agent,
        *,
        now: datetime,
        bulk: bool,
    ) -> Nudged:
        email = candidate.email
        if not email:  # refusal() turned these away already; this narrows the type
            raise Conflict(refusal_message(candidate, NO_EMAIL, now=now))
        candidate.nudge_count = (candidate.nudge_count or 0) + 1
        candidate.last_nudged_at = now
        mail = emails.nudge(
            to=email,
            name=candidate.name,
            agent_name=agent.name,
            role=agent.role_title,
            link=interview_link(self.deps.public_url, candidate.token),
        )
        row = Nudge(
            workspace_id=actor.workspace_id,
            candidate_id=candidate.id,
            sent_by=actor.user_id,
            email=candidate.email,
            bulk=bulk,
            sent_at=now,
        )
        session.add(row)
        await session.flush()  # its id goes with the e-mail: a refusal un-counts this nudge
        about = email_failures.about(
            candidate_id=candidate.id, email=email_failures.REMINDER, sent_by=actor.user_id, nudge_id=row.id
        )
        outbox.enqueue(
            session,
            workspace_id=actor.workspace_id,
            kind=outbox.EMAIL,
            payload={**mail.payload(), "about": about},
            dedupe_key=f"nudge:{candidate.id}:{candidate.nudge_count}",
        )
        return Nudged(candidate.id, candidate.name, email, candidate.nudge_count)

    async def _agent(self, session: AsyncSession, actor: Actor, agent_id: int) -> Agent:
        agent = await session.scalar(
            select(Agent).where(Agent.id == agent_id, Agent.workspace_id == actor.workspace_id)
        )
        if agent is None:
            raise NotFound("That interview agent doesn't exist in this workspace.")
        return agent

    @retry_when_locked
    async def nudge(self, *, identity: Identity, candidate_id: int) -> Nudged:
        async with self.acting(identity) as (session, actor):
            require_admin(actor)
            # Locked (PostgreSQL) or serialised (SQLite): two clicks at once can't both pass the policy.
            # Whether the candidate still exists comes before whether e-mail is set up: a profile left
            # open after an erasure must say the candidate is gone, not that SMTP is missing.
            candidate = await candidate_in(session, actor, candidate_id=candidate_id, lock=True)
            self._mail_or_refuse()
            now = self.now()
            agent = await self._agent(session, actor, candidate.agent_id)
            rule = refusal(candidate, now=now, agent=agent)
            if rule is not None:
                raise Conflict(refusal_message(candidate, rule, now=now))
            nudged = await self._send(session, actor, candidate, agent, now=now, bulk=False)
            await webhook_events.nudged(session, candidate, by=actor.user_id, nudge_count=nudged.count)
            audit.record(
                session,
                actor,
                "candidate.nudge",
                target_type="candidate",
                target_id=candidate.id,
                count=nudged.count,
            )
            return nudged

    async def _classify(
        self, session: AsyncSession, actor: Actor, agent: Agent, now: datetime
    ) -> tuple[list[Candidate], Counter[str]]:
        candidates = (
            await session.scalars(
                select(Candidate).where(
                    Candidate.workspace_id == actor.workspace_id, Candidate.agent_id == agent.id
                )
            )
        ).all()
        eligible: list[Candidate] = []
        skipped: Counter[str] = Counter()
        for candidate in candidates:
            rule = refusal(candidate, now=now, agent=agent)
            if rule is None:
                eligible.append(candidate)
            else:
                skipped[rule] += 1
        return eligible, skipped

    async def plan_all(self, *, identity: Identity, agent_id: int) -> NudgePlan:
        """What Nudge all not completed would do now: shown in the confirmation before anything is sent."""
        async with self.acting(identity) as (session, actor):
            require_admin(actor)
            agent = await self._agent(session, actor, agent_id)
            eligible, skipped = await self._classify(session, actor, agent, self.now())
            return NudgePlan(agent.id, agent.name, len(eligible), dict(skipped), self.deps.mail_enabled)

    @retry_when_locked
    async def nudge_all(self, *, identity: Identity, agent_id: int) -> NudgePlan:
        """Nudge every candidate of the agent the policy allows, as it stands at confirmation time."""
        async with self.acting(identity) as (session, actor):
            require_admin(actor)
            agent = await self._agent(session, actor, agent_id)
            self._mail_or_refuse()
            now = self.now()
            eligible, skipped = await self._classify(session, actor, agent, now)
            for candidate in eligible:
                sent = await self._send(session, actor, candidate, agent, now=now, bulk=True)
                await webhook_events.nudged(session, candidate, by=actor.user_id, nudge_count=sent.count)
            audit.record(
                session,
                actor,
                "agent.nudge_all",
                target_type="agent",
                target_id=agent.id,
                sent=len(eligible),
                skipped=dict(skipped),
            )
            return NudgePlan(agent.id, agent.name, len(eligible), dict(skipped), True)
