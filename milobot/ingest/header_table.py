"""A job-history table whose header row names its columns: a Notion database ("Company | Role |
Start | End | Location"), a spreadsheet saved as PDF ("From | To | Position | Employer | City").
The header's words are the field labels labels.py already knows; each row below gives its fields
by column, and the current job is the row with an open end, else the latest dates."""

from __future__ import annotations

import re

from .labels import LABELS
from .text import is_present

_COLUMN_KEYS = {phrase: key for key in ("Title", "Company") for phrase in LABELS[key]}
_YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.split("\t") if c.strip()]


def _header_cells(line: str) -> list[str]:
    """A header row's cells. The text layer may have read its first cell as a label of the rest
    ("Company: Role<TAB>Start..."), so a colon parts cells too."""
    return [c.strip() for c in re.split(r"\t|:\s", line) if c.strip()]


def _header_columns(cells: list[str]) -> dict[str, int] | None:
    """The title and company columns of a header row: three or more short cells without digits,
    one of them a title label and one a company label."""
    if len(cells) < 3 or any(len(c.split()) > 3 or any(ch.isdigit() for ch in c) for c in cells):
        return None
    columns = {}
    for i, cell in enumerate(cells):
        key = _COLUMN_KEYS.get(cell.lower().rstrip(":"))
        if key and key not in columns:
            columns[key] = i
    return columns if len(columns) == 2 else None


def _dated(cells: list[str]) -> bool:
    return any(_YEAR_RE.search(c) or is_present(c) for c in cells)


def header_table_role(lines: list[str]) -> tuple[str | None, str | None]:
    """(title, company) of the current row of the first header-row job table in `lines`."""
    for k, line in enumerate(lines):
        columns = _header_columns(_header_cells(line))
        if columns is None:
            continue
        rows = []
        for row_line in lines[k + 1 :]:
            cells = _cells(row_line)
            if _header_columns(_header_cells(row_line)) is not None:
                break  # another table (education under its own header)
            if len(cells) > max(columns.values()) and _dated(cells):
                rows.append(cells)
        if not rows:
            continue

        def recency(indexed: tuple[int, list[str]]) -> tuple:
            i, cells = indexed
            years = [int(y) for c in cells for y in _YEAR_RE.findall(c)]
            # An open end first; then the latest year the row names, then the latest start.
            return (any(is_present(c) for c in cells), max(years, default=0), min(years, default=0), -i)

        _, current = max(enumerate(rows), key=recency)
        title, company = current[columns["Title"]], current[columns["Company"]]
        if _dated([title]) or _dated([company]):
            continue  # the row's cells do not line up with the header's
        return title, company
    return None, None
