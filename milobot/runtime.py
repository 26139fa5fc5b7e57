"""One running milobot: container, Bolt app, web app, outbox worker and scheduler, started and stopped
together. `milobot serve`, `milobot socket` and the tests all build it the same way."""

from __future__ import annotations

import asyncio
import logging

from aiohttp import web

from milobot.app import build_app, installation_store
from milobot.config import ConfigError, Settings
from milobot.container import Container
from milobot.db.engine import Database
from milobot.jobs import ats as ats_jobs
from milobot.jobs import link_requests, schedule
from milobot.jobs import webhooks as webhook_jobs
from milobot.jobs.observe import observe_deliveries
from milobot.lifecycle import ListenerTracker
from milobot.mail import Mailer
from milobot.slack import analytics as analytics_charts
from milobot.slack import ats as ats_notices
from milobot.slack import candidate_export, cards, home, privacy_export, reports, review, share, time_zone
from milobot.slack import webhooks as _webhook_templates  # noqa: F401 (registers the notice template)
from milobot.slack.deliver import SlackDeliverers
from milobot.slack.home_team import HomeTeam
from milobot.slack.tokens import SlackClients
from milobot.web import build_web_app

log = logging.getLogger(__name__)


class Runtime:
    def __init__(
        self,
        settings: Settings,
        *,
        db: Database | None = None,
        migrate_on_start: bool | None = None,
        socket_mode: bool = False,
    ):
        if problems := settings.refusals():
            raise ConfigError("\n".join(problems))
        self.settings = settings
        self.socket_mode = socket_mode
        self.container = Container.build(settings, db)
        store = installation_store(settings, self.container)
        # Socket Mode is authenticated by the app token; no HTTP route takes Slack requests there.
        wanted = bool(settings.slack_bot_token) if socket_mode else settings.slack_configured
        self.bolt = (
            build_app(settings, self.container, store=store, socket_mode=socket_mode) if wanted else None
        )
        home_team = HomeTeam(settings)
        self.container.deps.seed_team = home_team
        if settings.admins and not settings.slack_bot_token:
            log.warning(
                "MILOBOT_ADMINS is ignored without SLACK_BOT_TOKEN: installers become the first admins"
            )
        self.slack_clients = SlackClients(
            settings, store, metrics=self.container.metrics, home_team=home_team
        )
        self.container.slack_clients = self.slack_clients
        SlackDeliverers(self.slack_clients).install(self.container.outbox)
        for feature in (share, cards, review, reports, home, candidate_export, privacy_export, time_zone):
            feature.install(self.container.outbox, self.slack_clients, self.container)
        analytics_charts.install(self.container.outbox, self.slack_clients, self.container)
        webhook_jobs.install(
            self.container.outbox,
            self.container,
            outbound=self.container.outbound,
            schedule=settings.retry_schedule,
        )
        ats_jobs.install(
            self.container.outbox,
            self.container,
            clients=self.container.ats_clients,
            schedule=settings.retry_schedule,
        )
        ats_notices.install(self.container.outbox, self.slack_clients, self.container)
        if settings.smtp_url:
            Mailer(settings.smtp_url, sender=settings.mail_from).install(self.container.outbox)
        link_requests.install(self.container.outbox, self.container)
        schedule.install_all(self.container)  # the scheduler's jobs: digests, housekeeping, ...
        # `serve` migrates SQLite on start; PostgreSQL deployments run `milobot migrate` once per release
        # rather than have every replica race to migrate.
        self.migrate_on_start = settings.is_sqlite if migrate_on_start is None else migrate_on_start
        self.listeners = ListenerTracker()
        if self.bolt is not None:
            self.listeners.install(self.bolt)
        self.web = build_web_app(settings, self.container, self.bolt, slack_routes=not socket_mode)
        self.web.on_startup.append(self._on_startup)
        self.web.on_cleanup.append(self._on_cleanup)

    async def _on_startup(self, _app: web.Application) -> None:
        await self.start_background()

    async def _on_cleanup(self, _app: web.Application) -> None:
        await self.stop_background()

    async def start_background(self) -> None:
        if self.migrate_on_start:
            # Imported here: alembic (and mako, pygments behind it) is only needed to migrate.
            from milobot.db.migrate import upgrade_to_head

            self.settings.data_dir.mkdir(parents=True, exist_ok=True)
            await upgrade_to_head(self.container.db.engine)
        observe_deliveries(self.container.outbox, self.container.metrics)
        self.container.outbox.start()
        for hook in self.container.start_hooks:
            await hook()

    async def stop_background(self) -> None:
        """Stop in order (milobot.lifecycle): the requests are answered by now; listeners acknowledged
        finish and the outbox's deliveries under way finish, within the grace period; then background
        work stops and gives back what it holds; whatever still runs is cancelled; the database closes."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.settings.shutdown_grace_seconds
        await self.listeners.wait(timeout=deadline - loop.time())
        await self.container.outbox.stop(grace=max(0.0, deadline - loop.time()))
        for hook in reversed(self.container.stop_hooks):
            try:
                await hook()
            except Exception:
                log.exception("stop hook failed")
        await self.listeners.cancel()
        await self.container.outbound.close()
        await self.container.replier.close()
        await self.container.db.dispose()
