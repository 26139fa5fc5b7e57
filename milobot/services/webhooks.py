"""Outbound webhooks (SPEC step 9, Manage Webhooks): endpoints per agent, signed Standard Webhooks
deliveries through the outbox, and `emit`, the one call every service makes when something happens.

`emit(session, workspace_id=, agent_id=, event=, data=)` runs inside the caller's unit of work, so the
deliveries (and the ATS write-back the event may start) are written with the change or not at all."""

from __future__ import annotations

import base64
import json
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from milobot.db.models import Agent, Webhook, WebhookDelivery, Workspace
from milobot.db.types import utcnow
from milobot.errors import Invalid, NotFound
from milobot.outbound import Outbound, Refused
from milobot.services import audit, outbox
from milobot.services.base import Service, ServiceDeps
from milobot.services.context import Identity, require_admin
from milobot.services.secrets import seal

EVENTS = (
    "interview.completed",
    "interview.scored",
    "candidate.created",
    "candidate.shortlisted",
    "candidate.dismissed",
    "candidate.rated",
    "candidate.nudged",
)
TEST_EVENT = "webhook.test"
BODY_VERSION = 1  # the `version` field of every body; bumped only for a breaking change of shape
ROTATION_OVERLAP = timedelta(hours=24)
MAX_ENDPOINTS = 10  # per agent: keeps the Manage Webhooks modal within Slack's 100 blocks
LOG_SIZE = 50


def new_secret() -> str:
    return "whsec_" + base64.b64encode(secrets.token_bytes(32)).decode("ascii")


def new_message_id() -> str:
    return "msg_" + secrets.token_urlsafe(18)


def body_for(
    *, message_id: str, event: str, at: datetime, team_id: str, agent: Agent | None, data: dict[str, Any]
) -> dict[str, Any]:
    """The documented, versioned body (README: "Webhook body"). Stable across retries of one event."""
    return {
        "type": event,
        "version": BODY_VERSION,
        "id": message_id,
        "timestamp": at.isoformat().replace("+00:00", "Z"),
        "workspace": {"team_id": team_id},
        "agent": {"id": agent.id, "name": agent.name} if agent else None,
        "data": data,
    }


def _queue(session: AsyncSession, hook: Webhook, *, event: str, body: dict[str, Any]) -> WebhookDelivery:
    delivery = WebhookDelivery(
        workspace_id=hook.workspace_id,
        webhook_id=hook.id,
        message_id=body["id"],
        event=event,
        payload=body,
        status="pending",
        attempts=0,
    )
    session.add(delivery)
    return delivery


async def _enqueue(session: AsyncSession, deliveries: list[WebhookDelivery]) -> None:
    if not deliveries:
        return
    await session.flush()
    for d in deliveries:
        outbox.enqueue(
            session, workspace_id=d.workspace_id, kind=outbox.WEBHOOK, payload={"delivery_id": d.id}
        )


async def emit(
    session: AsyncSession, *, workspace_id: int, agent_id: int, event: str, data: dict[str, Any]
) -> None:
    """Something happened to an agent's candidate: queue a delivery to each active endpoint of the agent
    that asked for this event, and hand the event to the ATS sync (which acts on the ones it syncs)."""
    hooks = (
        await session.scalars(
            select(Webhook).where(
                Webhook.workspace_id == workspace_id, Webhook.agent_id == agent_id, Webhook.active.is_(True)
            )
        )
    ).all()
    wanted = [h for h in hooks if event in (h.events or [])]
    if wanted:
        agent = await session.get(Agent, agent_id)
        workspace = await session.get_one(Workspace, workspace_id)
        at = utcnow()
        queued = []
        for hook in wanted:
            body = body_for(
                message_id=new_message_id(),
                event=event,
                at=at,
                team_id=workspace.team_id,
                agent=agent,
                data=data,
            )
            queued.append(_queue(session, hook, event=event, body=body))
        await _enqueue(session, queued)
    from milobot.services import ats_sync  # imported here: the ATS sync imports candidate records in turn

    await ats_sync.on_event(session, workspace_id=workspace_id, agent_id=agent_id, event=event, data=data)


# ------------------------------------------------------------------ what the Manage Webhooks modal shows


@dataclass(frozen=True)
class EndpointView:
    id: int
    url: str
    events: list[str]
    active: bool
    disabled_reason: str | None
    rotating_until: datetime | None


@dataclass(frozen=True)
class DeliveryView:
    id: int
    webhook_id: int
    url: str
    event: str
    status: str  # pending | retrying | delivered | failed
    attempts: int
    status_code: int | None
    error: str | None
    at: datetime


