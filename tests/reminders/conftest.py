"""Every test here also fails if a listener hit an unexpected error (a Slack call refused, an exception
reported with a ref): a refusal must be a MilobotError with words, never a crash that a test missed."""

from __future__ import annotations

import logging

import pytest

from tests.harness import unhandled_errors


@pytest.fixture(autouse=True)
def no_unhandled_errors(caplog, request):
    caplog.set_level(logging.WARNING)
    yield
    crashes = unhandled_errors(caplog, request)  # the test body's too, not only what landed in teardown
    assert not crashes, crashes
