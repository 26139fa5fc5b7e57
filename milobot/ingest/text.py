"""Resume text -> Profile. Heuristics only: no model, no network, no knowledge of any particular file.

The input is whatever a text layer gives us (pypdf, python-docx): reading order is roughly
right but columns may interleave, headings may be upper-cased by CSS and lines may wrap
anywhere. Every function here therefore prefers cheap, local evidence (a label, a date
range, a known heading) over global structure.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from .labels import join_split_lines, normalise_label
from .lexicon import (
    HEADING_OF,
    MONTH_WORDS,
    PRESENT_WORDS,
    TITLE_WORDS,
)
from .strength import _company_strength, _fold, _title_strength, _title_word, _words, lower_key  # noqa: F401

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
    r"\b(?:phone|tel|tél|telephone|téléphone|telefon|telefone|teléfono|telefono|tfno|mobile|mobil|móvil|movil|cell|cel|portable|handy|celular|whatsapp|t|m|p)\b\.?:?",
    re.IGNORECASE,
)
_MONTH = rf"(?:{MONTH_WORDS})\.?"
# "2020-03-15" (ISO, as JSON Resume themes print it), "Mar 2020", "2020-Mar" (year first, a month word
# after it), "03/2020", "15/03/2020" (Europass), "2020-03", "2020", "Mar ’20" (a month word and the
# year's last two digits after an apostrophe).
_DATE = rf"(?:{_MONTH}\s*['’‘]\d{{2}}(?!\d)|(?:19|20)\d{{2}}-\d{{2}}-\d{{2}}|(?:19|20)\d{{2}}[-/ ]{_MONTH}(?![^\W\d_])|{_MONTH},?\s+\d{{4}}|\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{4}}|\d{{1,2}}[/.]\d{{4}}|\d{{4}}[-/.]\d{{1,2}}|(?:19|20)\d{{2}})"
# "to date", "till date" and friends: said instead of "present" in India, the UK and Ireland.
PRESENT_RE = rf"(?:till|to|until|up to|upto)\s+(?:date|now|today)|{PRESENT_WORDS}"
# "03/21" (a two-digit month, a slash, the year's last two digits): only inside a range, where the
# dash and the other end say it is a date and not a score or a fraction.
_SHORT_NUMERIC = r"(?<![\d/.])(?:0[1-9]|1[0-2])/\d{2}(?![\d/.])"
_RANGE_DATE = rf"(?:{_DATE}|{_SHORT_NUMERIC})"
_END = rf"(?:{_RANGE_DATE}|{PRESENT_RE}|(?<=\bto\s)date|(?<=\btill\s)date)"
_DATE_RANGE_RE = re.compile(
    rf"(?<![\w/])(?:(?:since|seit|depuis|desde|from|od|vanaf|sinds|dal|dall'|a partir de)\s+({_DATE})(?!\s*(?:-|–|—|−|to|until)\s*(?:\d|{PRESENT_RE}|{_MONTH}\b))"
    rf"|({_RANGE_DATE})\s*(?:-{{1,2}}|‐|–|—|−|‒|~|→|to|bis|à|a|até|till|until|through|thru)\s*({_END})"
    # An open range ("2022– Postdoctoral Researcher", "2021 - ", "2021-06 –" at a line's end): the
    # academic way to say "present", and a theme's when an entry has no end date.
    rf"|((?:\d{{1,2}}[/.]|{_MONTH}\s+)?(?:19|20)\d{{2}}(?:-\d{{2}}(?:-\d{{2}})?(?=\s))?)(?:(?:–|—|-)(?=\s*$|\t|\s+[^\W\d_]|\s*[·|•,(])|\s(?:–|—|-)(?=\s*$|\t)))(?![\w/])",
    re.IGNORECASE,
)
_FOUR_DIGITS_RE = re.compile(r"\d{4}")
# a year, its last two digits after an apostrophe, or a numeric month/year ("03/21")
_YEAR_RE = re.compile(r"\d{4}|['’‘]\d\d|\d/\d\d")


class _YearGated:
    """A pattern every match of which holds four digits in a row (a year). Most résumé lines hold
    none, and ruling one out with the full date-range pattern (months in a dozen languages, three
    forms) cost a third of parsing; a four-digit scan rules it out first."""

    def __init__(self, pattern: re.Pattern):
        self.pattern = pattern

    def search(self, text: str, *args):
        return self.pattern.search(text, *args) if _YEAR_RE.search(text) else None

    def finditer(self, text: str, *args):
        return self.pattern.finditer(text, *args) if _YEAR_RE.search(text) else iter(())


DATE_RANGE_RE = _YearGated(_DATE_RANGE_RE)


@functools.lru_cache(maxsize=8192)
def is_present(token: str) -> bool:
    token = re.sub(r"\s+", " ", token.strip())
    return token.lower() == "date" or bool(re.fullmatch(PRESENT_RE, token, re.IGNORECASE))


YEARS_RE = re.compile(
    r"(\d{1,2}(?:[.,]\d)?)\s*\+?\s*(?:years?|yrs?|jahre[n]?|ans|años|anos|jaar|lat)\b[^.\n]{0,40}?"
    r"(?:experience|erfahrung|berufserfahrung|expérience|experiencia|experiência|ervaring|doświadczenia)",
    re.IGNORECASE,
)
BULLET_RE = re.compile(r"^[•●▪■◦‣∙*·\-–►➢➤✓✔○]\s*")
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
    "los",
    "las",
    "des",
    "dei",
    "degli",
    "ibn",
    "abu",
    "bint",
    "binte",
    "bte",
    "ap",
    "a/l",
    "a/p",
    "s/o",
    "d/o",
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
SEPARATORS_RE = re.compile(r"\s*(?:\||·|•|●|◆|♦|▪|✉|☎|📞|📧|\u2022|\s{3,}|\t)\s*")


_SPACES_RE = re.compile(r"[ \u00a0\u2009\u202f]+")
_TAB_RE = re.compile(r" *\t[\t ]*")


def _clean(text: str) -> list[str]:
    text = join_floating_accents(unicodedata.normalize("NFKC", text))
    text = text.replace("\u00ad", "").replace("\u200b", "").replace("\ufeff", "")
    lines = []
    for raw in text.splitlines():
        # Each step is skipped when its character can't be in the line: this loop runs for every
        # line of every résumé, and a regex pass costs more than the `in` test.
        if "\x7f" in raw:
            # A bullet glyph the PDF's font could not map comes out as DEL (reportlab's "•").
            raw = re.sub(r"^\s*\x7f\s*", "• ", raw)
        if _CONTROL_RE.search(raw) and _UNNAMED_DASH_RE.search(raw):
            raw = _UNNAMED_DASH_RE.sub("\\1 – ", raw)
        raw = _ICON_RE.sub("\t", raw)
        if "...." in raw or ". . . ." in raw:
            raw = _leaders_as_gaps(raw)

        raw = _unspace_letters(raw)
        if _SMALL_CAPS_RE.search(raw):
            raw = _SMALL_CAPS_RE.sub(_small_caps_word, raw)
        if _SMALL_CAP_I_RE.search(raw):
            raw = _SMALL_CAP_I_RE.sub(_small_cap_i_word, raw)
        line = _SPACES_RE.sub(" ", raw)
        if _LONE_MODIFIER_RE.search(line):
            line = join_modifier_letters(line)
        if _FOUR_DIGITS_RE.search(line):
            line = _GLUED_DATE_RE.sub("\\1\t", line)
            if " " in line:
                line = _BROKEN_WORD_RE.sub(_join_date_word, line)
        if "," in line:
            line = _space_glued_commas(line)
        if "\t" in line:
            line = _TAB_RE.sub("\t", line)
        line = line.strip(" \t")
        if line:
            lines.append(line)
    lines = [normalise_label(line) for line in _join_wrapped_dates(join_split_lines(lines))]
    return _join_wrapped_urls(lines)


# A letter apostrophe (the ʻokina of Samoan and Hawaiian, ʼ, ʽ) set as a glyph of its own, a space
# either side: "Sā ʻ ena". It is a letter of the word it stands in, never a word of its own.
_LONE_MODIFIER_RE = re.compile(r"(?<=[^\W\d_]) ?([\u02bb-\u02be]) ?(?=[^\W\d_])")


def join_modifier_letters(text: str) -> str:
    """The word a per-glyph text layer split at a letter apostrophe, whole again."""
    return _LONE_MODIFIER_RE.sub(r"\1", text)


# A comma with no space after it, between a word (or an abbreviation's full stop) and a capital:
# "Acme Ltd.,Tarrago", which a typesetter's tight spacing prints for "Acme Ltd., Tarrago".
_GLUED_COMMA_RE = re.compile(r"(?<=[^\W\d_]|\.),(?=[^\W\d_][^\W\d_])")


def _space_glued_commas(line: str) -> str:
    """The space a comma lost before a capitalised word, so that employer and town, or town and
    country, part as the comma says ("Acme Ltd.,Tarrago" read as one employer's name)."""
    return _GLUED_COMMA_RE.sub(lambda m: ", " if line[m.end()].isupper() else ",", line)


# A dot leader: a run of full stops (spaced or not; NFKC makes "…" three of them) that a word
# processor's tab stop draws from an entry's head to the dates set at the right margin.
_LEADER_RE = re.compile(r"[ \t]*(?:\. ?){4,}[ \t]*")
# A dotted abbreviation whose closing full stop ran into the leader ("Q.P.S.C......2021").
_OPEN_ABBREVIATION_RE = re.compile(r"(?:^|\s)(?:[^\W\d_]{1,3}\.)+[^\W\d_]{1,3}$")


def _leaders_as_gaps(line: str) -> str:
    """A dot leader is a column gap, as a TAB is: "Title, Employer ........ 2021–Present" reads as
    "Title, Employer<TAB>2021–Present", so the dots never join the employer's name."""
    out, at = [], 0
    for m in _LEADER_RE.finditer(line):
        head = line[at : m.start()]
        out.append(head + ("." if _OPEN_ABBREVIATION_RE.search(head) else "") + "\t")
        at = m.end()
    return "".join(out) + line[at:]


# One glyph the text layer cannot name (a control character: a Type3 font's dash has no Unicode)
# set right between a date and what follows it ("09/2020\x15danas", "03/2018\x1507/2022") stands
# where the range's dash goes; elsewhere such a glyph is an icon, a field separator (_ICON_RE).
_CONTROL_RE = re.compile(r"[\x01-\x08\x0b-\x1f]")
_UNNAMED_DASH_RE = re.compile(
    rf"(?<![\w/.])({_DATE})[\x01-\x08\x0b-\x1f](?=(?:{_DATE})(?!\w)|[^\W\d_])", re.IGNORECASE
)

_DANGLING_RANGE_RE = re.compile(r"(?:19|20)\d{2}\s*(?:-|–|—|to|bis|à|a)\s*(?:[^\W\d_]+\.?(?:\s[^\W\d_]+)?)?$")


# An accent set as its own glyph before its letter (TeX composes "ż" as a dot over a "z"; text
# layers give " ̇z", "Bo ̇zena", "Łód ́z"): the mark belongs to the letter after it. Joined only
# where the two make one precomposed letter, so an acute used as an apostrophe ("don´t") stays.
_FLOATING_ACCENT_RE = re.compile(r" ?([\u0300-\u030c\u0327\u0328])([^\W\d_])")
# The ogonek's own kern read as a word space after a capital ("M ˛adrawska", the hook drawn back
# under the "a"): no word starts with "ą" or "ę", and none goes on in lower case after a lone capital.
_KERNED_ACCENT_RE = re.compile(r"(?<![^\W\d_])([A-ZÀ-ÞĀ-Ž]) (?= ?\u0328[a-z])")


def join_floating_accents(text: str) -> str:
    if not any("\u0300" <= c <= "\u030c" or c in "\u0327\u0328" for c in text):
        return text
    text = _KERNED_ACCENT_RE.sub(r"\1", text)

    def join(m: re.Match) -> str:
        letter = unicodedata.normalize("NFC", m.group(2) + m.group(1))
        return letter if len(letter) == 1 else m.group(0)

    return _FLOATING_ACCENT_RE.sub(join, text)


# A date run into the next cell with no space ("Jun 2021 - CurrentData Engineer", "2019Acme"):
# a year or a present marker, then straight on a capitalised word, is a column boundary.
_GLUED_DATE_RE = re.compile(rf"(\b(?:19|20)\d\d|\b(?i:{PRESENT_WORDS}))(?=[A-ZÀ-ÞŁŚŻŹĆŃ][^\W\d_]*[a-zà-ÿ])")


# A date word that a per-glyph text layer broke with a stray space ("TO Pr esent", "Sep tember 2019"):
# joined only when the whole is a month or a present marker and the pieces are not.
_BROKEN_WORD_RE = re.compile(r"(?<![^\W\d_])([^\W\d_]{1,6}) (?=([^\W\d_]{2,9})(?![^\W\d_]))")
_DATE_WORD_RE = re.compile(rf"(?:{MONTH_WORDS}|{PRESENT_WORDS})", re.IGNORECASE)


def _join_date_word(m: re.Match) -> str:
    whole = m.group(1) + m.group(2)
    if _DATE_WORD_RE.fullmatch(whole) and not _DATE_WORD_RE.fullmatch(m.group(2)):
        return m.group(1)  # the space goes; the rest of the word follows as it was
    return m.group(0)


def _join_wrapped_dates(lines: list[str]) -> list[str]:
    # A narrow date column wraps "Sept. 2019 – à ce" / "jour", "Janv. 2015 – Août" / "2019".
    out: list[str] = []
    for line in lines:
        if (
            out
            and len(line.split()) <= 2
            and len(line) <= 16
            and _DANGLING_RANGE_RE.search(out[-1])
            and (not DATE_RANGE_RE.search(out[-1].rsplit("\t", 1)[-1]) or is_present(line))
            and DATE_RANGE_RE.search(f"{out[-1]} {line}".rsplit("\t", 1)[-1])
        ):
            out[-1] = f"{out[-1]} {line}"
        elif out and _stacked_range(out[-1], line):
            out[-1] = f"{out[-1].strip()} – {line.strip()}"
        elif out and line.strip() in ("–", "—", "-") and _LONE_MONTH_DATE_RE.fullmatch(out[-1].strip()):
            out[-1] = f"{out[-1].strip()} –"  # "mars 2022" / "–" / "aujourd'hui": the dash wrapped alone
        elif (
            out
            and _LONE_MONTH_DATE_RE.fullmatch(out[-1].strip())
            and (dashed := _DASHED_END_RE.fullmatch(line.strip()))
        ):
            # "sept. 2012" / "– jun. 2015" (the dash, wrapped alone, read as a bullet of the end)
            out[-1] = f"{out[-1].strip()} – {dashed.group(1)}"
        elif (
            out
            and _OPEN_DATE_RE.fullmatch(out[-1].strip())
            and (_NOW_WORD_RE.fullmatch(line.strip()) or _LONE_MONTH_DATE_RE.fullmatch(line.strip()))
        ):
            out[-1] = f"{out[-1].strip()} {line.strip()}"  # "Feb 2024 –" / "kini": worded_ends reads the word
        else:
            out.append(line)
    return out


_LONE_MONTH_DATE_RE = re.compile(_DATE, re.IGNORECASE)
_OPEN_DATE_RE = re.compile(rf"(?:{_DATE})\s*[–—-]", re.IGNORECASE)
# One lower-case word alone where a range's end goes: "now" in a language no list holds.
_DASHED_END_RE = re.compile(rf"[•–—-]\s*((?:{_DATE}))", re.IGNORECASE)
_NOW_WORD_RE = re.compile(r"[^\W\d_A-Z][^\W\d_’']+")


def _stacked_range(upper: str, lower: str) -> bool:
    """A narrow date column that sets an entry's start over its end with no dash ("07/2021" over
    "04/2023", or over a word for "now"): two lines that are each one date and nothing else, the
    upper one a month's, no later than the lower. (Years alone are the timeline's margin labels,
    which stacked_years pairs with the whole section in view.)"""
    upper, lower = upper.strip(), lower.strip()
    if not _LONE_MONTH_DATE_RE.fullmatch(upper) or re.fullmatch(r"\d{4}", upper):
        return False
    if is_present(lower) or _NOW_WORD_RE.fullmatch(lower):
        return True  # a lower-case word where the end goes: "now" in some language (see worded_ends)
    if not _LONE_MONTH_DATE_RE.fullmatch(lower):
        return False
    first, last = re.search(r"\d{4}", upper), re.search(r"\d{4}", lower)
    return bool(first and last) and first.group(0) <= last.group(0)


# Pictograms used as field markers (✉ ☎ ⌂ 📍, icon-font glyphs that extract as private-use or
# control characters) separate fields just like a column gap does.
_ICON_RE = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f\ue000-\uf8ff\u2300-\u23ff\u2600-\u27bf\U0001f300-\U0001faff]+"
)