@dataclass(frozen=True)
class WebhookPanel:
    agent_id: int
    agent_name: str
    endpoints: list[EndpointView]
    deliveries: list[DeliveryView]


@dataclass(frozen=True)
class NewSecret:
    webhook_id: int
    agent_id: int
    url: str
    secret: str
    rotated: bool = False
    old_valid_until: datetime | None = None


def _check_events(events: list[str] | None) -> list[str]:
    chosen = [e for e in EVENTS if e in set(events or [])]
    if not chosen or len(chosen) != len(set(events or [])):
        raise Invalid("Pick at least one event from the list.", field="events")
    return chosen


def _agent_id(hook: Webhook) -> int:
    """Every endpoint is added to an agent (`add`); the column is nullable in the schema only."""
    if hook.agent_id is None:
        raise NotFound("That webhook endpoint's agent is gone.")
    return hook.agent_id


class WebhookService(Service):
    def __init__(self, deps: ServiceDeps, outbound: Outbound):
        super().__init__(deps)
        self.outbound = outbound

    async def _agent(self, session: AsyncSession, workspace_id: int, agent_id: int) -> Agent:
        agent = await session.scalar(
            select(Agent).where(Agent.id == agent_id, Agent.workspace_id == workspace_id)
        )
        if agent is None:
            raise NotFound("That interview agent doesn't exist here.")
        return agent

    async def _hook(self, session: AsyncSession, workspace_id: int, webhook_id: int) -> Webhook:
        hook = await session.scalar(
            select(Webhook).where(Webhook.id == webhook_id, Webhook.workspace_id == workspace_id)
        )
        if hook is None:
            raise NotFound("That webhook endpoint doesn't exist here (it may have been deleted).")
        return hook

    async def panel(self, *, identity: Identity, agent_id: int) -> WebhookPanel:
        async with self.acting(identity) as (session, actor):
            require_admin(actor)
            agent = await self._agent(session, actor.workspace_id, agent_id)
            hooks = (
                await session.scalars(
                    select(Webhook)
                    .where(Webhook.workspace_id == actor.workspace_id, Webhook.agent_id == agent.id)
                    .order_by(Webhook.id)
                )
            ).all()
            now = self.now()
            endpoints = [
                EndpointView(
                    h.id,
                    h.url,
                    list(h.events or []),
                    h.active,
                    h.disabled_reason,
                    h.previous_secret_expires_at
                    if h.previous_secret
                    and h.previous_secret_expires_at
                    and h.previous_secret_expires_at > now
                    else None,
                )
                for h in hooks
            ]
            urls = {h.id: h.url for h in hooks}
            rows = (
                await session.scalars(
                    select(WebhookDelivery)
                    .where(
                        WebhookDelivery.workspace_id == actor.workspace_id,
                        WebhookDelivery.webhook_id.in_(list(urls)),
                    )
                    .order_by(WebhookDelivery.id.desc())
                    .limit(LOG_SIZE)
                )
            ).all()
            deliveries = [
                DeliveryView(
                    d.id,
                    d.webhook_id,
                    urls[d.webhook_id],
                    d.event,
                    d.status,
                    d.attempts,
                    d.last_status_code,
                    d.last_error,
                    d.last_attempt_at or d.created_at,
                )
                for d in rows
            ]
            return WebhookPanel(agent.id, agent.name, endpoints, deliveries)

    async def check_admin(self, *, identity: Identity, agent_id: int) -> None:
        async with self.acting(identity) as (session, actor):
            require_admin(actor)
            await self._agent(session, actor.workspace_id, agent_id)

    async def add_endpoint(
        self, *, identity: Identity, agent_id: int, url: str | None, events: list[str] | None
    ) -> NewSecret:
        url = (url or "").strip()
        if not url or len(url) > 2000:
            raise Invalid("Give the endpoint's URL (https://…, at most 2,000 characters).", field="url")
        chosen = _check_events(events)
        async with self.acting(identity) as (session, actor):
            require_admin(actor)  # before any DNS look-up: a viewer learns nothing about hosts
            await self._agent(session, actor.workspace_id, agent_id)
        try:
            await self.outbound.check_reachable(url)
        except Refused as refused:
            raise Invalid(f"milobot won't call that URL: {refused.reason}.", field="url") from None
        secret = new_secret()
        async with self.acting(identity) as (session, actor):
            require_admin(actor)
            agent = await self._agent(session, actor.workspace_id, agent_id)
            count = len(
                (
                    await session.scalars(
                        select(Webhook.id).where(
                            Webhook.workspace_id == actor.workspace_id, Webhook.agent_id == agent.id
                        )
                    )
                ).all()
            )
            if count >= MAX_ENDPOINTS:
                raise Invalid(
                    f"An agent has at most {MAX_ENDPOINTS} endpoints; delete one first.", field="url"
                )
            hook = Webhook(
                workspace_id=actor.workspace_id,
                agent_id=agent.id,
                url=url,
                events=chosen,
                secret=seal(self.deps.secret_key, secret),
                active=True,
                created_by=actor.user_id,
            )
            session.add(hook)
            await session.flush()
            audit.record(
                session, actor, "webhook.add", target_type="webhook", target_id=hook.id, events=chosen
            )
            return NewSecret(hook.id, agent.id, url, secret)

    async def rotate_secret(self, *, identity: Identity, webhook_id: int) -> NewSecret:
        secret = new_secret()
        async with self.acting(identity) as (session, actor):
            require_admin(actor)
            hook = await self._hook(session, actor.workspace_id, webhook_id)
            until = self.now() + ROTATION_OVERLAP
            hook.previous_secret, hook.previous_secret_expires_at = hook.secret, until
            hook.secret = seal(self.deps.secret_key, secret)
            audit.record(session, actor, "webhook.rotate_secret", target_type="webhook", target_id=hook.id)
            return NewSecret(hook.id, _agent_id(hook), hook.url, secret, rotated=True, old_valid_until=until)

    async def set_active(self, *, identity: Identity, webhook_id: int, active: bool) -> int:
        async with self.acting(identity) as (session, actor):
            require_admin(actor)
            hook = await self._hook(session, actor.workspace_id, webhook_id)
            hook.active = active
            hook.disabled_reason = None if active else f"disabled by <@{actor.user_id}>"
            hook.disabled_at = None if active else self.now()
            audit.record(
                session,
                actor,
                "webhook.enable" if active else "webhook.disable",
                target_type="webhook",
                target_id=hook.id,
            )
            return _agent_id(hook)

    async def delete(self, *, identity: Identity, webhook_id: int) -> int:
        async with self.acting(identity) as (session, actor):
            require_admin(actor)
            hook = await self._hook(session, actor.workspace_id, webhook_id)
            agent_id = _agent_id(hook)
            audit.record(
                session, actor, "webhook.delete", target_type="webhook", target_id=hook.id, url=hook.url
            )
            await session.delete(hook)
            return agent_id

    async def send_test(self, *, identity: Identity, webhook_id: int) -> int:
        async with self.acting(identity) as (session, actor):
            require_admin(actor)
            hook = await self._hook(session, actor.workspace_id, webhook_id)
            agent = await session.get(Agent, hook.agent_id)
            workspace = await session.get_one(Workspace, actor.workspace_id)
            data = {"message": "A test event from milobot's Manage Webhooks.", "sent_by": actor.user_id}
            body = body_for(
                message_id=new_message_id(),
                event=TEST_EVENT,
                at=self.now(),
                team_id=workspace.team_id,
                agent=agent,
                data=data,
            )
            await _enqueue(session, [_queue(session, hook, event=TEST_EVENT, body=body)])
            return _agent_id(hook)

    async def retry(self, *, identity: Identity, delivery_id: int) -> int:
        """Queue a failed delivery again: same webhook-id and body, a fresh retry schedule."""
        async with self.acting(identity) as (session, actor):
            require_admin(actor)
            delivery = await session.scalar(
                select(WebhookDelivery).where(
                    WebhookDelivery.id == delivery_id, WebhookDelivery.workspace_id == actor.workspace_id
                )
            )
            if delivery is None:
                raise NotFound("That delivery doesn't exist here.")
            hook = await self._hook(session, actor.workspace_id, delivery.webhook_id)
            if delivery.status != "failed":
                raise Invalid("Only a failed delivery can be retried.")
            if not hook.active:
                raise Invalid("That endpoint is disabled; enable it first, then retry.")
            delivery.status, delivery.last_error = "pending", None
            await _enqueue(session, [delivery])
            audit.record(
                session, actor, "webhook.retry", target_type="webhook_delivery", target_id=delivery.id
            )
            return _agent_id(hook)


def body_bytes(body: dict[str, Any]) -> bytes:
    """The exact bytes signed and sent (compact JSON; the same bytes on every retry)."""
    return json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode()
