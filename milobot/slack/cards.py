"""Outbox deliverers of the candidate card: `interview.score` (score a completed interview, which then
enqueues the card) and `slack.card` (post the card the first time, update it in place afterwards).

The card is rendered from the database at delivery time, not from the enqueued payload, so a burst of
updates (scored, shortlisted, overridden) always ends with the card as it stands now. Ratings enqueue
with a coalescing key and a short delay (services/candidate_access.py), so a storm of reactions on a
card becomes a few chat.update calls rather than one per reaction."""

from __future__ import annotations

import logging

from slack_sdk.errors import SlackApiError

from milobot.blocks.candidate import card_blocks, card_text
from milobot.errors import NotFound
from milobot.interview.scoring import build_scorer
from milobot.jobs.outbox import Delivery, PermanentFailure
from milobot.services.interview_records import CARD_KIND, SCORE_KIND
from milobot.slack.deliver import PERMANENT_ERRORS
from milobot.slack.tokens import NoTokenForWorkspace

log = logging.getLogger(__name__)


def install(worker, clients, container) -> None:
    settings = container.settings
    scorer = build_scorer(
        llm_base_url=settings.llm_base_url, llm_model=settings.llm_model, llm_api_key=settings.llm_api_key
    )
    interviews = container.interviews

    async def score(item: Delivery) -> dict:
        return await interviews.score(interview_id=int(item.payload["interview_id"]), scorer=scorer)

    async def card(item: Delivery) -> dict:
        interview_id = int(item.payload["interview_id"])
        if item.payload.get("coalesced"):
            await interviews.start_card_render(outbox_id=item.id)
        try:
            data = await interviews.card(interview_id=interview_id)
        except NotFound:
            return {"skipped": "interview gone"}  # forgotten or deleted since: nothing to show
        if data.workspace_id != item.workspace_id:
            raise PermanentFailure("interview belongs to another workspace")
        if not data.channel_id:
            log.info("interview %s completed; agent has no channel, so no card is posted", interview_id)
            return {"skipped": "no channel"}
        try:
            client = await clients.for_team(item.team_id)
        except NoTokenForWorkspace as exc:
            raise PermanentFailure(str(exc)) from None
        text, blocks = card_text(data), card_blocks(data)
        try:
            if data.card_ts:
                await client.chat_update(channel=data.card_channel, ts=data.card_ts, text=text, blocks=blocks)
                return {"updated": data.card_ts}
            if not await interviews.claim_card_post(interview_id=interview_id):
                # Another delivery is posting this card right now; come back and update it instead.
                raise RuntimeError("the first card for this interview is being posted elsewhere")
            try:
                response = await client.chat_postMessage(
                    channel=data.channel_id, text=text, blocks=blocks, unfurl_links=False
                )
            except BaseException:
                await interviews.release_card_post(interview_id=interview_id)
                raise
        except SlackApiError as exc:
            code = exc.response.get("error") if exc.response is not None else None
            if code in PERMANENT_ERRORS:
                raise PermanentFailure(f"card: {code}") from None
            raise
        await interviews.remember_card(
            interview_id=interview_id, channel=response["channel"], ts=response["ts"]
        )
        return {"posted": response["ts"]}

    worker.register(SCORE_KIND, score)
    worker.register(CARD_KIND, card)
