"""Every outbox delivery counted in /metrics and logged with its workspace, kind and row id.

Wraps the deliverers registered on the worker (once, when the runtime starts, after every feature has
registered its kinds), so the worker itself stays about claiming and finishing rows."""

from __future__ import annotations

from typing import Any

from milobot import logs
from milobot.jobs.outbox import Deliverer, Delivery, OutboxWorker
from milobot.metrics import Metrics

_WRAPPED = "_milobot_observed"


def observe_deliveries(worker: OutboxWorker, metrics: Metrics) -> None:
    for kind, deliverer in list(worker.deliverers.items()):
        if not getattr(deliverer, _WRAPPED, False):
            worker.deliverers[kind] = _observed(kind, deliverer, metrics)


def _observed(kind: str, deliverer: Deliverer, metrics: Metrics) -> Deliverer:
    async def deliver(item: Delivery) -> dict[str, Any] | None:
        token = logs.bind(team=item.team_id, action=f"outbox.{kind}", request_id=f"outbox-{item.id}")
        ok = False
        try:
            result = await deliverer(item)
            ok = True
            return result
        finally:
            metrics.observe_delivery(kind, ok)
            logs.reset(token)

    setattr(deliver, _WRAPPED, True)
    return deliver
