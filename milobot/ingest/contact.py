"""E-mail, links and phone numbers."""

from __future__ import annotations

import copy
import re

import phonenumbers

from .lexicon import (
    CITY_REGION,
    COUNTRY_WORDS,
    NATIVE_REGION,
    REGION_CODES,
    REGION_NAMES,
    TLD_REGION,
    US_STATES,
)
from .phone_evidence import (
    letter_regions,
    named_countries,
    only_mobile_plan,
    tld_region,
    written_as_national,
    written_codes,
)
from .phone_places import placed_plan
from .text import (  # noqa: F401
    EMAIL_RE,
    PHONE_CAND_RE,
    PHONE_LABEL_RE,
    URL_RE,
    _clean,
    _company_strength,
    _fold,
    _heading_kind,
    _sections,
    _title_strength,
    _words,
)

# ---------------------------------------------------------------- contact details


def find_email(text: str) -> str | None:
    """The candidate's address: the one repeated most (a header or footer repeats it on every
    page), the first one on a tie."""
    seen: dict[str, int] = {}
    for m in EMAIL_RE.finditer(text):
        email = m.group(0).strip(".").lower()
        if not email.split("@")[1].endswith((".png", ".jpg", ".gif")):
            seen[email] = seen.get(email, 0) + 1
    if not seen:
        return _spaced_email(text)
    best = max(seen, key=lambda e: (seen[e], -list(seen).index(e)))
    return _with_cut_head(text, best)


# The head of an address a narrow column cut at a hyphen or underscore, alone in its cell:
# "khairul-" at the end of a line or after a TAB.
_CUT_HEAD_RE = re.compile(r"(?:^|\t)([a-z0-9][a-z0-9.+]*[\-_])$")


def _with_cut_head(text: str, email: str) -> str:
    """The address whole when a column beside the contact one put lines between its two halves
    ("Ana Beatriz<TAB>ana-" / "Souza" / "Data Engineer" / "beatriz7@x.example"): the head is a
    lone cell of lower-case address characters ending at the cut, at most three lines above the
    line the rest of the address opens."""
    lines = text[:6000].splitlines()
    at = next((i for i, line in enumerate(lines) if line.lstrip().lower().startswith(email)), None)
    if at is None:
        return email
    for line in reversed(lines[max(0, at - 3) : at]):
        m = _CUT_HEAD_RE.search(line.rstrip())
        if m:
            return m.group(1) + email
    return email


# "ana.lima @ mail.example", "ana.lima@ mail . example": a per-glyph text layer or a typist's spaces
# around the "@" and the dots. Only when the text has no address written whole.
_SPACED_EMAIL_RE = re.compile(
    r"(?<![\w.+-])([\w.+%-]+) ?@ ?([\w-]+(?: ?\. ?[\w-]+)*) ?\. ?([^\W\d_]{2,})(?![\w@])", re.UNICODE
)


def _spaced_email(text: str) -> str | None:
    for m in _SPACED_EMAIL_RE.finditer(text[:6000]):
        if " " in m.group(0) and not _handle_after_word(m):
            return re.sub(r"\s", "", m.group(0)).lower()
    return None


def _handle_after_word(m: re.Match) -> bool:
    """ "Built by @someone. Hosted ...": a social handle, the "@" glued to the name after it and
    apart from the word before it, with no domain of its own (its "domain" is the next sentence,
    joined across a full stop and a space). Such a run is never an address."""
    local_end = m.start(0) + len(m.group(1))
    at = m.group(0).index("@") + m.start(0)
    spaced_before = at > local_end
    spaced_after = m.string[at + 1 : at + 2].isspace()
    domain_whole = " " not in m.string[at + 1 : m.end(0)]
    return spaced_before and not spaced_after and not domain_whole


