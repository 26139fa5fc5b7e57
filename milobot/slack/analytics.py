"""Delivering an analytics chart (outbox kind `slack.analytics_chart`): the numbers are read again, the
PNG drawn in a thread (matplotlib holds the CPU for tens of milliseconds; the event loop keeps
acknowledging Slack) and uploaded with alt text into the conversation the person asked in. Where the
bot can't post (a channel it isn't in, a DM between people) the person gets it by DM."""

from __future__ import annotations

import asyncio
import re
from datetime import datetime

from slack_sdk.errors import SlackApiError

from milobot.blocks.text import display
from milobot.jobs.outbox import Delivery, PermanentFailure
from milobot.services.analytics_report import CHART, AnalyticsService
from milobot.slack.deliver import PERMANENT_ERRORS
from milobot.slack.tokens import NoTokenForWorkspace

_NOT_HERE = {"not_in_channel", "channel_not_found", "is_archived", "restricted_action"}


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:40] or "workspace"


class ChartDeliverer:
    def __init__(self, clients, container):
        self.clients = clients
        self.service = AnalyticsService(container.deps)

    async def deliver(self, item: Delivery) -> dict:
        p = item.payload
        found = await self.service.chart_summary(
            workspace_id=item.workspace_id,
            agent_id=p.get("agent_id"),
            start=datetime.fromisoformat(p["start"]),
            end=datetime.fromisoformat(p["end"]),
            time_zone=p.get("time_zone") or "UTC",
        )
        if found is None:
            raise PermanentFailure(f"agent {p.get('agent_id')} is gone")
        name, summary = found
        per = "week" if summary.bucket == "week" else "day"
        title = f"{name} — interviews per {per}, {p.get('label') or ''}".strip(", ")
        # matplotlib (~40 MB) is imported by the first chart, not at startup: most processes never draw one.
        from milobot.render.charts import chart_alt_text, summary_chart_png

        png = await asyncio.to_thread(summary_chart_png, summary, title=title[:120])
        try:
            client = await self.clients.for_team(item.team_id)
        except NoTokenForWorkspace as exc:
            raise PermanentFailure(str(exc)) from None
        upload = {
            "content": png,
            "filename": f"analytics-{_slug(name)}.png",
            "title": f"Analytics: {name}"[:250],
            "alt_txt": chart_alt_text(summary, name)[:1000],
        }
        who = f"<@{p['user']}>" if p.get("user") else "someone"
        comment = f"Interviews started and completed for *{display(name, 150)}* ({display(p.get('label'), 60)}), asked by {who}."
        channel = p["channel"]
        try:
            await client.files_upload_v2(
                file_uploads=[dict(upload)], channel=channel, initial_comment=comment
            )
            return {"channel": channel}
        except SlackApiError as exc:
            code = exc.response.get("error") if exc.response is not None else None
            if code not in _NOT_HERE or not p.get("user"):
                if code in PERMANENT_ERRORS:
                    raise PermanentFailure(f"files_upload_v2: {code}") from None
                raise
        opened = await client.conversations_open(users=p["user"])
        dm = opened["channel"]["id"]
        note = comment + f" (I can't post in <#{channel}>, so it's here.)"
        await client.files_upload_v2(file_uploads=[dict(upload)], channel=dm, initial_comment=note)
        return {"channel": dm, "fallback_from": channel}


def install(worker, clients, container) -> None:
    """Register this feature's outbox deliverer on `worker`."""
    worker.register(CHART, ChartDeliverer(clients, container).deliver)
