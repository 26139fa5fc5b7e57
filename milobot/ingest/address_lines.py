"""Where the person lives, read from the lines around the e-mail address: the contact block, wherever
the template sets it (at the top, in a sidebar, in a footer at the end of the page).

Three shapes, none needing the place to be known to any list:

* a street line, then the city: "Via Corvo 15" / "Córdoba Andalucía" / "36287 ES", "BASALTIA 33" /
  "SHREWSBURY SHROPSHIRE", or on one line "Halcyra 136, Antalya, Akdeniz";
* a postcode and the city anywhere in the block ("Calle X 75 – 55318 Clermont-Ferrand – Auvergne");
* a line of its own shaped "Place, Place" ("Querétaro, Qro."), that is neither the name, a title, an
  employer nor a label.
"""

from __future__ import annotations

import re

from .labels import is_label
from .lexicon import COUNTRY_WORDS, NATIVE_REGION, REGION_NAMES
from .text import EMAIL_RE, PHONE_CAND_RE, _company_strength, _heading_kind, _title_strength

_STREET_RE = re.compile(
    r"^(?:[^\W\d_][\w.'’\- ]{0,40}\s\d{1,4}[a-zA-Z]?|\d{1,4}[a-zA-Z]?,?\s[^\W\d_][\w.'’\- ]{1,40})$",
    re.UNICODE,
)
_POSTCODE_EDGE_RE = re.compile(r"^\d{4,6}\s+(?=[^\W\d_])|(?<=[^\W\d_])\s+\d{4,6}$", re.UNICODE)
_WORDS_RE = re.compile(r"^[^\W\d_](?:[^\W\d_]|[ '’.\-]){1,50}$", re.UNICODE)
_WORD = r"[^\W\d_](?:[^\W\d_]|['’.\-])*"
_PLACE_LINE_RE = re.compile(rf"^({_WORD}(?: {_WORD}){{0,3}}),\s*({_WORD}(?: {_WORD}){{0,3}})$", re.UNICODE)


def org_like(text: str) -> bool:
    """Does a comma-separated place read like an employer? An abbreviated legal word opening a later
    part before a name ("Galway, Co. Galway, IE": Ireland's counties) is a place word: a legal form
    closes an employer's name, it never opens one."""
    for i, part in enumerate(text.split(",")):
        words = part.split()
        if (
            i
            and len(words) > 1
            and re.fullmatch(r"[^\W\d_]{1,3}\.", words[0])
            and words[1][:1].isupper()
            and _company_strength(words[0])
            and not _company_strength(" ".join(words[1:]))
        ):
            continue
        if _company_strength(part):
            return True
    return False


def _case(text: str) -> str:
    # A contact block set in capitals by the style sheet: "SHREWSBURY" is "Shrewsbury".
    return text.title() if text.isupper() and len(text) > 3 else text


def _known_region(text: str) -> bool:
    low = text.lower().strip(" .")
    return low in REGION_NAMES or low in NATIVE_REGION or low in COUNTRY_WORDS


def _city_region(line: str) -> tuple[str, str | None]:
    """ "Córdoba Andalucía" -> ("Córdoba", "Andalucía"): a known region at the end is cut off; of two
    words with none known, the first is the city ("Bursa Marmara"); else the whole line."""
    words = line.split()
    for k in range(1, len(words)):
        if _known_region(" ".join(words[k:])):
            return " ".join(words[:k]), " ".join(words[k:])
    if len(words) == 2:
        return words[0], words[1]
    return line, None


def _join(city: str, region: str | None) -> str:
    if region and not (len(region) <= 3 and region.isupper()):
        return f"{_case(city)}, {_case(region)}"
    return _case(city)


def contact_window(lines: list[str]) -> list[str]:
    """The lines around the first line holding an e-mail address (four either side), or the
    first part of one a narrow column cut ("NAME@DOMA" / "IN.NET")."""
    at = next((i for i, line in enumerate(lines) if EMAIL_RE.search(line)), None)
    if at is None:
        at = next((i for i, line in enumerate(lines) if re.search(r"\w@\w", line)), None)
    return [] if at is None else lines[max(0, at - 4) : at + 5]


def street_city(window: list[str]) -> str | None:
    for k, line in enumerate(window):
        parts = [p.strip() for p in re.split(r",\s*", line.strip()) if p.strip()]
        if not parts or not _STREET_RE.match(parts[0]) or PHONE_CAND_RE.search(parts[0]):
            continue
        rest = parts[1:]
        if rest:
            if not _WORDS_RE.match(rest[0]):
                continue
            region = rest[1] if len(rest) > 1 and _WORDS_RE.match(rest[1]) else None
            return _join(rest[0], region)
        nxt = window[k + 1].strip() if k + 1 < len(window) else ""
        if not nxt or EMAIL_RE.search(nxt) or _heading_kind(nxt) or is_label(nxt):
            continue
        if "," in nxt:
            city, _, region = (p.strip() for p in nxt.partition(","))
            if _WORDS_RE.match(city) and (not region or _WORDS_RE.match(region)):
                return _join(city, region or None)
        elif _WORDS_RE.match(bare := _POSTCODE_EDGE_RE.sub("", nxt)):
            # "MORELIA MICHOACÁN 25203", "25203 Morelia": the postcode before or after the city.
            return _join(*_city_region(bare))
    return None


def place_line(window: list[str], name: str | None) -> str | None:
    for line in window:
        line = line.strip()
        m = _PLACE_LINE_RE.match(line)
        if not m or (name and line.lower().startswith(name.lower())) or _heading_kind(line):
            continue
        if _title_strength(line) or org_like(line) or is_label(m.group(1)):
            continue
        return _join(m.group(1), m.group(2))
    return None
