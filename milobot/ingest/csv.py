"""Candidate lists exported from ATSs and spreadsheets: decode, sniff, map headers, one Profile per row.

Cells are kept exactly as text. Nothing here evaluates anything; formula-looking cells are
made harmless only when written back out (see csvsafe.py).
"""

from __future__ import annotations

import csv as _csv
import io
import re

from rapidfuzz import fuzz, process

from .parse import EMAIL_RE, URL_RE, _pick_title_company, _split_pieces, normalize_phone, region_hint
from .types import FileResult, Limits, Profile

# Canonical field -> header spellings seen in Greenhouse, Lever, Workable, Ashby and hand-made sheets.
HEADER_SYNONYMS: dict[str, list[str]] = {
    "first_name": [
        "first name",
        "firstname",
        "given name",
        "forename",
        "vorname",
        "prénom",
        "prenom",
        "nombre",
    ],
    "last_name": [
        "last name",
        "lastname",
        "surname",
        "family name",
        "nachname",
        "nom de famille",
        "apellido",
        "apellidos",
    ],
    "name": [
        "name",
        "candidate name",
        "full name",
        "candidate",
        "contact name",
        "applicant name",
        "applicant",
        "nom",
        "nome",
    ],
    "email": [
        "email",
        "email address",
        "e-mail",
        "e-mail address",
        "contact email(s)",
        "contact email",
        "emails",
        "candidate email",
        "personal email",
        "mail",
        "e-mail-adresse",
        "courriel",
    ],
    "phone": [
        "phone",
        "phone number",
        "phone numbers",
        "contact phone(s)",
        "contact phone",
        "mobile",
        "mobile phone",
        "cell",
        "telephone",
        "tel",
        "telefon",
        "téléphone",
        "telefone",
        "teléfono",
        "candidate phone",
    ],
    "location": [
        "location",
        "address",
        "city",
        "current location",
        "candidate location",
        "ort",
        "wohnort",
        "adresse",
        "ciudad",
        "localização",
    ],
    "country": ["country", "land", "pays", "país"],
    "linkedin": ["linkedin", "linkedin profile", "linkedin url", "linkedin profile url", "linkedin link"],
    "github": ["github", "github url", "github profile"],
    "website": ["website", "portfolio", "portfolio url", "personal website", "url", "website url"],
    "links": ["links", "social links", "urls", "profile urls"],
    "current_company": [
        "current company",
        "company",
        "employer",
        "current employer",
        "organisation",
        "organization",
        "firma",
        "unternehmen",
        "entreprise",
    ],
    "current_title": [
        "current title",
        "title",
        "job title",
        "current job title",
        "position",
        "role",
        "current position",
        "current role",
        "occupation",
        "berufsbezeichnung",
        "poste",
    ],
    "headline": ["headline", "summary headline", "tagline"],
    "years_experience": [
        "years of experience",
        "years experience",
        "experience (years)",
        "yoe",
        "total experience",
    ],
    "skills": ["skills", "tags", "keywords", "competencies"],
    "education": ["education", "school", "university", "degree"],
}
_CHOICES = {syn: field for field, syns in HEADER_SYNONYMS.items() for syn in syns}
# Columns that name an ATS object rather than the candidate; must not fuzz-match "title" etc.
_IGNORED = {
    "job",
    "job title applied for",
    "job name",
    "posting",
    "requisition",
    "stage",
    "current stage",
    "application stage",
    "source",
    "origin",
    "recruiter",
    "coordinator",
    "notes",
    "created at",
    "application date",
    "applied at",
    "candidate id",
    "id",
    "status",
    "rejection reason",
    "owner",
}


def decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    sample = data[:4096]
    if sample and sample.count(b"\x00") > len(sample) // 4:
        # UTF-16 without BOM (Excel "Unicode text"): the NULs sit on the high bytes.
        return data.decode(
            "utf-16-le" if sample[1::2].count(0) > sample[0::2].count(0) else "utf-16-be", errors="replace"
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    high = bytes(b for b in sample if b >= 0x80)
    try:
        text = data.decode("cp1252")
        # Western Excel exports: accented letters (0xC0-0xFF) and smart punctuation dominate.
        if sum(1 for b in high if b >= 0xC0 or b in b"\x80\x91\x92\x93\x94\x96\x97") >= len(high) * 0.8:
            return text
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is not None:
        return str(best) if len(data) <= 200_000 else data.decode(best.encoding, errors="replace")
    return data.decode("latin-1")


def sniff_delimiter(text: str) -> str:
    sample = text[:20_000]
    best, best_score = ",", -1.0
    for delim in (",", ";", "\t", "|"):
        try:
            rows = list(_take(_csv.reader(io.StringIO(sample), delimiter=delim), 20))
        except _csv.Error:
            continue
        if not rows or len(rows[0]) < 2:
            continue
        width = len(rows[0])
        consistent = sum(1 for r in rows[1:] if len(r) == width or not any(r)) / max(1, len(rows) - 1)
        score = width * (0.5 + consistent)
        if score > best_score:
            best, best_score = delim, score
    return best


def _take(it, n):
    for i, row in enumerate(it):
        if i >= n:
            break
        yield row


def map_headers(header: list[str]) -> dict[int, str]:
    mapping: dict[int, str] = {}
    taken: set[str] = set()
    for i, raw in enumerate(header):
        key = re.sub(r"\s+", " ", raw.strip().strip("\"'").lower().replace("_", " "))
        if not key or key in _IGNORED:
            continue
        field = _CHOICES.get(key)
        if field is None:
            match = process.extractOne(key, list(_CHOICES), scorer=fuzz.ratio, score_cutoff=85)
            field = _CHOICES[match[0]] if match else None
        if field and field not in taken:
            mapping[i] = field
            taken.add(field)
    return mapping


def _find_header(rows: list[list[str]]) -> tuple[int, dict[int, str]]:
    # Some exports put a title row or blank lines above the real header.
    for idx, row in enumerate(rows[:10]):
        mapping = map_headers(row)
        fields = set(mapping.values())
        if fields & {"email", "name", "first_name", "phone"} and len(fields) >= 2:
            return idx, mapping
    return -1, {}


def extract_csv(filename: str, data: bytes, limits: Limits) -> FileResult:
    text = decode(data)
    if not text.strip():
        return FileResult(filename, "empty", "This CSV file is empty.")
    delim = sniff_delimiter(text)
    try:
        reader = _csv.reader(io.StringIO(text, newline=""), delimiter=delim)
        rows = list(_take(reader, limits.max_csv_rows + 12))
    except _csv.Error as exc:
        return FileResult(filename, "corrupt", f"This CSV file can't be parsed ({exc}).")
    header_idx, mapping = _find_header(rows)
    if header_idx < 0:
        return FileResult(
            filename,
            "no_profiles",
            "We couldn't find a header row with a Name, E-mail or Phone column in this CSV.",
        )
    body = rows[header_idx + 1 :]
    truncated = len(body) > limits.max_csv_rows
    profiles = []
    for row in body[: limits.max_csv_rows]:
        if not any(cell.strip() for cell in row):
            continue
        profile = _row_profile(row, mapping, filename)
        if not profile.is_empty():
            profiles.append(profile)
    if not profiles:
        return FileResult(filename, "no_profiles", "This CSV has a header but no candidate rows.")
    missing = [f for f in ("email", "phone") if f not in mapping.values()]
    reason = f"Extracted {len(profiles)} candidate{'s' if len(profiles) != 1 else ''}."
    if missing:
        reason += f" The file has no {' or '.join(m.replace('_', ' ') for m in missing)} column."
    if truncated:
        reason += f" Only the first {limits.max_csv_rows} rows were read."
    return FileResult(filename, "ok", reason, profiles)


def _row_profile(row: list[str], mapping: dict[int, str], filename: str) -> Profile:
    cells: dict[str, str] = {}
    for i, field in mapping.items():
        value = row[i].strip() if i < len(row) else ""  # short rows: missing columns are just empty
        if value:
            cells[field] = value
    name = (
        cells.get("name")
        or " ".join(x for x in (cells.get("first_name"), cells.get("last_name")) if x)
        or None
    )
    email_match = EMAIL_RE.search(cells.get("email", ""))
    email = email_match.group(0).lower() if email_match else None
    location = ", ".join(x for x in (cells.get("location"), cells.get("country")) if x) or None
    phone = (
        normalize_phone(cells.get("phone", ""), region_hint(location, email, ""))
        if cells.get("phone")
        else None
    )
    links: list[str] = []
    for field in ("linkedin", "github", "website", "links"):
        for m in URL_RE.finditer(cells.get(field, "")):
            url = m.group(0)
            links.append(url if url.lower().startswith("http") else "https://" + url)
    title, company = cells.get("current_title"), cells.get("current_company")
    if cells.get("headline") and not (title and company):
        h_title, h_company = _pick_title_company(_split_pieces(cells["headline"]))
        title, company = title or h_title, company or (h_company if h_title else None)
    years = None
    if cells.get("years_experience"):
        m = re.search(r"\d+(?:[.,]\d+)?", cells["years_experience"])
        years = float(m.group(0).replace(",", ".")) if m else None
    return Profile(
        name=name,
        email=email,
        phone=phone,
        location=location,
        links=list(dict.fromkeys(links)),
        current_title=title,
        current_company=company,
        years_experience=years,
        skills=[s.strip() for s in re.split(r"[,;|]", cells.get("skills", "")) if s.strip()][:60],
        education=[cells["education"]] if cells.get("education") else [],
        source_file=filename,
    )
