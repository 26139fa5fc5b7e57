"""Where the person lives: a labelled address, a "City, Region" in the contact header, a city-state.

Output is "City, Region" as printed (a country keeps its own spelling: "Kraków, Polska"), except
that a street address and a postcode are cut away and a bare city gets its country when the phone
number or the text says which.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import phonenumbers

from .address_lines import (
    address_above_country,
    contact_window,
    org_like,
    place_line,
    street_address,
    street_city,
    town_above,
    town_before_country,
)
from .contact import _region_of_location
from .labels import is_label
from .lexicon import (
    CITY_REGION,
    COUNTRY_ENGLISH,
    COUNTRY_WORDS,
    NATIVE_COUNTRY,
    REGION_CODES,
    REGION_NAMES,
    US_STATES,
)
from .text import (
    DATE_RANGE_RE,
    EMAIL_RE,
    PHONE_CAND_RE,
    SEPARATORS_RE,
    URL_RE,
    _heading_kind,
    _title_strength,
)

_PLACE_WORDS = sorted(
    {w for w in (*COUNTRY_WORDS, *NATIVE_COUNTRY, *REGION_NAMES) if len(w) > 2}, key=len, reverse=True
)
_LOC_RE = re.compile(
    r"(?<![\w@.])((?:[^\W\d_][^\W\d_.'’\-]*\.?(?:[ \-'’][^\W\d_][^\W\d_.'’\-]*)*?|[^\W\d_]+(?: (?:am|an|de|del|do|da|sur|upon|on) [^\W\d_]+)+)"
    r"(?:\s+[A-Z]{2,3})?,\s*(?:[^\W\d_][^\W\d_]*(?:[ \-][^\W\d_]+){0,3},\s*)?"
    rf"(?:(?i:{'|'.join(re.escape(w) for w in _PLACE_WORDS)})|[A-Z]{{2,3}}))(?![\w@])",
    re.UNICODE,
)
LABEL_LOC_RE = re.compile(
    r"^(?:(?:current|present|permanent|residential|home|postal|mailing)\s+)?"
    r"(location|address|adresse|anschrift|wohnort|ort|city|based in|lives in|residence|dirección|direccion|"
    r"endereço|localização|ubicación|ubicacion|localidad|ciudad|woonplaats|adres|lieu|ville|domicile|"
    r"indirizzo|residenza|città)(?:\(e?s\))?(\s*[:：\t]\s*|\s*-\s+|\s+)(.+)$",
    re.IGNORECASE,
)
_PLACE_NAME_WORDS = {"ciudad", "ville", "città", "city", "ort", "lieu", "localidad"}
_HOME_RE = re.compile(r"^(home)(\s*:\s*)(.+)$", re.IGNORECASE)  # Europass's "Home: <address>"
_WORK_MODES = {"remote", "hybrid", "on-site", "onsite", "on site", "fully remote", "remote-first"}
_REGION_TAIL_RE = re.compile(r",\s*[A-Z]{2,3}$")


def _not_org(text: str) -> bool:
    # "Denver, CO" and "Calgary, AB": a state or province code, not "Co." or a Swedish "AB".
    return not _title_strength(text) and not org_like(_REGION_TAIL_RE.sub("", text))


def place_like(text: str) -> bool:
    """Is this whole string a place ("Paris, France", "Austin, TX", "Bengaluru", "Remote")?"""
    text = text.strip(" .,()")
    low = text.lower()
    if (
        low in _WORK_MODES
        or low in CITY_REGION
        or (len(low) > 2 and (low in COUNTRY_WORDS or low in NATIVE_COUNTRY))
    ):
        return True
    m = _LOC_RE.fullmatch(text)
    return bool(m and _region_of_location(text) and _not_org(text))


# Where a form row's next field opens: one or two words and a colon ("… Email: ana@x.example").
_NEXT_FIELD_RE = re.compile(r"\s+(?=[^\W\d_][^\W\d_]{1,20}(?: [^\W\d_]{2,20})?\s?:\s)")


def _labelled_cells(lines: list[str], head: int) -> Iterator[tuple[int, str, re.Match[str] | None]]:
    """(line number, line, label match) for each line that opens with a place's label, and, in
    the contact block (the first `head` lines), for each field of a form's row that does further
    on ("Phone: … Email: … Address: Salt, Jordan"), with its colon: the place even where no list
    knows its country as one. Not in a job's row ("Employer: … City: …"): that is the job's place."""
    for at, line in enumerate(lines):
        m = LABEL_LOC_RE.match(line) or _HOME_RE.match(line)
        yield at, line, m
        if m or at >= head or line.count(":") < 2:
            continue
        for cell in _NEXT_FIELD_RE.split(line)[1:]:
            m = LABEL_LOC_RE.match(cell)
            if m and ":" in m.group(2):
                yield at, cell, m


def find_location(lines: list[str], first_heading: int, name: str | None = None) -> str | None:
    for at, _cell, m in _labelled_cells(lines[:60], max(first_heading, 6)):
        if m and not m.group(2).strip() and m.group(1).lower() in _PLACE_NAME_WORDS:
            m = None  # "Ciudad de México", "Ciudad Juárez": the first word of a place, not a label
        if m:
            # The value ends where the next field starts (a column gap, a separator, "Label:").
            # An e-mail address or a number under an address label: a form's columns running together.
            value = PHONE_CAND_RE.sub(" ", URL_RE.sub(" ", EMAIL_RE.sub(" ", m.group(3)))).strip(" ,")
            value = SEPARATORS_RE.split(value)[0]
            if is_label(value):
                continue  # "Location: Address<TAB>12 Mill Lane": a caption before its own label
            value = re.split(r"\s+[^\W\d_][\w ]{1,20}:\s", value)[0]
            if dates := DATE_RANGE_RE.search(value):
                value = value[dates.end() :].strip(
                    " ,|·"
                )  # "Project Engineer May 2020 – Present Abuja": a column ran in
            # A street address under the label: the city after the street's parts, else the value tidied.
            loc = street_address(value) or _tidy_location(value) if re.search(r"[^\W\d_]{2}", value) else None
            if not loc:
                continue
            if (
                "," not in loc
                and (re.search(r"\d", loc) or _STREET_RE.search(loc))
                and (city := _wrapped_cell_city(value, lines[at + 1 : at + 2]))
            ):
                # "Location  Rua Velha 12" / "Brackmoor, Vellish okrug 40210,": the labelled cell
                # wrapped, the city on its next line.
                return city
            if (
                not m.group(2).strip(" ")
                and not place_like(value)
                and not (loc != value and _region_of_location(loc))
            ):
                continue  # "Dirección de 3 centros...": the word, not the label
            if "," not in loc and (re.search(r"\d", loc) or _STREET_RE.search(loc)):
                continue  # "Adres: Oudegracht 145": only the street; the city is elsewhere
            if "," not in loc:
                # "Domicile: Karachi" in the personal details, "..., Karachi, Sindh" in the header.
                fuller = _find_in(lines[: max(first_heading, 6)], lines, body=False)
                if fuller and loc.lower() in [p.strip().lower() for p in fuller.split(",")]:
                    return fuller
            return loc
    if name:
        # "Thabo Mokoena, CA(SA)": the name and a post-nominal read like "City, Region"; not a place.
        lines = [line[len(name) :] if line.lower().startswith(name.lower()) else line for line in lines]
        lines = [_without_name_tail(line, name) for line in lines]
    lines = _join_wrapped_country(lines)
    # The lines that held the name alone (blank now: the text has no blank lines of its own).
    name_lines = frozenset(i for i, line in enumerate(lines) if name and not line.strip())
    lines = _join_wrapped_region(_join_wrapped_row(lines))
    header = lines[: max(first_heading, 6)]
    window = contact_window(lines)
    return (
        street_city(window)  # "Saffrel 122, Oulu, 12345, Pohjois-Pohjanmaa, FI": the city after the street
        or _find_in(header, lines, body=False, name_lines=name_lines)
        or _postal_city(lines[:20])
        or _contact_row(header[:15], name, name_lines)
        or _bare_place(header, name, name_lines)
        or _postal_city(window)
        or place_line(window, name)
        or _coded_town_line(header, name)
        or _find_in(lines[:80], lines, body=True)
        or _based_in(lines[:40])
    )


def _without_name_tail(line: str, name: str) -> str:
    """ "55325 Tarrago Oriel Fanshawe": a line of the contact block set in a margin, level with the
    name in the body, read as one row with it. The person's name is never part of their place."""
    low, key = line.lower().rstrip(), name.lower()
    if len(low) > len(key) and low.endswith(key) and not low[-len(key) - 1].isalnum():
        return line.rstrip()[: -len(name)].rstrip()
    return line


