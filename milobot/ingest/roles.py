"""Work history: date ranges, the current role (title, company), years of experience."""

from __future__ import annotations

import re

from .dates import _ranges, _year_month, _years_from_ranges, find_stated_years  # noqa: F401
from .lexicon import ACTION_VERBS, COMPANY_SUFFIXES
from .places import place_like
from .text import (  # noqa: F401
    BULLET_RE,
    DATE_RANGE_RE,
    YEARS_RE,
    _clean,
    _company_strength,
    _fold,
    _heading_kind,
    _sections,
    _title_strength,
    _words,
    is_present,
)

# ---------------------------------------------------------------- experience


def _is_body_line(line: str) -> bool:
    if BULLET_RE.match(line) or len(line.split()) > 10 or starts_with_verb(line) or _sentence_shape(line):
        return True
    # A sentence ends in a plain word and a full stop; "Wisła Software sp. z o.o." or
    # "Acme Co." end in an abbreviation.
    last = line.split()[-1] if line.split() else ""
    return bool(re.fullmatch(r"[^\W\d_]{4,}[.!]", last)) and (len(line.split()) > 4 or last[0].islower())


def _sentence_shape(line: str) -> bool:
    """ "Enfermeira no serviço de cuidados intensivos (12 camas).", "Koordynacja zespołu 12 osób;
    budżety do 3 mln zł.": a count with its unit, or several lower-case words and a closing full
    stop, is a sentence about the work, never a title or a company."""
    words = line.split()
    if len(words) < 4:
        return False
    if re.search(r"(?<![\w.])\d[\d.,]*\s+[a-zà-ÿł-ź]{2,}", line) and sum(w[:1].islower() for w in words) >= 2:
        return True
    last = words[-1]
    lower = sum(1 for w in words[1:] if w[:1].islower())
    return bool(re.search(r"[a-zà-ÿł-ź]\)?[.!]$", last)) and "." not in last[:-1] and lower >= 3


def starts_with_verb(line: str) -> bool:
    """ "Prepare monthly management accounts", "Exceeded quota by 32%": a sentence about the work
    (a verb, then lower case), never a company or a title."""
    words = BULLET_RE.sub("", line).split()
    if len(words) < 3 or not words[0][:1].isupper() or not words[1][:1].islower():
        return False
    first = words[0].lower().strip(",.:")
    if len(words) <= 5 and _title_strength(" ".join(words)) >= 2:
        return False  # "Support engineer, payments", "Lead developer at Acme"
    return first in ACTION_VERBS or (len(first) > 4 and first.endswith("ed") and words[0][1:].islower())


def _split_pieces(fragment: str) -> list[str]:
    if "\t" in fragment:  # a column gap: never one value
        return [p for cell in fragment.split("\t") for p in _split_pieces(cell)]
    fragment = fragment.strip(" ,|·–—-:")
    head, _, rest = fragment.partition(", ")
    if rest.count(",") == 1 and place_like(rest) and not place_like(head):
        fragment = head  # "Summit Peak Medical, Denver, CO": in a job entry, the employer and its place
    if not fragment or place_like(fragment):
        return []
    m = re.match(r"^(.+?)\s+(?:at|@|chez|bei|en|na|em|w|på|presso)\s+(.+)$", fragment)
    if m and _title_strength(m.group(1)) and not _title_strength(m.group(2)):
        return [m.group(1), m.group(2)]
    parts = [p for p in re.split(r"\s+(?:—|–|--?|\||·|•|@)\s+|\s*\|\s*", fragment) if p.strip()]
    out: list[str] = []
    for part in parts:
        if ", " in part:
            left, right = part.split(", ", 1)
            lt, rt = _title_strength(left), _title_strength(right)
            if _ends_org(left) and not rt:
                out.append(left if place_like(right) or not _company_strength(right) else part)
            elif lt and not rt:
                out += [left, _drop_place_tail(right)]  # "Title, Company(, City)"
            elif not lt and not rt and not _company_strength(right):
                out.append(left)  # "Company, City": the city is not wanted here
            elif rt and not lt:
                out += [left, right]
            else:
                out.append(part)
        else:
            out.append(part)
    return [p.strip(" ,|·–—-:()") for p in out if p.strip(" ,|·–—-:()")]


def _drop_place_tail(company: str) -> str:
    # "Biuro Rachunkowe Odra, Wrocław" after a title: a short capitalised last part is the place.
    head, sep, tail = company.rpartition(", ")
    short = sep and len(tail.split()) <= 2 and tail[:1].isupper() and not re.search(r"\d", tail)
    if short and not _ends_org(tail) and not _title_strength(tail) and not _company_strength(tail):
        return head
    return company


def _entry_pieces(section: list[str], date_idx: int, prev_limit: int) -> list[str]:
    line = section[date_idx]
    m = DATE_RANGE_RE.search(line)
    before, after = (line[: m.start()], line[m.end() :]) if m else (line, "")
    pieces: list[str] = []
    pieces += _split_pieces(before)
    # "dates, City" / "dates · City": what follows a separator after the dates is a place.
    if after.strip() and not re.match(r"^\s*[,|·•(]", after):
        pieces += _split_pieces(after)
    elif (
        len(tail := _split_pieces(after)) >= 2
        and not any(":" in p for p in tail)
        and any(_title_strength(p) for p in tail)
    ):
        pieces += tail  # "desde 2019 · Enfermeira · Hospital da Boavista": title and employer after the dates
    pieces = _keep(pieces)
    if len(pieces) >= 2 and any(_title_strength(p) for p in pieces):
        return pieces  # "Title, Company, dates" on one line: the lines around belong to other things
    above: list[str] = []
    for j in range(date_idx - 1, max(prev_limit, date_idx - 3) - 1, -1):
        if _is_body_line(section[j]) or DATE_RANGE_RE.search(section[j]):
            break
        above.insert(0, section[j])
    below: list[str] = []
    for j in range(date_idx + 1, min(len(section), date_idx + 3)):
        if _is_body_line(section[j]) or DATE_RANGE_RE.search(section[j]):
            break
        below.append(section[j])
    for fragment in reversed(_unwrap(above)):
        pieces += _split_pieces(fragment)
    for fragment in _unwrap(below):
        pieces += _split_pieces(fragment)
    return _keep(pieces)


