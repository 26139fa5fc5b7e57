"""Where the person lives, read from the lines around the e-mail address: the contact block, wherever
the template sets it (at the top, in a sidebar, in a footer at the end of the page).

Three shapes, none needing the place to be known to any list:

* a street line, then the city: "Via Corvo 15" / "Córdoba Andalucía" / "36287 ES", "BASALTIA 33" /
  "SHREWSBURY SHROPSHIRE", "Rua Lima 12" / "90074 Hải Phòng" (after a postcode, the city's whole
  name); or on one line "Halcyra 136, Antalya, Akdeniz", with more of the street first ("Apt 12, 41
  Quay Road, Lusk 4, K45 X2Y7, Ireland", "Plot 14, Ugwu Close, Enugu, Enugu State"), the city in the
  street's part ("Rua Fenn 170 Tessaly, Central Tessaly 58699 GR") or a state and postcode after it
  ("Columbus, OH 43215", "Parramatta NSW 2150");
* a postcode and the city anywhere in the block ("Calle X 75 – 55318 Clermont-Ferrand – Auvergne");
* a line of its own shaped "Place, Place" ("Querétaro, Qro."), that is neither the name, a title, an
  employer nor a label, maybe closed by a country's code ("Galway, Co. Galway, IE").
"""

from __future__ import annotations

import re

import phonenumbers

from .labels import is_label
from .lexicon import COUNTRY_WORDS, NATIVE_REGION, REGION_CODES, REGION_NAMES, US_STATES
from .text import (
    DATE_RANGE_RE,
    EMAIL_RE,
    PHONE_CAND_RE,
    SEPARATORS_RE,
    URL_RE,
    _company_strength,
    _heading_kind,
    _title_strength,
)

_STREET_RE = re.compile(
    r"^(?:[^\W\d_][\w.'’\- ]{0,40}\s\d{1,4}[a-zA-Z]?|\d{1,4}(?:/\d{1,4})?[a-zA-Z]?,?\s[^\W\d_][\w.'’\- ]{1,40})$",
    re.UNICODE,
)
_POSTCODE_EDGE_RE = re.compile(
    r"^(?:\d{4,6}|\d{4,5}-\d{3,4}|\d{2}-\d{3}|\d{3} \d{2})\s+(?=[^\W\d_])|(?<=[^\W\d_])\s+(?:\d{4,6}|[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}|[A-Z]\d[A-Z]\s\d[A-Z]\d)$",
    re.UNICODE,
)
_WORDS_RE = re.compile(r"^[^\W\d_](?:[^\W\d_]|[ '’.\-]){1,50}$", re.UNICODE)
_WORD = r"[^\W\d_](?:[^\W\d_]|['’.\-])*"
# "Place, Place", and a country's ISO code may close it ("Tyrawley, Co. Tyrawley, IE").
_PLACE_LINE_RE = re.compile(
    rf"^({_WORD}(?: {_WORD}){{0,3}}),\s*({_WORD}(?: {_WORD}){{0,3}})(?:,\s*([A-Z]{{2}}))?$", re.UNICODE
)


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


def _country_like(text: str) -> bool:
    return text.lower() in COUNTRY_WORDS or bool(re.fullmatch(r"[A-Z]{2,3}", text))


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


_LABEL_HEAD_RE = re.compile(r"^[^\W\d_][^\W\d_ ]*(?: [^\W\d_]+)?\s?:\s+(?=\S)")


def street_city(window: list[str]) -> str | None:
    """The city of a street address in the contact block (see the module's docstring)."""
    for k, line in enumerate(window):
        # "Location: Hollins Wynd 4" / "Kirkcudbright DG6 4AB": the label before a street is no field.
        segments = SEPARATORS_RE.split(_LABEL_HEAD_RE.sub("", line.strip()))
        nxt = window[k + 1].strip() if k + 1 < len(window) else ""
        if len(SEPARATORS_RE.split(nxt)) > 1:
            nxt = ""  # a row of fields ("Postcode<TAB>3511 Utrecht"), not the street's next line
        for seg in segments:
            # Beside a label or a name ("Adres<TAB>Oudegracht 14"), the next line is the street's city
            # only where it reads like one ("Ibadan, 40506", "90074 Hải Phòng").
            found = _street_then_city(seg, nxt if seg is segments[-1] else "", alone=len(segments) == 1)
            if found:
                return found
    return None