def find_links(text: str) -> list[str]:
    links: list[str] = []
    seen: set[str] = set()
    emails = {m.group(0).lower() for m in EMAIL_RE.finditer(text)}
    email_domains = {e.split("@")[1] for e in emails}
    for m in URL_RE.finditer(text):
        raw = m.group(0).rstrip(".,;/)")
        bare = re.sub(r"^(?:https?://)?(?:www\.)?", "", raw, flags=re.IGNORECASE)
        host = bare.split("/")[0].lower()
        if host in email_domains or "." not in host or host.replace(".", "").isdigit():
            continue
        # Things like "Node.js" or "ASP.NET" are skills, not links; require a path or a personal-site TLD.
        if "/" not in bare and (
            raw != raw.lower()
            or not re.search(
                r"\.(?:dev|io|me|design|page|site|ai|xyz|tech|portfolio|codes|com|net|org|co|app)$", host
            )
        ):
            continue
        url = (
            raw
            if raw.lower().startswith("http")
            else "https://" + ("www." + bare if host.startswith("linkedin.") else bare)
        )
        key = bare.lower().rstrip("/")
        if key not in seen:
            seen.add(key)
            links.append(url)
    return links[:10]


def region_hint(location: str | None, email: str | None, text: str) -> str:
    """Which country's numbering plan to assume for numbers written without +country code."""
    if location:
        region = _region_of_location(location)
        if region:
            return region
    if email:
        tld = email.rsplit(".", 1)[-1].lower()
        if tld in TLD_REGION:
            return TLD_REGION[tld]
    low = text[:3000].lower()
    for city, region in CITY_REGION.items():
        if re.search(rf"\b{re.escape(city)}\b", low):
            return region
    return "US"


def _region_of_location(location: str) -> str | None:
    parts = [p.strip() for p in re.split(r"[,/]", location) if p.strip()]
    for part in reversed(parts):
        low = part.lower().strip(". ")
        if low in COUNTRY_WORDS and (len(low) > 2 or part.isupper()):
            region = COUNTRY_WORDS[low]
            # Two-letter "DE"/"IN"/"CA" after a city is far more often a US state than a country code.
            if len(low) == 2 and part in US_STATES and len(parts) > 1 and low not in {"uk", "nl", "fr", "au"}:
                return "US"
            return region
        for tok in reversed(part.split()):
            if tok in REGION_CODES:
                return REGION_CODES[tok]
            if tok in US_STATES and len(parts) > 1:
                return "US"
        if low in CITY_REGION:
            return CITY_REGION[low]
        if low in NATIVE_REGION:
            return NATIVE_REGION[low]
        if len(parts) > 1 and low in REGION_NAMES:
            return REGION_NAMES[low]
    return None


def phone_regions(location: str | None, email: str | None, text: str) -> list[str]:
    """Every numbering plan the text gives evidence for, most specific first; "US" last, the
    plan a number with no evidence at all is read in."""
    head = _contact_block(text)
    if (at := EMAIL_RE.search(text)) and at.start() > len(head):
        # The contact block in a footer or a sidebar read after the body: the lines around the address.
        head += "\n" + text[max(0, text.rfind("\n", 0, max(0, at.start() - 300)) + 1) : at.end() + 300]
    regions = [r for r in (_region_of_location(location) if location else None,) if r]
    regions += written_codes([location or "", *head.splitlines()])
    regions += named_countries([*head.splitlines(), *_lines_by_email(text, email)])
    if email and (tld := email.rsplit(".", 1)[-1].lower()) in TLD_REGION:
        regions.append(TLD_REGION[tld])
    regions += [r for r in (tld_region(email),) if r]
    low = text[:3000].lower()
    for city, region in CITY_REGION.items():
        # The substring test first: it is cheap, and a word-bounded regex per city per file was
        # a fifth of all parsing time.
        if region not in regions and city in low and re.search(rf"\b{re.escape(city)}\b", low):
            regions.append(region)
    for pattern, region in _POSTCODE_REGIONS:
        if region not in regions and pattern.search(head):
            regions.insert(1, region)
    for m in re.finditer(r"(?<![\w+])\+(\d{1,3})[\s(.\-]", text[:3000]):
        region = phonenumbers.region_code_for_country_code(int(m.group(1)))
        if region and region != "ZZ":
            regions.append(region)
    regions += letter_regions(head)
    regions.append("US")
    return list(dict.fromkeys(regions))


