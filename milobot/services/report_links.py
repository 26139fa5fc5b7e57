"""Report links: `/r/<token>`, where the token says which workspace's candidate it shows, until when, and
in which revocation epoch it was made, signed with MILOBOT_SECRET_KEY.

HMAC-SHA256 from the standard library rather than itsdangerous: the token needs exactly one expiry and
one epoch, both checked by us (itsdangerous's TimestampSigner signs the issue time, not an expiry, and
would still leave the epoch to us), and twenty lines of hmac + compare_digest are easy to audit and add
no dependency. The key is derived from the secret with a purpose label, so no other signature milobot
makes (an interview form's token, say) can ever pass as a report link.

Token: base64url("<workspace>.<candidate>.<epoch>.<expires unix>.<team feedback 0|1>") "." base64url(first 16 bytes of the
HMAC). 128 bits of MAC is the truncation RFC 2104 allows; the token stays short enough to paste."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import re
from dataclasses import dataclass
from datetime import UTC, datetime

_PURPOSE = b"milobot report link v1"
_SHAPE = re.compile(r"^[A-Za-z0-9_-]{8,120}\.[A-Za-z0-9_-]{22}$")
_BODY = re.compile(r"^(\d{1,12})\.(\d{1,12})\.(\d{1,9})\.(\d{1,12})\.([01])$")
_MAC_BYTES = 16


@dataclass(frozen=True)
class LinkClaims:
    workspace_id: int
    candidate_id: int
    epoch: int
    expires_at: datetime
    # Whether the page may carry team ratings and notes: the person who made the link could see them
    # (blind until you rate) when they made it. The workspace setting is checked again on every view.
    feedback: bool = False

    def expired(self, now: datetime) -> bool:
        return now >= self.expires_at


class BadToken(Exception):
    """Not a token we signed (changed, truncated, made up): the page answers 404."""


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _key(secret_key: str) -> bytes:
    return hmac.new(secret_key.encode(), _PURPOSE, hashlib.sha256).digest()


def _mac(secret_key: str, body: str) -> bytes:
    return hmac.new(_key(secret_key), body.encode("ascii"), hashlib.sha256).digest()[:_MAC_BYTES]


def sign(secret_key: str, claims: LinkClaims) -> str:
    expires = int(claims.expires_at.timestamp())
    fields = f"{claims.workspace_id}.{claims.candidate_id}.{claims.epoch}.{expires}.{int(claims.feedback)}"
    body = _b64(fields.encode("ascii"))
    return f"{body}.{_b64(_mac(secret_key, body))}"


def verify(secret_key: str, token: str) -> LinkClaims:
    """The claims of a token we signed (expired or not: the caller decides, to answer 410 rather than 404).
    Anything else raises BadToken."""
    if not isinstance(token, str) or not _SHAPE.match(token):
        raise BadToken("malformed")
    body, mac = token.split(".")
    # Compare the text, not the decoded bytes: the last base64 character carries bits that decoding
    # drops, so several spellings decode alike and a changed character would otherwise still pass.
    if not hmac.compare_digest(mac, _b64(_mac(secret_key, body))):
        raise BadToken("signature")
    try:
        fields = _BODY.match(_unb64(body).decode("ascii"))
    except (binascii.Error, ValueError, UnicodeDecodeError):
        fields = None
    if fields is None:  # signed by us, so unreachable unless the format changes: refuse all the same
        raise BadToken("body")
    workspace, candidate, epoch, expires, feedback = (int(x) for x in fields.groups())
    return LinkClaims(workspace, candidate, epoch, datetime.fromtimestamp(expires, UTC), bool(feedback))
