"""One line of a job entry -> its pieces ("Title", "Company", a place dropped), and the tests that
tell a sentence about the work from a title or an employer."""

from __future__ import annotations

import re

from .lexicon import ACTION_VERBS, COMPANY_SUFFIXES, LEGAL_FORMS
from .places import place_like
from .text import BULLET_RE, _company_strength, _title_strength, _words

# An icon font's bullet that the text layer maps to a plain letter ("f<TAB>Cut month-end close…"):
# one letter alone before a column gap at a line's start is a marker, not a word.
_ICON_LETTER_RE = re.compile(r"^[^\W\d_]\t")


def _is_body_line(line: str) -> bool:
    if line[1:2] == "\t":
        line = _ICON_LETTER_RE.sub("• ", line)
    if (
        BULLET_RE.match(line)
        or _longest_cell_words(line) > 10
        or starts_with_verb(line)
        or _sentence_shape(line)
    ):
        return True
    # A sentence ends in a plain word and a full stop; "Wisła Software sp. z o.o." or
    # "Acme Co." end in an abbreviation.
    last = line.split()[-1] if line.split() else ""
    if _ends_org(last):
        return False  # "Data Engineer — Pampa Dados Ltda.": a legal form's full stop
    if _capitalised_fields(line):
        return False  # "Analyst, Brackwater Mills, Tullow.": an entry's head set as a sentence
    return bool(re.fullmatch(r"[^\W\d_]{4,}[.!]", last)) and (len(line.split()) > 4 or last[0].islower())


def _longest_cell_words(line: str) -> int:
    """The words of the line's longest cell: a column gap (TAB) parts fields a sentence never spans
    ("Monitoring and Evaluation Officer — Coldharbour Freight Ltd<TAB>Port Glaud" is no sentence for
    having twelve words), and a lone dash or bar between fields is no word."""
    return max(sum(1 for w in cell.split() if any(ch.isalnum() for ch in w)) for cell in line.split("\t"))


def _capitalised_fields(line: str) -> bool:
    """ "Title, Employer, City.": three or more short parts between commas, each opening with a word
    that holds a capital ("iOS"). A sentence about the work has a lower-case word after its commas ("Cut costs, hired
    two, and ...")."""
    parts = line.split(", ")
    return len(parts) >= 3 and all(
        p[:1].isalpha() and not p.split()[0].islower() and len(p.split()) <= 6 for p in parts
    )


# "d.d.", "a. s.", "S.A.", "s.r.o.": letters with full stops closing a name, the way legal forms
# are abbreviated in most countries, whether or not a list knows this one.
DOTTED_FORM_RE = re.compile(r"(?:^|\s)(?:[^\W\d_]{1,3}\.\s?){2,}$")


_RUN_ON_SENTENCE_RE = re.compile(r"(?<![^\W\d_])[a-zà-ÿ]{3,}[.!?]\s+[A-Z][a-zà-ÿ]")


def _sentence_shape(line: str) -> bool:
    """ "Enfermeira no serviço de cuidados intensivos (12 camas).", "Koordynacja zespołu 12 osób;
    budżety do 3 mln zł.": a count with its unit, or several lower-case words and a closing full
    stop, is a sentence about the work, never a title or a company."""
    words = line.split()
    if len(words) < 4:
        return False
    if re.search(r"(?<![\w.])\d[\d.,]*\s+[a-zà-ÿł-ź]{2,}", line) and sum(w[:1].islower() for w in words) >= 2:
        return True
    last = words[-1]
    lower = sum(1 for w in words[1:] if w[:1].islower())
    if words[0].isalpha() and words[0].islower() and lower >= 3 and _RUN_ON_SENTENCE_RE.search(line):
        # "experience in fintech. Known for calm": a paragraph's line cut from its start, one
        # sentence ending and the next beginning inside it; a name never opens lower case so.
        return True
    if len(words) <= 6 and "." in last and DOTTED_FORM_RE.search(line.strip()):
        return False  # "Ostrovan s. r. o.": a legal form's full stops, not a sentence's
    if len(words) <= 8 and last[:1].isupper() and _ends_org(last):
        # "Ingeniera de suelos at Veltmark Inc.": the legal form's full stop ends an entry's head.
        return False
    return bool(re.search(r"[a-zà-ÿł-ź]\)?[.!]$", last)) and "." not in last[:-1] and lower >= 3