# A letter-spaced run inside a line ("2019  T O  P R E S E N T", "Acme  ·  S E N I O R  E N G I N E E R"):
# single letters one space apart, words two or more apart.
_SPACED_RUN_RE = re.compile(r"(?<!\S)[^\W\d_](?: [^\W\d_])+(?: {2,}[^\W\d_](?: [^\W\d_])*)*(?!\S)")
_SPACED_HINT_RE = re.compile(r"(?<!\S)[^\W\d_] [^\W\d_] [^\W\d_](?!\S)")


def _unspace_run(m: re.Match) -> str:
    run = m.group(0)
    words = re.split(r" {2,}", run)
    if sum(len(w) for w in words) < 8:  # letters and their spaces
        return run  # "A B C": initials, not a spaced-out word
    return " ".join(w.replace(" ", "") for w in words)


def _unspace_letters(line: str) -> str:
    """'U X  D E S I G N E R' (CSS letter-spacing) -> 'UX DESIGNER'."""
    stripped = line.strip()
    if len(stripped) < 7:
        return line
    if stripped[1] != " ":  # what the whole-line pattern below needs, tested cheaply
        return _SPACED_RUN_RE.sub(_unspace_run, line) if _SPACED_HINT_RE.search(line) else line
    if not re.fullmatch(r"\S{1,2}(?: {1,3}\S{1,2}){3,}", stripped):
        return line
    words = re.split(r" {2,}", stripped)
    if not all(re.fullmatch(r"\S(?: \S)*", w) for w in words):
        # A kerning pair the renderer drew as one ("E D U C AT I O N": A and T pulled together
        # across the letter spacing): letters still, one pair in a spaced word of six or more.
        if not all(_kerned_spaced_word(w) for w in words):
            return line
    if sum(len(w) for w in words) < 7:
        return line
    return " ".join(w.replace(" ", "") for w in words)


