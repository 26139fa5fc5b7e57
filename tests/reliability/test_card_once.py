"""The candidate card around a crash: a claim left by a replica that died before posting is taken over
once it expires, and a post that landed while its answer was lost is found, not posted twice."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import update

from milobot.db.models import Interview
from milobot.db.types import utcnow
from milobot.services.interviews import CARD_POSTING, CARD_UNSURE
from tests.fakes.slack_api import DEFAULT_SCOPES
from tests.reliability.support import completed_interview, deliver_card, interview_row

CHANNEL = "C0CARDS001"


@pytest.fixture(autouse=True)
def history_scopes(slack):
    # Looking for a card that landed reads the channel's history.
    slack.set_scopes(slack.team_id, [*DEFAULT_SCOPES, "channels:history", "groups:history"])


async def _set(milo, interview_id: int, **values) -> None:
    async with milo.container.db.unit_of_work() as s:
        await s.execute(update(Interview).where(Interview.id == interview_id).values(**values))


async def test_a_stale_card_claim_is_taken_over(milo, slack):
    interview_id = await completed_interview(milo, channel=CHANNEL, enqueue=False)
    # A replica claimed the first post, then died before posting anything.
    await _set(
        milo, interview_id, card_channel=CARD_POSTING, card_claimed_until=utcnow() + timedelta(minutes=1)
    )
    with pytest.raises(RuntimeError, match="being posted elsewhere"):
        await deliver_card(milo, interview_id)  # while the claim is fresh, another delivery may be posting
    assert not slack.calls_to("chat.postMessage")

    await _set(milo, interview_id, card_claimed_until=utcnow() - timedelta(seconds=1))
    result = await deliver_card(milo, interview_id)
    [post] = slack.calls_to("chat.postMessage")
    assert slack.calls.index(slack.last("conversations.history")) < slack.calls.index(post)  # looked first
    row = await interview_row(milo, interview_id)
    assert (
        result == {"posted": row.card_ts} and row.card_channel == CHANNEL and row.card_claimed_until is None
    )
    assert post.args["metadata"] == {
        "event_type": "milobot_card",
        "event_payload": {"interview_id": interview_id},
    }

    await deliver_card(milo, interview_id)  # later deliveries update it in place
    assert (
        len(slack.calls_to("chat.postMessage")) == 1 and slack.last("chat.update").args["ts"] == row.card_ts
    )


async def test_a_card_post_that_landed_but_timed_out_is_not_posted_twice(milo, slack):
    interview_id = await completed_interview(milo, channel=CHANNEL, enqueue=False)
    slack.inject_lost_answer("chat.postMessage")
    with pytest.raises(Exception):  # noqa: B017 - whatever the lost answer surfaces as, the attempt fails
        await deliver_card(milo, interview_id)
    [landed] = slack.messages[CHANNEL].values()
    row = await interview_row(milo, interview_id)
    assert row.card_ts is None and row.card_channel == CARD_UNSURE  # it may have landed: look next time

    result = await deliver_card(milo, interview_id)
    assert result == {"found": landed["ts"]}
    assert len(slack.messages[CHANNEL]) == 1 and len(slack.calls_to("chat.postMessage")) == 1
    row = await interview_row(milo, interview_id)
    assert (row.card_channel, row.card_ts) == (CHANNEL, landed["ts"])
    assert slack.last("chat.update").args["ts"] == landed["ts"]  # brought up to date in place


async def test_a_card_post_slack_refused_is_simply_posted_again(milo, slack):
    interview_id = await completed_interview(milo, channel=CHANNEL, enqueue=False)
    slack.inject_error("chat.postMessage", "internal_error")  # Slack answered: nothing landed
    with pytest.raises(Exception):  # noqa: B017
        await deliver_card(milo, interview_id)
    assert (await interview_row(milo, interview_id)).card_channel is None
    mark = slack.mark()
    await deliver_card(milo, interview_id)
    assert not [c for c in slack.calls[mark:] if c.method == "conversations.history"]  # nothing to look for
    assert len(slack.messages[CHANNEL]) == 1
