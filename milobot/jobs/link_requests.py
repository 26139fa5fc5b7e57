"""Outbox deliverer of registrations on a shared link when e-mail is on (services.interview_link): find
or create the candidate and queue the e-mail with their personal link, in one unit of work."""

from __future__ import annotations

from milobot.jobs.outbox import Delivery
from milobot.services.interview_link import LINK_REQUEST


def install(worker, container) -> None:
    interviews = container.interviews

    async def deliver(item: Delivery) -> dict:
        p = item.payload
        return await interviews.send_personal_link(
            workspace_id=item.workspace_id,
            agent_id=int(p["agent_id"]),
            name=str(p["name"]),
            email=str(p["email"]),
            tag=p.get("tag"),
        )

    worker.register(LINK_REQUEST, deliver)
