"""Who a Slack user id is, for `/milo team invite`: a person, a bot or app, a deactivated account, or no
one Slack knows here. milobot's own bot user (Bolt's `context.bot_user_id`) and Slackbot are known
without asking; anyone else is Slack's answer (`users.info` → `is_bot`, `deleted`), cached for a few
minutes per workspace and user like channels.py's, so a burst of commands costs one lookup. A failed
lookup is not cached: the next command asks again."""

from __future__ import annotations

import logging
import time

import aiohttp
from slack_sdk.errors import SlackApiError

from milobot.services.team import Account

log = logging.getLogger(__name__)

TTL_SECONDS = 300.0
SLACKBOT = "USLACKBOT"  # users.info calls Slackbot `is_bot: false`, so it is named here
# Definite answers that the id names no one this app can see in the workspace.
_NO_SUCH_USER = {"user_not_found", "user_not_visible"}


def account_of(user: dict) -> Account:
    if user.get("deleted"):
        return Account.DEACTIVATED
    if user.get("is_bot") or user.get("id") == SLACKBOT:
        return Account.BOT
    return Account.PERSON


class SlackUsers:
    def __init__(self, *, ttl: float = TTL_SECONDS):
        self.ttl = ttl
        self._cache: dict[tuple[str, str], tuple[float, Account]] = {}

    async def account(self, client, *, team_id: str, user_id: str, bot_user_id: str | None) -> Account:
        if user_id in (SLACKBOT, bot_user_id):
            return Account.BOT
        key = (team_id, user_id)
        now = time.monotonic()
        hit = self._cache.get(key)
        if hit and hit[0] > now:
            return hit[1]
        try:
            user = (await client.users_info(user=user_id))["user"]
        except SlackApiError as exc:
            code = exc.response.get("error") if exc.response is not None else None
            if code in _NO_SUCH_USER:
                return Account.UNKNOWN
            log.warning("users.info %s failed (%s)", user_id, code)
            return Account.UNCHECKED
        except (TimeoutError, aiohttp.ClientError, KeyError, TypeError) as exc:
            log.warning("users.info %s failed (%s)", user_id, type(exc).__name__)
            return Account.UNCHECKED
        answer = account_of(user) if isinstance(user, dict) else Account.UNCHECKED
        if answer != Account.UNCHECKED:
            self._cache[key] = (now + self.ttl, answer)
        return answer
