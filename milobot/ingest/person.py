"""The person: name and location."""

from __future__ import annotations

import re

from .contact import _region_of_location
from .lexicon import CITY_REGION, COUNTRY_WORDS
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


# Post-nominal letters: degrees, professional qualifications, honours. Stripped from a name.
_POSTNOMINAL = (
    r"Ph\.?\s?D\.?|D\.?Phil\.?|M\.?B\.?A\.?|CPA|CFA|ACCA|FCA|ACA|CIMA|PMP|CISSP|CEng|MBBS|M\.D\.|MD|"
    r"J\.D\.|LL\.?M\.?|M\.?Sc\.?|B\.?Sc\.?|M\.?Eng\.?|MPH|MSN|BSN|RN|DDS|P\.?E\.?|Esq\.?|FRCS|MRCP|SHRM-[A-Z]+|PHR|CSM"
)
_POSTNOMINAL_RE = re.compile(rf"(?:\s*,\s*(?:{_POSTNOMINAL}|[A-Z]{{2,5}})|\s+(?:{_POSTNOMINAL}))+\s*$")


def _strip_postnominals(name: str) -> str:
    stripped = _POSTNOMINAL_RE.sub("", name).strip(" ,")
    if stripped != name and name.isupper() and "," not in name[len(stripped) :][:3]:
        return name  # "JOHN MD" reads the same as "JOHN M.D.": only trust a comma in capitals
    return stripped if len(stripped.split()) >= 2 else name


def find_name(
    lines: list[str], first_heading: int, email: str | None, headline: str | None = None
) -> str | None:
    for line in lines[:40]:
        m = LABEL_NAME_RE.match(line)
        if m:
            cand = _strip_postnominals(SEPARATORS_RE.split(m.group(1).strip())[0])
            if _looks_like_name(cand):
                return _smart_case(cand)
    if headline:
        # The page's biggest type, when the PDF tells us font sizes.
        cand = _strip_postnominals(_join_small_caps(headline.strip(" ,")))
        if _looks_like_name(cand):
            return _smart_case(cand)
    local = _fold(email.split("@")[0]) if email else ""
    local = re.sub(r"[^a-z]", "", local)
    window = lines[: max(8, min(first_heading, 15))]
    candidates: list[tuple[float, str]] = []
    for i, line in enumerate(window):
        text = line.strip(" ,")
        joined = None
        # Sidebar layouts set first and last name on separate lines.
        nxt = window[i + 1].strip() if i + 1 < len(window) else ""
        if nxt and re.fullmatch(r"[^\W\d_][\w'’\-]+", text, re.UNICODE) and text[0].isupper():
            if re.fullmatch(r"[^\W\d_][\w'’\- ]+", nxt, re.UNICODE) and len(nxt.split()) <= 2:
                joined = f"{text} {nxt}"
        elif (
            nxt
            and text.isupper()
            and nxt.isupper()
            and len(text.split()) + len(nxt.split()) <= 4
            and re.fullmatch(r"[^\W\d_'’\- ]+", nxt, re.UNICODE)
            and not _heading_kind(nxt)
        ):
            joined = f"{text} {nxt}"  # "ANA BEATRIZ" / "SOUZA"
        segments = [seg.strip(" ,") for seg in SEPARATORS_RE.split(text)]
        for cand in filter(None, [joined, text, *segments]):
            cand = _strip_postnominals(cand)
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


def place_like(text: str) -> bool:
    """Is this whole string a place ("Paris, France", "Austin, TX", "Bengaluru", "Remote")?"""
    text = text.strip(" .,()")
    low = text.lower()
    if low in _WORK_MODES or low in CITY_REGION or (len(low) > 2 and low in COUNTRY_WORDS):
        return True
    m = _LOC_RE.fullmatch(text)
    return bool(m and _region_of_location(text) and not _title_strength(text) and not _company_strength(text))


_WORK_MODES = {"remote", "hybrid", "on-site", "onsite", "on site", "fully remote", "remote-first"}


def find_location(lines: list[str], first_heading: int) -> str | None:
    for line in lines[:60]:
        m = LABEL_LOC_RE.match(line)
        if m:
            # The value ends where the next field starts (a column gap, a separator, "Label:").
            value = SEPARATORS_RE.split(m.group(1))[0]
            value = re.split(r"\s+[^\W\d_][\w ]{1,20}:\s|\s+" + URL_RE.pattern, value)[0]
            loc = _tidy_location(value)
            if loc:
                return loc
    header = lines[: max(first_heading, 6)]
    for zone in (header, lines[:80]):
        for line in zone:
            for seg in _segments(line):
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
    # A contact field holding just a city-state or a country ("Singapore", "Hong Kong", "Germany").
    for line in header:
        for seg in _segments(line):
            low = seg.lower()
            if low in CITY_REGION or (len(low) > 3 and low in COUNTRY_WORDS and seg[0].isupper()):
                return seg
    return None


def _segments(line: str) -> list[str]:
    stripped = EMAIL_RE.sub(" | ", line)
    stripped = URL_RE.sub(" | ", stripped)
    stripped = PHONE_CAND_RE.sub(" | ", stripped)
    out = []
    for seg in SEPARATORS_RE.split(stripped):
        seg = seg.strip(" |,")
        if seg and not DATE_RANGE_RE.search(seg):
            out.append(seg)
    return out


# Street and district words: an address's first parts, not where someone lives.
_STREET_RE = re.compile(
    r"\b(?:avenue|ave|street|st|road|rd|lane|ln|boulevard|blvd|drive|dr|way|court|ct|square|sq|terrace|"
    r"highway|hwy|suite|ste|apt|apartment|floor|unit|building|bldg|po box|rue|chemin|calle|avenida|av|rua|"
    r"via|viale|corso|ulica|ul|straße|strasse|str|platz|gasse|weg|allee|district|ward|"
    r"department|dept|faculty|school|institute|university|laboratory|lab|college)\b\.?"
    r"|\w+(?:straße|strasse|allee|gasse|platz|weg)\b|\w-(?:ku|gu|cho|machi)\b",
    re.IGNORECASE,
)


def _tidy_location(loc: str) -> str | None:
    loc = re.sub(r"^(?:\+?\d[\d\s().\-]{6,}\d)\s*", "", loc.strip())
    loc = loc.strip(" ,|·\t")
    parts = [p.strip() for p in loc.split(",")]
    # "77 Example Avenue, Cambridge, MA 02139" -> "Cambridge, MA"; "Kita-ku, Osaka, Japan" -> "Osaka, Japan".
    while len(parts) > 2 and (any(c.isdigit() for c in parts[0]) or _STREET_RE.search(parts[0])):
        parts.pop(0)
    if len(parts) >= 2:
        parts[0] = re.sub(r"^\d{4,6}\s+|^[A-Z]{1,2}-?\d{3,5}\s+", "", parts[0])  # "10435 Berlin"
        parts[-1] = re.sub(r"\s+\d{4,6}(?:-\d{4})?$", "", parts[-1])  # "MA 02139"
    loc = ", ".join(p for p in parts if p)
    return loc[:80] or None
