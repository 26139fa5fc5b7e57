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