def starts_with_verb(line: str) -> bool:
    """ "Prepare monthly management accounts", "Exceeded quota by 32%": a sentence about the work
    (a verb, then lower case), never a company or a title."""
    words = BULLET_RE.sub("", line).split()
    if len(words) < 3 or not words[0][:1].isupper() or not words[1][:1].islower():
        return False
    first = words[0].lower().strip(",.:")
    if len(words) <= 5 and _title_strength(" ".join(words)) >= 2:
        return False  # "Support engineer, payments", "Lead developer at Acme"
    return first in ACTION_VERBS or (len(first) > 4 and first.endswith("ed") and words[0][1:].islower())


def _named_before_region(head: str, rest: str) -> bool:
    """ "Brindlecote Catering, Westmarch": read as a city and its region only because the part after
    the comma names a region. Under a job's title, a first part that no list knows as a place is
    the employer, and the region the place it works in."""
    # A state's or province's code after one word ("Denver, CO") is the usual way to write a city.
    return bool(rest) and "," not in rest and not rest.isupper() and not place_like(head)


_PAREN_TAIL_RE = re.compile(r"(.+?)\s*\(([^()]{3,80})\)")


def _split_pieces(fragment: str) -> list[str]:
    if "\t" in fragment:  # a column gap: never one value
        return [p for cell in fragment.split("\t") for p in _split_pieces(cell)]
    fragment = fragment.strip(" ,|·–—-:")
    head, _, rest = fragment.partition(", ")
    if rest.count(",") == 1 and place_like(rest) and not place_like(head):
        fragment = head  # "Summit Peak Medical, Denver, CO": in a job entry, the employer and its place
    if not fragment or place_like(fragment) and not _named_before_region(head, rest):
        return []
    m = _PAREN_TAIL_RE.fullmatch(fragment) if fragment.endswith(")") else None
    if m and _company_strength(m.group(2)) + (2 if DOTTED_FORM_RE.search(m.group(2)) else 0) >= 2:
        # "Data Analyst (Quillfeather Analytics Ltd)": an employer its legal form shows, in brackets
        # after the title; not a note ("(contract)") or a place ("(Leeds)").
        return [*_split_pieces(m.group(1)), m.group(2).strip()]
    m = re.match(r"^(.+?)\s+(?:at|@|chez|bei|bij|hos|en|na|em|w|på|presso)\s+(.+)$", fragment)
    if m and _title_strength(m.group(1)) and _employer_like(m.group(2)):
        # "Mechanical Engineer at Straits Marine Engineering Pte Ltd"; "Ingeniera en Brakevik, Tarrago":
        # a short part after the employer's comma is its place, as after "Title, Employer, City".
        return [m.group(1), _drop_place_tail(m.group(2))]
    fragment = _drop_units(fragment)
    parts = _with_specialties(re.split(r"(\s+(?:—|–|--?|\||·|•|@)\s+|\s*\|\s*)", fragment))
    out: list[str] = []
    for part in parts:
        if ", " in part:
            left, right = part.split(", ", 1)
            lt, rt = _title_strength(left), _title_strength(right)
            if lt and _is_specialty(right):
                out.append(part)  # "Nurse Manager, Cardiac ICU": one title; the employer is elsewhere
            elif not lt and not rt and _company_strength(_drop_place_tail(right)) > _company_strength(left):
                # "Sviluppatrice software, Stellaris S.r.l., Lecce": a title no list knows, then an
                # employer its legal form shows; the title is what stands before the employer.
                out += [left, _drop_place_tail(right)]
            elif _ends_org(left) and not rt:
                out.append(left if place_like(right) or not _company_strength(right) else part)
            elif lt and not rt or lt and _ends_org(right) and not _ends_org(left):
                out += [
                    left,
                    _drop_place_tail(right),
                ]  # "Title, Company(, City)", "Systemutvecklare, Data AB"
            elif not lt and not rt and not _company_strength(right):
                out.append(left)  # "Company, City": the city is not wanted here
            elif rt and not lt:
                out += [left, right]
            else:
                out.append(part)
        else:
            out += _split_after_legal(part)
    return [q for p in out if (q := _strip_piece(p))]


