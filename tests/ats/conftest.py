"""ATS tests run milobot against the fake Greenhouse and Lever servers (their loopback address allowed,
nothing else), a real SMTP server for invitations, and a retry schedule in tenths of seconds."""

from __future__ import annotations

import pytest

from tests.fakes.greenhouse import FakeGreenhouse
from tests.fakes.lever import FakeLever
from tests.webhooks.conftest import settle


@pytest.fixture
async def greenhouse():
    async with FakeGreenhouse() as fake:
        yield fake


@pytest.fixture
async def lever():
    async with FakeLever() as fake:
        yield fake


@pytest.fixture
def settings_overrides(greenhouse, lever, smtp) -> dict:
    return {
        "outbound_allow": "127.0.0.1",
        "retry_schedule": (0.2, 0.2, 0.2),
        "greenhouse_api_url": greenhouse.url,
        "lever_api_url": lever.url,
        "smtp_url": smtp.url,
    }


@pytest.fixture
async def milo(milo):
    yield milo
    await settle(milo)
