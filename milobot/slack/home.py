"""Outbox deliverer of `slack.home`: publish one person's App Home as it stands now (services/home_refresh.py
says who asks for it and how requests are coalesced)."""

from __future__ import annotations

from slack_sdk.errors import SlackApiError
from sqlalchemy import select

from milobot.blocks.home import home_view
from milobot.db.models import OutboxMessage
from milobot.jobs.outbox import Delivery, PermanentFailure
from milobot.services.context import Identity
from milobot.services.home_refresh import HOME_KIND
from milobot.slack.deliver import PERMANENT_ERRORS
from milobot.slack.tokens import NoTokenForWorkspace


async def superseded(db, item: Delivery, user_id: str) -> bool:
    """Whether a later request for this person's Home is waiting: that one renders after every change
    this one was asked for, so this one need not publish at all (the last request of a burst wins)."""
    async with db.unit_of_work() as session:
        later = (
            await session.scalars(
                select(OutboxMessage.payload).where(
                    OutboxMessage.workspace_id == item.workspace_id,
                    OutboxMessage.kind == HOME_KIND,
                    OutboxMessage.status == "pending",
                    OutboxMessage.id > item.id,
                )
            )
        ).all()
    return any((payload or {}).get("user") == user_id for payload in later)


def install(worker, clients, container) -> None:
    async def publish(item: Delivery) -> dict:
        user_id = str(item.payload["user"])
        if await superseded(container.db, item, user_id):
            return {"skipped": "a later request publishes this Home"}
        data = await container.home.home(identity=Identity(team_id=item.team_id, user_id=user_id))
        try:
            client = await clients.for_team(item.team_id)
            await client.views_publish(user_id=user_id, view=home_view(data))
        except NoTokenForWorkspace as exc:
            raise PermanentFailure(str(exc)) from None
        except SlackApiError as exc:
            code = exc.response.get("error") if exc.response is not None else None
            if code in PERMANENT_ERRORS:
                raise PermanentFailure(f"views.publish: {code}") from None
            raise
        return {"published": user_id}

    worker.register(HOME_KIND, publish)
