"""The `milobot` command: serve | socket | migrate | doctor | ingest."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys

from milobot.config import ConfigError, Settings, load_settings

log = logging.getLogger("milobot")

CONNECT_HELP = """\
milobot is running without Slack: the web pages and /healthz work, Slack does not.
To connect it:
  1. Create the app at https://api.slack.com/apps → "Create New App" → "From an app manifest",
     and paste manifest.yml (replace https://milobot.example.com with your public URL).
  2. Install it to your workspace, then set, in the environment or a .env file:
       SLACK_SIGNING_SECRET   Basic Information → App Credentials → Signing Secret
       SLACK_BOT_TOKEN        OAuth & Permissions → Bot User OAuth Token (xoxb-…)
       MILOBOT_PUBLIC_URL     the https URL Slack reaches this server at
       MILOBOT_ADMINS         your Slack user id(s), comma-separated, to be the first admins
     (or SLACK_CLIENT_ID + SLACK_CLIENT_SECRET for installs into several workspaces through OAuth)
  3. No public URL? Turn on Socket Mode, set SLACK_APP_TOKEN (xapp-…) and run `milobot socket`.
"""


def cmd_serve(settings: Settings, args: argparse.Namespace) -> int:
    from aiohttp import web

    from milobot import lifecycle

    lifecycle.interrupt_on_sigterm()
    settings = _with_address(settings, args)
    if not settings.slack_configured:
        print(CONNECT_HELP, file=sys.stderr)
        print(f"Missing: {', '.join(settings.missing_for_slack())}\n", file=sys.stderr)
    try:
        runtime = _runtime(settings)
    except KeyboardInterrupt:
        return 0
    if runtime is None:
        return 2

    async def main(stop: asyncio.Event) -> None:
        # Requests in flight get the grace period to finish once the port is closed (shutdown_timeout).
        runner = web.AppRunner(runtime.web, access_log=None, shutdown_timeout=settings.shutdown_grace_seconds)
        await runner.setup()
        try:
            await web.TCPSite(runner, settings.host, settings.port).start()
            log.info(
                "milobot serving on http://%s:%s (database: %s)",
                settings.host,
                settings.port,
                runtime.container.db.engine.url.render_as_string(hide_password=True),
            )
            _freeze_startup_heap()
            await stop.wait()
        finally:
            await runner.cleanup()  # closes the port, answers requests in flight, then stops the runtime
        log.info("milobot stopped")

    return lifecycle.run_until_signalled(main)


def _freeze_startup_heap() -> None:
    from milobot.heap import freeze_startup_heap

    log.info("startup heap frozen: %d objects left out of the collector's full passes", freeze_startup_heap())


def _runtime(settings: Settings, **kwargs):
    from milobot.runtime import Runtime

    try:
        return Runtime(settings, **kwargs)
    except ConfigError as refusal:
        print(f"milobot refuses to start:\n{refusal}", file=sys.stderr)
        return None


def _with_address(settings: Settings, args: argparse.Namespace) -> Settings:
    from dataclasses import replace

    return replace(settings, host=args.host or settings.host, port=args.port or settings.port)


def cmd_socket(settings: Settings, args: argparse.Namespace) -> int:
    from aiohttp import web
    from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler

    from milobot import lifecycle
    from milobot.web import RouteAccessLogger

    lifecycle.interrupt_on_sigterm()

    if not settings.slack_app_token or not settings.slack_bot_token:
        print(
            "Socket Mode needs SLACK_APP_TOKEN (xapp-…) and SLACK_BOT_TOKEN. " + CONNECT_HELP, file=sys.stderr
        )
        return 2
    settings = _with_address(settings, args)
    # Slack arrives over the WebSocket, authenticated by the app token: the HTTP port serves only the
    # candidate pages, reports, the inbound API and /healthz (no /slack/events, no OAuth routes).
    try:
        runtime = _runtime(settings, socket_mode=True)
    except KeyboardInterrupt:
        return 0
    if runtime is None:
        return 2

    async def main(stop: asyncio.Event) -> None:
        # Candidate pages and reports still need HTTP; the access log names routes, not token paths.
        runner = web.AppRunner(
            runtime.web,
            access_log_class=RouteAccessLogger,
            shutdown_timeout=settings.shutdown_grace_seconds,
        )
        await runner.setup()
        handler = AsyncSocketModeHandler(
            runtime.bolt, settings.slack_app_token, web_client=runtime.bolt.client
        )
        try:
            await web.TCPSite(runner, settings.host, settings.port).start()
            await handler.connect_async()
            log.info("milobot connected over Socket Mode; candidate pages on port %s", settings.port)
            _freeze_startup_heap()
            await stop.wait()
        finally:
            # No new Slack requests; those acknowledged finish in the runtime's stop (the grace period).
            await handler.close_async()
            await runner.cleanup()
        log.info("milobot stopped")

    return lifecycle.run_until_signalled(main)


def cmd_migrate(settings: Settings, args: argparse.Namespace) -> int:
    from milobot.db.engine import Database
    from milobot.db.migrate import upgrade_to_head

    async def main() -> None:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        db = Database.from_url(settings.database_url)
        try:
            await upgrade_to_head(db.engine)
        finally:
            await db.dispose()

    asyncio.run(main())
    print("database is at the latest migration")
    return 0


def cmd_doctor(settings: Settings, args: argparse.Namespace) -> int:
    from milobot.doctor import run_doctor

    return asyncio.run(run_doctor(settings))


def cmd_ingest(settings: Settings, args: argparse.Namespace) -> int:
    from milobot.ingest.cli import run_parsed

    return run_parsed(args)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="milobot", description="milobot: AI-interview hiring, inside Slack")
    parser.add_argument("-v", "--verbose", action="store_true")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, fn, text in (
        ("serve", cmd_serve, "run the HTTP app (Slack events, candidate pages, reports, /healthz)"),
        ("socket", cmd_socket, "run the same handlers over Socket Mode"),
    ):
        p = sub.add_parser(name, help=text)
        p.add_argument("--host")
        p.add_argument("--port", type=int)
        p.set_defaults(func=fn)
    sub.add_parser("migrate", help="bring the database to the latest migration").set_defaults(
        func=cmd_migrate
    )
    sub.add_parser("doctor", help="check the Slack token, scopes, database and public URL").set_defaults(
        func=cmd_doctor
    )
    from milobot.ingest.cli import DESCRIPTION, add_arguments

    p = sub.add_parser(
        "ingest",
        help="extract candidate profiles from files locally: [--json] FILE...",
        description=DESCRIPTION,
    )
    add_arguments(p)  # options before or after the files, and --help, as every other command
    p.set_defaults(func=cmd_ingest)
    return parser


def main(argv: list[str] | None = None) -> int:
    from milobot import logs

    args = build_parser().parse_args(argv)
    settings = load_settings()
    logs.configure(json_lines=settings.log_format == "json", verbose=args.verbose)
    return args.func(settings, args)
