"""build_app(settings, container) -> AsyncApp: Bolt, with our client settings, OAuth when configured,
and every listener registered."""

from __future__ import annotations

import logging
import re
import secrets

from slack_bolt.async_app import AsyncApp
from slack_bolt.oauth.async_callback_options import AsyncCallbackOptions, AsyncFailureArgs, AsyncSuccessArgs
from slack_bolt.oauth.async_oauth_settings import AsyncOAuthSettings
from slack_bolt.response import BoltResponse
from slack_sdk.oauth.installation_store.sqlalchemy import AsyncSQLAlchemyInstallationStore
from slack_sdk.oauth.state_store.sqlalchemy import AsyncSQLAlchemyOAuthStateStore

from milobot import logs
from milobot.config import Settings
from milobot.container import Container
from milobot.handlers import register_all
from milobot.handlers.event_claims import ClaimingApp
from milobot.manifest import bot_scopes
from milobot.services.context import Identity
from milobot.slack import response_urls
from milobot.slack.client import make_web_client

log = logging.getLogger(__name__)


def installation_store(settings: Settings, container: Container) -> AsyncSQLAlchemyInstallationStore | None:
    if not settings.oauth_enabled:
        return None
    return AsyncSQLAlchemyInstallationStore(client_id=settings.slack_client_id, engine=container.db.engine)


def _oauth_settings(settings: Settings, container: Container, store) -> AsyncOAuthSettings:
    async def on_success(args: AsyncSuccessArgs) -> BoltResponse:
        installation = args.installation
        # The person who installs milobot into a workspace with no admin yet becomes its first admin;
        # a re-install changes no role and tells the existing admins.
        await container.team.make_installer_admin(
            identity=Identity(
                team_id=installation.team_id,
                user_id=installation.user_id,
                enterprise_id=installation.enterprise_id,
            )
        )
        return await args.default.success(args)

    async def on_failure(args: AsyncFailureArgs) -> BoltResponse:
        log.warning("OAuth install failed: %s", args.reason)
        return await args.default.failure(args)

    return AsyncOAuthSettings(
        client_id=settings.slack_client_id,
        client_secret=settings.slack_client_secret,
        scopes=bot_scopes(),
        redirect_uri=f"{settings.public_url}/slack/oauth_redirect",
        installation_store=store,
        state_store=AsyncSQLAlchemyOAuthStateStore(expiration_seconds=600, engine=container.db.engine),
        callback_options=AsyncCallbackOptions(success=on_success, failure=on_failure),
    )


def build_app(settings: Settings, container: Container, *, store=None, socket_mode: bool = False) -> AsyncApp:
    client = make_web_client(
        settings, None if settings.oauth_enabled else settings.slack_bot_token, metrics=container.metrics
    )
    kwargs = {}
    if settings.oauth_enabled:
        kwargs["oauth_settings"] = _oauth_settings(
            settings, container, store or installation_store(settings, container)
        )
    signing_secret = settings.slack_signing_secret
    if socket_mode and not signing_secret:
        # Nothing reaches Bolt over HTTP in Socket Mode (the routes are not mounted); should anything
        # ever try, it must not verify against a secret anyone could know, so: random, per process.
        signing_secret = secrets.token_urlsafe(32)
    app = ClaimingApp(
        signing_secret=signing_secret,
        client=client,
        # The app must ack within 3 s whatever else runs: listeners ack first and go on afterwards.
        process_before_response=False,
        **kwargs,
    )
    response_urls.install(app, api_url=settings.slack_api_url)
    _log_context(app)
    register_all(app, container)
    return app


COMMAND_WORD = re.compile(r"[a-z][a-z-]{0,23}")


def _action_of(body: dict) -> str:
    """What a Slack request asks for, in words that carry nothing the user typed beyond a subcommand."""
    kind = body.get("type")
    if body.get("command"):
        words = (body.get("text") or "").split(maxsplit=1)
        word = words[0].lower() if words and COMMAND_WORD.fullmatch(words[0].lower()) else ""
        return f"{body['command'][:24]} {word}".strip()
    if kind == "block_actions":
        actions = body.get("actions") or [{}]
        return f"action:{str(actions[0].get('action_id', '?'))[:64]}"
    if kind in ("view_submission", "view_closed"):
        return f"{kind}:{str((body.get('view') or {}).get('callback_id', '?'))[:64]}"
    if kind == "event_callback":
        return f"event:{str((body.get('event') or {}).get('type', '?'))[:64]}"
    return str(kind or "unknown")[:64]


def _log_context(app: AsyncApp) -> None:
    """Every line logged while a Slack request is handled names its team, user and action; the listener
    tasks Bolt starts after the ack copy the context, so their lines do too."""

    @app.middleware
    async def log_context(body, next):  # noqa: A002 (Bolt names it `next`)
        team = body.get("team_id") or (body.get("team") or {}).get("id")
        user = (
            body.get("user_id") or (body.get("user") or {}).get("id") or (body.get("event") or {}).get("user")
        )
        # Bolt calls the listeners after the middleware returns (next() only marks the chain as going
        # on), so the fields stay bound: each request is handled in a task of its own (an aiohttp
        # request, a Socket Mode message), whose context dies with it.
        logs.bind(team=team, user=user if isinstance(user, str) else None, action=_action_of(body))
        return await next()
