"""MILOBOT_METRICS_TOKEN: /metrics answers only a bearer of that token."""

from __future__ import annotations

import pytest

from tests.operations.test_metrics import scrape, value


@pytest.fixture
def settings_overrides():
    return {"metrics_token": "metrics-token-0123456789"}


async def test_a_bearer_token_guards_metrics_when_set(milo):
    assert (await scrape(milo))[0] == 401
    assert (await scrape(milo, Authorization="Bearer wrong"))[0] == 401
    assert (await scrape(milo, Authorization="metrics-token-0123456789"))[0] == 401
    status, text = await scrape(milo, Authorization="Bearer metrics-token-0123456789")
    assert status == 200 and "milobot_http_requests_total" in text
    # The refusals were counted, by route, like any request.
    assert value(text, "milobot_http_requests_total", method="GET", route="/metrics", status="401") == 3
