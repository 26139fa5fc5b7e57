"""The person: name and location."""

from __future__ import annotations

import re

from .contact import _region_of_location
from .lexicon import (
    COUNTRY_WORDS,
)
from .text import (  # noqa: F401
    DATE_RANGE_RE,
    EMAIL_RE,
    LABEL_LOC_RE,
    LABEL_NAME_RE,
    NAME_PARTICLES,
    NAME_TOKEN_RE,
    NOT_NAMES,
    PHONE_CAND_RE,
    SEPARATORS_RE,
    URL_RE,
    _clean,
    _company_strength,
    _fold,
    _heading_kind,
    _sections,
    _title_strength,
    _words,
)

# ---------------------------------------------------------------- name


def _looks_like_name(line: str) -> bool:
    if any(ch.isdigit() for ch in line) or "@" in line or "/" in line or len(line) > 60:
        return False
    if _fold(line) in NOT_NAMES or _heading_kind(line):
        return False
    tokens = line.replace(",", " ").split()
    if not 2 <= len(tokens) <= 5:
        return False
    capitalised = 0
    for tok in tokens:
        if tok.lower() in NAME_PARTICLES:
            continue
        if not NAME_TOKEN_RE.match(tok) or not tok[0].isupper():
            return False
        capitalised += 1
    if capitalised < 2 and not (capitalised == 1 and len(tokens) >= 2):
        return False
    return not _title_strength(line)


def _join_small_caps(line: str) -> str:
    # CSS small-caps comes out of chromium as "C HLOÉ M OREAU": an initial capital, then the
    # rest of the word as a separate run. Re-join only that exact alternating pattern.
    tokens = line.split()
    if (
        len(tokens) >= 4
        and len(tokens) % 2 == 0
        and line.isupper()
        and all(len(tokens[i]) == 1 and len(tokens[i + 1]) > 1 for i in range(0, len(tokens), 2))
    ):
        return " ".join(tokens[i] + tokens[i + 1] for i in range(0, len(tokens), 2))
    return line


_HONORIFIC_RE = re.compile(r"^(?:(?:dr|mr|mrs|ms|mx|prof|dipl\.?-ing|ing|mag|sr|sra)\.?\s+)+", re.IGNORECASE)


def _smart_case(name: str) -> str:
    name = _HONORIFIC_RE.sub("", _join_small_caps(name))
    if not name.isupper():
        return name

    def cap(word: str) -> str:
        if word.lower() in NAME_PARTICLES:
            return word.lower()
        return re.sub(r"([^\W\d_])([^\W\d_]*)", lambda m: m.group(1).upper() + m.group(2).lower(), word)

    return " ".join(cap(w) for w in name.split())


def find_name(lines: list[str], first_heading: int, email: str | None) -> str | None:
    for line in lines[:40]:
        m = LABEL_NAME_RE.match(line)
        if m and _looks_like_name(m.group(1).strip()):
            return _smart_case(m.group(1).strip())
    local = _fold(email.split("@")[0]) if email else ""
    local = re.sub(r"[^a-z]", "", local)
    window = lines[: max(8, min(first_heading, 15))]
    candidates: list[tuple[float, str]] = []
    for i, line in enumerate(window):
        text = line.strip(" ,")
        joined = None
        # Sidebar layouts set first and last name on separate lines.
        if i + 1 < len(window) and re.fullmatch(r"[^\W\d_][\w'’\-]+", text, re.UNICODE) and text[0].isupper():
            nxt = window[i + 1].strip()
            if re.fullmatch(r"[^\W\d_][\w'’\- ]+", nxt, re.UNICODE) and len(nxt.split()) <= 2:
                joined = f"{text} {nxt}"
        for cand in filter(None, [joined, text, SEPARATORS_RE.split(text)[0]]):
            if _looks_like_name(cand):
                score = float(i)
                if local:
                    folded = re.sub(r"[^a-z]", "", _fold(cand))
                    parts = [re.sub(r"[^a-z]", "", _fold(p)) for p in cand.split()]
                    if any(len(p) > 2 and p in local for p in parts) or folded in local:
                        score -= 10
                candidates.append((score, cand))
                break
    if not candidates:
        return None
    return _smart_case(min(candidates)[1])


# ---------------------------------------------------------------- location

_PLACE_WORDS = sorted({w for w in COUNTRY_WORDS if len(w) > 2}, key=len, reverse=True)
_LOC_RE = re.compile(
    r"(?<![\w@.])((?:[^\W\d_][^\W\d_.'’\-]*\.?(?:[ \-'’][^\W\d_][^\W\d_.'’\-]*)*?|[^\W\d_]+(?: (?:am|an|de|del|do|da|sur|upon|on) [^\W\d_]+)+)"
    r"(?:\s+[A-Z]{2,3})?,\s*(?:[^\W\d_][^\W\d_]*(?:[ \-][^\W\d_]+){0,3},\s*)?"
    rf"(?:(?i:{'|'.join(re.escape(w) for w in _PLACE_WORDS)})|[A-Z]{{2,3}}))(?![\w@])",
    re.UNICODE,
)


def find_location(lines: list[str], first_heading: int) -> str | None:
    for line in lines[:60]:
        m = LABEL_LOC_RE.match(line)
        if m:
            return _tidy_location(m.group(1))
    header = lines[: max(first_heading, 6)]
    for zone in (header, lines[:80]):
        for line in zone:
            stripped = EMAIL_RE.sub(" | ", line)
            stripped = URL_RE.sub(" | ", stripped)
            stripped = PHONE_CAND_RE.sub(" | ", stripped)
            for seg in SEPARATORS_RE.split(stripped):
                seg = seg.strip(" |,")
                if not seg or DATE_RANGE_RE.search(seg):
                    continue
                for m in _LOC_RE.finditer(seg):
                    loc = m.group(1).strip()
                    if _region_of_location(loc) and not _title_strength(loc) and not _company_strength(loc):
                        i = lines.index(line)
                        if line.startswith(loc) and i and lines[i - 1].endswith(","):
                            # "Chennai," / "Tamil Nadu, India": a table cell wrapped the city onto the line above.
                            head = SEPARATORS_RE.split(lines[i - 1])[-1]
                            if 0 < len(head.split()) <= 3 and not any(c.isdigit() for c in head):
                                loc = f"{head} {loc}"
                        return _tidy_location(loc)
    return None


def _tidy_location(loc: str) -> str:
    loc = re.sub(r"^(?:\+?\d[\d\s().\-]{6,}\d)\s*", "", loc.strip())
    return loc.strip(" ,|·")[:80] or None  # type: ignore[return-value]