def _lines_by_email(text: str, email: str | None) -> list[str]:
    """The line that holds the address and the two either side of it: a contact block set in a
    sidebar or a footer ("… · Arequipa · Peru | 917 579 108 | ana@x.example"), which the lines
    before the first heading do not reach."""
    if not email:
        return []
    lines = text.splitlines()
    at = next((i for i, line in enumerate(lines) if email in line.lower()), None)
    return [] if at is None else lines[max(0, at - 2) : at + 3]


def _contact_block(text: str) -> str:
    """The lines before the first section heading (at most 1,500 characters): where an address
    sits, and where "2020 BA Economics" (a year and a degree, the shape of a Dutch postcode) does
    not."""
    out = []
    for line in text[:1500].splitlines():
        if out and _heading_kind(line):
            break
        out.append(line)
    return "\n".join(out)


# Postcodes with a shape only one country uses: evidence for the numbering plan of a number
# written without its country code ("Leeds LS5 3BT" / "0113 496 0789").
_POSTCODE_REGIONS = [
    (re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]? \d[ABD-HJLNP-UW-Z]{2}\b"), "GB"),
    (re.compile(r"\b[ABCEGHJ-NPRSTVXY]\d[A-Z] \d[A-Z]\d\b"), "CA"),
    (re.compile(r"\b\d{4} ?[A-Z]{2}\s+[A-Z][a-z]"), "NL"),
    (re.compile(r"\b\d{3}-\d{4},\s*Japan\b|〒"), "JP"),
    # Before a city: "3500-111 Viseu" (Portugal), "80-827 Gdańsk" (Poland), "05422-000" (Brazil's CEP).
    (re.compile(r"(?<![\d\-])\d{4}-\d{3}\s+[^\W\d_]{3}"), "PT"),
    (re.compile(r"(?<![\d\-])\d{2}-\d{3}\s+[^\W\d_]{3}"), "PL"),
    (re.compile(r"(?<![\d\-])\d{5}-\d{3}(?![\d\-])"), "BR"),
]


# Someone else's number: a referee's, a supervisor's (US federal resumes list one per job).
_OTHER_PERSON_RE = re.compile(
    r"\b(?:supervisor|referee|references?|referenz(?:en)?|références?|referencias?|referências?|"
    r"contact person|ansprechpartner|may contact|okay to contact)\b",
    re.IGNORECASE,
)


def find_phone(lines: list[str], region: str | list[str]) -> str | None:
    regions = [region] if isinstance(region, str) else region
    best: tuple[int, int, str] | None = None
    loose: str | None = None
    unread: list[str] = []  # the candidate's own numbers no plan of the evidence reads
    email_at = next((i for i, line in enumerate(lines[:60]) if EMAIL_RE.search(line)), None)
    kind = None
    for idx, line in enumerate(lines):
        kind = _heading_kind(line) or kind
        line = re.sub(r"\(\+(\d{1,3})\)\s*", r"+\1 ", line)  # Europass's "(+33) 6 39 98 12 34"
        if (kind == "references" or _OTHER_PERSON_RE.search(line)) and not EMAIL_RE.search(line):
            continue
        # Labelled, or beside the e-mail address in the contact block: the candidate's own.
        labelled = bool(PHONE_LABEL_RE.search(line)) or (email_at is not None and abs(idx - email_at) <= 2)
        nxt = lines[idx + 1] if labelled and idx + 1 < len(lines) else ""
        for cand in _wrapped_number(line, nxt) + _phone_candidates(line):
            digits = re.sub(r"\D", "", cand)
            if (
                6 <= len(digits) <= 7
                and labelled
                # Six digits: a whole number only in a few small plans (the Faroes', Greenland's),
                # read only in one the document names; never by a town's name alone.
                and (
                    short := _short_national(cand, regions)
                    or (len(digits) == 7 and _seven_digits(cand, lines))
                )
            ):
                best = best if best and best[0] == 0 else (0, idx, short)
                continue
            if not 8 <= len(digits) <= 15:
                continue
            if re.search(r"\b\d{1,2}[/.](?:19|20)\d{2}\b|\b(?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2}\b", cand):
                continue  # a date range, not a number
            if cand.startswith("00"):
                cand = "+" + cand[2:]
            number = _parse_phone(cand, regions)
            if number and _loosely_read(cand, number):
                number = placed_plan(cand, lines[:150]) or only_mobile_plan(cand) or number
            if number is None:
                if loose is None and (labelled or idx < 12):
                    loose = next(filter(None, (_possible_phone(cand, r) for r in regions[:2])), None)
                if labelled and len(unread) < 3:
                    unread.append(cand)
                continue
            score = (0 if labelled else 1, idx)
            if best is None or score < best[:2]:
                best = (*score, number)
        if best and best[0] == 0:
            break
    if best or loose:
        return best[2] if best else loose
    # Only now, when nothing else was found: weaker evidence (the whole text's letters, the mobile
    # plans), which costs a parse in every numbering plan.
    return next(filter(None, (_weakly_evidenced(cand, lines) for cand in unread)), None)