# A postal district or a postcode after the city: "Lusk 4, K45 X2Y7, Ireland", "Parramatta NSW 2150".
_CITY_TAIL_RE = re.compile(r"(?<=[^\W\d_])\s+(?:\d{1,2}|\d{4,6}|[A-Z]\d{2}\s?[A-Z\d]{4})$", re.UNICODE)
# A postcode after the region, and the country's ISO code after it: "Wessex SO17 2ES", "OH 43215",
# "Central Tessaly 58699 GR".
_REGION_POSTCODE_RE = re.compile(
    r"(?<=[^\W\d_])\s+(?:[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}|\d{4,6}(?:-\d{4})?)(?:\s+[A-Z]{2})?$"
)
_POSTCODE_ONLY_RE = re.compile(r"[A-Z]{0,2}[- ]?\d{3,6}(?:[- ]\d{2,4})?")
# "Rua Fenn 170 Tessaly": the street, its number and the city in one part, before a comma.
_STREET_CITY_RE = re.compile(
    r"^([^\W\d_][\w.'’\- ]{0,40}?\s\d{1,4}[a-zA-Z]?)\s+([^\W\d_][^\W\d_'’.\- ]*(?: [^\W\d_'’.\-]+){0,2})$"
)
_STATE_POSTCODE_RE = re.compile(r"(?<=\s[A-Z]{2})\s+\d{4,6}$|(?<=\s[A-Z]{3})\s+\d{4,6}$")


def street_address(value: str) -> str | None:
    """The city of a one-line street address ("Plot 14, Ugwuaji Close, Enugu, Enugu State")."""
    return _street_then_city(value, "")


# A district's designation abbreviated before its name ("Brgy. Lantaw", "Col. Roma Norte"), the way
# addresses mark a part of a town; a saint's ("St. Gallen") or a mount's, fort's or port's ("Mt.
# Hagen", "Ft. Portal", "Pt. Moresby") opens a town's own name.
_DISTRICT_MARK_RE = re.compile(r"^(?!(?:St|Ste|Sta|Sto|Sv|Sf|Mt|Mte|Ft|Pt|Pto)\.)[^\W\d_]{2,4}\.\s+[^\W\d_]")


def _district_marked(part: str) -> bool:
    """Does the part after a street open with an abbreviated designation, naming a district of the
    town rather than the town? Unmarked, the part after the street is the town ("Via X 81, Goroka")."""
    return bool(_DISTRICT_MARK_RE.match(part.strip()))


# A region in brackets after the city: "77293 Dire Dawa (Dire Dawa)", "Lisieux (Normandie)"; not a
# province's or country's code ("10121 Torino (TO)"), which other readings of the line take.
_BRACKETED_TAIL_RE = re.compile(r"^(.*?[^\W\d_])\s*\((?![A-Z]{1,3}\))([^()]+)\)$", re.UNICODE)


