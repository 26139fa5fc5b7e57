"""Form-style resumes: Europass, key/value tables, "Label: value" lines.

A label glued in front of its value ("Occupation or position held Backend Developer",
"Name<TAB>WATANABE Kenji") is rewritten into one canonical "Key: value" spelling the rest of
the parser understands, or dropped when it only names something we don't extract.
"""

from __future__ import annotations

import re

# canonical key (None: drop the label, keep the value) -> label spellings (lower case)
LABELS: dict[str | None, tuple[str, ...]] = {
    "Name": (
        "name",
        "full name",
        "candidate name",
        "personal information",
        "personal details",
        "personal data",
        "surname(s) / first name(s)",
        "first name(s) / surname(s)",
        "surname / first name",
        "first name / surname",
        "nom",
        "nom et prénom",
        "nombre",
        "nombre y apellidos",
        "nome",
        "naam",
        "imię i nazwisko",
        "氏名",
    ),
    "Title": (
        "occupation or position held",
        "position held",
        "position",
        "job title",
        "title",
        "role",
        "designation",
        "occupation",
        "current position",
        "current role",
        "current title",
        "berufsbezeichnung",
        "funktion",
        "poste",
        "cargo",
        "puesto",
        "stanowisko",
    ),
    "Company": (
        "name and address of employer",
        "name of employer",
        "employer",
        "company",
        "company name",
        "current company",
        "current employer",
        "organisation",
        "organization",
        "arbeitgeber",
        "unternehmen",
        "firma",
        "entreprise",
        "employeur",
        "empresa",
        "pracodawca",
    ),
    "Location": (
        "address",
        "location",
        "current location",
        "city",
        "residence",
        "wohnort",
        "anschrift",
        "adresse",
        "place of residence",
        "ubicación",
        "dirección",
        "ciudad",
        "localidad",
        "domicilio",
        "endereço",
        "cidade",
        "localização",
        "indirizzo",
        "woonplaats",
    ),
    None: (
        "dates",
        "date",
        "period",
        "duration",
        "from - to",
        "from – to",
        "zeitraum",
        "période",
        "periodo",
        "período",
        "okres",
        "main activities and responsibilities",
        "type of business or sector",
    ),
}
_CANON = {phrase: key for key, phrases in LABELS.items() for phrase in phrases}
_ALT = "|".join(re.escape(p) for p in sorted(_CANON, key=len, reverse=True))
# A label, then: a colon, a TAB (a table cell or a column gap), or, for labels of three or
# more words (unambiguous Europass wording), plain space.
_LABEL_RE = re.compile(rf"^({_ALT})\s*[:：\t]\s*(\S.*)$", re.IGNORECASE)
_LONG_LABELS = {p for p in _CANON if len(p.split()) >= 3 or p == "personal information"}


_SPACED_LABEL_RE = re.compile(rf"^({_ALT})\s+(\S.*)$", re.IGNORECASE)


def normalise_label(line: str) -> str:
    m = _LABEL_RE.match(line)
    if not m:
        m2 = _SPACED_LABEL_RE.match(line)
        if not m2 or m2.group(1).lower() not in _LONG_LABELS:
            return line
        m = m2
    label, value = m.group(1).lower(), m.group(2).strip()
    if label not in _CANON:
        return line
    key = _CANON[label]
    if key is None:
        return value
    return f"{key}: {value}"


_FIELD_WORDS = {
    "e-mail",
    "email",
    "mail",
    "mobile",
    "phone",
    "telephone",
    "tel",
    "date of birth",
    "nationality",
    "linkedin",
    "website",
    "github",
    "teléfono",
    "telefono",
    "móvil",
    "celular",
    "correo",
    "correo electrónico",
    "téléphone",
    "tél",
    "portable",
    "courriel",
    "telefon",
    "handy",
    "telefone",
    "nacionalidad",
    "nationalité",
    "staatsangehörigkeit",
    "fecha de nacimiento",
    "date de naissance",
    "geburtsdatum",
}


def is_label(text: str) -> bool:
    """A table cell that names a field ("Name", "E-mail:", "Position") rather than holding one."""
    key = text.strip().rstrip(":：").strip().lower()
    return bool(key) and (
        key in _CANON or key in _FIELD_WORDS or (text.strip().endswith(":") and len(key) < 30)
    )


# Contact-field labels that forms and sidebars set on a line of their own, the value below.
_FIELD_LINE_LABELS = {
    *[
        "phone",
        "telephone",
        "tel",
        "tél",
        "téléphone",
        "teléfono",
        "telefono",
        "telefon",
        "telefone",
        "mobile",
        "mobil",
        "móvil",
        "movil",
        "cell",
        "handy",
        "portable",
        "celular",
        "whatsapp",
        "email",
        "e-mail",
        "mail",
        "correo",
        "courriel",
        "address",
        "adresse",
        "anschrift",
        "dirección",
        "direccion",
        "endereço",
        "indirizzo",
        "adres",
        "location",
        "ubicación",
        "ubicacion",
        "localización",
        "localização",
        "localidad",
        "wohnort",
        "city",
        "ciudad",
        "ville",
        "residence",
        "domicile",
        "name",
        "nom",
        "nombre",
        "nome",
        "naam",
    ],
    "correo electrónico",
    "correo electronico",
    "adresse e-mail",
    "current location",
    "present address",
    "permanent address",
    "home address",
    "mobile number",
    "phone number",
    "contact number",
    "email address",
    "e-mail address",
}


def _bare_label(line: str) -> str | None:
    key = line.strip().rstrip(":：").strip().lower().rstrip(".")
    return key if key in _FIELD_LINE_LABELS else None


def join_split_lines(lines: list[str]) -> list[str]:
    """Put back together what a form or a narrow column split over lines:
    "Phone" / "+27 11 555 0142" -> "Phone<TAB>+27 11 555 0142"; "Gender" / ":" / "Male" -> "Gender: Male";
    a bullet glyph alone on its line -> the bullet in front of the text that follows."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if nxt is not None and line in {"•", "●", "▪", "■", "◦", "‣", "∙", "·", "-", "–"}:
            out.append(f"• {nxt}")
            i += 2
            continue
        if nxt == ":" and i + 2 < len(lines) and len(line) < 40:
            out.append(f"{line}: {lines[i + 2]}")
            i += 3
            continue
        if nxt is not None and _bare_label(line) and not _bare_label(nxt) and len(nxt) < 120:
            out.append(f"{line.rstrip(':： ')}\t{nxt}")
            i += 2
            continue
        out.append(line)
        i += 1
    return out
