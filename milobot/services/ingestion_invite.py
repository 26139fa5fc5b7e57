"""Inviting the candidates an import approved: each gets their personal interview link by e-mail.

Approval alone sends nothing (a team may want to look first); the review message offers the
invitations as one step once profiles are approved. The outbox's dedupe key `invite:<candidate id>`
is the same one Add Candidates uses, so nobody is invited twice by either path."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from milobot.db.models import Agent, Candidate, IngestionBatch, IngestionDraft, OutboxMessage
from milobot.errors import Invalid, NotFound
from milobot.services import audit, email_failures, emails, outbox
from milobot.services.base import Service
from milobot.services.context import Identity, require_admin
from milobot.services.sharing import interview_link


@dataclass(frozen=True)
class InviteResult:
    sent: int = 0
    already_invited: int = 0
    no_email: int = 0
    already_interviewed: int = 0


def invite_key(candidate_id: int) -> str:
    return f"invite:{candidate_id}"


class InviteService(Service):
    async def invite_approved(self, *, identity: Identity, batch_id: int) -> InviteResult:
        if not self.deps.mail_enabled:
            raise Invalid(
                "E-mail isn't set up (SMTP_URL), so I can't send invitations; each approved row shows the "
                "candidate's personal link to share instead."
            )
        async with self.acting(identity) as (session, actor):
            require_admin(actor)
            batch = await session.scalar(
                select(IngestionBatch).where(
                    IngestionBatch.id == batch_id, IngestionBatch.workspace_id == actor.workspace_id
                )
            )
            if batch is None:
                raise NotFound("That import doesn't exist in this workspace.")
            rows = (
                await session.execute(
                    select(Candidate, Agent)
                    .join(IngestionDraft, IngestionDraft.candidate_id == Candidate.id)
                    .join(Agent, Agent.id == Candidate.agent_id)
                    .where(
                        IngestionDraft.batch_id == batch.id,
                        IngestionDraft.status == "approved",
                        Candidate.workspace_id == actor.workspace_id,
                    )
                    .order_by(Candidate.id)
                )
            ).all()
            keys = [invite_key(c.id) for c, _ in rows]
            invited = (
                set(
                    (
                        await session.scalars(
                            select(OutboxMessage.dedupe_key).where(OutboxMessage.dedupe_key.in_(keys))
                        )
                    ).all()
                )
                if keys
                else set()
            )
            sent = already = no_email = interviewed = 0
            for candidate, agent in rows:
                if not candidate.email:
                    no_email += 1
                elif candidate.status != "invited":
                    interviewed += 1  # started or finished already: a reminder is a nudge, not an invitation
                elif invite_key(candidate.id) in invited:
                    already += 1
                else:
                    mail = emails.invitation(
                        to=candidate.email,
                        name=candidate.name,
                        agent_name=agent.name,
                        role=agent.role_title,
                        location=agent.location,
                        link=interview_link(self.deps.public_url, candidate.token),
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
                        dedupe_key=invite_key(candidate.id),
                    )
                    sent += 1
            if sent:
                audit.record(
                    session, actor, "candidates.invite", target_type="batch", target_id=batch.id, sent=sent
                )
            return InviteResult(sent, already, no_email, interviewed)
