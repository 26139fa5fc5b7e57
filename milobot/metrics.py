"""Prometheus metrics: GET /metrics (prometheus-client's text format), one registry per running app.

What is counted as it happens: HTTP requests by route pattern (`/i/{token}`, never the path, which holds
a candidate's personal link) and status, with latency histograms; Slack Web API calls by method and
outcome, 429s among them (observed by a retry handler that every client carries, Bolt's per-request
clients included); outbox deliveries by kind and outcome.

What is read from the database when scraped: outbox depth and the age of its oldest due row, files of
imports still waiting to be extracted, open imports, and the scheduler's lag per job. Those figures are
the same on every replica (they describe the shared database); graph them with max(), not sum().

Labels are route patterns, Slack method names, outbox kinds and job names: nothing from a request, so no
candidate's name, address or token can reach the output, and cardinality stays fixed."""

from __future__ import annotations

import hmac
import time
from datetime import datetime
from typing import TYPE_CHECKING, Any

from aiohttp import web
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
)
from slack_sdk.http_retry.async_handler import AsyncRetryHandler
from slack_sdk.http_retry.request import HttpRequest as RetryHttpRequest
from slack_sdk.http_retry.response import HttpResponse as RetryHttpResponse
from slack_sdk.http_retry.state import RetryState
from sqlalchemy import func, select

from milobot.db.models import IngestionBatch, IngestionFile, OutboxMessage
from milobot.db.types import utcnow

if TYPE_CHECKING:
    from milobot.db.engine import Database

KNOWN_METHODS = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}
# Acks must land within Slack's 3 s; candidate pages and the API should be well under a second.
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
OPEN_IMPORT_STATES = ("extracting", "review")


def route_of(request: web.BaseRequest) -> str:
    """The route pattern a request matched (`/i/{token}`), or "unmatched"; never the path itself."""
    info = getattr(request, "match_info", None)
    route = getattr(info, "route", None)
    resource = getattr(route, "resource", None)
    return resource.canonical if resource is not None else "unmatched"