def _wrapped_cell_city(street: str, after: list[str]) -> str | None:
    """The city of a labelled address whose street filled the cell's first line: the next line, when
    it is no label, heading or contact detail of its own, read as the address's continuation."""
    if not after or "\t" in after[0] or is_label(after[0]) or _heading_kind(after[0]):
        return None
    nxt = after[0].strip(" ,")
    if not nxt or EMAIL_RE.search(nxt) or PHONE_CAND_RE.search(nxt) or LABEL_LOC_RE.match(nxt):
        return None
    if "," not in nxt and not re.search(r"\d", nxt):
        return None  # "Postcode en woonplaats": another caption; an address's end has a comma or a postcode
    city = street_address(f"{street}, {nxt}")
    return city if city and city.lower() not in street.lower() else None


_WRAP_TAIL_RE = re.compile(r"(?:\d|[^\W\d_]-|\d\s+[^\W\d_][^\W\d_'’.\-]*)$")
_WRAPPED_WORDS_RE = re.compile(r"^[^\W\d_][^\W\d_'’.\-]*(?:[ \-][^\W\d_][^\W\d_'’.\-]*){0,2}$")


def _join_wrapped_row(lines: list[str]) -> list[str]:
    """ "Tel. … | ana@x.example | Calle Brenwald 17, 21000 Novi" / "Sad": a contact row parted by
    bars or bullets wrapped inside its last cell, an address, so the town is cut at a word or at its
    hyphen ("Esch-sur-" / "Alzette") or pushed whole onto the next line after the postcode. The few
    words of that next line are the address's end when the row's last cell ends in its number or
    postcode, a hyphen, or a postcode and one word."""
    out = list(lines[:20])
    for i in range(len(out) - 1):
        cells = SEPARATORS_RE.split(out[i].rstrip())
        nxt = out[i + 1].strip()
        if (
            len(cells) >= 3
            and (EMAIL_RE.search(out[i]) or PHONE_CAND_RE.search(out[i]))
            and re.search(r"\d", cells[-1])
            and _WRAP_TAIL_RE.search(cells[-1])
            and _WRAPPED_WORDS_RE.match(nxt)
            and not _heading_kind(nxt)
            and not _title_strength(nxt)
            and not is_label(nxt)
        ):
            glue = "" if out[i].rstrip().endswith("-") else " "
            out[i], out[i + 1] = out[i].rstrip() + glue + nxt, ""
    return out + lines[20:]


