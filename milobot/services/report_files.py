"""The files a Package ZIP can carry for a candidate (résumé, recordings), with their sizes and the fixed
names they take in the ZIP, and the one way report code asks whether a stored file is still on disk.
Known before anything is built, so the Package ZIP modal can say what fits."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from milobot.db.models import Answer, Candidate, Interview, Recording
from milobot.errors import NotFound

NOT_FOUND = "That candidate doesn't exist in this workspace (or no longer does)."


async def load_candidate(session: AsyncSession, *, workspace_id: int, candidate_id: int) -> Candidate:
    """The candidate, in this workspace only: another workspace's id looks exactly like a missing one."""
    candidate = await session.scalar(
        select(Candidate).where(Candidate.id == candidate_id, Candidate.workspace_id == workspace_id)
    )
    if candidate is None:
        raise NotFound(NOT_FOUND)
    return candidate


@dataclass(frozen=True)
class FileSource:
    """A file on disk that a package can carry, under a name milobot chooses."""

    entry: str  # resume.pdf, video.webm, audio.ogg ...
    path: str
    size: int
    present: bool


@dataclass(frozen=True)
class CandidateFiles:
    candidate_id: int
    candidate_name: str
    resume: FileSource | None
    video: FileSource | None
    audio: FileSource | None
    transcript_chars: int = 0
    missing: tuple[str, ...] = field(default_factory=tuple)  # kinds whose file is gone from disk


_MEDIA_SUFFIXES = {
    "video": (".webm", ".mp4", ".mov", ".mkv", ".ogv"),
    "audio": (".webm", ".ogg", ".oga", ".mp3", ".m4a", ".wav", ".opus", ".aac", ".flac"),
}
_MEDIA_TYPES = {
    "video/webm": ".webm",
    "video/mp4": ".mp4",
    "video/quicktime": ".mov",
    "audio/webm": ".webm",
    "audio/ogg": ".ogg",
    "audio/mpeg": ".mp3",
    "audio/mp4": ".m4a",
    "audio/wav": ".wav",
    "audio/x-wav": ".wav",
}


def media_suffix(kind: str, path: str, content_type: str | None) -> str:
    """The extension of a fixed entry name (video.webm): from the stored file's own suffix when it is
    one we know, else from its content type; never anything a person typed."""
    suffix = Path(path).suffix.lower()
    if suffix in _MEDIA_SUFFIXES.get(kind, ()):
        return suffix
    return _MEDIA_TYPES.get((content_type or "").split(";")[0].strip().lower(), ".bin")


def resume_suffix(path: str) -> str:
    """Stored résumés are named by their hash: look at the first bytes."""
    try:
        with open(path, "rb") as f:
            head = f.read(8)
    except OSError:
        return ".pdf"
    if head.startswith(b"%PDF"):
        return ".pdf"
    if head.startswith(b"PK"):
        return ".docx"
    return ".bin"


def _stat(path: str | None) -> tuple[bool, int]:
    """Whether a stored file is on disk, and its size. A stat of a local file takes microseconds, so
    callers on the event loop make it directly rather than hop to a thread."""
    if not path:
        return False, 0
    try:
        return True, os.stat(path).st_size
    except OSError:
        return False, 0


def on_disk(path: str | None) -> bool:
    return _stat(path)[0]


def file_size(path: str | None) -> int:
    return _stat(path)[1]


async def candidate_files(session: AsyncSession, *, workspace_id: int, candidate_id: int) -> CandidateFiles:
    """What a Package ZIP of this candidate could hold, with sizes, so the modal can say what fits
    before anything is built. Recordings are the latest interview's (a package is one set of files)."""
    candidate = await load_candidate(session, workspace_id=workspace_id, candidate_id=candidate_id)
    interview = await session.scalar(
        select(Interview)
        .where(Interview.workspace_id == workspace_id, Interview.candidate_id == candidate.id)
        .order_by(Interview.id.desc())
        .limit(1)
    )
    missing: list[str] = []
    resume = None
    if candidate.resume_path:
        present, size = _stat(candidate.resume_path)
        resume = FileSource(
            "resume" + (resume_suffix(candidate.resume_path) if present else ".pdf"),
            candidate.resume_path,
            size,
            present,
        )
        if not present:
            missing.append("resume")
    media: dict[str, FileSource] = {}
    chars = 0
    if interview is not None:
        for rec in (
            await session.scalars(
                select(Recording)
                .where(Recording.workspace_id == workspace_id, Recording.interview_id == interview.id)
                .order_by(Recording.id.desc())
            )
        ).all():
            if rec.kind in media or rec.kind not in _MEDIA_SUFFIXES:
                continue
            present, size = _stat(rec.path)
            media[rec.kind] = FileSource(
                rec.kind + media_suffix(rec.kind, rec.path, rec.content_type),
                rec.path,
                size if present else rec.size or 0,
                present,
            )
            if not present:
                missing.append(rec.kind)
        texts = (
            await session.execute(
                select(Answer.question_text, Answer.answer_text).where(
                    Answer.workspace_id == workspace_id, Answer.interview_id == interview.id
                )
            )
        ).all()
        chars = sum(len(q or "") + len(a or "") for q, a in texts)
    return CandidateFiles(
        candidate_id=candidate.id,
        candidate_name=candidate.name,
        resume=resume,
        video=media.get("video"),
        audio=media.get("audio"),
        transcript_chars=chars,
        missing=tuple(missing),
    )
