"""The current role when no dated job entry gives it: a year/month event grid (the Japanese
rirekisho: "2017 4 Joined Acme K.K. — QA Engineer", "2022 10 Promoted to Senior QA Engineer"),
or a biography written in sentences ("... is the Chief Financial Officer of Acme Logistics").
"""

from __future__ import annotations

import re

from .lexicon import SCHOOL_WORDS
from .text import _DATE, BULLET_RE, _company_strength, _title_strength, _words

# "2017  4  Joined ...", "2017/4 Joined ...", "2017年4月 入社": a year, maybe a month, then the event.
_ROW_RE = re.compile(r"^((?:19|20)\d{2})(?:\s*[/.\-年]\s*|\s+)(?:(\d{1,2})\s*月?\s+)?(\S.*)$")
_JOIN_RE = re.compile(
    r"^(?:joined|entered|hired by|hired at|started at|started with|employed by|employed at)\s+(.+)$",
    re.IGNORECASE,
)
_PROMOTED_RE = re.compile(
    r"^(?:promoted to|appointed(?: as)?|became|transferred to the role of)\s+(.+)$", re.IGNORECASE
)
_LEFT_RE = re.compile(r"^(?:resigned|left|retired|laid off|contract ended|company closed)\b", re.IGNORECASE)
_ROLE_SEP_RE = re.compile(r"\s+(?:—|–|-|as|\|)\s+|\s*\((?=[^)]*\)$)")


def _role_of(text: str) -> str | None:
    text = text.strip(" .()")
    head, _, tail = text.partition(", ")
    if tail and _title_strength(head) and not _title_strength(tail):
        text = head  # "Sales Coordinator, Overseas Sales Division"
    return text if _title_strength(text) else None


def event_role(lines: list[str]) -> tuple[str | None, str | None]:
    """Walk the event rows in order; the last employer joined and not left, and its last title."""
    title = company = None
    rows = 0
    for line in lines:
        m = _ROW_RE.match(line.replace("\t", " ").strip())
        if not m:
            continue
        event = m.group(3).strip()
        if joined := _JOIN_RE.match(event):
            rest = joined.group(1).strip(" .")
            parts = _ROLE_SEP_RE.split(rest, maxsplit=1)
            employer = parts[0].strip(" ,")
            if {w.strip(",.") for w in _words(employer)} & SCHOOL_WORDS and not _company_strength(employer):
                continue  # "Entered Hibiya High School": schooling
            company, title = employer, _role_of(parts[1]) if len(parts) > 1 else None
            rows += 1
        elif (promoted := _PROMOTED_RE.match(event)) and company:
            title = _role_of(re.split(r"\s+(?:at|of|in)\s+", promoted.group(1))[0]) or title
        elif _LEFT_RE.match(event):
            title = company = None
    return (title, company) if rows else (None, None)


# "<Name> is the Chief Financial Officer of Acme Logistics, ...", "currently Senior Engineer at Acme".
_PROSE_RE = re.compile(
    r"\b(?:is|as|currently|now)\s+(?:currently\s+|now\s+)?(?:the\s+|a\s+|an\s+|our\s+)?"
    r"((?:[A-Z][\w&/'’\-]*|of|for|and|&|at|with|de|la|du)(?:\s+(?:[A-Z][\w&/.'’\-]*|of|for|and|&|at|with|de|la|du))*)"
)


def prose_role(lines: list[str]) -> tuple[str | None, str | None]:
    text = " ".join(lines[:40])
    for m in _PROSE_RE.finditer(text):
        run = m.group(1)
        # Split at the last "at/of/with/for" that leaves a title on the left and a name on the right.
        for sep in reversed(list(re.finditer(r"\s+(?:at|of|with|for)\s+", run))):
            left, right = run[: sep.start()], run[sep.end() :]
            right = re.split(r"(?<=[a-z]{2}\.)\s+", right)[0]  # "Brightwave Ltd. Before that, ..."
            right = re.sub(r"\s+(?:and|&|of|for|at|with|de|la|du)$", "", right)
            if (
                _title_strength(left) >= 2
                and right[:1].isupper()
                and not _title_strength(right)
                and left.split()[-1][:1].isupper()
            ):
                return left, right
    return None, None


# An activity feed (a code-hosting profile's style): a month and year on a line of their own, the
# event under it ("Joined Acme Ltd."), the role on the next line. Newest first, as a feed runs, but
# the dates say which is newest, not the order.
_LONE_DAY_RE = re.compile(rf"(?:{_DATE})", re.IGNORECASE)


def _lone_date(line: str) -> tuple[int, int] | None:
    from .dates import _year_month  # dates imports places, which the event grid does not need

    line = line.strip()
    return _year_month(line, end=False) if _LONE_DAY_RE.fullmatch(line) else None


def _role_line(line: str) -> str | None:
    """The line under a "Joined ..." event, when it reads as a role: short, worded, no date, more
    a title than an employer (a bare "Geologist" has no title word, so plain words are enough)."""
    line = BULLET_RE.sub("", line).strip(" .")
    words = line.split()
    if not (1 <= len(words) <= 7) or not line[:1].isupper() or re.search(r"\d", line):
        return None
    if _JOIN_RE.match(line) or _company_strength(line) > _title_strength(line):
        return None
    return line


def feed_role(lines: list[str]) -> tuple[str | None, str | None]:
    """The newest "Joined <employer>" of an activity feed whose dates stand alone on the line above
    each event, with the role printed under it."""
    best: tuple[tuple[int, int], str | None, str] | None = None
    for i in range(1, len(lines)):
        joined = _JOIN_RE.match(lines[i].strip())
        when = _lone_date(lines[i - 1]) if joined else None
        if not joined or not when:
            continue
        employer = joined.group(1).strip(" ,")
        if {w.strip(",.") for w in _words(employer)} & SCHOOL_WORDS and not _company_strength(employer):
            continue
        title = _role_line(lines[i + 1]) if i + 1 < len(lines) else None
        if best is None or when > best[0]:
            best = (when, title, employer)
    return (best[1], best[2]) if best else (None, None)
