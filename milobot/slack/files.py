"""Fetching a file someone shared with the bot: files.info for the truth about it, then
`url_private_download` with the bot token, streamed under a size cap.

files.slack.com answers a request it doesn't accept (wrong token, missing files:read, a file that went
away) with 200 and its HTML sign-in page, so a response is checked for being the file before it is
believed.

The bot token goes only to Slack's file hosts (or the host of the configured SLACK_API_URL), whatever
URL files.info hands back and wherever a redirect points: a file object naming another host must not
collect a token that acts as the whole app."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import aiohttp
from slack_sdk.errors import SlackApiError

CHUNK = 64 * 1024
_HTML_STARTS = (b"<!doctype html", b"<html", b"<head", b"<body")
_HTML_TYPES = {"html", "htm"}
SLACK_FILE_HOSTS = frozenset({"files.slack.com", "files-edu.slack.com", "files.slack-gov.com"})
MAX_REDIRECTS = 3


def file_url_allowed(url: str, *, api_url: str) -> bool:
    try:
        parts, api = urlsplit(url), urlsplit(api_url)
        port = parts.port
    except ValueError:
        return False
    if parts.scheme == "https" and parts.hostname in SLACK_FILE_HOSTS and port in (None, 443):
        return True
    return bool(parts.netloc) and (parts.scheme, parts.netloc.lower()) == (api.scheme, api.netloc.lower())


class DownloadError(Exception):
    def __init__(self, outcome: str, reason: str):
        super().__init__(reason)
        self.outcome = outcome
        self.reason = reason


@dataclass(frozen=True)
class SlackFile:
    id: str
    name: str
    size: int
    filetype: str
    url: str | None


@dataclass(frozen=True)
class Downloaded:
    data: bytes
    sha256: str


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MB" if n >= 1024 * 1024 else f"{max(1, n // 1024)} KB"


# files.info answers that mean "not now" rather than "no": the event that brought the file is retried.
_TRANSIENT = {"internal_error", "fatal_error", "service_unavailable", "request_timeout", "ratelimited"}


class SlackUnavailable(Exception):
    """Slack couldn't answer about a file just now; the event is worth retrying."""


async def names_of(client, file_ids: list[str]) -> dict[str, str]:
    """The real name of each file DM'd to the bot, from files.info: a `file_shared` event carries only
    the id, and a message event may carry `file_access: check_file_info` instead of the file. Asking
    before the import is opened also means a Slack hiccup fails the event (which Slack then retries)
    rather than the file. A definite answer ("file_not_found") is left for the import to report."""
    names: dict[str, str] = {}
    for file_id in file_ids:
        try:
            response = await client.files_info(file=file_id)
        except SlackApiError as exc:
            code = exc.response.get("error") if exc.response is not None else None
            status = getattr(exc.response, "status_code", 200) if exc.response is not None else 500
            if code in _TRANSIENT or status >= 500:
                raise SlackUnavailable(f"files.info {file_id}: {code or status}") from None
            continue
        except (aiohttp.ClientError, TimeoutError) as exc:
            raise SlackUnavailable(f"files.info {file_id}: {type(exc).__name__}") from None
        f = response.get("file") or {}
        name = f.get("name") or f.get("title")
        if name:
            names[file_id] = str(name)
    return names


async def file_info(client, file_id: str) -> SlackFile:
    try:
        response = await client.files_info(file=file_id)
    except SlackApiError as exc:
        code = exc.response.get("error") if exc.response is not None else "unknown_error"
        raise DownloadError(
            "download_failed", f"Slack wouldn't give me this file ({code}); try sending it again."
        ) from None
    f = response["file"]
    if f.get("is_external") or f.get("mode") in ("external", "tombstone"):
        raise DownloadError(
            "unsupported",
            "This is a link to a file stored elsewhere (or a deleted file); upload the file itself.",
        )
    url = f.get("url_private_download") or f.get("url_private")
    return SlackFile(
        f["id"],
        f.get("name") or f.get("title") or file_id,
        int(f.get("size") or 0),
        (f.get("filetype") or "").lower(),
        url,
    )


def _looks_like_html(head: bytes) -> bool:
    return head.lstrip(b"\xef\xbb\xbf \t\r\n")[:64].lower().startswith(_HTML_STARTS)


_NOT_SLACK = (
    "Slack's answer pointed this file at {host}, which is not Slack's file host, so I didn't download it "
    "(the bot's token goes to Slack only). Upload the file itself and send it again."
)


async def _get(session: aiohttp.ClientSession, url: str, *, token: str, api_url: str):
    """GET with the token, following redirects only while they stay on Slack's hosts."""
    for _ in range(MAX_REDIRECTS + 1):
        if not file_url_allowed(url, api_url=api_url):
            raise DownloadError("download_failed", _NOT_SLACK.format(host=urlsplit(url).netloc or "nowhere"))
        resp = await session.get(url, headers={"Authorization": f"Bearer {token}"}, allow_redirects=False)
        if resp.status in (301, 302, 303, 307, 308) and resp.headers.get("Location"):
            url = urljoin(url, resp.headers["Location"])
            resp.release()
            continue
        return resp
    raise DownloadError(
        "download_failed", "Slack redirected this download too many times; try sending it again."
    )


async def download(
    session: aiohttp.ClientSession, file: SlackFile, *, token: str, max_bytes: int, api_url: str
) -> Downloaded:
    """The file's bytes, or DownloadError with an outcome (too_large, download_failed) and a reason a
    person can act on."""
    if file.size > max_bytes:
        raise DownloadError("too_large", f"This file is {_mb(file.size)}; the limit is {_mb(max_bytes)}.")
    if not file.url:
        raise DownloadError("download_failed", "Slack didn't give me a download link for this file.")
    expect_html = file.filetype in _HTML_TYPES
    try:
        async with await _get(session, file.url, token=token, api_url=api_url) as resp:
            if resp.status != 200:
                raise DownloadError(
                    "download_failed",
                    f"Slack answered HTTP {resp.status} when I downloaded this file; try sending it again.",
                )
            if resp.content_length is not None and resp.content_length > max_bytes:
                raise DownloadError(
                    "too_large", f"This file is {_mb(resp.content_length)}; the limit is {_mb(max_bytes)}."
                )
            ctype = (resp.content_type or "").lower()
            if ctype == "text/html" and not expect_html:
                raise DownloadError("download_failed", _SIGN_IN)
            digest = hashlib.sha256()
            body = bytearray()
            size = 0
            async for chunk in resp.content.iter_chunked(CHUNK):
                if not body and not expect_html and _looks_like_html(chunk):
                    raise DownloadError("download_failed", _SIGN_IN)
                size += len(chunk)
                if size > max_bytes:
                    raise DownloadError("too_large", f"This file is over the {_mb(max_bytes)} limit.")
                digest.update(chunk)
                body += chunk
    except DownloadError:
        raise
    except (aiohttp.ClientError, TimeoutError) as exc:
        raise DownloadError(
            "download_failed", f"The download from Slack failed ({type(exc).__name__}); try sending it again."
        ) from None
    return Downloaded(bytes(body), digest.hexdigest())


_SIGN_IN = (
    "Slack sent a sign-in web page instead of the file, so the bot couldn't download it. "
    "Check that milobot has the files:read permission (reinstall the app if it was added lately), then send the file again."
)
