"""The outbox deliverer of webhooks: sign (Standard Webhooks, with the `standardwebhooks` package), POST
through the guarded client, classify the answer, record it, and tell the outbox when to try again.

2xx delivered · 410 Gone: final, and the endpoint is disabled · 429: again after its Retry-After · 5xx,
408 and network errors: again on the retry schedule · 3xx (redirects are not followed) and other 4xx:
final · a refused address: final. After the schedule's last retry fails, the endpoint is disabled and
the agent's channel is told."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

import aiohttp
from standardwebhooks.webhooks import Webhook as Signer

from milobot.jobs.outbox import Delivery, PermanentFailure, RetryAfter
from milobot.outbound import Outbound, Refused, refusal_of
from milobot.services.webhook_delivery import DeliveryJob, Outcome, WebhookDeliveryService

log = logging.getLogger(__name__)

DEFAULT_SCHEDULE = (5, 300, 1800, 7200, 18000, 36000)  # 5 s, 5 min, 30 min, 2 h, 5 h, 10 h
MAX_RETRY_AFTER = 24 * 3600
USER_AGENT = "milobot-webhooks/1"


def retry_after_seconds(value: str | None, *, now: datetime | None = None) -> float | None:
    """Retry-After as seconds: a number of seconds, or an HTTP date (RFC 9110 §10.2.3)."""
    if not value:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        seconds = (when - (now or datetime.now(UTC))).total_seconds()
    return min(MAX_RETRY_AFTER, max(0.0, seconds))


def signed_headers(job: DeliveryJob, at: datetime) -> dict[str, str]:
    # Several space-separated signatures are how Standard Webhooks lets a receiver accept either secret
    # while a rotation overlaps.
    signature = " ".join(Signer(secret).sign(job.message_id, at, job.body) for secret in job.secrets)
    return {
        "webhook-id": job.message_id,
        "webhook-timestamp": str(int(at.timestamp())),
        "webhook-signature": signature,
        "content-type": "application/json",
        "user-agent": USER_AGENT,
    }


def _excerpt(body: bytes) -> str:
    text = body.decode("utf-8", "replace").strip().replace("\n", " ")
    return text[:200]


def install(worker, container, *, outbound: Outbound, schedule: Sequence[float] = DEFAULT_SCHEDULE) -> None:
    service = WebhookDeliveryService(container.deps)
    schedule = tuple(schedule)

    async def deliver(item: Delivery) -> dict:
        job = await service.prepare(delivery_id=int(item.payload["delivery_id"]))
        if job is None:
            return {"skipped": True}
        # A test event is tried once; real events follow the schedule (a Retry press starts it afresh).
        steps = () if job.is_test else schedule
        last_try = item.attempts >= len(steps)
        retry_in: float | None = None
        status_code: int | None = None
        try:
            reply = await outbound.request(
                "POST", job.url, data=job.body, headers=signed_headers(job, datetime.now(UTC))
            )
        except Refused as refused:
            return await _final(job, Outcome("failed", None, f"refused: {refused.reason}"))
        except (aiohttp.ClientError, TimeoutError, OSError) as exc:
            refused = refusal_of(exc)
            if refused is not None:
                return await _final(job, Outcome("failed", None, f"refused: {refused.reason}"))
            failure = outbound.describe_failure(exc)
            error = (failure if isinstance(exc, TimeoutError) else f"network error: {failure}")[:500]
        else:
            status_code = reply.status
            if 200 <= reply.status < 300:
                await service.record(delivery_id=job.delivery_id, outcome=Outcome("delivered", reply.status))
                return {"delivered": reply.status}
            error = f"HTTP {reply.status}" + (f": {_excerpt(reply.body)}" if reply.body else "")
            if reply.status == 410:
                reason = "the receiver answered 410 Gone"
                return await _final(job, Outcome("failed", 410, error, disable_reason=reason))
            if 300 <= reply.status < 400:
                where = reply.headers.get("location", "")
                detail = (
                    f"redirects are not followed (HTTP {reply.status}"
                    + (f" to {where[:200]}" if where else "")
                    + ")"
                )
                return await _final(job, Outcome("failed", reply.status, detail))
            if reply.status == 429:
                retry_in = retry_after_seconds(reply.headers.get("retry-after"))
            elif not (reply.status >= 500 or reply.status == 408):
                return await _final(job, Outcome("failed", reply.status, error))
        # Retryable: network error, 408, 429 or 5xx.
        if last_try:
            reason = None if job.is_test else f"{len(steps) + 1} attempts failed; the last: {error}"
            return await _final(job, Outcome("failed", status_code, error, disable_reason=reason))
        delay = retry_in if retry_in is not None else steps[item.attempts]
        await service.record(delivery_id=job.delivery_id, outcome=Outcome("retrying", status_code, error))
        raise RetryAfter(delay, error)

    async def _final(job: DeliveryJob, outcome: Outcome) -> dict:
        await service.record(delivery_id=job.delivery_id, outcome=outcome)
        raise PermanentFailure(outcome.error or "failed")

    worker.register("webhook", deliver)