def _join_wrapped_country(lines: list[str]) -> list[str]:
    """ "Panevėžys, Panevėžio apskritis," / "Lithuania": a narrow column wrapped the place after a
    comma, the country alone on the next line (or in its last cell). Joined, the line reads as a place with its country."""
    out: list[str] = []
    for line in lines:
        # The country may be the next line's last cell, another column's words before it.
        rest, _, last = line.rpartition("\t")
        low = last.strip().lower()
        if (
            out
            and out[-1].rstrip().endswith(",")
            and len(low) > 3
            and (low in COUNTRY_WORDS or low in NATIVE_COUNTRY)
        ):
            out[-1] = f"{out[-1].rstrip()} {last.strip()}"
            if rest.strip():
                out.append(rest)
        else:
            out.append(line)
    return out


_TOWN_REGION_CELL_RE = re.compile(r"[^\W\d_][^,]*,\s*[^\W\d_](?:[^\W\d_]|['’.\- ])*")
_WORD_COUNTRY_RE = re.compile(r"([^\W\d_][^\W\d_'’.\-]*),\s*([^\W\d_][^\W\d_ ]+(?: [^\W\d_]+){0,2})")


def _join_wrapped_region(lines: list[str]) -> list[str]:
    """ "ana@x.example · 050 … · Brastevo, Upper Tarnel" / "Region, Moldova": the contact row's last
    cell, a town and its region, wrapped inside the region's name, one word and the country on the
    next line. Joined, the row ends "Brastevo, Upper Tarnel Region, Moldova"."""
    out = list(lines[:20])
    for i in range(len(out) - 1):
        last = SEPARATORS_RE.split(out[i].rstrip())[-1]
        nxt = _WORD_COUNTRY_RE.fullmatch(out[i + 1].strip())
        if (
            nxt
            and (EMAIL_RE.search(out[i]) or PHONE_CAND_RE.search(out[i]))
            and _TOWN_REGION_CELL_RE.fullmatch(last)
            and (nxt.group(2).lower() in COUNTRY_WORDS or nxt.group(2).lower() in NATIVE_COUNTRY)
        ):
            out[i], out[i + 1] = f"{out[i].rstrip()} {out[i + 1].strip()}", ""
    return out + lines[20:]


