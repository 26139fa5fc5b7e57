"""Signed, expiring links to stored files (a candidate's résumé, an interview's recordings), served by
milobot at /files/<token>. The token names the workspace, the kind of file and its row, and when it
expires, signed with the server's secret key (HMAC-SHA256); the row is looked up again when the link
is opened, so a file erased since (`/milo forget`) is gone even from a link still within its hour.

Links are made when a teammate opens the profile (a modal only they see), so anyone who holds one was
shown it by milobot within the hour."""

from __future__ import annotations

import asyncio
import base64
import binascii
import hashlib
import hmac
import mimetypes
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from milobot.db.models import Candidate, Recording
from milobot.errors import Gone, NotFound
from milobot.services.base import Service

RESUME, RECORDING = "resume", "recording"
LINK_TTL = timedelta(hours=1)
FILE_ROUTE = "/files/"
_BAD = "That file link isn't valid."
_EXPIRED = "That file link has expired. Open the candidate's profile in Slack again for a fresh one."


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _mac(secret: str, body: str) -> str:
    return _b64(hmac.new(secret.encode(), f"milobot-file:{body}".encode(), hashlib.sha256).digest())


def sign_file(secret: str, *, workspace_id: int, kind: str, ref_id: int, expires: datetime) -> str:
    body = f"{workspace_id}.{kind}.{ref_id}.{int(expires.timestamp())}"
    return f"{_b64(body.encode())}.{_mac(secret, body)}"


def file_url(
    public_url: str, secret: str, *, workspace_id: int, kind: str, ref_id: int, now: datetime
) -> str:
    token = sign_file(secret, workspace_id=workspace_id, kind=kind, ref_id=ref_id, expires=now + LINK_TTL)
    return f"{public_url.rstrip('/')}{FILE_ROUTE}{token}"


@dataclass(frozen=True)
class FileClaim:
    workspace_id: int
    kind: str
    ref_id: int
    expires: datetime


def read_file_token(secret: str, token: str, *, now: datetime) -> FileClaim:
    """The claim of a genuine, unexpired token; NotFound for anything forged or garbled, Gone when late."""
    try:
        encoded, mac = token.split(".", 1)
        body = _unb64(encoded).decode("ascii")
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise NotFound(_BAD) from None
    if len(token) > 300 or not hmac.compare_digest(mac, _mac(secret, body)):
        raise NotFound(_BAD)
    try:
        workspace, kind, ref, expires = body.split(".")
        claim = FileClaim(int(workspace), kind, int(ref), datetime.fromtimestamp(int(expires), UTC))
    except ValueError:
        raise NotFound(_BAD) from None
    if claim.kind not in (RESUME, RECORDING):
        raise NotFound(_BAD)
    if now >= claim.expires:
        raise Gone(_EXPIRED)
    return claim


@dataclass(frozen=True)
class StoredBlob:
    path: Path
    content_type: str
    filename: str


def _resume_type(path: Path, name: str) -> str:
    with path.open("rb") as fh:
        head = fh.read(8)
    if head.startswith(b"%PDF"):
        return "application/pdf"
    if head.startswith(b"PK"):
        return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    return mimetypes.guess_type(name)[0] or "application/octet-stream"


def _inside(root: Path, path: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
    except ValueError:
        return False
    return True


class FileService(Service):
    async def open_link(self, *, token: str) -> StoredBlob:
        """The file a link names, checked against the database now (the token is the credential)."""
        claim = read_file_token(self.deps.secret_key, token, now=self.now())
        async with self.unit() as session:
            if claim.kind == RESUME:
                candidate = await session.scalar(
                    select(Candidate).where(
                        Candidate.id == claim.ref_id, Candidate.workspace_id == claim.workspace_id
                    )
                )
                stored, name = (
                    (candidate.resume_path, candidate.source_file or "resume") if candidate else (None, "")
                )
                known_type = None
            else:
                row = await session.scalar(
                    select(Recording).where(
                        Recording.id == claim.ref_id, Recording.workspace_id == claim.workspace_id
                    )
                )
                stored = row.path if row else None
                name = f"interview-{row.interview_id}-{row.kind}{Path(row.path).suffix}" if row else ""
                known_type = row.content_type if row else None
        if not stored:
            raise NotFound("That file no longer exists.")
        return await asyncio.to_thread(_blob, Path(self.deps.data_dir), Path(stored), name, known_type)


def _blob(root: Path, path: Path, name: str, known_type: str | None) -> StoredBlob:
    """Filesystem checks (off the event loop): only files in milobot's own data folder are ever
    served, whatever a row says."""
    if not _inside(root, path) or not path.is_file():
        raise NotFound("That file no longer exists.")
    content_type = known_type or _resume_type(path, name)
    return StoredBlob(path, content_type, Path(name).name or "file")
