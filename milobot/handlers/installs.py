"""Slack revoking milobot's access to a workspace: `app_uninstalled`, and `tokens_revoked` naming the
bot's token. Its tokens are deleted at once and the workspace is marked, so nothing scheduled tries a
dead token; the workspace's data stays for a re-install (milobot/services/installs.py).

Bolt's own `enable_token_revocation_listeners()` is not used: on `tokens_revoked` for a user it deletes
that user's installation rows, and milobot's rows (it keeps no user tokens) hold the bot token that the
workspace still runs on; and its listeners would not complete the event's claim (handlers/event_claims)."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt.async_app import AsyncApp

from milobot.container import Container
from milobot.handlers.errors import guarded
from milobot.services.installs import BOT_TOKEN_REVOKED, UNINSTALLED

log = logging.getLogger(__name__)


async def _revoked(container: Container, body: dict[str, Any], *, why: str) -> None:
    team_id = body.get("team_id")
    if not isinstance(team_id, str) or not team_id:
        log.warning("%s without a team id: nothing to delete", why)
        return
    enterprise_id = body.get("enterprise_id") or None
    if not await container.slack_clients.delete_tokens(team_id, enterprise_id):
        log.warning(
            "Slack says milobot's token in workspace %s no longer works (%s). SLACK_BOT_TOKEN is set in "
            "the environment: reinstall the app and set its new token, or remove it",
            team_id,
            why,
        )
        return
    marked = await container.installs.uninstalled(team_id=team_id, why=why)
    log.info(
        "%s: milobot's tokens in workspace %s are deleted%s; its data stays until retention, "
        "/milo forget or a re-install",
        why,
        team_id,
        " and its scheduled posting stops" if marked else "",
    )


def register(app: AsyncApp, container: Container) -> None:
    @app.event("app_uninstalled")
    @guarded
    async def on_app_uninstalled(body, client) -> None:
        await _revoked(container, body, why=UNINSTALLED)

    @app.event("tokens_revoked")
    @guarded
    async def on_tokens_revoked(event, body, client) -> None:
        tokens = event.get("tokens") or {}
        if not tokens.get("bot"):
            # User tokens (`oauth`): milobot asks for no user scopes, so it holds none to delete.
            log.info("tokens_revoked for user tokens only in %s: milobot keeps none", body.get("team_id"))
            return
        await _revoked(container, body, why=BOT_TOKEN_REVOKED)
