"""Webhook tests run milobot with the fake servers' loopback address allowed (and nothing else), a
retry schedule in tenths of seconds, and a table DNS so no name is looked up beyond this machine."""

from __future__ import annotations

import pytest

from tests.fakes.dns import FakeDNS
from tests.fakes.webhook_receiver import WebhookReceiver


@pytest.fixture
def settings_overrides() -> dict:
    return {"outbound_allow": "127.0.0.1", "retry_schedule": (0.2, 0.2, 0.2)}


@pytest.fixture
def dns(milo) -> FakeDNS:
    fake = FakeDNS()
    milo.container.outbound.inner_resolver = fake
    return fake


@pytest.fixture
async def receiver():
    async with WebhookReceiver() as sink:
        yield sink


async def settle(milo) -> None:
    """Let the outbox finish what it holds before the app stops: stopping the worker in the middle of a
    row's bookkeeping leaves an aiosqlite connection closing under a cancelled task."""
    from sqlalchemy import func, select

    from milobot.db.models import OutboxMessage

    async def idle():
        async with milo.container.db.unit_of_work() as s:
            due = (
                select(func.count())
                .select_from(OutboxMessage)
                .where(OutboxMessage.status == "pending", OutboxMessage.claimed_by.is_not(None))
            )
            return not await s.scalar(due)

    try:
        await milo.wait_until(idle, timeout=10)
    except AssertionError:
        pass  # a test that left rows waiting on a long retry: nothing is in flight, stopping is safe


@pytest.fixture
async def milo(milo):
    """The suite's milo, which waits for the outbox to settle before it stops."""
    yield milo
    await settle(milo)