# "21370 Kraków", "Calle 64, 87681 Łódź, Łódzkie", "Rua X 106, 18244, Florianópolis, SC (BR)": in an
# address the city is the word group right after the postcode; a region may follow it.
_POSTCODE_RE = re.compile(r"^(?:[A-Z]{1,2}-)?\d{2,3}[- ]?\d{2,3}$")
_PLACE_PART_RE = re.compile(r"^[^\W\d_](?:[^\W\d_]|['’.\- ]){1,40}$")


def _postal_city(header: list[str]) -> str | None:
    for line in header:
        if DATE_RANGE_RE.search(line):
            continue  # "2019 – Present": a year and a word, not a postcode and a city
        for seg in SEPARATORS_RE.split(line):
            parts = [p.strip() for p in re.split(r",\s*|\s+[–—-]\s+", seg) if p.strip()]
            for i, part in enumerate(parts):
                m = re.match(r"^((?:[A-Z]{1,2}-)?\d{2,3}[- ]?\d{2,3})\s+(\S.*)$", part)
                city = (
                    m.group(2)
                    if m
                    else (parts[i + 1] if _POSTCODE_RE.match(part) and i + 1 < len(parts) else None)
                )
                if not city or not _PLACE_PART_RE.match(city) or not city[0].isupper():
                    continue
                if len(city) <= 3 and city.isupper():
                    continue  # "36287 ES": a postcode and a country code, the city on another line
                rest = [
                    re.sub(r"\s*\([A-Z]{2,3}\)$", "", p) for p in (parts[i + 1 :] if m else parts[i + 2 :])
                ]
                region = rest[0] if rest and _PLACE_PART_RE.match(rest[0]) and rest[0][0].isupper() else None
                return _tidy_location(f"{city}, {region}" if region else city)
    return None


# A contact row: "Łódź, Łódzkie · +48 511 … · ana@…", "Ostrava, Moravskoslezský kraj, CZ | ana@…". Beside
# an e-mail address, a phone number or a link, a part shaped "Place, Place(, CC)" that is neither
# the name, a title nor an employer is where the person lives, known place or not.
# A region's words may elide an article with an apostrophe ("Canton d'Orrel", "Val d’Aosta").
_ROW_PLACE_RE = re.compile(
    r"^([^\W\d_][^\W\d_'’.\-]*(?:[ \-][^\W\d_][^\W\d_'’.\-]*){0,3})"
    r"((?:,\s*[^\W\d_][^\W\d_'’.\-]*(?:[ \-][^\W\d_'’.\-]+(?:['’][^\W\d_'’.\-]+)?){0,3}){1,2})"
    r"(?:\s*\(([A-Z]{2,3})\))?$"
)


_BRACKET_CODE_RE = re.compile(r"(.+?[^\W\d_])\s*\(([A-Z]{2})\)")
_BRACKET_REGION_RE = re.compile(r"([^\W\d_][^()\d,]*?[^\W\d_])\s*\(([^\W\d_](?:[^\W\d_]|['’.\- ]){1,40})\)")
_ROW_DASH_RE = re.compile(r"\s{2,}|\s+[—–/]\s+")
_TAGGED_POSTCODE_RE = re.compile(r"(.+?[^\W\d_])\s+(?!(?:19|20)\d\d$)\d{4,6}")
_LONE_PLACE_RE = re.compile(r"[^\W\d_][^\W\d_'’.\-]*(?:[ \-][^\W\d_][^\W\d_'’.\-]*){0,2}")
_CODE_THEN_MORE_RE = re.compile(r"^([^\W\d_][^,]*,\s*(?:[^,]+,\s*)?([A-Z]{2}))\s+\S+$")


