"""Package ZIP contents: transcripts as text and JSON, a contents list, and the ZIP itself, written
streaming to a file on disk (recordings are copied a megabyte at a time, never read whole).

Entry names are milobot's own (report.pdf, resume.pdf, video.webm, transcript.txt …), optionally under a
folder milobot named; nothing a person typed becomes a path. Media are stored as they are (already
compressed, so deflating them would cost CPU for nothing); text is deflated."""

from __future__ import annotations

import json
import os
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from milobot.blocks.text import visible
from milobot.services.report_data import ReportData

CHUNK = 1 << 20
_STORED_SUFFIXES = (".webm", ".mp4", ".mov", ".mkv", ".ogv", ".ogg", ".oga", ".mp3", ".m4a", ".opus", ".aac")


@dataclass(frozen=True)
class Entry:
    name: str
    path: str | None = None  # a file to stream in
    data: bytes | None = None  # or bytes we made

    @property
    def compress(self) -> int:
        if self.name.lower().endswith(_STORED_SUFFIXES + (".pdf", ".docx", ".zip")):
            return zipfile.ZIP_STORED
        return zipfile.ZIP_DEFLATED


def _when(at: datetime | None) -> str:
    return f"{at:%Y-%m-%d %H:%M} UTC" if at else "—"


def transcript_text(data: ReportData) -> bytes:
    # Plain text read in any editor: names and answers lose the invisible direction controls (U+202E …)
    # that would turn the rest of a line around, as Slack messages and the report page drop them.
    lines = [f"Candidate: {visible(data.candidate_name)}", f"Interview agent: {visible(data.agent_name)}"]
    if data.role_title:
        lines.append(f"Role: {visible(data.role_title)}")
    for iv in data.interviews:
        lines += [
            "",
            f"Interview {iv.id} — started {_when(iv.started_at)}, completed {_when(iv.completed_at)}",
        ]
        for q in iv.questions:
            lines += ["", f"Q{q.index + 1}. {visible(q.question)}", visible(q.answer) or "(no answer)"]
    if not data.interviews:
        lines += ["", "No interview yet."]
    return ("\n".join(lines) + "\n").encode("utf-8")


def transcript_json(data: ReportData) -> bytes:
    doc = {
        "candidate": {
            "id": data.candidate_id,
            "name": data.candidate_name,
            "email": data.email,
            "phone": data.phone,
            "status": data.candidate_status,
            "decision": data.decision,
        },
        "agent": {"name": data.agent_name, "role": data.role_title},
        "generated_at": data.generated_at.isoformat(),
        "interviews": [
            {
                "id": iv.id,
                "status": iv.status,
                "source": iv.source,
                "started_at": iv.started_at.isoformat() if iv.started_at else None,
                "completed_at": iv.completed_at.isoformat() if iv.completed_at else None,
                "overall_score": iv.overall_score,
                "questions": [
                    {
                        "index": q.index,
                        "question": q.question,
                        "answer": q.answer,
                        "score": q.score,
                        "evidence": list(q.evidence),
                        "duration_ms": q.duration_ms,
                    }
                    for q in iv.questions
                ],
                "observations": list(iv.observations),
            }
            for iv in data.interviews
        ],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2).encode("utf-8")


def contents_text(
    *, title: str, made_by: str, made_at: datetime, sections: list[tuple[str, list[str], list[str]]]
) -> bytes:
    """contents.txt: per candidate, what is in the package and what was left out, and why."""
    lines = [
        f"Candidate files: {visible(title)}",
        f"Made by milobot for Slack user {made_by} on {_when(made_at)}",
        "",
    ]
    for heading, names, notes in sections:
        lines.append(visible(heading))
        lines += [f"  {n}" for n in names] or ["  (nothing)"]
        lines += [f"  Left out: {n}" for n in notes]
        lines.append("")
    return "\n".join(lines).encode("utf-8")


def build_zip(dest: str, entries: list[Entry], progress: Callable[[int], None] | None = None) -> int:
    """Write the ZIP at `dest` (call in a thread); returns its size. `progress(n)` is told the bytes of
    each chunk copied. A file that vanished since it was planned raises FileNotFoundError."""
    stamp = datetime.now(UTC).timetuple()[:6]
    with zipfile.ZipFile(dest, "w", allowZip64=True) as zf:
        for entry in entries:
            info = zipfile.ZipInfo(entry.name, date_time=stamp)
            info.compress_type = entry.compress
            info.external_attr = 0o644 << 16
            if entry.data is not None:
                zf.writestr(info, entry.data)
                if progress:
                    progress(len(entry.data))
                continue
            size = os.path.getsize(entry.path)
            info.file_size = size
            with open(entry.path, "rb") as src, zf.open(info, "w", force_zip64=size > 0x7FFFFFFF) as out:
                while chunk := src.read(CHUNK):
                    out.write(chunk)
                    if progress:
                        progress(len(chunk))
    return os.path.getsize(dest)