# A number at the end of a line, after the field before it ("… · +374 77", "… · 010-9493-"), and
# the rest of it opening the next line, before the next field ("393143 · name@…").
_LINE_END_NUMBER_RE = re.compile(r"(?:^|(?<=\s))((?:\+|00)?\(?\d[\d\s().\-]*)$")
_LINE_START_DIGITS_RE = re.compile(r"^\s*(\d[\d\s.\-]*\d|\d)(?=\s*(?:[·|•,;–—]|\t|$))")


def _wrapped_number(line: str, nxt: str) -> list[str]:
    """A number a narrow contact row wrapped onto the next line: "+298 21" / "11 03 · …". Its two
    halves are no number alone (the first too short, the second a group of digits); joined, they
    are one where the whole reads as a number (find_phone then asks the plans)."""
    # Only a line's last characters: a number is short, and a long run of digits and spaces would
    # make the search try each of its starts.
    end = line.rstrip()[-24:]
    head = _LINE_END_NUMBER_RE.search(end) if end[-1:].isdigit() or end.endswith("-") else None
    tail = _LINE_START_DIGITS_RE.match(nxt[:40]) if head else None
    if not head or not tail:
        return []
    first = head.group(1).strip()
    joined = first + ("" if first.endswith("-") else " ") + tail.group(1).strip()
    return [joined] if 8 <= len(re.sub(r"\D", "", joined)) <= 15 else []


def _seven_digits(cand: str, lines: list[str]) -> str | None:
    """A labelled seven-digit number no plan of the evidence reads: the country whose towns the
    document names, else the one plan that groups it exactly as written and calls it a mobile
    ("2 532 225": the Seychelles' 1-3-3; "253 2225", grouped so by several plans, stays unread)."""
    return placed_plan(cand, lines) or only_mobile_plan(cand, shortest=7)


def _loosely_read(cand: str, e164: str) -> bool:
    """Was cand read in a plan it is valid in but not grouped as that plan groups it ("912 078 726"
    as the French 09 12 07 87 26)? Then a country whose towns the document names, and whose
    grouping it is written in, reads it better."""
    if cand.startswith("+"):
        return False
    return not written_as_national(cand, phonenumbers.parse(e164))


def _short_national(cand: str, regions: list[str]) -> str | None:
    """A seven-digit number ("612 5465"): a whole national number in a few plans (Iceland's, Estonia's
    landlines, many islands'), elsewhere a local number without its area code. Read only in a plan
    the document gives evidence for (never the "US" that ends the list for want of any), where it
    is valid and grouped as that plan groups it."""
    return _grouped_in(cand, regions[:-1] if regions and regions[-1] == "US" else regions)


def _grouped_in(cand: str, regions) -> str | None:
    """The number in the first of `regions` where it is valid and written as that plan groups it."""
    for region in regions:
        try:
            number = phonenumbers.parse(cand, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number) and written_as_national(cand, number):
            return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return None


def _phone_candidates(line: str) -> list[str]:
    """The number-shaped runs of a line, none across a TAB: a TAB is a field boundary, so the
    postcode that ends an address cell is no part of the number in the next one ("St. Gallen, CH,
    40275<TAB>078 621 42 90")."""
    return [m.group(0).strip() for cell in line.split("\t") for m in PHONE_CAND_RE.finditer(cell)]


