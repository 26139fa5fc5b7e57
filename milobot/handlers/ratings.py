"""Ratings from the stars select and the thumbs, on the profile and on a candidate card, and from
:+1: / :-1: reactions on a card. In the profile the view is shown again (now unblinded); on a card the
rater gets a private confirmation and the card's count updates in place through the outbox."""

from __future__ import annotations

from datetime import UTC, datetime

from slack_bolt.async_app import AsyncApp

from milobot.blocks.review_words import rating_text
from milobot.blocks.text import display
from milobot.container import Container
from milobot.handlers.payload import action_value, identity_of
from milobot.handlers.review_common import in_modal, refresh_profile, shown_profile
from milobot.ids import ProfileAction
from milobot.metadata import RatingChoice, decode
from milobot.services.context import Identity
from milobot.services.ratings import choice_rating, reaction_value


def event_time(event_ts) -> datetime | None:
    try:
        return datetime.fromtimestamp(float(event_ts), UTC)
    except (TypeError, ValueError, OverflowError, OSError):
        return None


def register(app: AsyncApp, container: Container) -> None:
    ratings = container.review.ratings

    async def rate(ack, body, client) -> None:
        await ack()
        choice = decode(RatingChoice, action_value(body))
        kind, value = choice_rating(choice.choice)
        identity = identity_of(body)
        rated = await ratings.rate(
            identity=identity, candidate_id=choice.candidate_id, kind=kind, value=value
        )
        shown = shown_profile(body)
        if shown is not None:
            await refresh_profile(container, client, identity, *shown)
        elif body.get("response_url"):
            await container.replier.reply(
                body["response_url"],
                text=f"You rated {display(rated.candidate_name, 150)} {rating_text(rated.kind, rated.value)}. "
                "*View* shows the team's ratings.",
            )

    for action_id in (ProfileAction.RATE_STARS, ProfileAction.THUMBS_UP, ProfileAction.THUMBS_DOWN):
        app.action(action_id)(in_modal(rate))

    async def on_reaction(event, body, added: bool) -> None:
        # Most reactions in a workspace are not ours to read: drop them before touching the database.
        if reaction_value(event.get("reaction")) is None:
            return
        item = event.get("item") or {}
        if item.get("type") != "message" or not body.get("team_id") or not event.get("user"):
            return
        # Bounded like commands' work after ack: a storm of reactions queues here rather than opening
        # hundreds of transactions at once.
        async with container.replier.work_slots:
            await ratings.react(
                identity=Identity(team_id=body["team_id"], user_id=event["user"]),
                channel=str(item.get("channel") or ""),
                ts=str(item.get("ts") or ""),
                reaction=str(event.get("reaction")),
                added=added,
                at=event_time(event.get("event_ts")),
                event_id=body.get("event_id"),
            )

    @app.event("reaction_added")
    async def reaction_added(event, body) -> None:
        await on_reaction(event, body, True)

    @app.event("reaction_removed")
    async def reaction_removed(event, body) -> None:
        await on_reaction(event, body, False)
