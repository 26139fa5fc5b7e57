"""Sign inbound Slack requests for real and send them to our aiohttp app.

Slack's scheme (docs.slack.dev "Verifying requests from Slack"): the base string is
``v0:{timestamp}:{raw body}``, the signature is ``v0=`` + hex HMAC-SHA256 of it keyed with the signing
secret, sent as ``X-Slack-Signature`` with ``X-Slack-Request-Timestamp``. Bolt rejects timestamps more
than five minutes old.

Every ``post_*`` helper reads the body before returning, so ``await resp.text()`` / ``await resp.json()``
work on the returned response after the connection has been released.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from typing import Any, Literal
from urllib.parse import urlencode

import aiohttp

from . import payloads

SignatureMode = Literal["valid", "bad", "missing", "stale"]
STALE_SECONDS = 10 * 60


def sign(body: bytes | str, secret: str, timestamp: int | None = None) -> dict[str, str]:
    """The two headers Slack sends with ``body`` signed by ``secret`` at ``timestamp`` (default: now)."""
    if isinstance(body, str):
        body = body.encode()
    ts = str(int(time.time()) if timestamp is None else int(timestamp))
    base = b"v0:" + ts.encode() + b":" + body
    digest = hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": f"v0={digest}"}


def signed_headers(
    body: bytes,
    secret: str,
    *,
    content_type: str,
    signature: SignatureMode = "valid",
    timestamp: int | None = None,
    retry_num: int | None = None,
    retry_reason: str | None = None,
) -> dict[str, str]:
    """Headers for a request as Slack would send it, optionally with a broken signature."""
    headers = {"Content-Type": content_type, "User-Agent": "Slackbot 1.0 (+https://api.slack.com/robots)"}
    if signature == "stale":
        timestamp = int(time.time()) - STALE_SECONDS
    if signature != "missing":
        headers.update(sign(body, secret, timestamp))
    if signature == "bad":
        headers["X-Slack-Signature"] = "v0=" + "0" * 64
    if retry_num is not None:
        headers["X-Slack-Retry-Num"] = str(retry_num)
        headers["X-Slack-Retry-Reason"] = retry_reason or "http_timeout"
    elif retry_reason is not None:
        headers["X-Slack-Retry-Reason"] = retry_reason
    return headers


async def post_signed(
    session: aiohttp.ClientSession,
    url: str,
    body: bytes,
    secret: str,
    *,
    content_type: str,
    signature: SignatureMode = "valid",
    timestamp: int | None = None,
    retry_num: int | None = None,
    retry_reason: str | None = None,
    headers: dict[str, str] | None = None,
) -> aiohttp.ClientResponse:
    all_headers = signed_headers(
        body,
        secret,
        content_type=content_type,
        signature=signature,
        timestamp=timestamp,
        retry_num=retry_num,
        retry_reason=retry_reason,
    )
    all_headers.update(headers or {})
    resp = await session.post(url, data=body, headers=all_headers)
    await resp.read()  # cache the body so callers can read it after release
    resp.release()
    return resp


# ---------------------------------------------------------------- bodies


def command_form(
    *,
    team_id: str,
    user_id: str,
    text: str = "",
    command: str = "/milo",
    channel_id: str = "C123",
    channel_name: str | None = None,
    user_name: str | None = None,
    team_domain: str | None = None,
    api_app_id: str = payloads.API_APP_ID,
    trigger_id: str | None = None,
    response_url: str | None = None,
    enterprise_id: str | None = None,
    **extra: str,
) -> dict[str, str]:
    """The form fields of a slash command, in the order and shape of slash_command.form.json."""
    form = {
        "token": payloads.VERIFICATION_TOKEN,
        "team_id": team_id,
        "team_domain": team_domain or f"team-{team_id.lower()}",
        "channel_id": channel_id,
        "channel_name": channel_name or ("directmessage" if channel_id.startswith("D") else "general"),
        "user_id": user_id,
        "user_name": user_name or f"user.{user_id.lower()}",
        "command": command,
        "text": text,
        "api_app_id": api_app_id,
        "is_enterprise_install": "false",
        "response_url": response_url or payloads.new_response_url("commands", team_id),
        "trigger_id": trigger_id or payloads.new_trigger_id(),
    }
    if enterprise_id is not None:
        form["enterprise_id"] = enterprise_id
    form.update(extra)
    return form


def command_body(**kwargs: Any) -> bytes:
    return urlencode(command_form(**kwargs)).encode()


def interactive_body(payload: dict[str, Any]) -> bytes:
    return urlencode({"payload": json.dumps(payload)}).encode()


def event_body(envelope: dict[str, Any]) -> bytes:
    return json.dumps(envelope).encode()


# ---------------------------------------------------------------- senders

FORM = "application/x-www-form-urlencoded"
JSON = "application/json"


async def post_command(
    session: aiohttp.ClientSession,
    url: str,
    secret: str,
    *,
    team_id: str,
    user_id: str,
    text: str = "",
    command: str = "/milo",
    channel_id: str = "C123",
    signature: SignatureMode = "valid",
    timestamp: int | None = None,
    retry_num: int | None = None,
    retry_reason: str | None = None,
    **fields: Any,
) -> aiohttp.ClientResponse:
    """POST a signed slash command; extra keyword arguments go to :func:`command_form`."""
    body = command_body(
        team_id=team_id, user_id=user_id, text=text, command=command, channel_id=channel_id, **fields
    )
    return await post_signed(
        session,
        url,
        body,
        secret,
        content_type=FORM,
        signature=signature,
        timestamp=timestamp,
        retry_num=retry_num,
        retry_reason=retry_reason,
    )


async def post_interactive(
    session: aiohttp.ClientSession,
    url: str,
    secret: str,
    payload: dict[str, Any],
    *,
    signature: SignatureMode = "valid",
    timestamp: int | None = None,
    retry_num: int | None = None,
    retry_reason: str | None = None,
) -> aiohttp.ClientResponse:
    """POST a signed interactive payload (block_actions, view_submission, block_suggestion, ...)."""
    return await post_signed(
        session,
        url,
        interactive_body(payload),
        secret,
        content_type=FORM,
        signature=signature,
        timestamp=timestamp,
        retry_num=retry_num,
        retry_reason=retry_reason,
    )


async def post_event(
    session: aiohttp.ClientSession,
    url: str,
    secret: str,
    envelope_or_event: dict[str, Any],
    *,
    team_id: str | None = None,
    signature: SignatureMode = "valid",
    timestamp: int | None = None,
    retry_num: int | None = None,
    retry_reason: str | None = None,
    **envelope_fields: Any,
) -> aiohttp.ClientResponse:
    """POST a signed Events API request.

    Pass a whole envelope (``type`` ``event_callback`` / ``url_verification``, e.g. from
    :mod:`tests.fakes.payloads`) or a bare event plus ``team_id`` to have it wrapped in one.
    """
    if envelope_or_event.get("type") in ("event_callback", "url_verification", "app_rate_limited"):
        envelope = envelope_or_event
    else:
        if team_id is None:
            raise ValueError("a bare event needs team_id= to be wrapped in an event_callback envelope")
        envelope = payloads.event_callback(team_id, envelope_or_event, **envelope_fields)
    return await post_signed(
        session,
        url,
        event_body(envelope),
        secret,
        content_type=JSON,
        signature=signature,
        timestamp=timestamp,
        retry_num=retry_num,
        retry_reason=retry_reason,
    )
