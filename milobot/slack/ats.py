"""Slack's part of ATS sync: the deliverer that posts an agent's ATS-sync notice the first time and
updates it in place afterwards (rendered from the database, so a burst ends with the latest state), and
the message template of the DM to admins when a connection breaks."""

from __future__ import annotations

from slack_sdk.errors import SlackApiError

from milobot.blocks.ats import broken_dm, notice
from milobot.jobs.outbox import Delivery, PermanentFailure, RetryAfter
from milobot.services.ats_sync import NOTICE, POSTING, AtsNoticeService
from milobot.services.privacy import hides_personal_data
from milobot.slack import templates
from milobot.slack.deliver import PERMANENT_ERRORS
from milobot.slack.tokens import NoTokenForWorkspace

templates.register("ats.broken", broken_dm)


def install(worker, clients, container) -> None:
    service = AtsNoticeService(container.deps)

    async def deliver(item: Delivery) -> dict:
        notice_id = int(item.payload["notice_id"])
        data = await service.render_data(notice_id=notice_id)
        if data is None or not data.lines:
            return {"skipped": True}
        if not data.channel_id:
            return {"skipped": "the agent has no channel"}
        try:
            client = await clients.for_team(item.team_id)
        except NoTokenForWorkspace as exc:
            raise PermanentFailure(str(exc)) from None
        public = await container.channel_kinds.is_public(
            client, team_id=item.team_id, channel_id=data.channel_id
        )
        if hides_personal_data(
            channel_is_public=public,
            workspace_settings=data.workspace_settings,
            agent_override=data.agent_privacy,
        ):
            data = data.without_personal_data()
        text, blocks = notice(data)
        try:
            if data.ts and data.ts != POSTING:
                await client.chat_update(channel=data.channel_id, ts=data.ts, text=text, blocks=blocks)
                return {"updated": data.ts}
            if data.ts == POSTING or not await service.claim_post(notice_id=notice_id):
                raise RetryAfter(1, "the notice's first post is under way elsewhere")
            try:
                response = await client.chat_postMessage(
                    channel=data.channel_id, text=text, blocks=blocks, unfurl_links=False
                )
            except BaseException:
                await service.posted(notice_id=notice_id, channel=None, ts=None)
                raise
        except SlackApiError as exc:
            code = exc.response.get("error") if exc.response is not None else None
            if code in PERMANENT_ERRORS:
                raise PermanentFailure(f"ats notice: {code}") from None
            raise
        await service.posted(notice_id=notice_id, channel=response["channel"], ts=response["ts"])
        return {"posted": response["ts"]}

    worker.register(NOTICE, deliver)
