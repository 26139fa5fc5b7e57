"""Secrets milobot must be able to read back (ATS API keys, webhook signing secrets), encrypted at rest.

Fernet (from `cryptography`) is authenticated encryption with a versioned token format: a key read back
from a copied database or a tampered row fails loudly instead of decrypting to garbage. Its key is derived
from MILOBOT_SECRET_KEY with HKDF rather than used directly, because that setting is any string (not a
Fernet key) and already signs report links: a derived key per purpose keeps the two uses apart."""

from __future__ import annotations

import base64
import functools
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cryptography.fernet import Fernet

PURPOSE = b"milobot stored secrets v1"


class Unreadable(Exception):
    """The stored secret can't be decrypted (MILOBOT_SECRET_KEY changed, or the row was altered)."""


@functools.lru_cache(maxsize=8)
def _fernet(secret_key: str) -> Fernet:
    # Imported on first use: only ATS keys and webhook secrets need it, and `cryptography` costs every
    # process that loads it ~6 MB resident (the server imports this module at start).
    from cryptography.fernet import Fernet
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    derived = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=PURPOSE).derive(secret_key.encode())
    return Fernet(base64.urlsafe_b64encode(derived))


def seal(secret_key: str, plaintext: str) -> str:
    return _fernet(secret_key).encrypt(plaintext.encode()).decode("ascii")


def unseal(secret_key: str, token: str) -> str:
    from cryptography.fernet import InvalidToken

    try:
        return _fernet(secret_key).decrypt(token.encode("ascii")).decode()
    except (InvalidToken, ValueError):
        raise Unreadable("a stored secret can't be decrypted with this MILOBOT_SECRET_KEY") from None
