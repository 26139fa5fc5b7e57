"""Ratings from the profile and the card, and the blind-until-you-rate rule: a viewer who has not rated
sees how many ratings exist and nothing more; after rating (or once the candidate is decided) they see
every rating and who gave it. One rating per person, the latest wins."""

from __future__ import annotations

import json

from milobot.ids import ProfileAction
from milobot.metadata import RatingChoice, encode
from tests.candidates_review.support import (
    OTHER_TEAM,
    OUTSIDER,
    VIEWER,
    VIEWER2,
    Reviewer,
    add_members,
    card_text,
    invited_candidate,
    ratings_of,
    text_of,
)
from tests.conftest import ADMIN
from tests.fakes import payloads
from tests.interview_web.helpers import CARD_CHANNEL
from tests.interview_web.test_override import completed_interview


def stars(candidate_id: int, n: int) -> str:
    return encode(RatingChoice(candidate_id, str(n)))


async def test_a_viewer_who_has_not_rated_sees_counts_only_until_they_rate(milo, slack):
    candidate_id = await invited_candidate(milo)
    await add_members(milo, [VIEWER, VIEWER2])
    admin = Reviewer(milo, ADMIN)
    await admin.open_profile(candidate_id)
    shown = await admin.click(ProfileAction.RATE_STARS, selected=stars(candidate_id, 4))
    assert f"<@{ADMIN}> ★★★★☆ 4/5" in text_of(shown.args["view"])  # the rater sees their own rating
    second = Reviewer(milo, VIEWER2)
    await second.open_profile(candidate_id)
    await second.click(ProfileAction.THUMBS_DOWN)
    await second.click(ProfileAction.THUMBS_UP)  # the latest wins: still one rating from VIEWER2

    viewer = Reviewer(milo, VIEWER)
    blind = text_of(await viewer.open_profile(candidate_id))
    assert "2 ratings: rate to see them" in blind
    assert f"<@{ADMIN}>" not in blind and f"<@{VIEWER2}>" not in blind and "4/5" not in blind
    assert "average" not in blind

    after = text_of(
        (await viewer.click(ProfileAction.RATE_STARS, selected=stars(candidate_id, 2))).args["view"]
    )
    assert "3 ratings, average 3.7 / 5" in after  # (4 + 5 + 2) / 3, a thumbs up counting as 5
    for line in (f"<@{ADMIN}> ★★★★☆ 4/5", f"<@{VIEWER2}> :+1: thumbs up", f"<@{VIEWER}> ★★☆☆☆ 2/5"):
        assert line in after
    assert sorted(await ratings_of(milo, candidate_id)) == [
        (ADMIN, "stars", 4, "button"),
        (VIEWER, "stars", 2, "button"),
        (VIEWER2, "thumbs", 1, "button"),
    ]


async def test_once_decided_everyone_sees_the_ratings(milo, slack):
    candidate_id = await invited_candidate(milo)
    await add_members(milo, [VIEWER])
    await milo.container.review.ratings.rate(
        identity=_id(slack, ADMIN), candidate_id=candidate_id, kind="thumbs", value=-1
    )
    viewer = Reviewer(milo, VIEWER)
    assert "1 rating: rate to see them" in text_of(await viewer.open_profile(candidate_id))
    await milo.container.review.decisions.decide(
        identity=_id(slack, ADMIN), candidate_id=candidate_id, decision="shortlist"
    )
    assert f"<@{ADMIN}> :-1: thumbs down" in text_of(await viewer.open_profile(candidate_id))


def _id(slack, user):
    from milobot.services.context import Identity

    return Identity(slack.team_id, user)


async def test_rating_from_the_card_confirms_privately_and_the_card_shows_the_count(milo, slack):
    interview = await completed_interview(milo)
    await add_members(milo, [VIEWER])
    card = slack.message(CARD_CHANNEL, interview.card_ts)
    controls = {e["action_id"]: e for b in card["blocks"] if b["type"] == "actions" for e in b["elements"]}
    assert {ProfileAction.RATE_STARS, ProfileAction.THUMBS_UP, ProfileAction.THUMBS_DOWN} <= set(controls)
    mark = slack.mark()
    await milo.interact(
        payloads.block_actions(
            slack.team_id,
            VIEWER,
            ProfileAction.THUMBS_UP,
            controls[ProfileAction.THUMBS_UP]["value"],
            message=card,
            channel_id=CARD_CHANNEL,
            response_url=slack.new_response_url(kind="actions"),
        )
    )
    reply = await slack.wait_for("response_url", since=mark)
    assert reply.args["text"].startswith("You rated Olive Override :+1: thumbs up")
    update = await slack.wait_for("chat.update", lambda c: "1 rating" in card_text(c), since=mark, timeout=10)
    assert update.args["ts"] == interview.card_ts and f"<@{VIEWER}>" not in card_text(update)
    assert await ratings_of(milo, interview.candidate_id) == [(VIEWER, "thumbs", 1, "button")]


async def test_bad_ratings_strangers_and_other_workspaces_change_nothing(milo, slack):
    candidate_id = await invited_candidate(milo)
    slack.add_workspace(OTHER_TEAM, "xoxb-fake-T0OTHER001")
    await add_members(milo, [VIEWER], team=OTHER_TEAM)
    cases = [
        (slack.team_id, ADMIN, encode(RatingChoice(candidate_id, "9")), "1 to 5 stars"),
        (slack.team_id, ADMIN, encode(RatingChoice(candidate_id, "-1")), "1 to 5 stars"),
        (slack.team_id, ADMIN, json.dumps({"candidate_id": candidate_id, "choice": 5}), "garbled"),
        (
            slack.team_id,
            ADMIN,
            json.dumps({"candidate_id": "1 OR 1=1", "choice": "3"}),
            "bad id",
        ),
        (slack.team_id, OUTSIDER, stars(candidate_id, 3), "not on this workspace's milobot team"),
        (OTHER_TEAM, VIEWER, stars(candidate_id, 3), "doesn't exist in this workspace"),
    ]
    for team, user, value, words in cases:
        mark = slack.mark()
        await milo.interact(
            payloads.block_actions(
                team,
                user,
                ProfileAction.THUMBS_UP,
                value,
                response_url=slack.new_response_url(team, kind="actions"),
            )
        )
        assert words in (await slack.wait_for("response_url", since=mark)).args["text"]
    assert await ratings_of(milo, candidate_id) == []
