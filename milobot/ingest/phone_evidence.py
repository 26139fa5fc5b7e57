"""Evidence for the country of a phone number written without its country code ("606 191 566").

Taken from what the document says anyway, and from phonenumbers' own metadata rather than lists
of ours: the ISO code after a city ("Ålesund, Møre og Romsdal, NO", "Bydgoszcz (PL)"), the
country of the e-mail address's ccTLD (every ISO 3166 code phonenumbers knows), and the letters
only some alphabets use ("ř" is Czech, "ł" Polish, "ő" Hungarian). None of it decides alone: a
number is taken for a country only where it is a valid number there, and where several such
countries remain, the one whose national format the number is written in ("0506 227 83 28" is how
Türkiye writes its mobiles) wins.
"""

from __future__ import annotations

import functools
import re

import phonenumbers
from phonenumbers import PhoneMetadata

from .lexicon import COUNTRY_WORDS, NATIVE_REGION, US_STATES

# Letters written in the names and places of a few countries only. Each letter points at the
# countries whose alphabets have it; a number must still be valid there to be read that way.
_LETTERS = {
    "ř": ("CZ",),
    "ů": ("CZ",),
    "ě": ("CZ",),
    "ł": ("PL",),
    "ś": ("PL",),
    "ź": ("PL",),
    "ż": ("PL",),
    "ą": ("PL",),
    "ę": ("PL",),
    "ő": ("HU",),
    "ű": ("HU",),
    "ș": ("RO",),
    "ț": ("RO",),
    "ă": ("RO",),
    "ğ": ("TR",),
    "ı": ("TR",),
    "İ": ("TR",),
    "ş": ("TR", "RO"),
    "ø": ("NO", "DK"),
    "æ": ("NO", "DK"),
    "å": ("SE", "NO", "DK", "FI"),
    "ß": ("DE", "AT", "CH"),
    "ñ": ("ES", "MX", "AR", "CO", "CL", "PE"),
    "ã": ("PT", "BR"),
    "õ": ("PT", "BR"),
    "è": ("FR", "IT"),
    "ê": ("FR", "PT"),
    "ë": ("FR", "NL"),
    "é": ("FR",),
    "ì": ("IT",),
    "ò": ("IT",),
}
_CODE_RE = re.compile(r"\(([A-Z]{2})\)|,\s*([A-Z]{2})\s*$|(?<=\d)\s+([A-Z]{2})\s*$")
_SEPARATORS_RE = re.compile(r"[\s\-–.()/]+")


def tld_region(email: str | None) -> str | None:
    """The country of the address's ccTLD ("x@y.com.tr" -> TR), any that phonenumbers knows."""
    if not email or "." not in email:
        return None
    tld = email.rsplit(".", 1)[-1].upper()
    tld = "GB" if tld == "UK" else tld
    return tld if len(tld) == 2 and tld in phonenumbers.SUPPORTED_REGIONS else None


def written_codes(lines: list[str]) -> list[str]:
    """ISO codes written after a place: "Bydgoszcz (PL)", "Shrewsbury, Shropshire, GB" (a third
    part: after a city and a region, two capitals are a country, not a US state), "Tromsø, NO" (no
    state has that code), "Pärnu, Pärnumaa 10058 EE" (after a postcode)."""
    out = []
    for line in lines:
        for m in _CODE_RE.finditer(line):
            code = m.group(1) or m.group(2) or m.group(3)
            if m.group(2) and line.count(",") < 2 and code in US_STATES:
                continue  # "Boise, ID": a state; "Tromsø, NO" is a country
            if code in phonenumbers.SUPPORTED_REGIONS and code not in out:
                out.append(code)
    return out


# The parts of an address line: "Birchwater 11 · 49655 Arequipa · Peru | 917 579 108 | a@b.example",
# "Juniper 101, St. Gallen, SG, CH, 40275".
_PART_SPLIT_RE = re.compile(r"\s*(?:[,|·•\t;/]|\s[-–—]\s)\s*")


def named_countries(lines: list[str]) -> list[str]:
    """Countries the contact lines name as a part of their own: a country's name ("Peru", "Perú",
    its own line under "65057 Ísafjörður"), or an ISO code between an address's commas ("St. Gallen,
    SG, CH, 40275"), wherever in the line it stands. A code that is also a US state counts only
    after a city and a region ("Boise, ID, 83702" is Idaho)."""
    out: list[str] = []
    for line in lines:
        parts = [p.strip(" .") for p in _PART_SPLIT_RE.split(line) if p.strip(" .")]
        places_before = 0
        for part in parts:
            low = part.lower()
            region = None
            if len(low) > 3:
                region = COUNTRY_WORDS.get(low) or NATIVE_REGION.get(low)
            elif len(parts) > 1 and re.fullmatch(r"[A-Z]{2}", part) and places_before:
                if part not in US_STATES or places_before >= 2:
                    region = "GB" if part == "UK" else part
            if region in phonenumbers.SUPPORTED_REGIONS and region not in out:
                out.append(region)
            if not re.search(r"\d", part):
                places_before += 1
    return out


