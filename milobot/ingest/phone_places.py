"""A national number's country from the places the document names ("…, Paysandú", "91403 Cusco"),
as phonenumbers' own geocoder lists them: the towns and regions of each country's area codes.

A number like "094 618 545" is valid, and grouped as written, in half a dozen countries' mobile
plans; a résumé with a job in Paysandú tells which. No list of ours: the geocoder's data ships with
phonenumbers. It is never imported (the package loads 40 MB of data for every country at once);
the file that holds a calling code's prefixes is read as text, on demand, and what it yields is
kept per calling code. Used only where nothing stronger reads the number (an address's country,
the e-mail's ccTLD, the letters of the contact block).
"""

from __future__ import annotations

import bisect
import functools
import importlib.util
import re
import unicodedata
from pathlib import Path

import phonenumbers

from .lexicon import COUNTRY_WORDS, NATIVE_REGION
from .phone_evidence import mobile_plans, written_as_national

_ENTRY_RE = r"'{code}\d*':\{{([^}}]*)\}}"
_VALUE_RE = re.compile(r":\s*u?\(?'((?:[^'\\]|\\.)*)'")
_FIRST_KEY_RE = re.compile(r"^\s*'(\d+)':", re.MULTILINE)
# "Colonia del Sacramento", "Fray Bentos/Rio Negro", "Chapecó - SC": a place and its region.
_NAME_SPLIT_RE = re.compile(r"\s*(?:/|,|\s-\s|\(|\))\s*")
# A line's parts: "Tallowin S.R.L., Maldonado", "Rua Goldcrest 7, 91403 Cusco", "Ipoh · Perak".
_PART_SPLIT_RE = re.compile(r"\s*(?:[,|·•\t;/()]|\s[-–—]\s)\s*")


# Letters that Unicode does not decompose into a base letter and a mark, as the geocoder spells
# them in English ("Đà Nẵng" is "Da Nang").
_UNDECOMPOSED = str.maketrans(
    {"đ": "d", "ł": "l", "ø": "o", "þ": "th", "ð": "d", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i"}
)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_UNDECOMPOSED))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).strip()


def _read(path: Path, size: int = -1) -> str:
    """A data file's text; "" if a packaging of phonenumbers lacks it (no evidence, no failure)."""
    try:
        with path.open(encoding="utf-8") as f:
            return f.read(size)
    except (OSError, UnicodeError):
        return ""


@functools.cache
def _geodata_files() -> tuple[tuple[str, ...], tuple[Path, ...]]:
    """The geocoder's data files in key order, with the first prefix each holds (its keys are
    sorted as strings, file after file)."""
    spec = importlib.util.find_spec("phonenumbers")
    if not spec or not spec.submodule_search_locations:
        return (), ()
    folder = Path(next(iter(spec.submodule_search_locations))) / "geodata"
    firsts: list[tuple[str, Path]] = []
    for path in folder.glob("data*.py"):
        m = _FIRST_KEY_RE.search(_read(path, 4096))
        if m:
            firsts.append((m.group(1), path))
    firsts.sort()
    return tuple(k for k, _ in firsts), tuple(p for _, p in firsts)


_MOST_FILES = 3


@functools.lru_cache(maxsize=64)
def places_of_calling_code(code: int) -> frozenset[str]:
    """The places (folded) that phonenumbers' geocoder names for the area codes under +code."""
    firsts, paths = _geodata_files()
    prefix = str(code)
    # Every file whose key range can hold a key that starts with the prefix.
    start = max(0, bisect.bisect_right(firsts, prefix) - 1)
    end = bisect.bisect_right(firsts, prefix + "\x7f")
    if end - start > _MOST_FILES:
        return frozenset()  # China's or Australia's thousands of prefixes: a second's reading, not worth it
    entry_re = re.compile(_ENTRY_RE.format(code=prefix))
    names: set[str] = set()
    for path in paths[start:end]:
        for m in entry_re.finditer(_read(path)):
            for raw in _VALUE_RE.findall(m.group(1)):
                value = raw.encode("ascii", "backslashreplace").decode("unicode_escape")
                for name in _NAME_SPLIT_RE.split(value):
                    # "Split-Dalmatia": a town and its county joined by a hyphen.
                    names.update(_fold(n) for n in (name, *name.split("-")) if len(n) > 3)
    return frozenset(names)


def document_places(lines: list[str]) -> list[str]:
    """Place-shaped parts of the lines: a capitalised part of letters after a comma, a dot or a
    tab, or after a postcode ("91403 Cusco")."""
    out: list[str] = []
    for line in lines:
        for part in _PART_SPLIT_RE.split(line):
            part = re.sub(r"^\d[\d\s\-]*\s", "", part.strip(" ."))
            if (
                len(part) > 3
                and part[0].isupper()
                and not re.search(r"[\d@]", part)
                and len(part.split()) <= 4
            ):
                out.append(part)
    return out


def _named_regions(parts: list[str]) -> set[str]:
    """The countries the parts name ("Acme Ltd, Nairobi, Kenya" anywhere in the jobs)."""
    return {r for p in parts if (r := COUNTRY_WORDS.get(p.lower()) or NATIVE_REGION.get(p.lower()))}


_MOBILE_TYPES = (phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE)


def placed_plan(cand: str, lines: list[str], *, any_grouping: bool = False) -> str | None:
    """cand as E.164 in the one country where it is a valid mobile, grouped as written, and which
    the document names, or whose geocoder names a place the document names. None where no country
    or two do. With any_grouping, where no country's grouping fits, the one such country where it
    is a valid mobile however grouped ("0712 345 678" for Kenya's "0712 345678")."""
    if cand.startswith("+"):
        return None
    found: set[str] = set()
    loose: set[str] = set()
    places: set[str] | None = None
    countries: set[str] = set()
    for region in mobile_plans(cand):
        code = phonenumbers.country_code_for_region(region)
        if code == 1:
            continue  # NANP: the plan a number without evidence is read in anyway
        try:
            number = phonenumbers.parse(cand, region)
        except phonenumbers.NumberParseException:
            continue
        if not phonenumbers.is_valid_number(number) or phonenumbers.number_type(number) not in _MOBILE_TYPES:
            continue  # a résumé gives a mobile; the other plans' files are not worth reading
        grouped = written_as_national(cand, number)
        if not grouped and not any_grouping:
            continue
        if places is None:
            parts = document_places(lines)
            # "Cebu City", "Quezon City": the geocoder may list the town without its last word.
            shorter = [p.rsplit(" ", 1)[0] for p in parts if " " in p]
            places, countries = {_fold(p) for p in parts + shorter if len(p) > 3}, _named_regions(parts)
        if region in countries or places & places_of_calling_code(code):
            e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
            (found if grouped else loose).add(e164)
    if len(found) == 1:
        return found.pop()
    return loose.pop() if not found and len(loose) == 1 else None
