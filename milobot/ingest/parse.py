"""Resume text -> Profile. Heuristics only: no model, no network, no knowledge of any particular file.

See text.py (cleaning, sections), contact.py, person.py and roles.py for the pieces.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .contact import (  # noqa: F401
    EMAIL_RE,
    URL_RE,
    find_email,
    find_links,
    find_phone,
    normalize_phone,
    phone_regions,
    region_hint,
)
from .events import event_role, feed_role, prose_role
from .header_table import header_table_role
from .lexicon import (
    DEGREE_WORDS,
    SCHOOL_WORDS,
    TLD_REGION,
)
from .pdflinks import PdfLink, reconcile_email, tel_numbers, web_links
from .person import find_name
from .phone_places import placed_plan
from .places import find_location, with_country
from .roles import _pick_title_company, _split_pieces, _tidy_company, find_experience, find_stated_years  # noqa: F401
from .text import (  # noqa: F401
    BULLET_RE,
    _clean,
    _company_strength,
    _fold,
    _heading_kind,
    _sections,
    _title_strength,
    _words,
)
from .types import Profile

# ---------------------------------------------------------------- skills, education


def find_skills(section: list[str]) -> list[str]:
    skills: list[str] = []
    for line in section[:40]:
        line = BULLET_RE.sub("", line)
        line = re.sub(r"^[\w &/]{2,30}:\s+", "", line)  # "Languages: Python, Go"
        parts = re.split(r"\s*[,;•·|●▪]\s*|\s+-\s+" + (r"|\s+/\s+" if line.count(" / ") >= 2 else ""), line)
        if len(parts) == 1 and len(line.split()) > 4:
            # Chips rendered as one run of words: keep "A / B" together, otherwise split on spaces.
            parts = re.split(r"(?<!/)\s+(?!/)", line)
        for part in parts:
            part = part.strip(" .")
            if 1 <= len(part) <= 50 and part.lower() not in {s.lower() for s in skills}:
                skills.append(part)
    return skills[:60]


def find_education(section: list[str]) -> list[str]:
    entries: list[list[str]] = []
    have: list[set[str]] = []
    for line in section[:30]:
        line = BULLET_RE.sub("", line).strip()
        words = {w.strip(",.()") for w in _words(line)}
        kind = (
            "S"
            if words & SCHOOL_WORDS
            else "D"
            if words & DEGREE_WORDS
            else "Y"
            if re.fullmatch(r"[\d\s/–\-]+", line)
            else "O"
        )
        if kind == "Y":
            if entries:
                entries[-1].append(line)
            continue
        if not entries or (kind in have[-1] and kind != "O"):
            entries.append([])
            have.append(set())
        entries[-1].append(line)
        have[-1].add(kind)
    return [", ".join(e) for e in entries if e][:10]


# ---------------------------------------------------------------- entry point


def parse_resume(
    text: str, source_file: str = "", *, headline: str | None = None, links: Sequence[PdfLink] = ()
) -> Profile:
    """links: the PDF's link annotations (pdflinks.page_links), evidence for e-mail, phone and profiles."""
    lines = _clean(text)
    sections, first_heading = _sections(lines)
    flat = "\n".join(lines)
    email = reconcile_email(find_email(flat), flat, list(links))
    name = find_name(lines, first_heading, email, headline)
    location = find_location(lines, first_heading, name)
    regions = phone_regions(location, email, flat)
    phone = find_phone(lines, regions)
    if not phone and (numbers := tel_numbers(list(links))):
        # A phone icon over a tel: link, the number itself nowhere in the text.
        phone = next(filter(None, (_tel(n, regions[0]) for n in numbers)), None)
        # A national number and no plan for it: the country whose towns the document names.
        phone = phone or next(
            filter(None, (placed_plan(n, lines[:150], any_grouping=True) for n in numbers)), None
        )
    location = with_country(location, _home_region(phone, email))
    title, company, years = find_experience(sections, lines, location, name)
    if not title and not company:
        # A job table whose header row names its columns, its dates in cells of their own.
        title, company = header_table_role(sections.get("experience") or lines)
        company = _tidy_company(company)
    if not title and not company:
        # No dated entry names a role: an event grid ("Joined ...", "Promoted to ..."), then prose.
        title, company = event_role(sections.get("experience") or lines)
        if not title and not company:
            # An activity feed's events are tied to their dates by shape, not by the heading above
            # them (a sidebar's heading can claim the feed in reading order): the whole text.
            title, company = feed_role(lines)
        if not title and not company:
            title, company = prose_role(lines)
    stated = find_stated_years(flat)
    return Profile(
        name=name,
        email=email,
        phone=phone,
        location=_tidy(location),
        links=_with_linked(find_links(flat), list(links), email),
        current_title=_tidy(title),
        current_company=_tidy(company),
        years_experience=stated if stated is not None else years,
        skills=find_skills(sections.get("skills", [])),
        education=find_education(sections.get("education", [])),
        source_file=source_file,
    )


_LIST_NUMBER_RE = re.compile(r"^\(?\d{1,2}[.)]\s+")
_DANGLING_RE = re.compile(r"[\s–—\-|,;:·•]+$")


def _tidy(value: str | None) -> str | None:
    """What a field cut out of a line can carry from around it: a list number ("1. Infonyx Ltd"), a
    separator left hanging ("Bengaluru, Karnataka –"), a parenthesis opened and cut ("Head of
    Marketing (current")."""
    if not value:
        return value
    value = _LIST_NUMBER_RE.sub("", value)
    if value.count("(") > value.count(")"):
        value = value[: value.rindex("(")]
    value = _DANGLING_RE.sub("", value).strip()
    return value or None


def _tel(number: str, region: str) -> str | None:
    """A tel: link's number: valid, or at least possible when it names its country (+44…)."""
    import phonenumbers

    found = normalize_phone(number, region)
    if found or not number.startswith("+"):
        return found
    try:
        parsed = phonenumbers.parse(number, None)
    except phonenumbers.NumberParseException:
        return None
    if phonenumbers.is_possible_number(parsed):
        return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
    return None


def _with_linked(found: list[str], links: list[PdfLink], email: str | None) -> list[str]:
    """Profile links the text shows only as a word or an icon ("LinkedIn", "Website")."""
    have = {re.sub(r"^(?:https?://)?(?:www\.)?", "", u.lower()).rstrip("/") for u in found}
    mail_host = email.rsplit("@", 1)[-1] if email else None
    out = list(found)
    for uri in web_links(links):
        key = re.sub(r"^(?:https?://)?(?:www\.)?", "", uri.lower()).rstrip("/")
        if key not in have and key.split("/")[0] != mail_host and len(out) < 10:
            have.add(key)
            out.append(uri)
    return out


def _home_region(phone: str | None, email: str | None) -> str | None:
    if phone:
        import phonenumbers

        try:
            return phonenumbers.region_code_for_number(phonenumbers.parse(phone))
        except phonenumbers.NumberParseException:
            pass
    tld = email.rsplit(".", 1)[-1].lower() if email else ""
    return TLD_REGION.get(tld)


def profile_quality(p: Profile) -> int:
    """How complete a parse looks; used to pick between text extraction modes."""
    return sum(2 if v else 0 for v in (p.name, p.email, p.phone)) + sum(
        1 for v in (p.current_title, p.current_company, p.location) if v
    )
