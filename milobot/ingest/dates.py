"""Dates in work history: month/year tokens, date ranges, years of experience."""

from __future__ import annotations

import datetime as _dt
import re

from .lexicon import MONTH_WORDS
from .places import place_like
from .text import _DATE, DATE_RANGE_RE, YEARS_RE, is_present, lower_key


def _year_month(token: str, *, end: bool) -> tuple[int, int] | None:
    token = lower_key(token.strip())
    if is_present(token):
        today = _dt.date.today()
        return today.year, today.month
    m = re.search(r"(\d{4})[-/.](\d{1,2})(?:-\d{1,2})?$", token) or None
    if m:
        return int(m.group(1)), max(1, min(12, int(m.group(2))))
    m = re.search(r"(\d{1,2})[/.](\d{4})", token)
    if m:
        return int(m.group(2)), max(1, min(12, int(m.group(1))))
    m = re.fullmatch(r"(\d{2})/(\d{2})", token)
    if m:  # "03/21", the short numeric form: the century that puts the year no later than next year
        year = 2000 + int(m.group(2))
        return year - (100 if year > _dt.date.today().year + 1 else 0), int(m.group(1))
    m = re.search(r"(\d{4})", token)
    short = re.search(r"['’‘](\d{2})$", token) if not m else None
    if not m and not short:
        return None
    if short:  # "Mar ’20": the century that puts the year no later than next year
        year = 2000 + int(short.group(1))
        year -= 100 if year > _dt.date.today().year + 1 else 0
    else:
        year = int(m.group(1))
    month_word = re.match(r"[^\W\d_]+", token) or re.search(r"(?<=\d[-/ ])[^\W\d_]+", token)
    if month_word:
        word = month_word.group(0)
        # Three letters do not tell June from July in French ("juin"/"juil") or Czech ("červen"/"červenec").
        for prefix, month in (("červenec", 7), ("července", 7), ("červ", 6), ("juin", 6), ("juil", 7)):
            if word.startswith(prefix):
                return year, month
        for i, names in enumerate(_MONTH_INDEX):
            if month_word.group(0)[:3] in names:
                return year, i + 1
    return year, 12 if end else 1


_MONTH_INDEX = [
    {"jan", "jän", "ene", "gen", "sty", "led", "oca"},
    {"feb", "fév", "fev", "lut", "úno", "şub", "sub"},
    {"mar", "mär", "mrt", "maa", "bře"},
    {"apr", "avr", "abr", "kwi", "dub", "nis"},
    {"may", "mai", "mei", "maj", "mag", "kvě"},
    {"jun", "cze", "giu", "haz"},
    {"jul", "jui", "lip", "lug", "tem"},
    {"aug", "aoû", "aou", "ago", "sie", "srp", "ağu", "agu"},
    {"sep", "set", "wrz", "zář", "eyl"},
    {"oct", "okt", "out", "ott", "paź", "říj", "eki"},
    {"nov", "lis", "kas"},
    {"dec", "déc", "dez", "dic", "gru", "pro", "ara"},
]


def _ranges(lines: list[str]) -> list[tuple[int, tuple[int, int], tuple[int, int], bool]]:
    out = []
    for i, line in enumerate(lines):
        for m in DATE_RANGE_RE.finditer(line):
            start_tok, end_tok = (
                (m.group(2), m.group(3)) if m.group(2) else (m.group(1) or m.group(4), "present")
            )
            start = _year_month(start_tok, end=False)
            end = _year_month(end_tok, end=True)
            present = is_present(end_tok)
            if start and end and start <= end and start[0] > 1950:
                out.append((i, start, end, present))
    return out


def worded_ends(section: list[str]) -> list[str]:
    """ "2022-01 – danas", "2022-10 – Súčasnosť": a range that ends in one word no list knows (and
    no place) where its end date would be says "until now" in some language, when its entry is the
    one that started last. Such a range is rewritten open ("2022-01 –"), the shape the rest reads as
    going on."""
    found = []
    for i, line in enumerate(section):
        if (
            _YEAR_DASH_RE.search(line)
            and not DATE_RANGE_RE.search(line)
            and (m := _OPEN_WORD_RE.search(line))
        ):
            start = _year_month(m.group(1), end=False)
            word = m.group(2)
            if (
                start
                and start[0] > 1950
                and not _MONTH_WORD_RE.fullmatch(word)
                and (word[:1].islower() or not place_like(word))
            ):
                found.append((i, start, m))
    if not found:
        return section
    latest = max((r[1] for r in _ranges(section)), default=(0, 0))
    out = list(section)
    for i, start, m in found:
        if start >= latest:
            rest = out[i][m.end() :].lstrip(" \t")
            # A short year ("Nov ’21") is written in full: an open range is read only with its century.
            written = m.group(1) if re.search(r"\d{4}", m.group(1)) else f"{start[0]}-{start[1]:02d}"
            out[i] = f"{out[i][: m.start()]}{written} –" + (f"\t{rest}" if rest else "")
    return out


