"""The workspace SLACK_BOT_TOKEN belongs to, as auth.test tells it: MILOBOT_ADMINS are admins there
and nowhere else (an id like U012ABC is only unique within a workspace, and an OAuth install serves
workspaces whose people the operator never named)."""

from __future__ import annotations

import asyncio
import logging

from milobot.config import Settings
from milobot.slack.client import make_web_client

log = logging.getLogger(__name__)


class HomeTeam:
    def __init__(self, settings: Settings):
        self.settings = settings
        self._team_id: str | None = None
        self._lock: asyncio.Lock | None = None

    async def __call__(self) -> str | None:
        """The bot token's team id, asked once; None without a bot token or while Slack can't be reached."""
        if self._team_id is not None or not self.settings.slack_bot_token:
            return self._team_id
        self._lock = self._lock or asyncio.Lock()
        async with self._lock:
            if self._team_id is None:
                try:
                    answer = await make_web_client(self.settings, self.settings.slack_bot_token).auth_test()
                    self._team_id = answer.get("team_id")
                except Exception as exc:  # asked again on the next request that needs it
                    log.warning("auth.test failed, so MILOBOT_ADMINS can't be placed yet: %s", exc)
        return self._team_id