def _kerned_spaced_word(word: str) -> bool:
    tokens = word.split(" ")
    pairs = [t for t in tokens if len(t) == 2]
    return (
        len(pairs) <= 1
        and len(tokens) >= 5
        and all(t.isalpha() for t in tokens)
        and (not pairs or (rest := word.replace(" ", "")[1:]).isupper() or rest.islower())
    )


def heading_kind_spaced(line: str) -> str | None:
    """_heading_kind of a raw text-layer line, letter spacing not yet undone ("E X P E R I E N C E")."""
    return _heading_kind(_unspace_letters(line))


# CSS small caps can come out as "FINANCIAL C ONTROLLER · A CCOUNTANT": a capital, a space, the
# rest of the word. Re-joined only when the whole is a word we know and the rest is not.
_SMALL_CAPS_RE = re.compile(r"(?<![^\W\d_])([A-Z]) ([A-Z]{3,})(?![^\W\d_])")


# A small-caps font whose "i" maps to the lower-case letter in the text layer while its other
# small capitals map to capitals (Awesome-CV's positions: "COMPLiANCE OFFiCER", "FiELD SERViCE").
_SMALL_CAP_I_RE = re.compile(r"(?<![^\W\d_])[^\W\d_]*[A-Z]i[A-Z][^\W\d_]*")