def _contact_row(header: list[str], name: str | None, name_lines: frozenset[int] = frozenset()) -> str | None:
    contact = [
        i
        for i, line in enumerate(header)
        if EMAIL_RE.search(line)
        or PHONE_CAND_RE.search(line)
        or URL_RE.search(line)
        # The name on a line of its own starts the contact block as the details do: a page header
        # can carry the number and the e-mail address, the body the name and "Title — Town, Region".
        or i in name_lines
    ]
    # Not the first line unless it holds contact details itself: that is where the name is set
    # ("Smith, Jordan" there is a name written surname first).
    near = sorted({j for i in contact for j in (i - 1, i, i + 1) if 0 < j < len(header) or j == i == 0})
    for j in near:
        # The fields between the e-mail address, the number and the links, however few spaces part
        # them ("Planner ana@x.example +30 694 330 4452  Larissa, GR").
        fields = PHONE_CAND_RE.sub(" | ", URL_RE.sub(" | ", EMAIL_RE.sub(" | ", header[j])))
        # A spaced dash parts the fields as a bar does ("Analyst — Brenne (Ostval) — +33 …").
        for seg in (f for field in SEPARATORS_RE.split(fields) for f in _ROW_DASH_RE.split(field)):
            seg = seg.strip(" ,|—–/")
            bracket = _BRACKET_REGION_RE.fullmatch(seg)
            if bracket and bracket.group(2) not in phonenumbers.SUPPORTED_REGIONS:
                seg = f"{bracket.group(1)}, {bracket.group(2)}"  # "Brenne (Ostval Province)": the town, its region
            if (cut := _CODE_THEN_MORE_RE.match(seg)) and cut.group(2) in phonenumbers.SUPPORTED_REGIONS:
                seg = cut.group(1)  # "Brugge, BE pgoossens.": a country's code ends the place
            # "Tõrva (EE)", "Tõrva 10058", "Tõrva, Läänemaa 10058": a place tagged with its country's
            # code or its postcode, which is what makes a lone word a place.
            if (code := _BRACKET_CODE_RE.fullmatch(seg)) and code.group(2) in phonenumbers.SUPPORTED_REGIONS:
                seg, tagged = f"{code.group(1)}, {code.group(2)}", True
            elif postcode := _TAGGED_POSTCODE_RE.fullmatch(seg):
                # "Brisbane QLD 4000": a state's code between the city and the postcode.
                seg, tagged = re.sub(r"(?<=[a-zà-ÿ])\s+([A-Z]{2,3})$", r", \1", postcode.group(1)), True
            else:
                tagged = False
            m = (
                _ROW_PLACE_RE.match(seg)
                or (_LONE_PLACE_RE.fullmatch(seg) if tagged else None)
                or (_LONE_PLACE_RE.fullmatch(bracket.group(1)) if bracket else None)
            )
            if not m or (name and seg.lower().startswith(name.lower())):
                continue
            parts = [p.strip() for p in seg.split(",")]
            if any(not p[:1].isupper() and not p.isupper() for p in parts):
                continue
            if _title_strength(seg) or org_like(seg) or any(_heading_kind(p) for p in parts):
                continue
            return _tidy_location(seg)
    return None


# "Tarrago, TQ" on a line of its own: a town and its country's two-letter ISO code, the way a
# profile page prints its "location" field (under the employer, with no e-mail address in the text
# to find the contact block by).
_CODED_TOWN_RE = re.compile(r"^([^\W\d_][^\W\d_'’.\-]*(?:[ \-][^\W\d_][^\W\d_'’.\-]*){0,3}),\s*([A-Z]{2})$")