def letter_regions(text: str) -> list[str]:
    """Countries whose letters the text uses, those used most first."""
    counts: dict[str, int] = {}
    for ch, regions in _LETTERS.items():
        n = text.count(ch)
        if n:
            for region in regions:
                counts[region] = counts.get(region, 0) + n
    return sorted(counts, key=lambda r: -counts[r])


def written_as_national(cand: str, number) -> bool:
    """Is cand grouped exactly as the number's country writes it nationally?"""
    national = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return _SEPARATORS_RE.sub(" ", national).strip() == _SEPARATORS_RE.sub(" ", cand).strip()


_MOBILE = phonenumbers.PhoneNumberType.MOBILE


@functools.cache
def _mobile_shapes(code: int) -> tuple[tuple[re.Pattern[str], frozenset[int]], ...]:
    """The national number patterns a mobile under +code can match (a fixed line's too where a
    country's plan does not tell them apart), each with the lengths it allows."""
    shapes = []
    for region in phonenumbers.region_codes_for_country_code(code):
        md = PhoneMetadata.metadata_for_region(region)
        if md is None:
            continue
        descs = [md.mobile] + ([md.fixed_line] if md.same_mobile_and_fixed_line_pattern else [])
        for desc in descs:
            if desc is None or not desc.national_number_pattern:
                continue
            lengths = set(desc.possible_length or ()) | set(md.general_desc.possible_length or ())
            shapes.append((re.compile(desc.national_number_pattern), frozenset(n for n in lengths if n > 0)))
    return tuple(shapes)


@functools.cache
def _plan_rules(region: str) -> tuple[int, re.Pattern[str] | None, bool]:
    md = PhoneMetadata.metadata_for_region(region)
    idd = re.compile(md.international_prefix) if md.international_prefix else None
    return md.country_code, idd, bool(md.national_prefix_transform_rule)


def mobile_plans(cand: str) -> list[str]:
    """The regions in which cand, written without its country code, can parse as a mobile: a parse
    only strips a national prefix (or the calling code) from the front, so the national number is
    a tail of the digits and must fit a mobile pattern of the region's calling code. The cheap
    check before parsing in every one of ~240 plans (each parse costs a fifth of a millisecond).
    Kept whole: a plan that rewrites its prefix, or whose international prefix opens the digits
    (the number then belongs to another calling code); anything but digits and punctuation."""
    if re.search(r"[^\d\s().\-/]", cand):
        return list(phonenumbers.SUPPORTED_REGIONS)
    digits = re.sub(r"\D", "", cand)
    out = []
    for region in phonenumbers.SUPPORTED_REGIONS:
        code, idd, rewrites = _plan_rules(region)
        if (
            rewrites
            or (idd is not None and idd.match(digits))
            or any(
                n <= len(digits) and pattern.fullmatch(digits[-n:])
                for pattern, lengths in _mobile_shapes(code)
                for n in lengths
            )
        ):
            out.append(region)
    return out


def only_mobile_plan(cand: str, *, to_the_separator: bool = False, shortest: int = 8) -> str | None:
    """A national number with no evidence of its country, read where phonenumbers' metadata allows
    just one reading: of all the plans it is valid in, those that group it exactly as written and
    call it a mobile (what a résumé gives) share one calling code ("06 12389686" is a Dutch mobile,
    a Finnish landline; "311 333 1792" an Italian mobile). Where several do, the one that also
    writes the same separators ("6157-9868" with its hyphen is how one plan of the five that group
    it 4+4 writes it). None where that still leaves two countries. With to_the_separator, only a
    reading written with a hyphen, dot or bracket exactly where its plan puts one ("984-1102815"),
    the evidence that outweighs a town's name (phone_places.placed_plan). `shortest`: the fewest
    digits read (seven for a labelled number: "2 532 225" is grouped so by one plan alone)."""
    if cand.startswith("+") or not shortest <= len(re.sub(r"\D", "", cand)) <= 12:
        return None
    found: set[str] = set()
    exact: set[str] = set()
    separated = _separated(cand)
    if to_the_separator and not separated:
        return None
    for region in mobile_plans(cand):
        try:
            number = phonenumbers.parse(cand, region)
        except phonenumbers.NumberParseException:
            continue
        if (
            phonenumbers.is_valid_number(number)
            and phonenumbers.number_type(number) == _MOBILE
            and written_as_national(cand, number)
        ):
            e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
            found.add(e164)
            if separated and written_with_its_separators(cand, number):
                exact.add(e164)
            if len(found) > 1 and not separated:
                return None  # spaces alone: nothing further can tell the plans apart
    if len(found) == 1 and not to_the_separator:
        return found.pop()
    return exact.pop() if len(exact) == 1 else None


def _separated(cand: str) -> bool:
    """Written with a separator other than spaces: spaces are how most plans group, a hyphen, dot
    or bracket is a choice only some make."""
    return bool(re.search(r"[\-–.()/]", cand.strip()))


def written_with_its_separators(cand: str, number) -> bool:
    """Is cand the number's national format character for character, hyphens and dots included?"""
    national = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return national.strip() == re.sub(r"\s+", " ", cand.strip())