def _small_cap_i_word(m: re.Match) -> str:
    word = m.group(0)
    rest = word.replace("i", "")
    # Capitals but for the i's, three at least ("WiFi" is a word as written).
    return word.upper() if len(rest) >= 3 and rest.isupper() else word


def _small_caps_word(m: re.Match) -> str:
    whole, rest = (m.group(1) + m.group(2)).lower(), m.group(2).lower()
    known = _title_word(whole) in TITLE_WORDS and _title_word(rest) not in TITLE_WORDS
    return m.group(1) + m.group(2) if known else m.group(0)


_CUT_DOMAIN_RE = re.compile(r"(?:^|\s)[\w.+\-]+@(?:[\w\-]*|[\w\-]+(?:\.[\w\-]+)*\.)$")
_TLD_TAIL_RE = re.compile(r"^(?:[a-z][a-z0-9\-]*(?:\.[a-z0-9\-]+)*|[A-Z][A-Z0-9\-]*(?:\.[A-Z0-9\-]+)*)$")
_DOMAIN_TAIL_RE = re.compile(r"^[\w\-]*(?:\.[\w\-]+)*\.[^\W\d_]{2,}$")
_ONE_LETTER_TLD_RE = re.compile(r"(?:^|\s)[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)*\.[^\W\d_]$")


