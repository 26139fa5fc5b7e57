"""What every service needs, and the one way a service call opens its unit of work."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, cast

from sqlalchemy import CursorResult, Result
from sqlalchemy.ext.asyncio import AsyncSession

from milobot.db.engine import Database
from milobot.db.types import utcnow
from milobot.services.context import Actor, Identity
from milobot.services.outbox import enqueued
from milobot.services.workspaces import load_actor


def rowcount(result: Result[Any]) -> int:
    """Rows an UPDATE/DELETE matched: `session.execute` is typed as returning a plain Result, but for
    DML it is a CursorResult, which is where rowcount lives."""
    return cast(CursorResult[Any], result).rowcount


async def _no_home_team() -> str | None:
    return None


@dataclass
class ServiceDeps:
    db: Database
    seed_admins: frozenset[str] = frozenset()
    # The workspace MILOBOT_ADMINS belong to (the bot token's, from auth.test); set by the runtime.
    seed_team: Callable[[], Awaitable[str | None]] = _no_home_team
    public_url: str = "http://localhost:3000"
    secret_key: str = "dev"
    data_dir: Path = Path("milobot-data")
    mail_enabled: bool = False
    link_daily_cap: int = 0  # new candidates per agent's shared link per UTC day; 0 = no cap
    clock: Callable[[], datetime] = utcnow
    # Called after a commit that enqueued outbox rows (services.outbox.enqueue marks the session), so delivery starts now rather than at the next sweep.
    outbox_kick: Callable[[], None] = field(default=lambda: None)


class Service:
    def __init__(self, deps: ServiceDeps):
        self.deps = deps
        self.db = deps.db

    def now(self) -> datetime:
        return self.deps.clock()

    @asynccontextmanager
    async def acting(self, identity: Identity) -> AsyncIterator[tuple[AsyncSession, Actor]]:
        """One unit of work with the caller resolved inside it; the outbox is kicked after commit."""
        seeds = await self._seed_admins_for(identity)
        async with self.db.unit_of_work() as session:
            actor = await load_actor(session, identity, seed_admins=seeds)
            yield session, actor
        self._kick_if_enqueued(session)

    async def _seed_admins_for(self, identity: Identity) -> frozenset[str]:
        """MILOBOT_ADMINS count only in the bot token's own workspace (asked before the unit of work
        opens, so no transaction waits on Slack)."""
        if identity.user_id not in self.deps.seed_admins:
            return frozenset()
        if await self.deps.seed_team() != identity.team_id:
            return frozenset()
        return self.deps.seed_admins

    @asynccontextmanager
    async def unit(self) -> AsyncIterator[AsyncSession]:
        async with self.db.unit_of_work() as session:
            yield session
        self._kick_if_enqueued(session)

    def _kick_if_enqueued(self, session: AsyncSession) -> None:
        # A sweep is a transaction of its own: waking the worker after every read-only command (a
        # `/milo help` at 20/s) cost as much CPU as the command, taken from extraction.
        if enqueued(session):
            self.deps.outbox_kick()