def _coded_town_line(header: list[str], name: str | None) -> str | None:
    """The header's line that is only a town and an ISO country code. The code must name a
    country; the town part must read as no title, employer, heading or label (the code alone is
    not judged: "CV" or "SA" is also a legal form, yet after a bare town it is the country)."""
    for line in header:
        m = _CODED_TOWN_RE.match(line.strip())
        if not m or m.group(2) not in phonenumbers.SUPPORTED_REGIONS:
            continue
        town = m.group(1)
        if name and town.lower() == name.lower():
            continue
        if any(not w[:1].isupper() for w in re.split(r"[ \-]", town)):
            continue
        if _title_strength(town) or org_like(town) or _heading_kind(town) or is_label(town):
            continue
        return f"{town}, {m.group(2)}"
    return None


_BASED_RE = re.compile(r"\b(?:based in|lives in|living in|resides in|residing in)\s+", re.IGNORECASE)


def _based_in(lines: list[str]) -> str | None:
    # A biography in prose: "... Based in New York, NY, she leads ...".
    for line in lines:
        for m in _BASED_RE.finditer(line):
            rest = line[m.end() :]
            found = _LOC_RE.match(rest)
            if found and _region_of_location(found.group(1)):
                return _tidy_location(found.group(1))
            word = re.match(r"[^\W\d_][\w\-]+(?: [^\W\d_][\w\-]+){0,2}", rest)
            if word and word.group(0).lower() in CITY_REGION:
                return word.group(0)
    return None


def _find_in(
    zone: list[str], lines: list[str], *, body: bool, name_lines: frozenset[int] = frozenset()
) -> str | None:
    for line in zone:
        if body and line[:1] in "•●▪■◦‣∙*·-–":
            continue  # a sentence about the work, not an address
        for seg in _segments(line):
            if body and len(seg.split()) > 8:
                continue
            for m in _LOC_RE.finditer(seg):
                loc = m.group(1).strip()
                city = loc.split(",")[0]
                if body and city.isupper() and len(city.split()) > 1:
                    continue  # "KEPPEL BAY SHIPYARDS, Singapore": an employer set in capitals
                if _region_of_location(loc) and _not_org(loc):
                    i = lines.index(line)
                    if line.startswith(loc) and i and lines[i - 1].endswith(","):
                        # "Chennai," / "Tamil Nadu, India": a table cell wrapped the city onto the line above.
                        head = SEPARATORS_RE.split(lines[i - 1])[-1]
                        if 0 < len(head.split()) <= 3 and not any(c.isdigit() for c in head):
                            loc = f"{head} {loc}"
                    elif not body and line.strip() == loc and (town := town_above(lines, i, name_lines)):
                        loc = f"{town}, {loc}"  # "Goroka" / "Eastern Highlands Province, Papua New Guinea"
                    return _tidy_location(loc)
    return None


def _bare_place(
    header: list[str], name: str | None = None, name_lines: frozenset[int] = frozenset()
) -> str | None:
    # A contact field holding just a city-state, a big city or a country ("Singapore", "Lyon (69)").
    for at, line in enumerate(header):
        segments = _segments(line)
        for k, seg in enumerate(segments):
            if m := _CITY_CODE_RE.match(seg):
                return f"{m.group(1)}, {m.group(2) or m.group(3)}"
            seg = re.sub(r"\s*\(\d{1,3}\)$", "", seg)  # a French département number
            low = seg.lower()
            if low in CITY_REGION:
                return seg
            if len(low) > 3 and low in COUNTRY_WORDS and seg[0].isupper():
                # "Tarrago, Upper Vell" / "Vanuatu": the country alone under the town and region.
                above = address_above_country(header, at, name, name_lines) if line.strip() == seg else None
                return above or town_before_country(segments, k) or seg
    return None