def _join_wrapped_urls(lines: list[str]) -> list[str]:
    # Narrow columns wrap long URLs and e-mail addresses at a hyphen, dot or underscore
    # ("linkedin.com/in/jane-" / "doe", "jane_doe-" / "smith@x.com"); glue them back.
    out: list[str] = []
    for line in lines:
        if (
            (
                out
                and re.search(r"(?:linkedin\.com/in/|github\.com/|https?://)\S*-$", out[-1])
                and re.match(r"^[\w\-%/]+$", line)
            )
            or (
                out
                and (
                    re.search(r"(?:^|\s)[a-z0-9.+\-_]*[a-z0-9][\-_.]$", out[-1])
                    # A contact column set in capitals by its style sheet: "ANA-" / "LIMA@X.COM",
                    # the cut part alone on its line.
                    or re.fullmatch(r"[A-Za-z0-9.+\-_]*[A-Za-z0-9][\-_]", out[-1])
                )
                and "@" not in out[-1].split()[-1]
                and re.match(r"^[\w.+\-]+@[\w\-]+\.", line)
                and not _ends_sentence(out[-1])
                # "…that stay." then the address: a word of prose and its full stop, not an address's cut
                and not (out[-1].endswith(".") and " " in out[-1] and re.search(r"\s[^\W\d_]+\.$", out[-1]))
            )
            or (
                # The domain cut ("ana_lima@quillp" / "ost.example", "ana@mail." / "example.org"): an
                # address with no top-level domain yet, and a line that is only the rest of one.
                out
                and _CUT_DOMAIN_RE.search(out[-1])
                and (_DOMAIN_TAIL_RE.match(line) or (out[-1].endswith(".") and _TLD_TAIL_RE.match(line)))
            )
            or (
                # The cut inside the top-level domain ("ana@mail.com.b" / "d"): no top-level domain
                # is one letter, so the address is not whole yet.
                out
                and len(line) <= 12
                and "@" in out[-1]
                and _ONE_LETTER_TLD_RE.search(out[-1])
                and _TLD_TAIL_RE.match(line)
            )
        ):
            out[-1] += line
        else:
            out.append(line)
    return out