def _weakly_evidenced(cand: str, lines: list[str]) -> str | None:
    """The candidate's own number that no plan of the contact block's evidence reads: read in the
    plan of the letters anywhere in the text ("Forlì" in an employer's line), grouped as that plan
    groups it, else in the one mobile plan that allows it at all. The one plan that writes it with
    its hyphen where the number has one comes before a town of the document that another plan's
    geocoder names (a town's name recurs across countries: "984-1102815" is how one plan writes
    its mobiles, another's has a town called like the person's); spaces alone do not (many plans
    group with spaces: "310 123 4567" beside Medellín is Colombian). Taken only when nothing else is."""
    head = lines[:150]
    return (
        _grouped_in(cand, letter_regions("\n".join(head)))
        or placed_plan(cand, head)
        or only_mobile_plan(cand, to_the_separator=True)
        or placed_plan(cand, head, any_grouping=True)
        or only_mobile_plan(cand)
    )


_NANP_RE = re.compile(r"^1?[2-9](?!11)\d{2}[2-9]\d{6}$")


def _possible_phone(cand: str, region: str) -> str | None:
    # Reserved ranges (UK 07700 900xxx, drama numbers) have a valid shape but are not "valid":
    # in the contact header, a number written the way that country writes numbers is still
    # the candidate's number.
    if not re.fullmatch(r"(?:\+\d{1,3}[\s.\-]?)?\(?0?\d{1,5}\)?(?:[\s.\-]\d{2,6}){1,5}", cand):
        return None
    try:
        num = phonenumbers.parse(cand, region)
    except phonenumbers.NumberParseException:
        return None
    if phonenumbers.is_possible_number_with_reason(num) != phonenumbers.ValidationResult.IS_POSSIBLE:
        return None
    if not cand.startswith("+") and not cand.lstrip("(").startswith("0") and region not in ("US", "CA"):
        return None
    if region in ("US", "CA") and not cand.startswith("+") and not _NANP_RE.match(re.sub(r"\D", "", cand)):
        return None  # an area code is never 0xx, 1xx or N11: "06 15 00 89 52" is no American number
    return phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164)


def _parse_phone(cand: str, region: str | list[str]) -> str | None:
    """The number as E.164, read in the first plan it is valid in; but where it is valid in
    several, the one whose national format it is written in ("606 191 566" reads as a Czech and a
    Polish number; "0506 227 83 28" only as a Turkish one, grouped as Türkiye groups it)."""
    regions = [region] if isinstance(region, str) else list(region)
    if cand.startswith("+"):
        regions = regions[:1]
    elif "US" not in regions:
        regions.append("US")
    first = None
    for reg in regions:
        try:
            num = phonenumbers.parse(cand, reg)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(num):
            num = _without_national_zero(cand, num)
            e164 = phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164)
            if cand.startswith("+") or written_as_national(cand, num):
                return e164
            first = first or e164
    return first


def _without_national_zero(cand: str, num):
    """A number written with the 0 its plan prints before national numbers ("06 04 91 40", where the
    plan's national format of +241 6 04 91 40 carries it) keeps that 0 out of its E.164 form, though
    a parse keeps it as a leading zero of the number itself (as Italy's "06 …" must be kept: there
    the number without it is no number written so)."""
    if cand.startswith("+") or not num.italian_leading_zero:
        return num
    bare = copy.copy(num)
    bare.italian_leading_zero = None
    bare.number_of_leading_zeros = None
    if not phonenumbers.is_valid_number(bare):
        return num
    national = phonenumbers.format_number(bare, phonenumbers.PhoneNumberFormat.NATIONAL)
    return bare if re.sub(r"\D", "", national) == re.sub(r"\D", "", cand) else num


def normalize_phone(value: str, region: str = "US") -> str | None:
    """A phone cell or field, in any common format, to E.164 (None if it is not a valid number)."""
    for part in re.split(r"[,;/]|\bor\b", value or ""):
        part = part.strip()
        if len(re.sub(r"\D", "", part)) >= 7:
            number = _parse_phone("+" + part[2:] if part.startswith("00") else part, region)
            if number:
                return number
    return None