# A postcode or a postal district between a city and the next part of the address:
# "Manchester M20 6PQ, United Kingdom", "Dublin 8, Ireland", "Dublin D08 X2Y3, Ireland".
_INNER_POSTCODE_RE = re.compile(
    r"(?<=[^\W\d_]{3})\s+(?:(?:[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}|[A-Z]\d[A-Z]\s?\d[A-Z]\d|[A-Z]\d{2}\s?[A-Z\d]{4})"
    r"(?=,\s*[^\W\d_])|\d{1,2}(?=,\s*[^\W\d_][^,]*$))"
)
_NOT_CITY_RE = re.compile(
    r"\b(?:flat|apt|apartment|unit|suite|block|house|room|floor|no|number|box)$", re.IGNORECASE
)
# "Brisbane QLD 4000", "Sydney NSW": an Australian or Canadian city with its state, no comma.
_CITY_CODE_RE = re.compile(
    rf"^([A-Z][^\W\d_]+(?:[ \-][A-Z][^\W\d_]+){{0,2}})\s+(?:({'|'.join(REGION_CODES)})(?:\s+\d{{4}}|\s+[A-Z]\d[A-Z]\s?\d[A-Z]\d)?"
    r"|(WA|SA)\s+\d{4})$"
)


def _drop_inner_postcode(seg: str) -> str:
    return _INNER_POSTCODE_RE.sub(lambda m: m.group(0) if _NOT_CITY_RE.search(seg[: m.start()]) else "", seg)


# "Ålesund/Norway", "Lagos (Nigeria)", "Apia — Samoa": a place and its country parted otherwise
# than by a comma.
_OTHER_PARTING_RE = re.compile(
    r"^([^\W\d_][^\W\d_'’.\- ]{1,40}?)\s*(?:/|\(|\s[—–-])\s*([^\W\d_][^\W\d_ ]{1,30})\)?$"
)


def _comma_place(seg: str) -> str:
    m = _OTHER_PARTING_RE.match(seg)
    if m and (m.group(2).lower() in COUNTRY_WORDS or m.group(2).lower() in NATIVE_COUNTRY):
        return f"{m.group(1)}, {m.group(2)}"
    return seg


def _segments(line: str) -> list[str]:
    # "Denver,<TAB>CO": a gap after a comma continues the place, it is not a column's edge.
    stripped = EMAIL_RE.sub(" | ", line.replace(",\t", ", "))
    stripped = URL_RE.sub(" | ", stripped)
    stripped = PHONE_CAND_RE.sub(" | ", stripped)
    out = []
    for seg in SEPARATORS_RE.split(stripped):
        seg = _drop_inner_postcode(_comma_place(seg.strip(" |,")))
        if seg and not DATE_RANGE_RE.search(seg):
            out.append(seg)
    return out


# Street and district words: an address's first parts, not where someone lives.
_STREET_RE = re.compile(
    r"\b(?:avenue|ave|street|st|road|rd|lane|ln|boulevard|blvd|drive|dr|way|court|ct|square|sq|terrace|"
    r"highway|hwy|suite|ste|apt|apartment|floor|unit|building|bldg|po box|rue|chemin|calle|avenida|av|rua|"
    r"via|viale|corso|ulica|ul|straße|strasse|str|platz|gasse|weg|allee|district|ward|"
    r"department|dept|faculty|school|institute|university|laboratory|lab|college)\b\.?"
    r"|\w+(?:straße|strasse|allee|gasse|platz|weg|laan|gracht|vej|gatan|gata)\b|\w-(?:ku|gu|cho|machi)\b",
    re.IGNORECASE,
)
_POSTCODE_CITY_RE = re.compile(r"^(?:\d{4,6}|[A-Z]{1,2}-?\d{3,5}|\d{2}-\d{3})\s+[^\W\d_]")


# Postcodes written after a city or region: UK "LS5 3BT", Canada "K1A 0B6", Japan "150-0001",
# Netherlands "3511 AB", Poland "31-147", plain digits ("MA 02139").
_POSTCODE_TAIL_RE = re.compile(
    r"\s+(?:[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}|[A-Z]\d[A-Z]\s?\d[A-Z]\d|\d{3}-\d{4}|\d{4}\s?[A-Z]{2}|\d{2}-\d{3}"
    r"|\d{4,6}(?:-\d{4})?)$"
)
_BRACKET_COUNTRY_RE = re.compile(r"\s*\(([^\W\d_][^()]{2,30})\)$")


# "St. Gallen", "Ste-Foy", "St Albans": a saint's abbreviation opening a place's name, not a street.
_SAINT_RE = re.compile(r"^(?:St|Ste|Sta)\.?[\s\-]+(?=[A-Z])")


