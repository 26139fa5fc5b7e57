"""The folded text the candidate list searches and sorts names by.

Folded in Python rather than with SQL's lower(): SQLite's lower() folds ASCII only, so "Ögren" typed as
"ögren" (or "ogren") would miss. Diacritics are dropped as well, the way recruiters type names they have
only heard ("Jose" finds "José"). The name comes first, so sorting by this column sorts by name."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
MAX_SEARCH_TEXT = 700


def fold(text: object) -> str:
    """Casefolded, without combining marks, whitespace collapsed."""
    raw = "" if text is None else str(text)
    decomposed = unicodedata.normalize("NFKD", raw)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", bare.casefold()).strip()


def search_key(name: object, email: object) -> str:
    return f"{fold(name)} {fold(email)}".strip()[:MAX_SEARCH_TEXT]