def _street_then_city(seg: str, nxt: str, alone: bool = True) -> str | None:
    parts = []
    for part in re.split(r",\s*", seg.strip()):
        # The bracket says what a comma says: the region of the place before it.
        bracketed = _BRACKETED_TAIL_RE.match(part.strip())
        parts += [bracketed.group(1), bracketed.group(2).strip()] if bracketed else [part.strip()]
    parts = [p for p in parts if p]
    if _title_strength(seg) or DATE_RANGE_RE.search(seg):
        return None  # "Year 4 Teacher, Kōwhai School": a role, not "Street 4 City"
    if len(parts) > 1 and (joined := _STREET_CITY_RE.match(parts[0])):
        parts[:1] = [joined.group(1), joined.group(2)]  # "Rua Fenn 170 Tessaly, Region 58699 GR"
    if not parts or not _STREET_RE.match(parts[0]) or PHONE_CAND_RE.search(parts[0]):
        return None
    rest = parts[1:]
    # More of the street first: "Apt 12, 41 Quayside Road, Lusk 4, ..." (a house number, not a
    # postcode: "73081 Orléans" is the city).
    while (
        len(rest) > 1
        and (
            re.match(r"\d{1,3}[a-zA-Z]?\s", rest[0])
            # "Lekki Phase 1, Ikeja, Lagos": a numbered district, when a city and a region follow it
            # (not "Lusk 4, K45 X2Y7, Ireland", a city and its postal district).
            or (re.search(r"\s\d{1,2}$", rest[0]) and sum(bool(_WORDS_RE.match(p)) for p in rest[1:]) >= 2)
        )
    ):
        rest = rest[1:]
    words = [p for p in (_REGION_POSTCODE_RE.sub("", p) for p in rest) if _WORDS_RE.match(p)]
    if len(words) >= 3 and rest[0] == words[0] and not _country_like(words[-1]):
        rest = rest[1:]  # "Plot 14, Ugwuaji Close, Enugu, Enugu State": the street's name, then the city
    if rest:
        if len(rest) == 1 and rest[0].lower() in COUNTRY_WORDS:
            return None  # "Lusk 8, Ireland": a city and its postal district, then the country
        # A district number or a postcode after the city, where more of the address follows it; a
        # postcode before it ("3500-111 Vouzela", "602 00 Brno").
        city = _CITY_TAIL_RE.sub("", rest[0]) if len(rest) > 1 else _STATE_POSTCODE_RE.sub("", rest[0])
        if re.match(r"\d", city) and _WORDS_RE.match(bare := _POSTCODE_EDGE_RE.sub("", city)):
            city = bare
        if not _WORDS_RE.match(city):
            return None
        if len(rest) == 1 and (after := _PLACE_LINE_RE.match(nxt)) and _known_region(after.group(2)):
            if _district_marked(rest[0]):
                # "12 Harbour Rd., Brgy. Lantaw" / "Dalisay City, Philippines": a district, then the city.
                return _join(after.group(1), after.group(2))
            # "Via Brenlow 81, Tarrago" / "Upper Vell Province, Country": the street's town, then
            # its region and country on the next line.
            return _join(city, after.group(1))
        # The region is the next part of words only, its postcode cut ("OH 43215", "Wessex SO17 2ES");
        # a postcode alone between them is skipped.
        regions = (_REGION_POSTCODE_RE.sub("", p) for p in rest[1:])
        region = next((p for p in regions if _WORDS_RE.match(p)), None)
        if region and region in US_STATES | REGION_CODES.keys():
            return f"{_case(city)}, {region}"  # "Columbus, OH": a state's code is kept
        # "Parramatta NSW": a state's code after the city, as Australia and Canada write it.
        if (code := re.search(r"(?<=[^\W\d_])\s+([A-Z]{2,3})$", city)) and not region:
            city = city[: code.start()]
            region = code.group(1) if code.group(1) in REGION_CODES else None
            if region:
                return f"{_case(city)}, {region}"
        return _join(city, region)
    if not nxt or EMAIL_RE.search(nxt) or _heading_kind(nxt) or is_label(nxt):
        return None
    if not alone and not ("," in nxt or _POSTCODE_EDGE_RE.search(nxt)):
        return None  # beside a label ("Adres<TAB>Molensteeg 14"), words alone may be the next field
    if "," in nxt:
        city, _, region = (p.strip() for p in nxt.partition(","))
        region = _REGION_POSTCODE_RE.sub("", region)
        if _POSTCODE_ONLY_RE.fullmatch(region):
            region = ""  # "Ibadan, 40506"
        if _WORDS_RE.match(city) and region in US_STATES | REGION_CODES.keys():
            return f"{_case(city)}, {region}"  # "Dayton, OH 45402"
        if _WORDS_RE.match(city) and (not region or _WORDS_RE.match(region)):
            return _join(city, region or None)
    elif _WORDS_RE.match(bare := _POSTCODE_EDGE_RE.sub("", nxt)):
        if re.match(r"\d", nxt):
            return _case(bare)  # "90074 Hải Phòng": after a postcode, the city's whole name
        # "MORELIA MICHOACÁN 25203": the city and its region, then the postcode.
        return _join(*_city_region(bare))
    return None


# A line of its own that is a city with only its postcode or its country's code after it:
# "Tõrvamaa 10058", "Tõrvamaa (EE)"; never a year ("Graduated 2019").
_CITY_TAGGED_RE = re.compile(
    rf"^({_WORD}(?: {_WORD}){{0,3}})\s+(?:(?!(?:19|20)\d\d$)\d{{4,6}}|\(([A-Z]{{2}})\))$", re.UNICODE
)