def _ends_sentence(line: str) -> bool:
    # "...hiring and onboarding." then a footer's "jane.doe@x.com": a sentence, not a wrapped address.
    words = line.split()
    return line.endswith(".") and len(words) > 3 and bool(re.fullmatch(r"[^\W\d_]+\.", words[-1]))


# Cached: every pass over a résumé (sections, phone, roles, columns) asks this of the same lines.
@functools.lru_cache(maxsize=8192)
def _heading_kind(line: str) -> str | None:
    key = re.sub(r"[:：\s]+$", "", lower_key(line.strip()))
    key = re.sub(r"\s+", " ", key)
    if len(key) > 40:
        return None
    return (
        _HEADING_OF.get(key)
        or _HEADING_UNACCENTED.get(_fold(key))
        or _loose_heading(line.strip().rstrip(":："), key)
        or _numbered_heading(key)
    )


# "2. Experience", "3) Education", "IV. Skills": a section number before a heading we know.
_SECTION_NUMBER_RE = re.compile(r"^(?:\d{1,2}|[ivx]{1,4})[.)]\s+(?=[^\W\d_])")


def _numbered_heading(key: str) -> str | None:
    """A heading numbered by the document's style (groff's, a word processor's outline): the
    heading after its number, looked up as itself, never as a loose guess."""
    if not key[:1].isdigit() and key[:1] not in "ivx":
        return None
    bare = _SECTION_NUMBER_RE.sub("", key, count=1)
    if bare == key:
        return None
    return _HEADING_OF.get(bare) or _HEADING_UNACCENTED.get(_fold(bare))


