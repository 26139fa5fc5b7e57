"""The current role when no dated job entry gives it: a year/month event grid (the Japanese
rirekisho: "2017 4 Joined Acme K.K. — QA Engineer", "2022 10 Promoted to Senior QA Engineer"),
or a biography written in sentences ("... is the Chief Financial Officer of Acme Logistics").
"""

from __future__ import annotations

import re

from .lexicon import SCHOOL_WORDS
from .text import _company_strength, _title_strength, _words

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
