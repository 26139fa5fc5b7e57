"""Which bot token speaks for which workspace: the one configured token, or the installation store's."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from slack_sdk.oauth.installation_store.async_installation_store import AsyncInstallationStore
from slack_sdk.web.async_client import AsyncWebClient

from milobot.config import Settings
from milobot.slack.client import make_web_client


class NoTokenForWorkspace(Exception):
    pass


class SlackClients:
    def __init__(
        self,
        settings: Settings,
        installation_store: AsyncInstallationStore | None = None,
        *,
        metrics=None,
        home_team: Callable[[], Awaitable[str | None]] | None = None,
    ):
        self.settings = settings
        self.installation_store = installation_store
        self.metrics = metrics
        # With OAuth and SLACK_BOT_TOKEN both set, the token speaks for its own workspace only (auth.test
        # names it): a workspace without an installation (never installed, or uninstalled) must not be
        # written to with another workspace's token.
        self.home_team = home_team
        self._cache: dict[str, AsyncWebClient] = {}

    async def delete_tokens(self, team_id: str, enterprise_id: str | None = None) -> bool:
        """Slack revoked milobot's tokens in this workspace (an uninstall, or the bot token revoked):
        delete every installation row and bot row of it, with bolt's installation-store API. milobot
        keeps no user tokens, so the installation rows hold nothing but the same bot token, which
        Bolt's authorization would otherwise still read. False without an installation store
        (SLACK_BOT_TOKEN: the token is the operator's to remove from the environment)."""
        if self.installation_store is None:
            return False
        await self.installation_store.async_delete_all(enterprise_id=enterprise_id, team_id=team_id)
        return True

    async def for_team(self, team_id: str, enterprise_id: str | None = None) -> AsyncWebClient:
        if self.installation_store is not None:
            bot = await self.installation_store.async_find_bot(enterprise_id=enterprise_id, team_id=team_id)
            if bot is not None and bot.bot_token:
                return make_web_client(self.settings, bot.bot_token, metrics=self.metrics)
            if not self.settings.slack_bot_token or not await self._is_home(team_id):
                raise NoTokenForWorkspace(f"milobot is not installed in workspace {team_id}")
        if not self.settings.slack_bot_token:
            raise NoTokenForWorkspace("SLACK_BOT_TOKEN is not set")
        client = self._cache.get("default")
        if client is None:
            client = self._cache["default"] = make_web_client(
                self.settings, self.settings.slack_bot_token, metrics=self.metrics
            )
        return client

    async def _is_home(self, team_id: str) -> bool:
        """Whether SLACK_BOT_TOKEN belongs to this workspace (unknown while auth.test can't be asked: no)."""
        return self.home_team is not None and await self.home_team() == team_id
