"""Builds the services and background workers from settings: the one place that wires ports to adapters."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from milobot.ats.clients import AtsClients
from milobot.config import Settings
from milobot.db.engine import Database
from milobot.jobs.outbox import OutboxWorker
from milobot.jobs.scheduler import Scheduler
from milobot.metrics import Metrics
from milobot.outbound import AllowList, Outbound
from milobot.services.agents import AgentService
from milobot.services.apikeys import ApiKeyService
from milobot.services.ats import AtsService
from milobot.services.ats_inbound import AtsInboundService
from milobot.services.ats_sync import AtsSyncService
from milobot.services.base import ServiceDeps
from milobot.services.candidate_list import CandidateListService
from milobot.services.candidate_review import CandidateReview
from milobot.services.candidates import CandidateService
from milobot.services.digests import DigestService
from milobot.services.erasure import ErasureService
from milobot.services.home import HomeService
from milobot.services.ingestion import IngestionService
from milobot.services.installs import InstallService
from milobot.services.interviews import InterviewService
from milobot.services.link_visits import LinkVisitCounter
from milobot.services.privacy_export import PrivacyExportService
from milobot.services.report_packages import PackageService
from milobot.services.reports import ReportService
from milobot.services.retention import PrivacySettingsService
from milobot.services.team import TeamService
from milobot.services.webhooks import WebhookService
from milobot.services.workspace_settings import WorkspaceSettingsService
from milobot.slack.channels import ChannelKinds
from milobot.slack.replies import Replier
from milobot.slack.users import SlackUsers


@dataclass
class Container:
    settings: Settings
    db: Database
    outbox: OutboxWorker
    deps: ServiceDeps
    team: TeamService
    home: HomeService
    agents: AgentService
    candidates: CandidateService
    interviews: InterviewService
    ingestion: IngestionService
    apikeys: ApiKeyService
    reports: ReportService
    packages: PackageService
    review: CandidateReview  # profile, ratings, notes, decisions, nudges, file links
    candidate_list: CandidateListService
    outbound: Outbound  # the SSRF-guarded HTTP client of webhooks and ATS calls
    webhooks: WebhookService
    ats_clients: AtsClients
    ats: AtsService
    ats_sync: AtsSyncService
    ats_inbound: AtsInboundService
    # The one scheduler of timed work (milobot/jobs/scheduler.py; jobs installed by jobs/schedule.py).
    scheduler: Scheduler
    digests: DigestService
    erasure: ErasureService  # /milo forget, DELETE /api/v1/candidates, retention
    privacy_export: PrivacyExportService
    privacy_settings: PrivacySettingsService
    workspace_settings: WorkspaceSettingsService  # /milo settings, and typed reads for every feature
    installs: InstallService  # Slack's app_uninstalled / tokens_revoked: the workspace marked
    # Set by the runtime: the Slack clients per workspace (jobs and lazy listeners need them).
    slack_clients: Any = None
    # Ephemeral replies through response_url on one pooled session, and the post-ack work bound.
    replier: Replier = field(default_factory=Replier)
    # Feature modules add background work that starts and stops with the app (scheduler, pools).
    start_hooks: list[Callable[[], Awaitable[None]]] = field(default_factory=list)
    stop_hooks: list[Callable[[], Awaitable[None]]] = field(default_factory=list)
    # Set by slack/reports.py: the PDF worker processes and the Package ZIP worker.
    report_pool: Any = None
    package_runner: Any = None
    # Opens of shared links, counted in memory and written in batches (no write per anonymous GET).
    link_visits: LinkVisitCounter | None = None
    # Slack's answer on whether a channel is public, cached once per runtime (cards, notices, digests).
    channel_kinds: ChannelKinds = field(default_factory=ChannelKinds)
    # Slack's answer on whether a user is a person (not a bot, not deactivated), cached the same way.
    slack_users: SlackUsers = field(default_factory=SlackUsers)
    # This app's Prometheus registry and counters (GET /metrics).
    metrics: Metrics = field(default_factory=Metrics)
    # Set by jobs/digests.py: claims and posts due digests (also Send now).
    digest_runner: Any = None

    @classmethod
    def build(cls, settings: Settings, db: Database | None = None) -> Container:
        db = db or Database.from_url(settings.database_url)
        worker = OutboxWorker(
            db,
            poll_seconds=settings.outbox_poll_seconds,
            lease=timedelta(seconds=settings.outbox_lease_seconds),
        )
        deps = ServiceDeps(
            db=db,
            seed_admins=settings.admins,
            public_url=settings.public_url,
            secret_key=settings.secret_key,
            data_dir=settings.data_dir,
            mail_enabled=bool(settings.smtp_url),
            link_daily_cap=settings.link_daily_cap,
            outbox_kick=worker.kick,
        )
        outbound = Outbound(AllowList.parse(settings.outbound_allow))
        ats_clients = AtsClients(
            outbound, greenhouse_url=settings.greenhouse_api_url, lever_url=settings.lever_api_url
        )
        visits = LinkVisitCounter(db, flush_seconds=settings.visit_flush_seconds)
        scheduler = Scheduler(db, clock=lambda: deps.clock(), enabled=settings.run_scheduler)
        container = cls(
            scheduler=scheduler,
            digests=DigestService(deps),
            outbound=outbound,
            webhooks=WebhookService(deps, outbound),
            ats_clients=ats_clients,
            ats=AtsService(deps, ats_clients),
            ats_sync=AtsSyncService(deps),
            ats_inbound=AtsInboundService(deps),
            erasure=ErasureService(deps),
            privacy_export=PrivacyExportService(deps),
            privacy_settings=PrivacySettingsService(deps),
            workspace_settings=WorkspaceSettingsService(deps),
            installs=InstallService(deps),
            settings=settings,
            db=db,
            outbox=worker,
            deps=deps,
            team=TeamService(deps),
            home=HomeService(deps),
            agents=AgentService(deps),
            candidates=CandidateService(deps),
            interviews=InterviewService(deps),
            ingestion=IngestionService(deps),
            apikeys=ApiKeyService(deps),
            reports=ReportService(deps, link_ttl_seconds=settings.report_link_ttl_seconds),
            packages=PackageService(deps, max_bytes=settings.package_max_bytes),
            review=CandidateReview.build(deps),
            candidate_list=CandidateListService(deps),
            replier=Replier(api_url=settings.slack_api_url),
            link_visits=visits,
        )
        container.start_hooks.append(visits.start)
        container.stop_hooks.append(visits.stop)
        container.start_hooks.append(scheduler.start)
        scheduler_grace = min(5.0, settings.shutdown_grace_seconds)

        async def stop_scheduler() -> None:
            await scheduler.stop(grace=scheduler_grace)

        container.stop_hooks.append(stop_scheduler)
        return container