_HEADING_OF = {lower_key(k): v for k, v in HEADING_OF.items()}


# The headings we know, looked up without their accents: French and Spanish typesetting drops the
# accents of capitals ("EXPERIENCES PROFESSIONNELLES", "COMPETENCES"), and a writer on a keyboard
# without them drops them everywhere. Only headings that carry accents are held (the others are
# found as they are), and no two headings fold onto one key with different kinds (checked in tests).
_HEADING_UNACCENTED = {_fold(k): v for k, v in _HEADING_OF.items() if _fold(k) != k}


# Words that make a short heading-shaped line a work-history heading ("Teaching Employment",
# "Career at a glance", "Esperienza professionale", "Internships & Experience").
_WORK_FIRST = {"career", "employment", "experience", "internships", "esperienza", "esperienze"}
_WORK_LAST = {"experience", "employment", "history", "internships", "experiences"}
_NOT_WORK = {"summary", "objective", "profile", "goals", "highlights", "statement", "interests", "skills"}


def heading_word(piece: str) -> bool:
    """A lone word that names a part of a résumé and never a role or an employer ("Highlights" over
    an entry's bullets, "Summary"): a template's subheading inside a job entry."""
    return lower_key(piece.strip(" :")) in _NOT_WORK


def _loose_heading(line: str, key: str) -> str | None:
    words = key.split()
    if (
        not 2 <= len(words) <= 5
        or not line[:1].isupper()
        or re.search(r"[\d@.;!?]", line)
        or BULLET_RE.match(line)
        or _NOT_WORK & set(words)
    ):
        return None
    # "Education & Qualifications", "Internships & Experience": the first part we know names it.
    for part in re.split(r"\s*(?:&|\+|/|,|\band\b|\bund\b|\bet\b|\be\b|\by\b|\ben\b)\s*", key):
        if part and part != key and _HEADING_OF.get(part):
            return _HEADING_OF[part]
    capitalised = line.isupper() or all(w[:1].isupper() for w in line.split() if len(w) > 3)
    if words[0] in _WORK_FIRST and len(words) <= 4 and words[1] not in {"of", "in", "with", "as"}:
        return "experience"
    if words[-1] in _WORK_LAST and capitalised and len(words) <= 3:
        return "experience"
    return None


def _sections(lines: list[str]) -> tuple[dict[str, list[str]], int]:
    """Group lines under the headings we recognise. Returns sections and the index of the first heading."""
    sections: dict[str, list[str]] = {}
    current = "_top"
    first_heading = len(lines)
    for i, line in enumerate(lines):
        kind = _heading_kind(line)
        head, tab, rest = line.partition("\t")
        if not kind and tab and (kind := _heading_kind(head)):
            # A sidebar heading beside its first line ("experience<TAB>Engineer at Acme").
            current = kind
            first_heading = min(first_heading, i)
            sections.setdefault(kind, []).append(rest)
            continue
        if kind:
            current = kind
            first_heading = min(first_heading, i)
            sections.setdefault(kind, [])
            continue
        sections.setdefault(current, []).append(line)
    return sections, first_heading
