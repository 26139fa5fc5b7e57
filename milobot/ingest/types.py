"""Plain data carried out of the extraction layer.

Everything here must pickle cleanly (results cross a process boundary in
ExtractionPool) and serialise to JSON (the CLI and the review store keep them).
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields

OUTCOMES = (
    "ok",
    "no_text",
    "encrypted",
    "corrupt",
    "unsupported",
    "too_large",
    "unsafe",
    "empty",
    "timeout",
    "no_profiles",
)

MB = 1024 * 1024


@dataclass
class Profile:
    name: str | None = None
    email: str | None = None
    phone: str | None = None  # E.164, or None when no valid number was found
    location: str | None = None
    links: list[str] = field(default_factory=list)
    current_title: str | None = None
    current_company: str | None = None
    years_experience: float | None = None
    skills: list[str] = field(default_factory=list)
    education: list[str] = field(default_factory=list)
    source_file: str = ""

    def to_dict(self) -> dict:
        # A flat copy with fresh lists: what asdict() gives, without its recursive deep copy (which
        # was a third of the time of recording a 200-résumé ZIP on the event loop).
        data = dict(self.__dict__)
        for key in ("links", "skills", "education"):
            data[key] = list(data[key])
        return data

    @classmethod
    def from_dict(cls, data: dict) -> Profile:
        # Ignore unknown keys so stored reviews survive the class gaining or losing fields.
        known = {f.name for f in fields(cls)}
        kwargs = {k: v for k, v in data.items() if k in known}
        kwargs["links"] = list(kwargs.get("links") or [])
        kwargs["skills"] = list(kwargs.get("skills") or [])
        kwargs["education"] = list(kwargs.get("education") or [])
        return cls(**kwargs)

    def is_empty(self) -> bool:
        return not (self.name or self.email or self.phone)


@dataclass
class FileResult:
    file: str
    outcome: str
    reason: str
    profiles: list[Profile] = field(default_factory=list)
    # The document's text and layout hints, kept only when Limits.keep_evidence asks (the optional
    # model-backed extractor, llm.py, reads them); never stored.
    evidence: dict | None = None

    def to_dict(self) -> dict:
        return {
            "file": self.file,
            "outcome": self.outcome,
            "reason": self.reason,
            "profiles": [p.to_dict() for p in self.profiles],
        }

    @classmethod
    def from_dict(cls, data: dict) -> FileResult:
        return cls(
            file=data["file"],
            outcome=data["outcome"],
            reason=data["reason"],
            profiles=[Profile.from_dict(p) for p in data.get("profiles") or []],
        )


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int = 20 * MB
    max_zip_entries: int = 500
    max_total_unpacked_bytes: int = 200 * MB
    # Deflate rarely beats ~10:1 on real documents; 100:1 is a bomb, not a resume bundle.
    max_compression_ratio: float = 100.0
    # Ratio checks only kick in past this size, so a tiny very compressible CSV is not flagged.
    ratio_check_after_bytes: int = 1 * MB
    max_nesting: int = 0  # archives inside archives are refused (only 0 is implemented)
    max_pdf_pages: int = 30  # a resume is short; a 900-page manual is not one
    max_csv_rows: int = 10_000
    # Soft per-file time limit enforced with SIGALRM when running on a process's main thread
    # (ExtractionPool workers set it); None means no limit.
    per_file_seconds: float | None = None
    # Keep the text and layout hints on each result (FileResult.evidence) for the model-backed extractor.
    keep_evidence: bool = False


def human_size(n: int) -> str:
    if n >= MB:
        return f"{n / MB:.0f} MB" if n % MB == 0 or n >= 10 * MB else f"{n / MB:.1f} MB"
    if n >= 1024:
        return f"{n / 1024:.0f} KB"
    return f"{n} bytes"
