"""Neutralise spreadsheet formulas when we write candidate data back out as CSV (CWE-1236)."""

from __future__ import annotations

import re

_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")
# A signed plain number or phone number ("+44 20 7946 0958", "-12.5") is data, not a formula.
_PLAIN_NUMBER = re.compile(r"^(?:\+[\d\s().\-]*\d|-\d+(?:[.,]\d+)?)$")


def csv_safe(value: object) -> str:
    """Return value as text that Excel, Sheets and LibreOffice will show, never evaluate."""
    text = "" if value is None else str(value)
    if text.startswith(_TRIGGERS) and not _PLAIN_NUMBER.match(text):
        return "'" + text
    return text


def is_formula_like(value: str) -> bool:
    return csv_safe(value) != (value or "")