def _strip_piece(piece: str) -> str:
    """Separators and stray brackets off a piece's ends; a bracket it closes stays ("Senior Staff
    Nurse (Band 6)")."""
    piece = piece.strip(" ,|·–—-:(")
    while piece.endswith(")") and piece.count(")") > piece.count("("):
        piece = piece[:-1].rstrip(" ,|·–—-:(")
    return piece.lstrip(")").strip(" ,|·–—-:")


# Where in an organisation, said after a title: "Staff Nurse – ICU", "Registered Nurse — Emergency
# Department", "CDL-A Truck Driver — Regional". Part of the title, never the employer.
_SPECIALTY_RE = re.compile(
    r"\b(?:icu|nicu|picu|ccu|department|dept|unit|ward|emergency|intensive care|surgery|surgical|"
    r"pa?ediatrics|oncology|cardiology|cardiac|maternity|logistics|regional|long[- ]haul|night shift)\b",
    re.IGNORECASE,
)


def _is_specialty(text: str) -> bool:
    return (
        len(text.split()) <= 4
        and not _company_strength(text)
        and not _ends_org(text)
        and bool(_SPECIALTY_RE.search(text))
    )


def _with_specialties(split: list[str]) -> list[str]:
    """Pieces of a line split at its separators (re.split with the separators captured), with a
    specialty joined back onto the title before it, separator and all."""
    pieces, seps = split[0::2], split[1::2]
    out: list[str] = []
    for i, piece in enumerate(pieces):
        if out and piece.strip() and _is_specialty(piece) and _title_strength(out[-1]):
            out[-1] = f"{out[-1]}{seps[i - 1]}{piece}"
        elif piece.strip():
            out.append(piece)
    return out


def _split_after_legal(part: str) -> list[str]:
    """ "Infosphere Technologies Pvt. Ltd. Technical Lead": a table row whose column gap was lost;
    the company ends at its legal form and a title follows."""
    words = part.split()
    for i in range(len(words) - 2, 0, -1):
        if words[i].lower() in LEGAL_FORMS or words[i].lower().rstrip(".,") in LEGAL_FORMS:
            head, tail = " ".join(words[: i + 1]), " ".join(words[i + 1 :])
            if _title_strength(tail) >= 2 and not _company_strength(tail) and tail[:1].isupper():
                return [head, tail]
            break
    return [part]


def _drop_place_tail(company: str) -> str:
    # "Biuro Rachunkowe Odra, Wrocław" after a title: a short capitalised last part is the place.
    head, sep, tail = company.rpartition(", ")
    short = sep and len(tail.split()) <= 2 and tail[:1].isupper() and not re.search(r"\d", tail)
    if short and not _ends_org(tail) and not _title_strength(tail) and not _company_strength(tail):
        return head
    return company


def _ends_org(text: str) -> bool:
    words = _words(text)
    return bool(words) and (words[-1] in COMPANY_SUFFIXES or words[-1].rstrip(".") in COMPANY_SUFFIXES)


def _employer_like(text: str) -> bool:
    """After "Title at": an employer, even one whose name holds a title word ("... Engineering Pte Ltd").
    A name starts with a capital (or a digit): "Conseiller en sécurité" is one title, not a
    counsellor at "sécurité"."""
    if not text[:1].isupper() and not text[:1].isdigit():
        return False
    return not _title_strength(text) or _ends_org(text) and _company_strength(text) >= 2


# An academic unit in front of its institution ("Department of Chemical Engineering, X University").
_UNIT_RE = re.compile(
    r"^(?:department|dept\.?|division|faculty|school|centre|center|laboratory|lab|chair|section|unit)\s+(?:of|for)\s",
    re.IGNORECASE,
)


def _drop_units(fragment: str) -> str:
    parts = fragment.split(", ")
    if len(parts) < 2 or not any(_UNIT_RE.match(p) for p in parts):
        return fragment
    kept = [
        p
        for i, p in enumerate(parts)
        if not (_UNIT_RE.match(p) and any(_ends_org(q) for q in parts[i + 1 :]))
    ]
    return ", ".join(kept)
