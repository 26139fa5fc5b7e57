"""What the candidate list shows: filters, sort and columns, as one typed value (`ListQuery`).

It travels in the list modal's private_metadata and is stored in saved views, always as the compact
`to_config()` dict; `from_config` is the one way back in and refuses anything it doesn't know with an
`Invalid` that names the field, so a modal can put the message beside the right input."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from milobot.db.search_text import fold
from milobot.errors import Invalid

STATUSES = {"invited": "Invited", "in_progress": "Started", "completed": "Completed"}
DECISIONS = {"none": "Undecided", "shortlisted": "Shortlisted", "dismissed": "Dismissed"}
# Filter values for where a candidate came from. Share-link source tags are `tag:<tag>`; `link` is any
# share link, `tag:` one without a tag. "import" is stored as source "ingest".
SOURCES = {
    "link": "Share link (any)",
    "tag:": "Share link (no tag)",
    "import": "Import",
    "manual": "Manual",
    "api": "API",
}
SOURCE_COLUMN = {"import": "ingest", "manual": "manual", "api": "api", "link": "link"}
RATED = {"any": "Rated or not", "rated": "Rated by me", "unrated": "Not rated by me"}
DATE_FIELDS = {"added": "Date added", "completed": "Date completed"}
SORTS = {
    "added_desc": "Date added (newest first)",
    "added_asc": "Date added (oldest first)",
    "completed_desc": "Date completed (newest first)",
    "completed_asc": "Date completed (oldest first)",
    "score_desc": "Score (highest first)",
    "score_asc": "Score (lowest first)",
    "rating_desc": "Rating (highest first)",
    "rating_asc": "Rating (lowest first)",
    "name_asc": "Name (A–Z)",
    "name_desc": "Name (Z–A)",
}
COLUMNS = {
    "score": "Score",
    "status": "Status",
    "rating": "Rating",
    "source": "Source",
    "added": "Added",
    "completed": "Completed",
    "email": "E-mail",
    "phone": "Phone",
    "location": "Location",
    "title": "Current title",
}
DEFAULT_COLUMNS = ("score", "status", "rating", "source", "added")
DEFAULT_SORT = "added_desc"
MAX_TEXT = 100
MAX_TAG = 64
MAX_SOURCES = 20


@dataclass(frozen=True)
class ListQuery:
    statuses: tuple[str, ...] = ()
    decisions: tuple[str, ...] = ()
    score_min: float | None = None
    score_max: float | None = None
    date_field: str = "added"
    date_from: date | None = None
    date_to: date | None = None
    sources: tuple[str, ...] = ()
    rated: str = "any"
    text: str = ""
    sort: str = DEFAULT_SORT
    columns: tuple[str, ...] = DEFAULT_COLUMNS

    # ------------------------------------------------------------------ reading it

    @property
    def sort_key(self) -> str:
        return self.sort.rsplit("_", 1)[0]

    @property
    def descending(self) -> bool:
        return self.sort.endswith("_desc")

    @property
    def folded_text(self) -> str:
        return fold(self.text)

    def cleared(self) -> ListQuery:
        """No filters, the same sort and columns: what "Clear filters" leaves."""
        return replace(ListQuery(), sort=self.sort, columns=self.columns)

    @property
    def has_filters(self) -> bool:
        return self.filter_key() != ListQuery().filter_key()

    def filter_key(self) -> tuple[object, ...]:
        """What decides which candidates match (not their order or columns)."""
        return (
            self.statuses,
            self.decisions,
            self.score_min,
            self.score_max,
            self.date_field if (self.date_from or self.date_to) else None,
            self.date_from,
            self.date_to,
            self.sources,
            self.rated,
            self.folded_text,
        )

    def to_config(self) -> dict[str, Any]:
        """Compact: only what differs from the default, so private_metadata stays small."""
        out: dict[str, Any] = {}
        default = ListQuery()
        for key in ("statuses", "decisions", "sources", "columns"):
            value = getattr(self, key)
            if value != getattr(default, key):
                out[key] = list(value)
        for key in ("score_min", "score_max", "rated", "text", "sort"):
            value = getattr(self, key)
            if value != getattr(default, key):
                out[key] = value
        if self.date_from or self.date_to:
            out["date_field"] = self.date_field
            if self.date_from:
                out["date_from"] = self.date_from.isoformat()
            if self.date_to:
                out["date_to"] = self.date_to.isoformat()
        return out

    # ------------------------------------------------------------------ making it

    @classmethod
    def from_config(cls, data: Any, *, lenient: bool = False) -> ListQuery:
        """Validate a config dict. `lenient` (saved views written by an older milobot) drops what it no
        longer knows instead of refusing it."""
        if data is None:
            data = {}
        if not isinstance(data, dict):
            raise Invalid("That list came back garbled; open it again.", field="query")
        return build_query(
            statuses=data.get("statuses"),
            decisions=data.get("decisions"),
            score_min=data.get("score_min"),
            score_max=data.get("score_max"),
            date_field=data.get("date_field"),
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            sources=data.get("sources"),
            rated=data.get("rated"),
            text=data.get("text"),
            sort=data.get("sort"),
            columns=data.get("columns"),
            lenient=lenient,
        )


def _choices(
    raw: Any, allowed: dict[str, str] | None, field: str, what: str, lenient: bool
) -> tuple[str, ...]:
    if raw in (None, ""):
        return ()
    if not isinstance(raw, list | tuple):
        raw = [raw]
    out: list[str] = []
    for value in raw:
        if not isinstance(value, str):
            if lenient:
                continue
            raise Invalid(f"That {what} isn't one I know.", field=field)
        if allowed is not None and value not in allowed:
            if lenient:
                continue
            raise Invalid(f"I don't know the {what} “{value[:40]}”.", field=field)
        if value not in out:
            out.append(value)
    return tuple(out)


def _sources(raw: Any, lenient: bool) -> tuple[str, ...]:
    values = _choices(raw, None, "sources", "source", lenient)
    out = []
    for value in values:
        if value in SOURCES or (value.startswith("tag:") and len(value) <= 4 + MAX_TAG):
            out.append(value)
        elif not lenient:
            raise Invalid(f"I don't know the source “{value[:40]}”.", field="sources")
    if len(out) > MAX_SOURCES:
        if not lenient:
            raise Invalid(f"Pick at most {MAX_SOURCES} sources.", field="sources")
        out = out[:MAX_SOURCES]
    return tuple(out)


def _score(raw: Any, field: str, lenient: bool) -> float | None:
    if raw in (None, ""):
        return None
    try:
        value = float(str(raw).strip()) if not isinstance(raw, bool) else None
    except ValueError:
        value = None
    if value is None or value != value or not 0 <= value <= 100:  # NaN, words, out of range
        if lenient:
            return None
        raise Invalid("A score is a number from 0 to 100.", field=field)
    return value


def _date(raw: Any, field: str, lenient: bool) -> date | None:
    if raw in (None, ""):
        return None
    try:
        return date.fromisoformat(str(raw))
    except ValueError:
        if lenient:
            return None
        raise Invalid("A date looks like 2026-03-31.", field=field) from None


def _one_of(raw: Any, allowed: dict[str, str], default: str, field: str, what: str, lenient: bool) -> str:
    if raw in (None, ""):
        return default
    if isinstance(raw, str) and raw in allowed:
        return raw
    if lenient:
        return default
    shown = raw[:40] if isinstance(raw, str) else "that"
    raise Invalid(f"I don't know the {what} “{shown}”.", field=field)


def build_query(
    *,
    statuses: Any = None,
    decisions: Any = None,
    score_min: Any = None,
    score_max: Any = None,
    date_field: Any = None,
    date_from: Any = None,
    date_to: Any = None,
    sources: Any = None,
    rated: Any = None,
    text: Any = None,
    sort: Any = None,
    columns: Any = None,
    lenient: bool = False,
) -> ListQuery:
    """Every filter checked, with a message naming the field: unknown values, inverted ranges, a text
    search too long to be a name."""
    low, high = _score(score_min, "score_min", lenient), _score(score_max, "score_max", lenient)
    if low is not None and high is not None and low > high:
        if not lenient:
            raise Invalid(f"The score range is upside down: {low:g} is above {high:g}.", field="score_min")
        low, high = high, low
    start, end = _date(date_from, "date_from", lenient), _date(date_to, "date_to", lenient)
    if start and end and start > end:
        if not lenient:
            raise Invalid(f"The date range is upside down: {start} is after {end}.", field="date_from")
        start, end = end, start
    words = " ".join(str(text or "").split())
    if len(words) > MAX_TEXT:
        if not lenient:
            raise Invalid(f"Search for at most {MAX_TEXT} characters of a name or e-mail.", field="text")
        words = words[:MAX_TEXT]
    chosen = _choices(columns, COLUMNS, "columns", "column", lenient)
    return ListQuery(
        statuses=_choices(statuses, STATUSES, "statuses", "status", lenient),
        decisions=_choices(decisions, DECISIONS, "decisions", "decision", lenient),
        score_min=low,
        score_max=high,
        date_field=_one_of(date_field, DATE_FIELDS, "added", "date_field", "date", lenient),
        date_from=start,
        date_to=end,
        sources=_sources(sources, lenient),
        rated=_one_of(rated, RATED, "any", "rated", "rating filter", lenient),
        text=words,
        sort=_one_of(sort, SORTS, DEFAULT_SORT, "sort", "sort order", lenient),
        # No column at all is a choice too (names only); None means "not given": the defaults.
        columns=tuple(c for c in COLUMNS if c in chosen) if columns is not None else DEFAULT_COLUMNS,
    )