def place_line(window: list[str], name: str | None) -> str | None:
    for line in window:
        line = _BRACKET_CODE_RE.sub(r", \1, \2", line.strip())  # "Tõrvamaa, Läänemaa (EE)"
        m = _PLACE_LINE_RE.match(line) or _CITY_TAGGED_RE.match(line)
        if not m or (name and line.lower().startswith(name.lower())) or _heading_kind(line):
            continue
        code = m.group(3) if m.re is _PLACE_LINE_RE else m.group(2)
        if code and code not in phonenumbers.SUPPORTED_REGIONS:
            continue
        if _title_strength(line) or org_like(line) or is_label(m.group(1)):
            continue
        return _join(m.group(1), m.group(2)) if m.re is _PLACE_LINE_RE else _case(m.group(1))
    return None


_BRACKET_CODE_RE = re.compile(r"(?<=[^\W\d_]),\s*([^,()]+?)\s*\(([A-Z]{2})\)$")


# A town's line of its own: one to three capitalised words, a postcode maybe before or after them
# ("48101 Tarrago", "Tarrago 48101"; never a year).
_TOWN_LINE_RE = re.compile(
    rf"^(?:(\d{{4,6}}|\d{{2}}-\d{{3}}|\d{{3}} \d{{2}}|[A-Z]{{1,2}}-?\d{{3,5}})\s+)?({_WORD}(?:[ \-]{_WORD}){{0,2}})"
    r"(?:\s+(?!(?:19|20)\d\d$)(\d{4,6}))?$",
    re.UNICODE,
)


def _lone_town(line: str) -> re.Match[str] | None:
    """A line that is one place's name alone, maybe with its postcode: no title, employer, heading,
    label or marked district."""
    m = _TOWN_LINE_RE.match(line.strip())
    if not m or not m.group(2)[:1].isupper():
        return None
    words = m.group(2)
    if _title_strength(words) or org_like(words) or _heading_kind(words) or is_label(words):
        return None
    return None if _district_marked(words) else m  # "Brgy. Malinis": a district above its town


def town_above(lines: list[str], at: int, name_lines: frozenset[int] = frozenset()) -> str | None:
    """The town on the line of its own right above an address's "Region, Country" line (`at`), when
    the layout says that line belongs to the address: a postcode before its words ("48101 Tarrago"),
    contact details on the line above it (the address set under the e-mail address and the
    number), or the name and the title above it. An address written over two lines puts the town
    first, its region and country under it ("Goroka" / "Eastern Highlands Province, Papua New
    Guinea"), whatever the region is called."""
    if at < 2 or not (m := _lone_town(lines[at - 1])):
        return None
    two_up = lines[at - 2]
    placed = (
        m.group(1)
        or m.group(3)
        or EMAIL_RE.search(two_up)
        or PHONE_CAND_RE.search(two_up)
        or URL_RE.search(two_up)
        # Name, title, town: the title's line right under the name's.
        or (at - 3 in name_lines and two_up.strip() and not re.search(r"\d", two_up))
    )
    return _case(m.group(2)) if placed else None


def address_above_country(
    lines: list[str], at: int, name: str | None, name_lines: frozenset[int] = frozenset()
) -> str | None:
    """The town (and region) of an address whose country stands alone on its last line (`at`):
    "Tarrago, Upper Vell" / "Vanuatu", "Tarrago" / "Vanuatu", "Tarrago" / "Upper Vell" / "Vanuatu",
    the lines above it read as town_above reads the line above "Region, Country"."""
    if not at:
        return None
    if found := place_line(lines[at - 1 : at], name):
        return found
    if town := town_above(lines, at, name_lines):
        return town
    region = _lone_town(lines[at - 1])
    if (
        region
        and not (region.group(1) or region.group(3))
        and (town := town_above(lines, at - 1, name_lines))
    ):
        return f"{town}, {_case(region.group(2))}"
    return None


def town_before_country(parts: list[str], k: int) -> str | None:
    """ "Via Brenlow 81 | Tarrago | Upper Vell | Vanuatu": the parts of a row between a street and the
    country (`k`), one or two places' names alone, are the town and its region."""
    block: list[re.Match[str]] = []
    for part in reversed(parts[max(0, k - 2) : k]):  # the names alone right before the country
        if not (m := _lone_town(part)):
            break
        block.insert(0, m)
    start = k - len(block)
    if not block or start < 1 or not _STREET_RE.match(parts[start - 1].strip()):
        return None
    return _join(block[0].group(2), block[1].group(2) if len(block) > 1 else None)
