"""What every ATS client shares: the guarded HTTP call, the vendor's errors sorted into what milobot does
about them, and the shape of a candidate found or created in the ATS."""

from __future__ import annotations

import base64
import json
import time
from dataclasses import dataclass
from typing import Any, Protocol

import aiohttp

from milobot.outbound import Outbound, Refused, refusal_of

BODY_CAP = 2 * 1024 * 1024  # a page of jobs or notes; more than that is not an answer we expect


class AtsError(Exception):
    def __init__(self, message: str, *, status: int | None = None):
        super().__init__(message)
        self.message, self.status = message, status


class AtsAuthError(AtsError):
    """401/403: the key was revoked or lacks a permission. The connection is broken until reconnected."""


class AtsRateLimited(AtsError):
    def __init__(self, message: str, *, retry_after: float | None, status: int = 429):
        super().__init__(message, status=status)
        self.retry_after = retry_after


class AtsTransient(AtsError):
    """5xx or a network error: worth another try later."""


class AtsRejected(AtsError):
    """Another 4xx (or a refused address): another try would get the same answer."""


@dataclass(frozen=True)
class AtsRef:
    candidate_id: str
    application_id: str | None
    url: str


@dataclass(frozen=True)
class Job:
    id: str
    name: str


@dataclass(frozen=True)
class Person:
    """A candidate the ATS moved into a stage (the inbound direction)."""

    candidate_id: str
    application_id: str | None
    name: str
    email: str | None
    job_ids: list[str]
    stage_id: str | None
    stage_name: str | None
    url: str


class AtsClient(Protocol):
    kind: str

    async def test(self) -> str: ...
    async def jobs(self) -> list[Job]: ...
    async def stages(self, job_id: str) -> list[Job]: ...
    async def ensure_candidate(self, *, name: str, email: str | None, job_id: str) -> AtsRef: ...
    async def find_note(self, ref: AtsRef, marker: str) -> str | None: ...
    async def add_note(self, ref: AtsRef, body: str) -> str: ...
    async def find_attachment(self, ref: AtsRef, filename: str) -> str | None: ...
    async def add_attachment(self, ref: AtsRef, *, filename: str, content: bytes) -> str: ...


def basic_auth(api_key: str) -> str:
    # Both vendors take the API key as the Basic auth user name with an empty password.
    return "Basic " + base64.b64encode(f"{api_key}:".encode()).decode()


def _retry_after(headers: dict[str, str]) -> float | None:
    value = headers.get("retry-after")
    if value:
        try:
            return max(0.0, float(value))
        except ValueError:
            pass
    reset = headers.get("x-ratelimit-reset")
    if reset:
        try:
            seconds = float(reset)
            return max(0.0, seconds - time.time()) if seconds > 1e9 else seconds
        except ValueError:
            pass
    return None


def vendor_message(body: bytes) -> str:
    """The vendor's own words from an error body (Greenhouse: message + errors[]; Lever: code + message)."""
    try:
        data = json.loads(body)
    except ValueError:
        return body.decode("utf-8", "replace").strip()[:200]
    if not isinstance(data, dict):
        return str(data)[:200]
    parts = [str(data.get("message") or data.get("error") or "").strip()]
    for err in data.get("errors") or []:
        if isinstance(err, dict):
            parts.append(" ".join(str(err.get(k)) for k in ("field", "message") if err.get(k)))
    return "; ".join(p for p in parts if p)[:300]


class HttpApi:
    """One vendor base URL and key, through milobot's guarded client."""

    def __init__(self, outbound: Outbound, base_url: str, headers: dict[str, str], vendor: str):
        self.outbound, self.base_url, self.headers, self.vendor = (
            outbound,
            base_url.rstrip("/"),
            headers,
            vendor,
        )

    def _secrets(self) -> list[str]:
        """What of our credential must never come back in words: the Authorization header's value, and
        for Basic auth its base64 and the key inside it."""
        found = []
        for name, value in self.headers.items():
            if name.lower() != "authorization":
                continue
            found.append(value)
            scheme, _, token = value.partition(" ")
            if scheme.lower() == "basic" and token:
                found.append(token)
                try:
                    found.append(base64.b64decode(token).decode("utf-8").split(":", 1)[0])
                except ValueError:
                    pass
        return sorted((s for s in found if len(s) >= 6), key=len, reverse=True)

    def redact(self, text: str) -> str:
        """A vendor's error words with our key taken out: some vendors quote the credential they were
        sent, and these words go into the ATS-sync notice in the agent's channel, the database and logs."""
        for secret in self._secrets():
            text = text.replace(secret, "[API key]")
        return text

    def url(self, path: str) -> str:
        return path if path.startswith(self.base_url) else f"{self.base_url}/{path.lstrip('/')}"

    async def call(self, method: str, path: str, **kwargs: Any) -> tuple[Any, dict[str, str]]:
        headers = {**self.headers, **kwargs.pop("headers", {})}
        try:
            reply = await self.outbound.request(
                method, self.url(path), headers=headers, body_cap=BODY_CAP, **kwargs
            )
        except Refused as refused:
            raise AtsRejected(f"milobot won't call {self.vendor} there: {refused.reason}") from None
        except (aiohttp.ClientError, TimeoutError, OSError) as exc:
            refused = refusal_of(exc)
            if refused is not None:
                raise AtsRejected(f"milobot won't call {self.vendor} there: {refused.reason}") from None
            raise AtsTransient(f"{self.vendor} could not be reached ({type(exc).__name__})") from None
        if 200 <= reply.status < 300:
            try:
                return (json.loads(reply.body) if reply.body else None), reply.headers
            except ValueError:
                raise AtsTransient(
                    f"{self.vendor} sent an answer that isn't JSON", status=reply.status
                ) from None
        said = self.redact(vendor_message(reply.body)) or f"HTTP {reply.status}"
        message = f"{self.vendor} said: {said} (HTTP {reply.status})"
        if reply.status in (401, 403):
            raise AtsAuthError(message, status=reply.status)
        if reply.status == 429:
            raise AtsRateLimited(message, retry_after=_retry_after(reply.headers))
        if reply.status >= 500 or reply.status == 408:
            raise AtsTransient(message, status=reply.status)
        raise AtsRejected(message, status=reply.status)


def split_name(name: str) -> tuple[str, str]:
    parts = (name or "").strip().split()
    if not parts:
        return "Unnamed", "Candidate"
    if len(parts) == 1:
        return parts[0], "-"
    return " ".join(parts[:-1]), parts[-1]
