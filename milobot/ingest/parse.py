"""Resume text -> Profile. Heuristics only: no model, no network, no knowledge of any particular file.

The input is whatever a text layer gives us (pypdf, python-docx): reading order is roughly
right but columns may interleave, headings may be upper-cased by CSS and lines may wrap
anywhere. Every function here therefore prefers cheap, local evidence (a label, a date
range, a known heading) over global structure.
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata

import phonenumbers

from .lexicon import (
    CITY_REGION,
    COMPANY_SUFFIXES,
    COUNTRY_WORDS,
    DEGREE_WORDS,
    HEADING_OF,
    MONTH_WORDS,
    PRESENT_WORDS,
    REGION_CODES,
    SCHOOL_WORDS,
    TITLE_WORDS,
    TLD_REGION,
    US_STATES,
    WEAK_TITLE_WORDS,
)
from .types import Profile

EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+%-]+@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}", re.UNICODE)
URL_RE = re.compile(
    r"(?<![@\w.])(?:https?://)?(?:www\.)?"
    r"(?:linkedin\.com/in/[\w%\-.]+|github\.com/[\w\-.]+|gitlab\.com/[\w\-.]+|behance\.net/[\w\-]+|"
    r"dribbble\.com/[\w\-]+|[\w\-]+(?:\.[\w\-]+)*\.(?:dev|io|me|com|net|org|co|app|design|page|site|ai|xyz|tech|"
    r"portfolio|codes)(?:/[\w\-./%]*)?)(?![\w@])",
    re.IGNORECASE,
)
PHONE_CAND_RE = re.compile(r"(?<![\w/])(?:\+|00)?\(?\d[\d\s().\-/]{5,20}\d(?![\w/])")
PHONE_LABEL_RE = re.compile(
    r"\b(?:phone|tel|telephone|téléphone|telefon|telefone|teléfono|mobile|mobil|cell|portable|handy|celular|whatsapp|t|m|p)\b\.?:?",
    re.IGNORECASE,
)
_MONTH = rf"(?:{MONTH_WORDS})\.?"
_DATE = rf"(?:{_MONTH}\s+\d{{4}}|\d{{1,2}}[/.]\d{{4}}|\d{{4}}[-/.]\d{{1,2}}|(?:19|20)\d{{2}})"
_END = rf"(?:{_DATE}|{PRESENT_WORDS})"
DATE_RANGE_RE = re.compile(
    rf"(?<![\w/])(?:(?:since|seit|depuis|desde)\s+({_DATE})|({_DATE})\s*(?:-|–|—|−|to|bis|à|a|até|till)\s*({_END}))(?![\w/])",
    re.IGNORECASE,
)
YEARS_RE = re.compile(
    r"(\d{1,2}(?:[.,]\d)?)\s*\+?\s*(?:years?|yrs?|jahre[n]?|ans|años|anos|jaar|lat)\b[^.\n]{0,40}?"
    r"(?:experience|erfahrung|berufserfahrung|expérience|experiencia|experiência|ervaring|doświadczenia)",
    re.IGNORECASE,
)
BULLET_RE = re.compile(r"^[•●▪■◦‣∙*·\-–]\s*")
NAME_TOKEN_RE = re.compile(r"^[^\W\d_][^\W\d_'’.\-]*(?:['’\-][^\W\d_]+)*\.?$", re.UNICODE)
NAME_PARTICLES = {
    "de",
    "da",
    "das",
    "do",
    "dos",
    "del",
    "della",
    "der",
    "den",
    "van",
    "von",
    "la",
    "le",
    "di",
    "du",
    "y",
    "e",
    "bin",
    "binti",
    "al",
    "el",
    "ten",
    "ter",
    "zu",
    "st.",
    "mac",
    "ó",
    "ní",
    "ui",
}
NOT_NAMES = {
    "curriculum vitae",
    "resume",
    "résumé",
    "cv",
    "lebenslauf",
    "curriculum",
    "hoja de vida",
    "currículo",
    "page",
    "confidential",
    "contact",
    "profile",
}
LABEL_NAME_RE = re.compile(
    r"^(?:full\s+name|name|nom|nombre|nome|naam|imię i nazwisko|navn|namn)\s*[:\-]?\s+(.+)$", re.IGNORECASE
)
LABEL_LOC_RE = re.compile(
    r"^(?:location|address|adresse|anschrift|wohnort|ort|city|based in|lives in|residence|dirección|endereço|"
    r"localização|ubicación|woonplaats|adres|lieu|ville|domicile)\s*[:\-]?\s+(.+)$",
    re.IGNORECASE,
)
SEPARATORS_RE = re.compile(r"\s*(?:\||·|•|●|◆|♦|▪|✉|☎|📞|📧|\u2022|\s{3,}|\t)\s*")


def _clean(text: str) -> list[str]:
    text = unicodedata.normalize("NFKC", text)
    text = text.replace("\u00ad", "").replace("\u200b", "").replace("\ufeff", "")
    lines = []
    for raw in text.splitlines():
        line = re.sub(r"[ \u00a0\u2009\u202f]+", " ", raw).strip()
        if line:
            lines.append(line)
    return _join_wrapped_urls(lines)


def _join_wrapped_urls(lines: list[str]) -> list[str]:
    # Narrow columns wrap long URLs and e-mail addresses at a hyphen, dot or underscore
    # ("linkedin.com/in/jane-" / "doe", "jane_doe-" / "smith@x.com"); glue them back.
    out: list[str] = []
    for line in lines:
        if (
            out
            and re.search(r"(?:linkedin\.com/in/|github\.com/|https?://)\S*-$", out[-1])
            and re.match(r"^[\w\-%/]+$", line)
        ) or (
            out
            and re.search(r"(?:^|\s)[\w.+\-]*[\w][\-_.]$", out[-1])
            and "@" not in out[-1].split()[-1]
            and re.match(r"^[\w.+\-]+@[\w\-]+\.", line)
        ):
            out[-1] += line
        else:
            out.append(line)
    return out


def _heading_kind(line: str) -> str | None:
    key = re.sub(r"[:：\s]+$", "", line.strip().lower())
    key = re.sub(r"\s+", " ", key)
    if len(key) > 40:
        return None
    return HEADING_OF.get(key)


def _sections(lines: list[str]) -> tuple[dict[str, list[str]], int]:
    """Group lines under the headings we recognise. Returns sections and the index of the first heading."""
    sections: dict[str, list[str]] = {}
    current = "_top"
    first_heading = len(lines)
    for i, line in enumerate(lines):
        kind = _heading_kind(line)
        if kind:
            current = kind
            first_heading = min(first_heading, i)
            sections.setdefault(kind, [])
            continue
        sections.setdefault(current, []).append(line)
    return sections, first_heading


def _fold(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s.lower()) if not unicodedata.combining(c))


# ---------------------------------------------------------------- contact details


def find_email(text: str) -> str | None:
    for m in EMAIL_RE.finditer(text):
        email = m.group(0).strip(".").lower()
        if not email.split("@")[1].endswith((".png", ".jpg", ".gif")):
            return email
    return None


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
    return None


def find_phone(lines: list[str], region: str) -> str | None:
    best: tuple[int, int, str] | None = None
    for idx, line in enumerate(lines):
        labelled = bool(PHONE_LABEL_RE.search(line))
        for m in PHONE_CAND_RE.finditer(line):
            cand = m.group(0).strip()
            digits = re.sub(r"\D", "", cand)
            if not 8 <= len(digits) <= 15:
                continue
            if re.search(r"\b\d{1,2}[/.](?:19|20)\d{2}\b|\b(?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2}\b", cand):
                continue  # a date range, not a number
            if cand.startswith("00"):
                cand = "+" + cand[2:]
            number = _parse_phone(cand, region)
            if number is None:
                continue
            score = (0 if labelled else 1, idx)
            if best is None or score < best[:2]:
                best = (*score, number)
        if best and best[0] == 0:
            break
    return best[2] if best else None


def _parse_phone(cand: str, region: str) -> str | None:
    regions = [region] if cand.startswith("+") else [region, "US"] if region != "US" else ["US"]
    for reg in regions:
        try:
            num = phonenumbers.parse(cand, reg)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(num):
            return phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164)
    return None


def normalize_phone(value: str, region: str = "US") -> str | None:
    """A phone cell or field, in any common format, to E.164 (None if it is not a valid number)."""
    for part in re.split(r"[,;/]|\bor\b", value or ""):
        part = part.strip()
        if len(re.sub(r"\D", "", part)) >= 7:
            number = _parse_phone("+" + part[2:] if part.startswith("00") else part, region)
            if number:
                return number
    return None


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


# ---------------------------------------------------------------- experience


def _words(s: str) -> list[str]:
    return re.findall(r"[\w'’.\-&/]+", s.lower())


def _title_strength(s: str) -> int:
    words = _words(s)
    strong = sum(1 for w in words if w.strip(".") in TITLE_WORDS and w.strip(".") not in WEAK_TITLE_WORDS)
    weak = sum(1 for w in words if w.strip(".") in WEAK_TITLE_WORDS)
    if re.search(r"\b(?:vp|head|chief|director) of\b", s.lower()):
        strong += 1
    return strong * 2 + (1 if weak and strong else 0)


def _company_strength(s: str) -> int:
    words = _words(s)
    score = sum(2 for w in words if w in COMPANY_SUFFIXES or w.rstrip(".") in COMPANY_SUFFIXES)
    if re.search(r"\bsp\. z o\.o\.|s\.a\. de c\.v\.|\bpvt\.? ltd|\bpty\.? ltd", s.lower()):
        score += 2
    return score


def _is_body_line(line: str) -> bool:
    return bool(BULLET_RE.match(line)) or line.endswith(".") or len(line.split()) > 10


def _split_pieces(fragment: str) -> list[str]:
    fragment = fragment.strip(" ,|·–—-:")
    if not fragment:
        return []
    m = re.match(r"^(.+?)\s+(?:at|@|chez|bei|en|na|em|w|på|presso)\s+(.+)$", fragment)
    if m and _title_strength(m.group(1)) and not _title_strength(m.group(2)):
        return [m.group(1), m.group(2)]
    parts = [p for p in re.split(r"\s+(?:—|–|-|\||·|•|@)\s+|\s*\|\s*", fragment) if p.strip()]
    out: list[str] = []
    for part in parts:
        if ", " in part:
            left, right = part.split(", ", 1)
            lt, rt = _title_strength(left), _title_strength(right)
            if lt and not rt:
                out += [left, right]  # "Title, Company"
            elif not lt and not rt and not _company_strength(right):
                out.append(left)  # "Company, City": the city is not wanted here
            elif rt and not lt:
                out += [left, right]
            else:
                out.append(part)
        else:
            out.append(part)
    return [p.strip(" ,|·–—-:()") for p in out if p.strip(" ,|·–—-:()")]


def _entry_pieces(section: list[str], date_idx: int, prev_limit: int) -> list[str]:
    line = section[date_idx]
    m = DATE_RANGE_RE.search(line)
    before, after = line[: m.start()], line[m.end() :] if m else (line, "")
    pieces: list[str] = []
    pieces += _split_pieces(before)
    # "dates, City" / "dates · City": what follows a separator after the dates is a place.
    if after.strip() and not re.match(r"^\s*[,|·•(]", after):
        pieces += _split_pieces(after)
    above: list[str] = []
    for j in range(date_idx - 1, max(prev_limit, date_idx - 3) - 1, -1):
        if _is_body_line(section[j]) or DATE_RANGE_RE.search(section[j]):
            break
        above.insert(0, section[j])
    below: list[str] = []
    for j in range(date_idx + 1, min(len(section), date_idx + 3)):
        if _is_body_line(section[j]) or DATE_RANGE_RE.search(section[j]):
            break
        below.append(section[j])
    for fragment in reversed(_unwrap(above)):
        pieces += _split_pieces(fragment)
    for fragment in _unwrap(below):
        pieces += _split_pieces(fragment)
    return [p for p in pieces if not re.fullmatch(r"[\W\d]+", p) and len(p) <= 80]


_SEP_RE = re.compile(r"\s(?:—|–|-|\||·|@|at)\s|,\s")


def _unwrap(lines: list[str]) -> list[str]:
    """Re-join 'Title — Company' lines that a narrow column wrapped ('Title — Crown &' / 'Anchor Media')."""
    out: list[str] = []
    for line in lines:
        if (
            out
            and _SEP_RE.search(out[-1])
            and not _SEP_RE.search(line)
            and len(line.split()) <= 3
            and not _title_strength(line)
        ):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


_TITLE_LABEL_RE = re.compile(
    r"^(?:role|title|job title|position|poste|stelle|cargo|puesto|funktion)\s*[:\-]?\s+(.+)$", re.IGNORECASE
)
_COMPANY_LABEL_RE = re.compile(
    r"^(?:company|employer|organi[sz]ation|firma|unternehmen|arbeitgeber|entreprise|société|empresa|client)\s*[:\-]?\s+(.+)$",
    re.IGNORECASE,
)


def _tidy_company(company: str | None) -> str | None:
    if company:
        # "Acme (London)" / "Acme (remote": the parenthesis is a place or a note, not the name.
        company = re.sub(r"\s*\([^)]*\)?\s*$", "", company).strip(" ,")
    return company or None


def _pick_title_company(pieces: list[str]) -> tuple[str | None, str | None]:
    labelled_title = next((m.group(1) for p in pieces if (m := _TITLE_LABEL_RE.match(p))), None)
    labelled_company = next((m.group(1) for p in pieces if (m := _COMPANY_LABEL_RE.match(p))), None)
    if labelled_title or labelled_company:
        rest = [p for p in pieces if not _TITLE_LABEL_RE.match(p) and not _COMPANY_LABEL_RE.match(p)]
        title, company = _pick_title_company_unlabelled(rest) if rest else (None, None)
        return labelled_title or title, _tidy_company(labelled_company or company)
    title, company = _pick_title_company_unlabelled(pieces)
    return title, _tidy_company(company)


def _pick_title_company_unlabelled(pieces: list[str]) -> tuple[str | None, str | None]:
    if not pieces:
        return None, None
    scored = [(p, _title_strength(p), _company_strength(p)) for p in pieces]
    titled = [s for s in scored if s[1] > s[2]]
    title = max(titled, key=lambda s: s[1] - s[2])[0] if titled else None
    rest = [s for s in scored if s[0] != title]
    if not rest:
        return title, None
    company = max(rest, key=lambda s: (s[2] - s[1], -rest.index(s)))[0]
    if title is None and len(rest) >= 2:
        title = next(s[0] for s in rest if s[0] != company)
    return title, company


def _year_month(token: str, *, end: bool) -> tuple[int, int] | None:
    token = token.strip().lower()
    if re.fullmatch(PRESENT_WORDS, token):
        today = _dt.date.today()
        return today.year, today.month
    m = re.search(r"(\d{4})[-/.](\d{1,2})$", token) or None
    if m:
        return int(m.group(1)), max(1, min(12, int(m.group(2))))
    m = re.search(r"(\d{1,2})[/.](\d{4})", token)
    if m:
        return int(m.group(2)), max(1, min(12, int(m.group(1))))
    m = re.search(r"(\d{4})", token)
    if not m:
        return None
    year = int(m.group(1))
    month_word = re.match(r"[^\W\d_]+", token)
    if month_word:
        for i, names in enumerate(_MONTH_INDEX):
            if month_word.group(0)[:3] in names:
                return year, i + 1
    return year, 12 if end else 1


_MONTH_INDEX = [
    {"jan", "jän", "ene"},
    {"feb", "fév", "fev"},
    {"mar", "mär"},
    {"apr", "avr", "abr"},
    {"may", "mai"},
    {"jun", "jui" if False else "jun"},
    {"jul", "jui"},
    {"aug", "aoû", "aou", "ago"},
    {"sep", "set"},
    {"oct", "okt", "out"},
    {"nov"},
    {"dec", "déc", "dez", "dic"},
]


def _ranges(lines: list[str]) -> list[tuple[int, tuple[int, int], tuple[int, int], bool]]:
    out = []
    for i, line in enumerate(lines):
        for m in DATE_RANGE_RE.finditer(line):
            start_tok, end_tok = (m.group(1), "present") if m.group(1) else (m.group(2), m.group(3))
            start = _year_month(start_tok, end=False)
            end = _year_month(end_tok, end=True)
            is_present = bool(re.fullmatch(PRESENT_WORDS, end_tok.strip().lower()))
            if start and end and start <= end and start[0] > 1950:
                out.append((i, start, end, is_present))
    return out


def find_experience(
    sections: dict[str, list[str]], lines: list[str]
) -> tuple[str | None, str | None, float | None]:
    section = sections.get("experience") or []
    ranges = _ranges(section)
    if not ranges and not section:
        section = lines
        ranges = _ranges(section)
    title = company = None
    if ranges:
        current = next((r for r in ranges if r[3]), ranges[0])
        idx = ranges.index(current)
        prev_limit = ranges[idx - 1][0] + 1 if idx else 0
        title, company = _pick_title_company(_entry_pieces(section, current[0], prev_limit))
    years = _years_from_ranges(ranges)
    return title, company, years


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


def parse_resume(text: str, source_file: str = "") -> Profile:
    lines = _clean(text)
    sections, first_heading = _sections(lines)
    flat = "\n".join(lines)
    email = find_email(flat)
    location = find_location(lines, first_heading)
    phone = find_phone(lines, region_hint(location, email, flat))
    title, company, years = find_experience(sections, lines)
    stated = find_stated_years(flat)
    return Profile(
        name=find_name(lines, first_heading, email),
        email=email,
        phone=phone,
        location=location,
        links=find_links(flat),
        current_title=title,
        current_company=company,
        years_experience=stated if stated is not None else years,
        skills=find_skills(sections.get("skills", [])),
        education=find_education(sections.get("education", [])),
        source_file=source_file,
    )


def profile_quality(p: Profile) -> int:
    """How complete a parse looks; used to pick between text extraction modes."""
    return sum(2 if v else 0 for v in (p.name, p.email, p.phone)) + sum(
        1 for v in (p.current_title, p.current_company, p.location) if v
    )