class Metrics:
    """The app's own registry: tests start many apps in one process, each must count only its own."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        r = self.registry
        self.requests = Counter(
            "milobot_http_requests",
            "HTTP requests by route pattern and status",
            ["method", "route", "status"],
            registry=r,
        )
        self.latency = Histogram(
            "milobot_http_request_duration_seconds",
            "Time to answer an HTTP request, by route pattern (for /slack/events: the ack)",
            ["method", "route"],
            buckets=LATENCY_BUCKETS,
            registry=r,
        )
        self.slack_calls = Counter(
            "milobot_slack_api_calls",
            "Slack Web API calls (every attempt, retries included) by method and outcome: "
            "ok, error (ok: false), ratelimited (HTTP 429), http_<status>, exception",
            ["method", "outcome"],
            registry=r,
        )
        self.slack_ratelimited = Counter(
            "milobot_slack_api_ratelimited",
            "Slack Web API answers of HTTP 429, by method",
            ["method"],
            registry=r,
        )
        self.deliveries = Counter(
            "milobot_outbox_deliveries",
            "Outbox deliveries attempted in this process, by kind and outcome (ok, failed)",
            ["kind", "outcome"],
            registry=r,
        )
        self.outbox_depth = Gauge(
            "milobot_outbox_depth",
            "Outbox rows waiting to be delivered (pending), by kind",
            ["kind"],
            registry=r,
        )
        self.outbox_oldest = Gauge(
            "milobot_outbox_oldest_age_seconds",
            "Age of the oldest pending outbox row that is due now (0 when none is)",
            registry=r,
        )
        self.outbox_dead = Gauge("milobot_outbox_dead", "Outbox rows that gave up", registry=r)
        self.extraction_queue = Gauge(
            "milobot_extraction_queue_files",
            "Files of imports still being read (waiting for download or extraction), all replicas",
            registry=r,
        )
        self.extraction_running = Gauge(
            "milobot_extraction_batches_running", "Imports being extracted by this process", registry=r
        )
        self.open_imports = Gauge(
            "milobot_open_imports",
            "Imports not finished: extracting, or waiting for review",
            ["status"],
            registry=r,
        )
        self.scheduler_lag = Gauge(
            "milobot_scheduler_lag_seconds",
            "How late the last run of each scheduled job started after it was due",
            ["job"],
            registry=r,
        )
        self.scheduler_last_run = Gauge(
            "milobot_scheduler_last_run_timestamp_seconds",
            "When each scheduled job last started (Unix time)",
            ["job"],
            registry=r,
        )
        # Set by features that run work in this process (the extraction jobs).
        self.running_extractions: Any = lambda: 0
        # Readers of the scheduler's run records: async (db) -> [(job, lag_seconds, last_started)].
        self.scheduler_records: Any = None

    # ------------------------------------------------------------------ counting as it happens

    def observe_request(self, method: str, route: str, status: int, seconds: float) -> None:
        method = method if method in KNOWN_METHODS else "OTHER"
        self.requests.labels(method, route, str(status)).inc()
        self.latency.labels(method, route).observe(seconds)

    def observe_slack(self, method: str, outcome: str) -> None:
        self.slack_calls.labels(method, outcome).inc()
        if outcome == "ratelimited":
            self.slack_ratelimited.labels(method).inc()

    def observe_delivery(self, kind: str, ok: bool) -> None:
        self.deliveries.labels(kind, "ok" if ok else "failed").inc()

    # ------------------------------------------------------------------ read when scraped

    async def refresh(self, db: Database, now: datetime | None = None) -> None:
        now = now or utcnow()
        async with db.unit_of_work() as session:
            depth = (
                await session.execute(
                    select(OutboxMessage.kind, func.count())
                    .where(OutboxMessage.status == "pending")
                    .group_by(OutboxMessage.kind)
                )
            ).all()
            oldest = await session.scalar(
                select(func.min(OutboxMessage.created_at)).where(
                    OutboxMessage.status == "pending", OutboxMessage.next_attempt_at <= now
                )
            )
            dead = await session.scalar(
                select(func.count()).select_from(OutboxMessage).where(OutboxMessage.status == "dead")
            )
            queued = await session.scalar(
                select(func.count())
                .select_from(IngestionFile)
                .join(IngestionBatch, IngestionBatch.id == IngestionFile.batch_id)
                .where(IngestionBatch.status == "extracting", IngestionFile.outcome == "pending")
            )
            imports = dict(
                (
                    await session.execute(
                        select(IngestionBatch.status, func.count())
                        .where(IngestionBatch.status.in_(OPEN_IMPORT_STATES))
                        .group_by(IngestionBatch.status)
                    )
                ).all()
            )
        self.outbox_depth.clear()
        for kind, count in depth:
            self.outbox_depth.labels(kind).set(count)
        self.outbox_oldest.set(max(0.0, (now - oldest).total_seconds()) if oldest else 0.0)
        self.outbox_dead.set(dead or 0)
        self.extraction_queue.set(queued or 0)
        self.extraction_running.set(self.running_extractions())
        for status in OPEN_IMPORT_STATES:
            self.open_imports.labels(status).set(imports.get(status, 0))
        if self.scheduler_records is not None:
            for job, lag, started in await self.scheduler_records(db):
                self.scheduler_lag.labels(job).set(lag or 0.0)
                if started is not None:
                    self.scheduler_last_run.labels(job).set(started.timestamp())

    def render(self) -> bytes:
        return generate_latest(self.registry)


class SlackCallObserver(AsyncRetryHandler):
    """Sees every Web API response (and connection error) and never asks for a retry itself.

    slack_sdk asks each retry handler in turn after every attempt, so as the first handler this one
    observes every call; Bolt copies the app client's handlers into each per-request client, so those
    calls are counted too."""

    def __init__(self, metrics: Metrics):
        super().__init__(max_retry_count=0)
        self.metrics = metrics

    async def can_retry_async(
        self,
        *,
        state: RetryState,
        request: RetryHttpRequest,
        response: RetryHttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        method = request.url.rsplit("/", 1)[-1].split("?", 1)[0] or "unknown"
        if response is None:
            outcome = "exception"
        elif response.status_code == 429:
            outcome = "ratelimited"
        elif response.status_code != 200:
            outcome = f"http_{response.status_code}"
        elif isinstance(response.body, dict) and response.body.get("ok") is False:
            outcome = "error"
        else:
            outcome = "ok"
        self.metrics.observe_slack(method[:64], outcome)
        return False


@web.middleware
async def count_requests(request: web.Request, handler: Any) -> web.StreamResponse:
    metrics: Metrics | None = request.app.get(METRICS)
    started = time.perf_counter()
    status = 500
    try:
        response = await handler(request)
        status = response.status
        return response
    except web.HTTPException as exc:
        status = exc.status
        raise
    finally:
        if metrics is not None:
            metrics.observe_request(request.method, route_of(request), status, time.perf_counter() - started)


METRICS = web.AppKey("metrics", Metrics)


def add_routes(app: web.Application, container: Any) -> None:
    metrics: Metrics = container.metrics
    token = container.settings.metrics_token
    app[METRICS] = metrics

    async def scrape(request: web.Request) -> web.Response:
        if token:
            given = request.headers.get("Authorization", "")
            if not hmac.compare_digest(given.encode(), f"Bearer {token}".encode()):
                return web.Response(
                    status=401, text="metrics need a bearer token\n", headers={"WWW-Authenticate": "Bearer"}
                )
        await metrics.refresh(container.db)
        return web.Response(body=metrics.render(), headers={"Content-Type": CONTENT_TYPE_LATEST})

    app.router.add_get("/metrics", scrape)
