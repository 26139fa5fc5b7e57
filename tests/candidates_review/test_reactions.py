"""Reactions as ratings, over the wire: a :+1: / :-1: (any skin tone) on a candidate card rates that
candidate for the person who reacted, removing it takes the rating back, a redelivered event counts
once, and everything else (other emoji, other messages, strangers, other workspaces) changes nothing.
The card shows counts only and updates in place, a burst coalescing into few chat.update calls."""

from __future__ import annotations

from sqlalchemy import select

from milobot.db.models import OutboxMessage
from tests.candidates_review.support import (
    OTHER_TEAM,
    OUTSIDER,
    VIEWER,
    add_members,
    card_text,
    ratings_of,
)
from tests.conftest import ADMIN
from tests.fakes import payloads
from tests.interview_web.helpers import CARD_CHANNEL
from tests.interview_web.test_override import completed_interview


def reaction(slack, user, name, ts, *, added=True, channel=CARD_CHANNEL, team=None):
    build = payloads.reaction_added if added else payloads.reaction_removed
    return build(team or slack.team_id, user, name, channel, ts, payloads.bot_user_id_for(slack.team_id))


async def settled(milo) -> bool:
    async with milo.container.db.unit_of_work() as s:
        pending = (await s.scalars(select(OutboxMessage.id).where(OutboxMessage.status == "pending"))).all()
    return not pending


async def last_card(milo, slack, interview, words: str):
    """Wait for the card to read `words` in an update of the card message itself."""
    return await slack.wait_for(
        "chat.update", lambda c: c.args["ts"] == interview.card_ts and words in card_text(c), timeout=10
    )


async def test_a_reaction_delivered_four_times_makes_one_rating_and_removing_it_removes_it(milo, slack):
    interview = await completed_interview(milo)
    await add_members(milo, [VIEWER])
    added = reaction(slack, VIEWER, "thumbsup", interview.card_ts)
    for retry in (None, 1, 2, 3):  # the same event_id, as Slack redelivers it
        response = await milo.event(added, retry_num=retry, retry_reason="http_timeout" if retry else None)
        assert response.status == 200
    await milo.wait_until(lambda: _rated(milo, interview.candidate_id, 1))
    assert await ratings_of(milo, interview.candidate_id) == [(VIEWER, "thumbs", 1, "reaction")]
    update = await last_card(milo, slack, interview, "1 rating")
    assert update.args["channel"] == CARD_CHANNEL and f"<@{VIEWER}>" not in card_text(update)  # counts only

    await milo.event(reaction(slack, VIEWER, "thumbsup", interview.card_ts, added=False))
    await milo.wait_until(lambda: _rated(milo, interview.candidate_id, 0))
    await last_card(milo, slack, interview, "no ratings yet")
    assert len(slack.messages[CARD_CHANNEL]) == 1  # updated in place, never posted again

    # A late redelivery of the add (Slack retrying after a timeout) must not bring the rating back.
    assert (await milo.event(added, retry_num=4, retry_reason="http_timeout")).status == 200
    # A later reaction by someone else, once recorded, shows the redelivery has been dealt with too.
    await milo.event(reaction(slack, ADMIN, "thumbsdown", interview.card_ts))
    await milo.wait_until(lambda: _has(milo, interview.candidate_id, (ADMIN, "thumbs", -1, "reaction")))
    await milo.wait_until(lambda: settled(milo), timeout=10)
    assert await ratings_of(milo, interview.candidate_id) == [(ADMIN, "thumbs", -1, "reaction")]


async def _rated(milo, candidate_id: int, n: int) -> bool:
    return len(await ratings_of(milo, candidate_id)) == n


async def test_the_latest_thumb_wins_skin_tones_count_and_other_reactions_change_nothing(milo, slack):
    interview = await completed_interview(milo)
    await add_members(milo, [VIEWER])
    ts = interview.card_ts
    await milo.event(reaction(slack, ADMIN, "+1::skin-tone-4", ts))
    await milo.event(reaction(slack, VIEWER, "+1", ts))
    await milo.event(reaction(slack, VIEWER, "-1::skin-tone-2", ts))  # latest wins: one rating, down
    await milo.wait_until(lambda: _has(milo, interview.candidate_id, (VIEWER, "thumbs", -1, "reaction")))
    # Taking back the :+1: (no longer VIEWER's rating) changes nothing; taking back the :-1: removes it.
    await milo.event(reaction(slack, VIEWER, "+1", ts, added=False))

    # Quietly ignored: another emoji, a stranger's thumb, another message, another workspace's event.
    slack.add_workspace(OTHER_TEAM, "xoxb-fake-T0OTHER001")
    await add_members(milo, [VIEWER], team=OTHER_TEAM)
    mark = slack.mark()
    for envelope in (
        reaction(slack, VIEWER, "tada", ts),
        reaction(slack, OUTSIDER, "thumbsup", ts),
        reaction(slack, VIEWER, "thumbsdown", "1700000000.000100"),
        reaction(slack, VIEWER, "thumbsdown", ts, channel="C0ELSEWHER"),
        reaction(slack, VIEWER, "thumbsdown", ts, team=OTHER_TEAM),
        reaction(slack, ADMIN, "+1::skin-tone-9x", ts),
    ):
        assert (await milo.event(envelope)).status == 200
    await milo.wait_until(lambda: settled(milo), timeout=10)
    assert await ratings_of(milo, interview.candidate_id) == [
        (ADMIN, "thumbs", 1, "reaction"),
        (VIEWER, "thumbs", -1, "reaction"),
    ]
    # Nobody was told anything about the ignored reactions.
    assert not [c for c in slack.calls[mark:] if c.method in ("chat.postEphemeral", "chat.postMessage")]

    await milo.event(reaction(slack, VIEWER, "-1::skin-tone-2", ts, added=False))
    await milo.wait_until(lambda: _rated(milo, interview.candidate_id, 1))
    await last_card(milo, slack, interview, "1 rating")


async def _has(milo, candidate_id: int, row) -> bool:
    return row in await ratings_of(milo, candidate_id)


async def test_a_burst_of_reactions_coalesces_into_few_card_updates_with_the_right_count(milo, slack):
    interview = await completed_interview(milo)
    people = [f"UBURST{i:04d}" for i in range(25)]
    await add_members(milo, people)
    mark = slack.mark()
    for i, person in enumerate(people):
        await milo.event(reaction(slack, person, "+1" if i % 2 else "-1", interview.card_ts))
    await milo.wait_until(lambda: _rated(milo, interview.candidate_id, 25), timeout=10)
    await last_card(milo, slack, interview, "25 ratings")
    await milo.wait_until(lambda: settled(milo), timeout=10)
    updates = [
        c for c in slack.calls[mark:] if c.method == "chat.update" and c.args["ts"] == interview.card_ts
    ]
    assert 1 <= len(updates) <= 5, f"{len(updates)} chat.update calls for 25 reactions"
    assert "25 ratings" in card_text(updates[-1])
