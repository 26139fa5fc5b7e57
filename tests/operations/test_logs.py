"""Logs: JSON lines with team, user, action and request id (MILOBOT_LOG_FORMAT=json), and a filter that
keeps secrets and candidates' contact details out of every line, whatever logged it."""

from __future__ import annotations

import io
import json
import logging

import pytest

from milobot import logs
from milobot.config import load_settings
from tests.conftest import ADMIN
from tests.interview_web.helpers import make_agent, posted_card
from tests.interview_web.test_inbound_api import body, new_key, post

SECRETS = [
    "xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOpQrStUvWx",
    "xoxp-1234-5678-abcdef",
    "xapp-1-A0123456789-1234567890123-abcdef0123456789",
    "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
    "milo_0a1b2c3d_Zr8yq1xP0k3mXf9vB2nC4dE6gH8jK0lM",
    "ada.lovelace+jobs@example.co.uk",
]
PHONES = ["+14155550123", "+1 (415) 555-0123", "(617) 590-8301", "020 7946 0958", "+44 20 7946 0958"]
KEPT = [
    "1733356800.000100",  # a Slack ts
    "2026-12-05",
    "00:43:34,333",
    "127.0.0.1:3000",
    "C0CHAN0001",
    "import #42: 200 file(s) fetched in 1234 ms",
    "version 3.11.7",
]


@pytest.mark.parametrize("secret", SECRETS + PHONES)
def test_redact_removes_secrets_and_contact_details(secret):
    out = logs.redact(f"calling with {secret} now")
    assert secret not in out and out.startswith("calling with ") and out.endswith(" now")


def test_redact_keeps_ids_times_and_counts():
    for text in KEPT:
        assert logs.redact(text) == text


def test_redact_personal_links_bearer_credentials_and_url_passwords():
    out = logs.redact(
        "GET http://milobot.test/i/Zx8_kq3LmN0pQrStUv?src=x Authorization: Bearer abcdefgh12345678 "
        "smtp://mailer:hunter2hunter2@smtp.example.com:587 postgresql://app:pw0rd@db/milobot "
        "https://hooks.slack.com/commands/T0MILO0001/1234567/xIIkmhXYxPJuuV2YMQoSXs "
        "http://milobot.test/files/eyJ3IjoxLCJrIjoicmVzdW1lIn0.c2lnbmF0dXJl"
    )
    for gone in (
        "Zx8_kq3LmN0pQrStUv",
        "abcdefgh12345678",
        "hunter2hunter2",
        "pw0rd",
        "xIIkmhXYxPJuuV2YMQoSXs",
        "c2lnbmF0dXJl",
    ):
        assert gone not in out
    assert "/i/[redacted]" in out and "smtp.example.com" in out


@pytest.fixture
def captured():
    """The real configuration (as `milobot serve` makes it) writing to a buffer, restored afterwards."""
    root = logging.getLogger()
    saved = (list(root.handlers), root.level)
    stream = io.StringIO()
    logs.configure(json_lines=True, verbose=True, stream=stream)
    yield stream
    for handler in list(root.handlers):
        root.removeHandler(handler)
    for handler in saved[0]:
        root.addHandler(handler)
    root.setLevel(saved[1])


def lines(stream: io.StringIO) -> list[dict]:
    return [json.loads(line) for line in stream.getvalue().splitlines() if line.strip()]


def test_json_lines_carry_the_context_and_a_redacted_exception(captured):
    log = logging.getLogger("milobot.test")
    with logs.context(team="T0MILO0001", user="U0ADA", action="/milo forget", request_id="req-123456"):
        try:
            raise ValueError("could not reach ada@example.com on +14155550123")
        except ValueError:
            log.exception("failed for %s", "ada@example.com")
    log.info("outside any request")
    first, second = lines(captured)
    assert first["team"] == "T0MILO0001" and first["user"] == "U0ADA" and first["action"] == "/milo forget"
    assert (
        first["request_id"] == "req-123456"
        and first["level"] == "error"
        and first["logger"] == "milobot.test"
    )
    assert "ValueError" in first["exception"] and "[email]" in first["exception"]
    assert "ada@example.com" not in captured.getvalue() and "+14155550123" not in captured.getvalue()
    assert "team" not in second and second["message"] == "outside any request"


def test_log_format_setting():
    assert load_settings({"MILOBOT_LOG_FORMAT": "json"}, env_file=None).log_format == "json"
    assert load_settings({}, env_file=None).log_format == "text"


async def test_a_real_flow_logged_at_debug_has_context_and_no_contact_details_or_tokens(
    milo, slack, captured
):
    """Everything logged at DEBUG while an engine posts an interview (slack_sdk logs each request's
    body, the card included) and a viewer is refused: every line is JSON, none carries the candidate's
    address or phone, the API key or the bot token, and the refusal names its team, user and action."""
    await make_agent(milo)
    key = await new_key(milo)
    status, _ = await post(milo, body(), key)
    assert status == 201
    await posted_card(milo)
    await milo.command("agent new", user="UNOBODY001")
    await milo.replies(count=2)

    text = captured.getvalue()
    records = lines(captured)
    assert len(records) > 10  # DEBUG: Bolt and slack_sdk said plenty
    person = body()["candidate"]
    for secret in (
        person["email"],
        person["phone"],
        key,
        slack.bot_token,
        milo.settings.slack_signing_secret,
    ):
        assert secret not in text, secret
    assert "/hooks/commands/" in text and "/commands/[redacted]" in text  # response_urls logged, redacted
    refused = [r for r in records if r["message"].startswith("refused:")]
    assert refused, [r["message"] for r in records][-20:]
    line = refused[-1]
    assert line["team"] == slack.team_id and line["user"] == "UNOBODY001"
    assert line["action"] == "/milo agent" and len(line["request_id"]) >= 6
    # The card's delivery is logged with its workspace and the outbox kind.
    assert any(r.get("action") == "outbox.slack.card" and r.get("team") == slack.team_id for r in records)
    assert ADMIN  # the admin made the key; the viewer was never on the team