# Address labels that are never the first word of a place (unlike "Ciudad" in "Ciudad de México").
_BARE_LABEL_RE = re.compile(
    r"^(?:Address|Location|Adresse|Anschrift|Wohnort|Residence|Dirección|Endereço|Localização|Ubicación|"
    r"Woonplaats|Adres|Indirizzo|Residenza|Domicile)\s+(?=[A-ZÀ-Þ])"
)


def _bracket_as_part(m: re.Match[str]) -> str:
    """A bracket closing an address as a part of its own: "Athens (Greece)" -> "Athens, Greece".
    A capitalised name there names the country or region around the place before it, in whatever
    language the address is written ("Tete (Moçambique)"), so no list need know it; lower-case
    words ("(sentrum)") may be anything else and are kept unless they are a place we know."""
    inner = m.group(1)
    return f", {inner}" if inner[0].isupper() or place_like(inner) else m.group(0)


def _tidy_location(loc: str) -> str | None:
    loc = re.sub(r"^(?:\+?\d[\d\s().\-]{6,}\d)\s*", "", loc.strip())
    if (label := _BARE_LABEL_RE.match(loc)) and place_like(loc[label.end() :]):
        loc = loc[label.end() :]  # "Address Christchurch, Canterbury": a label set without its colon
    loc = loc.strip(" ,|·\t")
    # "10674 Athens (Greece)": a country in brackets after the city.
    loc = _BRACKET_COUNTRY_RE.sub(_bracket_as_part, loc)
    parts = [p.strip() for p in loc.split(",")]
    # "Tokyo 150-0001", "West Yorkshire LS5 3BT": a postcode after a word is not part of the place.
    parts = [_POSTCODE_TAIL_RE.sub("", p) if re.match(r"[^\W\d_]{3}", p) else p for p in parts]
    # "77 Example Avenue, Cambridge, MA 02139" -> "Cambridge, MA"; "Kita-ku, Osaka, Japan" -> "Osaka, Japan";
    # "Invalidenstraße 12, 10115 Berlin" -> "Berlin".
    while len(parts) > 1 and (
        any(c.isdigit() for c in parts[0]) or _STREET_RE.search(_SAINT_RE.sub("", parts[0]))
    ):
        if len(parts) == 2 and not (_POSTCODE_CITY_RE.match(parts[1]) or parts[1].lower() in CITY_REGION):
            break
        parts.pop(0)
    if len(parts) == 3 and parts[1].lower() in CITY_REGION and parts[0].lower() not in CITY_REGION:
        parts.pop(0)  # "Gulshan-e-Iqbal, Karachi, Sindh": the district before a city we know
    parts[0] = re.sub(r"^\d{4,6}\s+|^[A-Z]{1,2}-?\d{3,5}\s+|^\d{2}-\d{3}\s+", "", parts[0])  # "10435 Berlin"
    parts[-1] = re.sub(r"\s+\d{4,6}(?:-\d{4})?$", "", parts[-1])  # "MA 02139"
    parts[0] = re.sub(r"\s*\((?:\d{1,3}|[A-Z]{2})\)$", "", parts[0])  # "Lyon (69)", "Milano (MI)"
    # "Harrowgate, HG1 2AB": a postcode as a part of its own, after the place.
    parts = [p for k, p in enumerate(parts) if not (k and _POSTCODE_PART_RE.fullmatch(p))]
    loc = ", ".join(p for p in parts if p)
    return loc[:80] or None


_POSTCODE_PART_RE = re.compile(
    r"[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}|[A-Z]\d[A-Z]\s?\d[A-Z]\d|\d{4,6}(?:-\d{4})?"
)


def with_country(location: str | None, region: str | None) -> str | None:
    """A bare city ("Berlin") gets the country the phone number or the text points to."""
    if not location or "," in location or not region or region == "US":
        return location
    low = location.lower()
    if low in _WORK_MODES or low in COUNTRY_WORDS or low in NATIVE_COUNTRY or low == "hong kong":
        return location
    if CITY_REGION.get(low, region) != region or region not in COUNTRY_ENGLISH:
        return location
    if location.upper() in US_STATES or location.upper() in REGION_CODES:
        return location
    return f"{location}, {COUNTRY_ENGLISH[region]}"
