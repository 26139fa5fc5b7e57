"""Outbox deliverer of `workspace.time_zone`: the workspace's first admin was just made; read their Slack
profile's time zone (users.info → user.tz) and make it the workspace's, unless an admin has chosen one
in `/milo settings` meanwhile (services/workspace_settings.py decides)."""

from __future__ import annotations

from slack_sdk.errors import SlackApiError

from milobot.jobs.outbox import Delivery, PermanentFailure
from milobot.services.workspaces import TIME_ZONE_LOOKUP
from milobot.slack.deliver import PERMANENT_ERRORS
from milobot.slack.tokens import NoTokenForWorkspace


def install(worker, clients, container) -> None:
    settings = container.workspace_settings

    async def lookup(item: Delivery) -> dict:
        user_id = str(item.payload["user"])
        try:
            client = await clients.for_team(item.team_id)
            response = await client.users_info(user=user_id)
        except NoTokenForWorkspace as exc:
            raise PermanentFailure(str(exc)) from None
        except SlackApiError as exc:
            code = exc.response.get("error") if exc.response is not None else None
            if code in PERMANENT_ERRORS:
                raise PermanentFailure(f"users.info: {code}") from None
            raise
        zone = (response.get("user") or {}).get("tz")
        changed = await settings.default_time_zone(
            workspace_id=item.workspace_id, time_zone=zone, from_user=user_id
        )
        return {"time_zone": zone, "set": changed}

    worker.register(TIME_ZONE_LOOKUP, lookup)
