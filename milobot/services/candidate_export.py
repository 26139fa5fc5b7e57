"""The candidate list as CSV: pure functions, no I/O.

Every cell that a spreadsheet could read as a formula is neutralised as OWASP asks for CSV injection: a
cell beginning with `=`, `+`, `-`, `@`, a tab or a carriage return (and a line feed, and the full-width
look-alikes Excel also honours) gets a leading apostrophe. Unlike `ingest.csvsafe`, nothing is exempt:
a phone number "+44 20…" arrives as "'+44 20…", which spreadsheets show as text; a name, e-mail or title
is written by strangers, and an exemption is a place to hide a formula."""

from __future__ import annotations

import csv
import io
import re
from datetime import datetime
from zoneinfo import ZoneInfo

from milobot.services.candidate_list_repo import CandidateRow
from milobot.services.candidate_query import COLUMNS, DECISIONS, STATUSES

_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")
SOURCE_NAMES = {"manual": "Manual", "ingest": "Import", "api": "API", "link": "Share link"}


def neutralise(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_TRIGGERS) else text


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (KeyError, ValueError):
        return ZoneInfo("UTC")


def _when(value: datetime | None, zone: ZoneInfo) -> str:
    return value.astimezone(zone).strftime("%Y-%m-%d %H:%M") if value else ""


def source_name(source: str, tag: str | None) -> str:
    name = SOURCE_NAMES.get(source, source)
    return f"{name}: {tag}" if source == "link" and tag else name


def header(columns: tuple[str, ...], time_zone: str) -> list[str]:
    out = ["Candidate ID", "Name", "Decision"]
    for column in columns:
        if column == "rating":
            out += ["Rating", "Ratings"]
        elif column in ("added", "completed"):
            out.append(f"{COLUMNS[column]} ({time_zone})")
        else:
            out.append(COLUMNS[column])
    return out


def cells(row: CandidateRow, columns: tuple[str, ...], zone: ZoneInfo) -> list[str]:
    out: list[object] = [row.id, row.name, DECISIONS.get(row.decision, row.decision)]
    for column in columns:
        if column == "score":
            out.append("" if row.score is None else f"{row.score:g}")
        elif column == "status":
            out.append(STATUSES.get(row.status, row.status))
        elif column == "rating":
            if row.rating_count and not row.ratings_visible:
                out.append("hidden until you rate")  # blind until you rate, in a file too
            else:
                out.append("" if row.rating_avg is None else f"{row.rating_avg:.1f}")
            out.append(row.rating_count)
        elif column == "source":
            out.append(source_name(row.source, row.source_tag))
        elif column == "added":
            out.append(_when(row.created_at, zone))
        elif column == "completed":
            out.append(_when(row.completed_at, zone))
        elif column == "email":
            out.append(row.email)
        elif column == "phone":
            out.append(row.phone)
        elif column == "location":
            out.append(row.location)
        elif column == "title":
            out.append(row.title)
    return [neutralise(v) for v in out]


def csv_text(rows: list[CandidateRow], columns: tuple[str, ...], time_zone: str, *, with_header: bool) -> str:
    """A chunk of the file (CPU work: callers run it off the event loop for big lists)."""
    zone = _zone(time_zone)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    if with_header:
        writer.writerow(header(columns, time_zone))
    for row in rows:
        writer.writerow(cells(row, columns, zone))
    return buffer.getvalue()


def file_name(agent_name: str, day: datetime) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", agent_name.lower()).strip("-")[:40] or "agent"
    return f"candidates-{slug}-{day:%Y-%m-%d}.csv"
