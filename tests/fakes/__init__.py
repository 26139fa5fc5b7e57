"""Fakes of everything milobot talks to, on real sockets: Slack's Web API, SMTP, HTTP receivers.

Import the classes from here; tests/conftest.py turns them into fixtures.
"""

from .blockkit import validate_message_blocks, validate_view
from .http_sink import HttpSink, SinkRequest
from .signing import post_command, post_event, post_interactive, sign
from .slack_api import Call, FakeSlack, UploadedFile, Violation
from .smtp import FakeSMTP

__all__ = [
    "Call",
    "FakeSMTP",
    "FakeSlack",
    "HttpSink",
    "SinkRequest",
    "UploadedFile",
    "Violation",
    "post_command",
    "post_event",
    "post_interactive",
    "sign",
    "validate_message_blocks",
    "validate_view",
]
