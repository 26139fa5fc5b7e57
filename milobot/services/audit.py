"""The audit log: every change a person makes is written in the same transaction as the change."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from milobot.db.models import AuditEntry
from milobot.services.context import Actor


def record(
    session: AsyncSession,
    actor: Actor,
    action: str,
    *,
    target_type: str | None = None,
    target_id: object = None,
    **detail: Any,
) -> None:
    session.add(
        AuditEntry(
            workspace_id=actor.workspace_id,
            actor_id=actor.user_id,
            action=action,
            target_type=target_type,
            target_id=None if target_id is None else str(target_id),
            detail=detail,
        )
    )
