"""Delivering a share (outbox kind `slack.share`): the live link, a QR code PNG and a printable poster
PDF, uploaded into the conversation. Rendering runs in a thread so the event loop keeps acknowledging
Slack. Where the bot can't post (a DM between people, a channel it isn't in) the person gets it by DM."""

from __future__ import annotations

import asyncio
import re
from types import SimpleNamespace

from slack_sdk.errors import SlackApiError
from sqlalchemy import select

from milobot.blocks import agent as agent_blocks
from milobot.db.models import Agent
from milobot.jobs.outbox import Delivery, PermanentFailure
from milobot.services.agents import SHARE
from milobot.services.sharing import interview_link, short_link
from milobot.slack import templates
from milobot.slack.deliver import PERMANENT_ERRORS
from milobot.slack.tokens import NoTokenForWorkspace

# Errors meaning "not here": the bot isn't in that conversation or can't see it.
_NOT_HERE = {"not_in_channel", "channel_not_found", "is_archived", "restricted_action"}


def _card_message(data: dict) -> tuple[str, list[dict]]:
    return agent_blocks.card_message(SimpleNamespace(**data["card"]), headline=data.get("headline"))


templates.register("agent.card", _card_message)


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:40] or "agent"


def render_share(*, name: str, role: str | None, link: str) -> tuple[bytes, bytes]:
    """CPU work (QR encode, PDF layout): called in a thread."""
    # Imported here: reportlab, qrcode and Pillow are heavy, and only sharing needs them.
    from milobot.render.poster import poster_pdf
    from milobot.render.qr import qr_png

    png = qr_png(link)
    pdf = poster_pdf(agent_name=name, role=role or "", link=link, short_link=short_link(link))
    return png, pdf


class ShareDeliverer:
    def __init__(self, clients, container):
        self.clients = clients
        self.container = container

    async def deliver(self, item: Delivery) -> dict:
        p = item.payload
        async with self.container.db.unit_of_work() as session:
            agent = await session.scalar(
                select(Agent).where(Agent.id == p["agent_id"], Agent.workspace_id == item.workspace_id)
            )
            if agent is None:
                raise PermanentFailure(f"agent {p['agent_id']} is gone")
            name, role, token = agent.name, agent.role_title, agent.share_token
        link = interview_link(self.container.settings.public_url, token, p.get("tag"))
        png, pdf = await asyncio.to_thread(render_share, name=name, role=role, link=link)
        try:
            client = await self.clients.for_team(item.team_id)
        except NoTokenForWorkspace as exc:
            raise PermanentFailure(str(exc)) from None
        slug = _slug(name) + (f"-{p['tag']}" if p.get("tag") else "")
        comment = agent_blocks.share_comment(name=name, link=link, user=p.get("user"))
        uploads = [
            {"content": png, "filename": f"qr-{slug}.png", "title": f"QR code: {name}"[:250]},
            {"content": pdf, "filename": f"poster-{slug}.pdf", "title": f"Poster: {name}"[:250]},
        ]
        channel = p["channel"]
        try:
            await self._upload(client, channel, uploads, comment)
            return {"channel": channel, "link": link}
        except SlackApiError as exc:
            code = exc.response.get("error") if exc.response is not None else None
            if code not in _NOT_HERE or not p.get("user"):
                if code in PERMANENT_ERRORS:
                    raise PermanentFailure(f"files_upload_v2: {code}") from None
                raise
        # The bot can't post there: hand it to the person who asked, and say why.
        opened = await client.conversations_open(users=p["user"])
        dm = opened["channel"]["id"]
        note = agent_blocks.share_comment(name=name, link=link, user=None, fallback_from=channel)
        await self._upload(client, dm, uploads, note)
        return {"channel": dm, "link": link, "fallback_from": channel}

    @staticmethod
    async def _upload(client, channel: str, uploads: list[dict], comment: str) -> None:
        # Fresh dicts per attempt: files_upload_v2 adds bookkeeping keys to the ones it is given.
        await client.files_upload_v2(
            file_uploads=[dict(u) for u in uploads], channel=channel, initial_comment=comment
        )


def install(worker, clients, container) -> None:
    """Register this feature's outbox deliverers on `worker`."""
    worker.register(SHARE, ShareDeliverer(clients, container).deliver)
