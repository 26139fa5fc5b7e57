"""Domain errors. Services raise them; handlers.errors and web map them to Slack and HTTP replies in
one place, so every entry point words a refusal the same way."""

from __future__ import annotations


class MilobotError(Exception):
    """Base class: `message` is safe to show to the person who asked."""

    http_status = 400

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class NotFound(MilobotError):
    http_status = 404


class Forbidden(MilobotError):
    http_status = 403


class Invalid(MilobotError):
    http_status = 422

    def __init__(self, message: str, *, field: str | None = None):
        super().__init__(message)
        self.field = field


class Conflict(MilobotError):
    http_status = 409


class Gone(MilobotError):
    http_status = 410


class RateLimited(MilobotError):
    """Too many at once (a page hammered, a link's daily cap reached): try again after `retry_after` s."""

    http_status = 429

    def __init__(self, message: str, *, retry_after: int = 60):
        super().__init__(message)
        self.retry_after = retry_after