# A date, a dash and one word, at a line's or a cell's end or before a separator (a month written
# with its capital too: "Nov ’21 – danas"); the dashes a range is written with, or an arrow
# ("10/2021 → auj.").
_OPEN_WORD_RE = re.compile(
    rf"(?<![\w/])({_DATE})\s*(?:–|—|-|‐|−|‒|→)\s*([^\W\d_][^\W\d_]+)\.?(?=\s*$|\t|\s+[·|•]\s)", re.IGNORECASE
)
# A cheap first look (most lines have neither): two digits, for a short year ("Nov ’21 – danas") too.
_YEAR_DASH_RE = re.compile(r"\d\d.{0,4}[–—\-‐−‒→]")
_MONTH_WORD_RE = re.compile(rf"(?:{MONTH_WORDS})", re.IGNORECASE)


def _years_from_ranges(ranges) -> float | None:
    months: set[int] = set()
    for _, start, end, _ in ranges:
        a, b = start[0] * 12 + start[1] - 1, end[0] * 12 + end[1] - 1
        if b - a > 12 * 60:
            continue
        months.update(range(a, b))
    return round(len(months) / 12, 1) if months else None


def find_stated_years(text: str) -> float | None:
    m = YEARS_RE.search(text)
    if not m:
        return None
    value = float(m.group(1).replace(",", "."))
    return value if 0 < value < 60 else None


_YEAR_ONLY_RE = re.compile(r"(?:19|20)\d{2}")
_LONE_DATE_RE = re.compile(_DATE, re.IGNORECASE)


def stacked_years(section: list[str]) -> list[str]:
    """A timeline prints each entry's years as labels in the margin, the start over the end
    ("2018" / "2023", on lines of their own around the entry's head), and a job that goes on as
    its start year alone. Where the section pairs years so, each pair becomes a range on the
    start's line and the latest lone year an open one ("2023 –"): the shape the rest reads."""
    years = [i for i, line in enumerate(section) if _YEAR_ONLY_RE.fullmatch(line.strip())]
    if len(years) < 3:
        return section
    pairs: dict[int, int] = {}
    k = 0
    while k + 1 < len(years):
        i, j = years[k], years[k + 1]
        if j - i <= 3 and int(section[i]) <= int(section[j]):
            pairs[i] = j
            k += 2
        else:
            k += 1
    if not pairs:
        return section
    ends = {j for j in pairs.values()}
    latest = max(int(section[j]) for j in ends)
    out = []
    for i, line in enumerate(section):
        if i in pairs:
            out.append(f"{line.strip()} – {section[pairs[i]].strip()}")
        elif i in ends:
            continue
        elif i in years and int(line) >= latest:
            out.append(f"{line.strip()} –")
        else:
            out.append(line)
    return out


# "5 ans 10 mois", "3 years 2 months", "(1 yr 4 mos)": counts, each with one lower-case word after it.
_DURATION_RE = re.compile(r"\(?\d{1,2}\s+[^\W\d_A-Z]+\.?(?:,?\s+\d{1,2}\s+[^\W\d_A-Z]+\.?)?\)?")


def without_durations(section: list[str]) -> list[str]:
    """A theme that prints how long each job lasted on a line of its own, next to its dates ("Févr.
    2021 - Aujourd'hui" / "5 ans 10 mois" / "Employer"): the length is neither the title nor the
    employer, and read as a count with its unit (a sentence about the work) it ended the entry's
    head before the employer under it. Such a line, just over or under a dated line, goes.
    Returns the section itself when nothing changes."""
    dated = {i for i, line in enumerate(section) if DATE_RANGE_RE.search(line)}
    if not dated:
        return section
    drop = {
        i
        for i, line in enumerate(section)
        if (i - 1 in dated or i + 1 in dated) and i not in dated and _DURATION_RE.fullmatch(line.strip())
    }
    return [line for i, line in enumerate(section) if i not in drop] if drop else section


def _date_only(cell: str) -> bool:
    m = DATE_RANGE_RE.search(cell)
    return bool(m) and len(cell.strip()) - len(m.group(0)) <= 2


def lone_starts(section: list[str], ranges: list | None = None) -> list[str]:
    """A theme that prints only the start of a job that goes on ("Mar 2024" over the entry, where
    the others show "May 2019 — Feb 2024"): a date alone on its line (or in its cell) that is no
    earlier than every range's end starts the current job, and is rewritten open ("Mar 2024 –").
    Returns the section itself when nothing changes."""
    ranges = _ranges(section) if ranges is None else ranges
    if not ranges or any(r[3] for r in ranges):
        return section  # no ranges to compare with, or some entry already goes on
    latest = max(r[2] for r in ranges)
    if not any(_date_only(cell) for r in ranges for cell in section[r[0]].split("\t")):
        return section  # the ranges sit in lines of text: a lone date is something else's (an award's)
    out = None
    for i, line in enumerate(section):
        cells = line.split("\t")
        for k, cell in enumerate(cells):
            if _LONE_DATE_RE.fullmatch(cell.strip()) and not _YEAR_ONLY_RE.fullmatch(cell.strip()):
                start = _year_month(cell.strip(), end=False)
                if start and start >= latest:
                    cells[k] = f"{cell.strip()} –"
                    out = out or list(section)
                    out[i] = "\t".join(cells)
    return out or section
