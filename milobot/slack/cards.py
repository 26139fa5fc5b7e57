"""Outbox deliverers of the candidate card: `interview.score` (score a completed interview, which then
enqueues the card) and `slack.card` (post the card the first time, update it in place afterwards).

The card is rendered from the database at delivery time, not from the enqueued payload, so a burst of
updates (scored, shortlisted, overridden) always ends with the card as it stands now. Whether it may
carry personal data is decided then too, from Slack's answer on whether its channel is public. Ratings
enqueue with a coalescing key and a short delay (services/candidate_access.py), so a storm of reactions
on a card becomes a few chat.update calls rather than one per reaction.

Posting the first card happens once: a claim with an expiry picks the one delivery that posts, the post
carries `milobot_card` metadata, and a delivery that takes over from a post that may have landed (its
replica died, its answer was lost) looks for the card in the channel before posting again."""

from __future__ import annotations

import asyncio
import logging

from slack_sdk.errors import SlackApiError

from milobot.blocks.candidate import card_blocks, card_text
from milobot.errors import NotFound
from milobot.interview.scoring import build_scorer
from milobot.jobs.outbox import Delivery, PermanentFailure
from milobot.services.interview_records import CARD_KIND, SCORE_KIND
from milobot.services.interviews import POST_LOOK_FIRST
from milobot.services.privacy import hides_personal_data
from milobot.slack.deliver import PERMANENT_ERRORS
from milobot.slack.landed import CARD_EVENT, metadata, post_once
from milobot.slack.tokens import NoTokenForWorkspace

log = logging.getLogger(__name__)


def _answered(exc: BaseException) -> bool:
    """Slack answered, so the post did not happen (a lost answer or a 5xx might hide one that did)."""
    if not isinstance(exc, SlackApiError) or exc.response is None:
        return False
    return getattr(exc.response, "status_code", 200) < 500


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
        public = await container.channel_kinds.is_public(
            client, team_id=item.team_id, channel_id=data.channel_id
        )
        if hides_personal_data(
            channel_is_public=public,
            workspace_settings=data.workspace_settings,
            agent_override=data.agent_privacy,
        ):
            data = data.without_personal_data()
        text, blocks = card_text(data), card_blocks(data)
        key = {"interview_id": interview_id}
        try:
            if data.card_ts:
                await client.chat_update(
                    channel=data.card_channel,
                    ts=data.card_ts,
                    text=text,
                    blocks=blocks,
                    metadata=metadata(CARD_EVENT, key),
                )
                return {"updated": data.card_ts}
            claim = await interviews.claim_card_post(interview_id=interview_id)
            if claim is None:
                # Another delivery is posting this card right now; come back and update it instead.
                raise RuntimeError("the first card for this interview is being posted elsewhere")
            try:
                posted = await post_once(
                    client,
                    channel=data.channel_id,
                    event_type=CARD_EVENT,
                    key=key,
                    look_first=claim == POST_LOOK_FIRST,
                    since=data.completed_at,
                    text=text,
                    blocks=blocks,
                    unfurl_links=False,
                )
            except BaseException as exc:
                release = interviews.release_card_post(
                    interview_id=interview_id, maybe_landed=not _answered(exc)
                )
                await asyncio.shield(release)
                raise
            if posted["found"]:
                # The card that landed earlier shows the state of then: bring it up to date.
                await client.chat_update(
                    channel=posted["channel"],
                    ts=posted["ts"],
                    text=text,
                    blocks=blocks,
                    metadata=metadata(CARD_EVENT, key),
                )
        except SlackApiError as exc:
            code = exc.response.get("error") if exc.response is not None else None
            if code in PERMANENT_ERRORS:
                raise PermanentFailure(f"card: {code}") from None
            raise
        await interviews.remember_card(interview_id=interview_id, channel=posted["channel"], ts=posted["ts"])
        return {"found" if posted["found"] else "posted": posted["ts"]}

    worker.register(SCORE_KIND, score)
    worker.register(CARD_KIND, card)
