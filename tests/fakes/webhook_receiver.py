"""A webhook receiver that checks Standard Webhooks signatures with its own implementation (hmac by hand,
not the `standardwebhooks` package milobot signs with), so a mistake in how milobot uses the package
cannot hide behind the same package verifying it.

The scheme (standardwebhooks.com, spec "Verifying webhooks"): the signed content is
`{webhook-id}.{webhook-timestamp}.{body}`; the key is the base64 part of `whsec_<base64>`; the
signature is `v1,` + base64(HMAC-SHA256(key, content)); `webhook-signature` holds one or more of them
separated by spaces; the timestamp must be within a tolerance (5 minutes) of now."""

from __future__ import annotations

import base64
import hashlib
import hmac
import time

from tests.fakes.http_sink import HttpSink, SinkRequest

TOLERANCE = 300


def expected_signature(secret: str, msg_id: str, timestamp: str, body: bytes) -> str:
    key = base64.b64decode(secret.removeprefix("whsec_"))
    content = msg_id.encode() + b"." + timestamp.encode() + b"." + body
    return "v1," + base64.b64encode(hmac.new(key, content, hashlib.sha256).digest()).decode()


def verifies(secret: str, request: SinkRequest, *, now: float | None = None) -> bool:
    headers = {k.lower(): v for k, v in request.headers.items()}
    msg_id, ts, sigs = (
        headers.get("webhook-id"),
        headers.get("webhook-timestamp"),
        headers.get("webhook-signature"),
    )
    if not (msg_id and ts and sigs):
        return False
    if abs((now or time.time()) - int(ts)) > TOLERANCE:
        return False
    want = expected_signature(secret, msg_id, ts, request.body)
    return any(hmac.compare_digest(want, sig) for sig in sigs.split(" "))


class WebhookReceiver(HttpSink):
    """An HttpSink (scripted replies, recorded requests) with signature checks on top."""

    def verified(self, path: str, secret: str) -> list[SinkRequest]:
        return [r for r in self.requests_to(path) if verifies(secret, r)]

    def ids(self, path: str) -> list[str]:
        return [r.headers.get("webhook-id") or r.headers.get("Webhook-Id") for r in self.requests_to(path)]
