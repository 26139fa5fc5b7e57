"""One place that turns an exception into words for the person, and a log line with context."""

from __future__ import annotations

import functools
import logging
import uuid
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_sdk.webhook.async_client import AsyncWebhookClient

from milobot.container import Container
from milobot.errors import MilobotError
from milobot.handlers import event_claims
from milobot.handlers.payload import _team_of, _user_of, container_channel

log = logging.getLogger("milobot.handlers")


def describe(body: dict[str, Any]) -> dict[str, Any]:
    actions = body.get("actions") or [{}]
    return {
        "team": _team_of(body),
        "user": _user_of(body),
        "type": body.get("type") or ("command" if body.get("command") else None),
        "command": body.get("command"),
        "action": actions[0].get("action_id"),
        "callback": (body.get("view") or {}).get("callback_id"),
        "event": (body.get("event") or {}).get("type"),
    }


def message_for(error: Exception) -> tuple[str, str | None]:
    """The words for the person, and a reference when it's our fault (so a log line can be found)."""
    if isinstance(error, MilobotError):
        return f":warning: {error.message}", None
    ref = uuid.uuid4().hex[:8]
    return (
        f":x: Something went wrong on our side (ref `{ref}`). Please try again; if it keeps happening, tell your admin.",
        ref,
    )


async def tell_user(client, body: dict[str, Any], text: str) -> None:
    """Reply privately where the person is: response_url first, then ephemeral, then a DM."""
    try:
        response_url = body.get("response_url") or next(
            (u.get("response_url") for u in body.get("response_urls") or [] if u.get("response_url")), None
        )
        if response_url:
            await AsyncWebhookClient(response_url).send(
                text=text, response_type="ephemeral", replace_original=False
            )
            return
        user = _user_of(body)
        channel = container_channel(body) or body.get("channel_id")
        if channel and user:
            await client.chat_postEphemeral(channel=channel, user=user, text=text)
        elif user:
            opened = await client.conversations_open(users=user)
            await client.chat_postMessage(channel=opened["channel"]["id"], text=text)
    except Exception:
        log.exception("could not tell the user about an error", extra=describe(body))


async def report(error: Exception, body: dict[str, Any], client) -> None:
    text, ref = message_for(error)
    context = describe(body or {})
    if ref:
        log.error("unhandled error ref=%s context=%s", ref, context, exc_info=error)
    else:
        log.info("refused: %s context=%s", error, context)
    await tell_user(client, body or {}, text)


def guarded(listener):
    """Wrap a listener so its errors are reported here instead of escaping into Bolt.

    Bolt's async runner resets `ack.response` to None when a listener raises after it acked
    (slack_bolt/listener/asyncio_runner.py), so a fast refusal after ack() would leave Slack waiting 3 s
    for an ack that was already sent, and then answer 404. Catching inside the listener avoids that."""

    @functools.wraps(listener)
    async def wrapper(*args, **kwargs):
        # An event's claim completes when its listener finished, and is released when it failed.
        flight = event_claims.current()
        try:
            result = await listener(*args, **kwargs)
        except MilobotError as refusal:
            # A refusal is an outcome: a retry would be refused the same way.
            if flight is not None:
                await flight.succeeded()
            await report(refusal, kwargs.get("body") or {}, kwargs.get("client"))
            return None
        except Exception as error:
            if flight is not None and await flight.failed():
                # Slack hears a 500 and retries; the person hears about it only if the retries fail too.
                log.warning("event listener failed; Slack will retry it: %s", error, exc_info=error)
                return None
            body = kwargs.get("body") or {}
            await report(error, body, kwargs.get("client"))
            return None
        if flight is not None:
            await flight.succeeded()
        return result

    return wrapper


def register(app: AsyncApp, container: Container) -> None:
    @app.error
    async def on_error(error: Exception, body: dict, client, logger) -> None:
        await report(error, body, client)
