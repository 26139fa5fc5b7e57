"""Logging: plain lines for a terminal, or JSON lines (MILOBOT_LOG_FORMAT=json) for a log pipeline.

Each line carries who and what it was about — team, user, action, request id — from context variables set
where a request or a delivery begins (the web middleware, a Bolt middleware, the outbox worker), so a line
logged deep inside a service still says which request it belongs to; asyncio copies the context into the
tasks a request starts, so lazy listeners keep it too.

Whatever the format, a filter redacts secrets and candidates' contact details before a line is written:
Slack tokens (xoxb-, xoxp-, xapp-…), webhook secrets (whsec_…), milobot API keys (milo_…), bearer
credentials, Slack response_urls, candidates' personal links and signed links (/i/, /r/, /files/), e-mail addresses
and phone numbers. A
library that logs a URL or an exception carrying one of those is redacted all the same."""

from __future__ import annotations

import contextvars
import json
import logging
import re
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

FIELDS = ("team", "user", "action", "request_id")
_context: contextvars.ContextVar[dict[str, str] | None] = contextvars.ContextVar(
    "milobot_log_context", default=None
)

REDACTED = "[redacted]"
_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    # Slack tokens: bot, user, app-level, refresh, config, legacy workspace tokens.
    (re.compile(r"\bxox[a-z]-[A-Za-z0-9-]+"), "xox?-" + REDACTED),
    (re.compile(r"\bxapp-[A-Za-z0-9-]+"), "xapp-" + REDACTED),
    (re.compile(r"\bwhsec_[A-Za-z0-9+/=_-]+"), "whsec_" + REDACTED),
    (re.compile(r"\bmilo_[A-Za-z0-9_-]+"), "milo_" + REDACTED),
    (re.compile(r"(?i)\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]{8,}"), r"\1 " + REDACTED),
    # Slack's response_urls (and incoming webhooks) let anyone holding one post into the conversation.
    (re.compile(r"/(commands|actions|services)/[A-Z0-9]+/[0-9A-Za-z]+/[A-Za-z0-9_-]+"), r"/\1/" + REDACTED),
    # A candidate's personal interview link and report links are credentials too.
    (re.compile(r"/(i|r|files)/[A-Za-z0-9_.~-]{8,}"), r"/\1/" + REDACTED),
    # Passwords in URLs (smtp://user:pass@host, postgresql://user:pass@host).
    (re.compile(r"(\b[a-z][a-z0-9+.-]*://[^\s:/@]+):[^\s@/]+@"), r"\1:" + REDACTED + "@"),
    (re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"), "[email]"),
    # Phone numbers: international (+…) with any separators, or groups split by separators
    # ((617) 590-8301, 020 7946 0958). Bare digit runs (ids, Slack timestamps, counts) are left alone.
    (re.compile(r"(?<![\w+])\+\d(?:[\s().-]{0,2}\d){6,14}\b"), "[phone]"),
    (re.compile(r"(?<![\w.:/-])\(?\d{2,5}\)?[ .-]\d{3,4}[ .-]\d{3,4}\b(?![.:/-]\d)"), "[phone]"),
]


def redact(text: str) -> str:
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


# ------------------------------------------------------------------ context


def current() -> dict[str, str]:
    return dict(_context.get() or {})


def bind(**fields: Any) -> contextvars.Token[dict[str, str] | None]:
    """Add fields to the current context (None values are skipped); returns a token for `reset`."""
    merged = current()
    merged.update({k: str(v) for k, v in fields.items() if v is not None and v != ""})
    return _context.set(merged)


def reset(token: contextvars.Token[dict[str, str] | None]) -> None:
    _context.reset(token)


@contextmanager
def context(**fields: Any) -> Iterator[None]:
    token = bind(**fields)
    try:
        yield
    finally:
        reset(token)


def new_request_id(given: str | None = None) -> str:
    """A request id from a proxy's X-Request-Id when it looks like one, else a fresh one."""
    if given and re.fullmatch(r"[A-Za-z0-9._-]{6,64}", given):
        return given
    return uuid.uuid4().hex[:16]


# ------------------------------------------------------------------ filter and formats


class RedactingFilter(logging.Filter):
    """Rewrites each record's message (and any exception text) with secrets and contact details
    removed, and attaches the context fields. Installed on the handlers, so every logger's records pass."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a broken %-format in a library: keep what was given
            message = f"{record.msg} {record.args}"
        record.msg, record.args = redact(message), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
            record.exc_info = None  # formatted and redacted: don't let a formatter format it again
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        for key, value in current().items():
            if not hasattr(record, key):
                setattr(record, key, value)
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key in FIELDS:
            value = getattr(record, key, None)
            if value is not None:
                line[key] = value
        if record.exc_text:
            line["exception"] = record.exc_text
        if record.stack_info:
            line["stack"] = record.stack_info
        return json.dumps(line, ensure_ascii=False)


class TextFormatter(logging.Formatter):
    """The terminal format, with the context fields at the end of the line when there are any."""

    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s: %(message)s")

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        extra = " ".join(f"{k}={getattr(record, k)}" for k in FIELDS if getattr(record, k, None))
        if not extra:
            return text
        first, sep, rest = text.partition("\n")
        return f"{first} [{extra}]{sep}{rest}"


def configure(*, json_lines: bool = False, verbose: bool = False, stream: Any = None) -> logging.Handler:
    """Replace the root logger's handlers with one that redacts and writes text or JSON lines."""
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(JsonFormatter() if json_lines else TextFormatter())
    handler.addFilter(RedactingFilter())
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    logging.getLogger("alembic").setLevel(logging.WARNING)
    # aiohttp's access log is off (routes are counted in /metrics); its server errors still come through.
    return handler
