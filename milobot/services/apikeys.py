"""API keys for the inbound results API, one set per workspace.

A key is `milo_<prefix>_<secret>`, shown once. Only the prefix (to name it in lists and revoke it) and
a SHA-256 of the whole key are stored: a leaked database alone doesn't let anyone post results, since
the key carries 240 random bits and no one can search that space for a hash. The hash needs no server
secret, so rotating MILOBOT_SECRET_KEY (or running replicas) never silently revokes a key.

Keys made before that were stored as an HMAC keyed with the secret key. They still work while the secret
is unchanged, and each is re-stored as a plain SHA-256 the first time it is used."""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from milobot.db.models import ApiKey
from milobot.errors import Invalid, NotFound
from milobot.services import audit
from milobot.services.base import Service
from milobot.services.context import Identity, require_admin

KEY_RE = re.compile(r"^milo_([0-9a-f]{8})_([A-Za-z0-9_-]{20,100})$")
PREFIX_RE = re.compile(r"^(?:milo_)?([0-9a-f]{8})$")
MAX_ACTIVE_KEYS = 50


@dataclass(frozen=True)
class NewApiKey:
    prefix: str
    key: str  # the only time the whole key exists outside the caller's hands


@dataclass(frozen=True)
class ApiKeyInfo:
    prefix: str
    label: str | None
    created_by: str | None
    created_at: datetime
    revoked_at: datetime | None


@dataclass(frozen=True)
class ApiCaller:
    workspace_id: int
    prefix: str


def key_hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


class ApiKeyService(Service):
    def _legacy_hash(self, key: str) -> str:
        return hmac.new(self.deps.secret_key.encode(), key.encode(), hashlib.sha256).hexdigest()

    async def create(self, *, identity: Identity, label: str | None = None) -> NewApiKey:
        async with self.acting(identity) as (session, actor):
            require_admin(actor)
            active = (
                await session.scalars(
                    select(ApiKey.id).where(
                        ApiKey.workspace_id == actor.workspace_id, ApiKey.revoked_at.is_(None)
                    )
                )
            ).all()
            if len(active) >= MAX_ACTIVE_KEYS:
                raise Invalid(f"This workspace has {MAX_ACTIVE_KEYS} active keys; revoke one first.")
            prefix = secrets.token_hex(4)
            key = f"milo_{prefix}_{secrets.token_urlsafe(30)}"
            session.add(
                ApiKey(
                    workspace_id=actor.workspace_id,
                    prefix=prefix,
                    key_hash=key_hash(key),
                    label=(label or "").strip()[:200] or None,
                    created_by=actor.user_id,
                )
            )
            audit.record(session, actor, "apikey.create", target_type="api_key", target_id=prefix)
            return NewApiKey(prefix, key)

    async def revoke(self, *, identity: Identity, prefix: str) -> ApiKeyInfo:
        m = PREFIX_RE.match((prefix or "").strip().lower())
        if not m:
            raise Invalid(
                "Give the key's prefix, as `/milo apikey list` shows it (8 characters).", field="prefix"
            )
        async with self.acting(identity) as (session, actor):
            require_admin(actor)
            key = await session.scalar(
                select(ApiKey).where(ApiKey.workspace_id == actor.workspace_id, ApiKey.prefix == m.group(1))
            )
            if key is None:
                raise NotFound(f"No API key with prefix `{m.group(1)}` in this workspace.")
            if key.revoked_at is None:
                key.revoked_at = self.now()
                audit.record(session, actor, "apikey.revoke", target_type="api_key", target_id=key.prefix)
            return ApiKeyInfo(key.prefix, key.label, key.created_by, key.created_at, key.revoked_at)

    async def list_keys(self, *, identity: Identity) -> list[ApiKeyInfo]:
        async with self.acting(identity) as (session, actor):
            require_admin(actor)
            rows = (
                await session.scalars(
                    select(ApiKey)
                    .where(ApiKey.workspace_id == actor.workspace_id)
                    .order_by(ApiKey.created_at)
                )
            ).all()
            return [ApiKeyInfo(k.prefix, k.label, k.created_by, k.created_at, k.revoked_at) for k in rows]

    async def authenticate(self, *, key: str | None) -> ApiCaller | None:
        """The workspace a bearer key belongs to, or None for a malformed, unknown or revoked key."""
        m = KEY_RE.match((key or "").strip())
        if not m:
            return None
        current, legacy = key_hash(m.group(0)), self._legacy_hash(m.group(0))
        async with self.unit() as session:
            row = await session.scalar(select(ApiKey).where(ApiKey.key_hash.in_((current, legacy))))
            if row is None or row.revoked_at is not None or not hmac.compare_digest(row.prefix, m.group(1)):
                return None
            if row.key_hash != current:  # made before plain hashes: re-store it so it outlives the secret
                row.key_hash = current
            return ApiCaller(row.workspace_id, row.prefix)
