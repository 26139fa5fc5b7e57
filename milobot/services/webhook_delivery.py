"""The database side of delivering one webhook: what to send (read before the call) and what happened
(written after it). The HTTP call itself is in jobs/webhooks.py, outside any transaction."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from milobot.db.models import Agent, Webhook, WebhookDelivery
from milobot.services import outbox
from milobot.services.base import Service
from milobot.services.secrets import Unreadable, unseal
from milobot.services.webhooks import TEST_EVENT, body_bytes

DISABLED_TEMPLATE = "webhook.disabled"  # message template (slack/webhooks.py): {url, agent, reason}


@dataclass(frozen=True)
class DeliveryJob:
    delivery_id: int
    webhook_id: int
    url: str
    message_id: str
    event: str
    body: bytes
    secrets: list[str]  # the current secret, then the previous one while a rotation overlaps

    @property
    def is_test(self) -> bool:
        return self.event == TEST_EVENT


@dataclass(frozen=True)
class Outcome:
    status: str  # delivered | retrying | failed
    status_code: int | None = None
    error: str | None = None
    disable_reason: str | None = None  # set: the endpoint is disabled and the agent's channel told


class WebhookDeliveryService(Service):
    async def prepare(self, *, delivery_id: int) -> DeliveryJob | None:
        async with self.unit() as session:
            delivery = await session.get(WebhookDelivery, delivery_id)
            if delivery is None or delivery.status == "delivered":
                return None  # deleted with its endpoint, or already sent by an earlier row
            hook = await session.get(Webhook, delivery.webhook_id)
            if hook is None:
                return None
            if not hook.active and delivery.event != TEST_EVENT:
                delivery.status, delivery.last_error = "failed", "the endpoint is disabled"
                return None
            now = self.now()
            try:
                keys = [unseal(self.deps.secret_key, hook.secret)]
                if (
                    hook.previous_secret
                    and hook.previous_secret_expires_at
                    and hook.previous_secret_expires_at > now
                ):
                    keys.append(unseal(self.deps.secret_key, hook.previous_secret))
            except Unreadable as exc:
                delivery.status, delivery.last_error = "failed", f"{exc}; rotate the secret"
                return None
            return DeliveryJob(
                delivery.id,
                hook.id,
                hook.url,
                delivery.message_id,
                delivery.event,
                body_bytes(delivery.payload),
                keys,
            )

    async def record(self, *, delivery_id: int, outcome: Outcome) -> None:
        async with self.unit() as session:
            delivery = await session.get(WebhookDelivery, delivery_id)
            if delivery is None:
                return
            now = self.now()
            delivery.attempts += 1
            delivery.status = outcome.status
            delivery.last_status_code = outcome.status_code
            delivery.last_error = (outcome.error or "")[:2000] or None
            delivery.last_attempt_at = now
            if outcome.status == "delivered":
                delivery.delivered_at = now
            if not outcome.disable_reason:
                return
            hook = await session.get(Webhook, delivery.webhook_id)
            if hook is None or not hook.active:
                return
            hook.active, hook.disabled_reason, hook.disabled_at = False, outcome.disable_reason[:1000], now
            agent = await session.get(Agent, hook.agent_id) if hook.agent_id else None
            data = {"url": hook.url, "agent": agent.name if agent else None, "reason": outcome.disable_reason}
            target = {"channel": agent.channel_id} if agent and agent.channel_id else None
            if target is None and hook.created_by:
                target = {"user": hook.created_by}
            if target is not None:
                outbox.enqueue(
                    session,
                    workspace_id=hook.workspace_id,
                    kind=outbox.SLACK_POST if "channel" in target else outbox.SLACK_DM,
                    payload={**target, "template": DISABLED_TEMPLATE, "data": data},
                    dedupe_key=f"webhook-disabled:{hook.id}:{delivery.id}",
                )


async def last_delivery(session: AsyncSession, webhook_id: int) -> WebhookDelivery | None:
    return await session.scalar(
        select(WebhookDelivery)
        .where(WebhookDelivery.webhook_id == webhook_id)
        .order_by(WebhookDelivery.id.desc())
    )