_OTHER_LABEL_RE = re.compile(r"^[^\W\d_][\w ]{1,25}:\s")


def _keep(pieces: list[str]) -> list[str]:
    return [
        p
        for p in pieces
        if not re.fullmatch(r"[\W\d]+", p)
        and not starts_with_verb(p)
        and not _sentence_shape(p)
        and len(p) <= 80
        and not (_OTHER_LABEL_RE.match(p) and not (_TITLE_LABEL_RE.match(p) or _COMPANY_LABEL_RE.match(p)))
    ]


_SEP_RE = re.compile(r"\s(?:—|–|-|\||·|@|at)\s|,\s")


def _unwrap(lines: list[str]) -> list[str]:
    """Re-join 'Title — Company' lines that a narrow column wrapped ('Title — Crown &' / 'Anchor Media')."""
    out: list[str] = []
    for line in lines:
        if (
            out
            and _SEP_RE.search(out[-1])
            and not _SEP_RE.search(line)
            and len(line.split()) <= 3
            and not _title_strength(line)
        ):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


_TITLE_LABEL_RE = re.compile(
    r"^(?:role|title|job title|position|poste|stelle|cargo|puesto|funktion)\s*[:\-]?\s+(.+)$", re.IGNORECASE
)
_COMPANY_LABEL_RE = re.compile(
    r"^(?:company|employer|organi[sz]ation|firma|unternehmen|arbeitgeber|entreprise|société|empresa|client)\s*[:\-]?\s+(.+)$",
    re.IGNORECASE,
)


def _ends_org(text: str) -> bool:
    words = _words(text)
    return bool(words) and (words[-1] in COMPANY_SUFFIXES or words[-1].rstrip(".") in COMPANY_SUFFIXES)


def _tidy_company(company: str | None) -> str | None:
    if company:
        # "Leeside Pharma Ltd, Ringaskiddy, Co. Cork": after a legal or sector word, short
        # capitalised parts that are not themselves a legal form are the employer's place.
        parts = company.split(", ")
        for i in range(1, len(parts)):
            tail = parts[i:]
            if _ends_org(", ".join(parts[:i])) and all(
                len(t.split()) <= 3
                and t[:1].isupper()
                and not any(c.isdigit() for c in t)
                and not _ends_org(t)
                and not _title_strength(t)
                for t in tail
            ):
                company = ", ".join(parts[:i])
                break
        # "Acme (London)" / "Acme (remote": the parenthesis is a place or a note, not the name.
        company = re.sub(r"\s*\([^)]*\)?\s*$", "", company).strip(" ,")
        # "Acme Ltd, London." / "Fernwerk GmbH, Berlin": the place after the comma is not the name.
        parts = company.split(", ")
        for i in range(1, len(parts)):
            if place_like(", ".join(parts[i:])):
                company = ", ".join(parts[:i])
                break
    return company or None


def _pick_title_company(pieces: list[str]) -> tuple[str | None, str | None]:
    labelled_title = next((m.group(1) for p in pieces if (m := _TITLE_LABEL_RE.match(p))), None)
    labelled_company = next((m.group(1) for p in pieces if (m := _COMPANY_LABEL_RE.match(p))), None)
    if labelled_title or labelled_company:
        rest = [p for p in pieces if not _TITLE_LABEL_RE.match(p) and not _COMPANY_LABEL_RE.match(p)]
        title, company = _pick_title_company_unlabelled(rest) if rest else (None, None)
        return labelled_title or title, _tidy_company(labelled_company or company)
    title, company = _pick_title_company_unlabelled(pieces)
    return title, _tidy_company(company)


def _pick_title_company_unlabelled(pieces: list[str]) -> tuple[str | None, str | None]:
    if not pieces:
        return None, None
    scored = [(p, _title_strength(p), _company_strength(p)) for p in pieces]
    titled = [s for s in scored if s[1] > s[2]]
    title = max(titled, key=lambda s: s[1] - s[2])[0] if titled else None
    rest = [s for s in scored if s[0] != title]
    if not rest:
        return title, None
    company = max(rest, key=lambda s: (s[2] - s[1], -rest.index(s)))[0]
    if title is None and len(rest) >= 2:
        title = next(s[0] for s in rest if s[0] != company)
    return title, company


def find_experience(
    sections: dict[str, list[str]], lines: list[str]
) -> tuple[str | None, str | None, float | None]:
    section = sections.get("experience") or []
    ranges = _ranges(section)
    if not ranges and not section:
        # No work heading we know: everything but the education section (a degree's dates
        # must not make the university the current employer).
        schooling = set(map(id, sections.get("education") or []))
        section = [line for line in lines if id(line) not in schooling]
        ranges = _ranges(section)
    title = company = None
    if ranges:
        current = next((r for r in ranges if r[3]), None)
        if current is None:  # nothing open-ended: the one that ended last
            current = max(ranges, key=lambda r: (r[2], -r[0]))
        idx = ranges.index(current)
        prev_limit = ranges[idx - 1][0] + 1 if idx else 0
        title, company = _pick_title_company(_entry_pieces(section, current[0], prev_limit))
    years = _years_from_ranges(ranges)
    return title, company, years
