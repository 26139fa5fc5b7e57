"""The person's name (location: places.py)."""

from __future__ import annotations

import re

from .places import place_like
from .text import (
    LABEL_NAME_RE,
    NAME_PARTICLES,
    NAME_TOKEN_RE,
    NOT_NAMES,
    SEPARATORS_RE,
    _fold,
    _heading_kind,
    _title_strength,
    join_modifier_letters,
)

# ---------------------------------------------------------------- name


# "al-Rashid", "el-Amin", "d'Almeida", "bin-Salleh": a lower-case particle joined to a capitalised name.
_PARTICLE_JOINED_RE = re.compile(
    r"^(?:al|el|ad|ar|as|at|ash|an|bin|ibn|abu|d|l|de|da|di|du|van|von)[-'’][^\W\d_]", re.UNICODE
)


# "Rajesh a/l Subramaniam", "Priya d/o Kumar": Malaysian and Singaporean patronymic particles.
_SLASH_PARTICLE_RE = re.compile(r"(?<!\S)(?:a/l|a/p|s/o|d/o)(?!\S)", re.IGNORECASE)


def _joining_letter(tokens: list[str], k: int) -> bool:
    """A lone lower-case letter between two capitalised words of a name: the "and" that joins a
    Catalan or Spanish name's two surnames ("Font i Marsà", "Ortega y Gasset"), a word of the name
    that is neither capitalised nor a name of its own."""
    return (
        0 < k < len(tokens) - 1
        and len(tokens[k]) == 1
        and tokens[k].islower()
        and tokens[k - 1][:1].isupper()
        and tokens[k + 1][:1].isupper()
    )


def _looks_like_name(line: str) -> bool:
    if (
        any(ch.isdigit() for ch in line)
        or "@" in line
        or "/" in _SLASH_PARTICLE_RE.sub("", line)
        or "\t" in line
        or len(line) > 60
    ):
        return False
    if _fold(line) in NOT_NAMES or _heading_kind(line):
        return False
    tokens = line.replace(",", " ").split()
    names = [
        t for k, t in enumerate(tokens) if t.lower() not in NAME_PARTICLES and not _joining_letter(tokens, k)
    ]
    if not 2 <= len(tokens) <= 8 or not 1 <= len(names) <= 5:
        return False
    for tok in names:
        if not NAME_TOKEN_RE.match(tok):
            return False
        if not tok[0].isupper():
            joined = _PARTICLE_JOINED_RE.match(tok)
            if not joined or not tok[joined.end() - 1].isupper():
                return False
    if _PARTICLE_JOINED_RE.match(names[0]) and not names[0][0].isupper():
        return False  # a name does not start with "al-"
    return not _title_strength(line) and not place_like(line)


def _drop_badge(name: str) -> str:
    # A monogram badge drawn in the name's font: "TN Thabo Nkosi", "BO BRIAN OTIENO", and the
    # initials of the first names only: "JP John Paul Reyes".
    tokens = name.split()
    if len(tokens) >= 3 and re.fullmatch(r"[A-Z]{2,3}", tokens[0]):
        initials = "".join(t[0].upper() for t in tokens[1:] if t.lower() not in NAME_PARTICLES)
        if tokens[0] in {initials, initials[0] + initials[-1], initials[: len(tokens[0])]}:
            return " ".join(tokens[1:])
    return name


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


_HONORIFIC_RE = re.compile(
    r"^(?:(?:dr|mr|mrs|ms|mx|prof|engr|atty|dipl\.?-ing|ing|mag|sr|sra|mudr|judr|mgr|bc|rev|capt)\.?\s+"
    r"|(?:arch|eng|hon|pr|doç|av)\.\s+)+",
    re.IGNORECASE,
)


def _smart_case(name: str) -> str:
    name = _HONORIFIC_RE.sub("", _join_small_caps(name))
    if not name.isupper():
        return name

    def cap(word: str) -> str:
        if word.lower() in NAME_PARTICLES:
            return word.lower()
        return re.sub(r"([^\W\d_])([^\W\d_]*)", lambda m: m.group(1).upper() + m.group(2).lower(), word)

    return " ".join(cap(w) for w in name.split())


# Post-nominal letters: degrees, professional qualifications, honours. Stripped from a name.
_POSTNOMINAL = (
    r"Ph\.?\s?D\.?|D\.?Phil\.?|M\.?B\.?A\.?|CPA|CFA|ACCA|FCA|ACA|CIMA|PMP|CISSP|CEng|MBBS|M\.D\.|MD|"
    r"J\.D\.|LL\.?M\.?|M\.?Sc\.?|B\.?Sc\.?|M\.?Eng\.?|MPH|MSN|BSN|RN|DDS|P\.?E\.?|Esq\.?|FRCS|MRCP|SHRM-[A-Z]+|PHR|CSM|"
    r"B\.?A\.?|M\.?A\.?|B\.?Ed\.?|M\.?Ed\.?|PGCE|PGDip|QTS|LL\.?B\.?|B\.?Eng\.?|B\.?Com\.?|BBA|MChem|M\.?Phil\.?|RGN|CIPD"
)
_POSTNOMINAL = rf"(?:{_POSTNOMINAL})(?:\s*\((?:Hons|Hon|Cantab|Oxon)\.?\))?"
# "CA(SA)", "CPA (PH)": a qualification with the country that awarded it.
_POSTNOMINAL_RE = re.compile(
    rf"(?:\s*,\s*(?:{_POSTNOMINAL}|[A-Z]{{2,5}})(?:\s?\([A-Z]{{2,4}}\))?|\s+(?:{_POSTNOMINAL}))+\s*$"
)


def _strip_postnominals(name: str) -> str:
    name = _drop_badge(name)
    stripped = _POSTNOMINAL_RE.sub("", name).strip(" ,")
    if stripped != name and name.isupper() and "," not in name[len(stripped) :][:3]:
        return name  # "JOHN MD" reads the same as "JOHN M.D.": only trust a comma in capitals
    return stripped if len(stripped.split()) >= 2 else name


# A name set letter by letter with wide tracking: the text layer puts one space between every two
# glyphs and none wider at the word gap ("B R O N W E N A L D E R"). Only a whole line of it.
_GLYPH_RUN_RE = re.compile(r"[^\W\d_](?: (?:[^\W\d_]|[-'’])){7,}", re.UNICODE)


# The same run after the text cleaner closed its single spaces: "BRONWENALDERGROVE".
_GLUED_CAPS_RE = re.compile(r"[^\W\d_a-zß-ÿ]{10,30}", re.UNICODE)


def _respace_glyphs(line: str, email: str | None) -> str:
    """The words of a line spelt glyph by glyph: in mixed case, a capital starts each word ("B r o n
    w e n A l d e r" -> "Bronwen Alder"); in capitals, the e-mail address's parts mark where its
    words end ("bronwen.alder@…"). Unchanged where neither tells."""
    if not _GLYPH_RUN_RE.fullmatch(line.strip()) and not _GLUED_CAPS_RE.fullmatch(line.strip()):
        return line
    letters = line.replace(" ", "")
    if not letters.isupper():
        words: list[str] = []
        for ch in letters:
            if ch.isupper() and words and not words[-1].endswith(("-", "'", "’")):
                words.append(ch)
            elif words:
                words[-1] += ch
            else:
                words.append(ch)
        return " ".join(words)
    folded = _fold(letters)
    if not email or len(folded) != len(letters):
        return line
    cuts = {0, len(letters)}
    pieces = [p for p in re.split(r"[^a-z]+", _fold(email.split("@")[0])) if len(p) >= 3]
    for piece in pieces:
        at = folded.find(piece)
        if at >= 0:
            cuts |= {at, at + len(piece)}
    cuts_sorted = sorted(cuts)
    words = [letters[a:b] for a, b in zip(cuts_sorted, cuts_sorted[1:], strict=False)]
    if len(words) < 2 or any(len(w) < 2 for w in words):
        return line
    if " " not in line and not all(_fold(w) in pieces for w in words):
        return line  # a word run together ("EXPERIENCE"): only where the address spells every part
    return " ".join(words)


# Two words of a name run together where the text layer lost the gap between them ("Emeka
# OluwaseunAdeyemi"): a lower-case letter, then a capital, inside one word.
_GLUED_RE = re.compile(r"(?<=[a-zß-ÿ]{4})(?=[A-ZÀ-Þ][a-zß-ÿ]{3})")


def _unglue(line: str, email: str | None) -> str:
    """Split such a word where the e-mail address spells one of its halves ("eadeyemi@…"); "McDonald"
    and "LeBlanc" keep theirs (a half of three letters or fewer is never split off)."""
    if not email or len(line) > 60 or not _GLUED_RE.search(line):
        return line
    local = re.sub(r"[^a-z]", "", _fold(email.split("@")[0]))

    def split(word: str) -> str:
        for at in (m.start() for m in _GLUED_RE.finditer(word)):
            left, right = word[:at], word[at:]
            if any(len(h) > 3 and re.sub(r"[^a-z]", "", _fold(h)) in local for h in (left, right)):
                return f"{left} {right}"
        return word

    return " ".join(split(w) for w in line.split(" "))


def _small_caps_headline(headline: str, lines: list[str]) -> str:
    """ "L K" for "LAURENT KREMER": small capitals drawn as a big capital and a smaller run, so the
    biggest type holds only each word's first letter. The line of the header whose words start with
    those letters, in order, is the name they begin."""
    initials = headline.split()
    if not initials or any(len(i) != 1 or not i.isalpha() for i in initials):
        return headline
    for line in lines:
        words = line.split()
        if len(words) == len(initials) and all(
            len(w) > 1 and w[0].casefold() == i.casefold() for w, i in zip(words, initials, strict=True)
        ):
            return line.strip()
    return headline


def find_name(
    lines: list[str], first_heading: int, email: str | None, headline: str | None = None
) -> str | None:
    name = _find_name(lines, first_heading, email, headline)
    return _as_printed_in_mixed_case(name, lines[:60]) if name else None


def _as_printed_in_mixed_case(name: str, lines: list[str]) -> str:
    """The name as the résumé spells it where it is not set in capitals. A style sheet's capitals
    lose what only the lower case shows: "Rzalı" prints as "RZALI", which re-cased reads "Rzali"
    (Turkic dotless ı), "MACLEOD" reads "Macleod". A line that prints the same letters in mixed
    case, each word capitalised (a navigation bar, a footer, a signature), is the spelling."""
    upper = name.upper()
    if name != _smart_case(upper) or any(name in line for line in lines):
        return name  # the name was found in mixed case: that spelling stands
    for line in lines:
        if len(line.upper()) != len(line):
            continue  # "ß" -> "SS": the positions no longer line up
        at = line.upper().find(upper)
        if at < 0:
            continue
        found = line[at : at + len(upper)]
        edges = line[at - 1 : at] + line[at + len(upper) : at + len(upper) + 1]
        if any(c.isalpha() for c in edges):
            continue  # inside a longer word
        if found != name and not found.isupper() and all(_capitalised_or_particle(w) for w in found.split()):
            return found
    return name


def _capitalised_or_particle(word: str) -> bool:
    """ "Rzalı", "Mac", "á", "de": a word of a name as printed in mixed case; not "RZALI"."""
    if word.islower():
        return len(word) <= 3
    return word[:1].isupper() and (len(word) == 1 or not word.isupper())


def _find_name(
    lines: list[str], first_heading: int, email: str | None, headline: str | None = None
) -> str | None:
    # A LinkedIn profile's slug spells the name too, where the address is "hello@…" or "info@…".
    slug = next((m.group(1) for line in lines[:60] if (m := _SLUG_RE.search(line))), "")
    # What spells the name, shaped as an address for the helpers below: "ana.lima.ana-lima-42@".
    spells = f"{email.split('@')[0] if email else ''}.{slug}@" if email or slug else None
    if headline:
        headline = join_modifier_letters(headline)
        headline = _drop_document_title(_unglue(_respace_glyphs(headline, spells), spells))
        headline = _small_caps_headline(headline, lines[:15])
    lines = [
        _unglue(
            _respace_glyphs(line, spells) if _GLYPH_RUN_RE.match(line) or line.isupper() else line, spells
        )
        for line in lines[:60]
    ]
    for line in lines[:40]:
        m = LABEL_NAME_RE.match(line)
        if m:
            cand = _strip_postnominals(SEPARATORS_RE.split(m.group(1).strip())[0])
            if _looks_like_name(cand):
                return _smart_case(cand)
    local = _fold(email.split("@")[0]) if email else ""
    local = re.sub(r"[^a-z]", "", local) + re.sub(r"[^a-z]", "", _fold(slug))
    fallback = None
    if headline:
        # The page's biggest type, when the PDF tells us font sizes; a headline the e-mail does
        # not spell yields to a line in the header that it does (a job title set large). The
        # headline may carry the job title after a separator ("Ana Lima, Data Engineer",
        # "Ana Lima | Data Engineer"): its first name-shaped part is the name.
        before_title = _name_before_title(headline, spells, lines)
        for part in before_title + _spelled_part(headline, local) + _headline_parts(headline):
            cand = _strip_postnominals(_join_small_caps(_drop_heading_tail(part.strip(" ,"))))
            if _looks_like_name(cand):
                if not local or _spelled(cand, local):
                    return _smart_case(cand)
                fallback = cand
                break
            if _spelled_letter_for_letter(cand, email):
                return _smart_case(cand)
    window = lines[: max(8, min(first_heading, 15))]
    candidates: list[tuple[float, str]] = []
    spelled = False  # a candidate the e-mail address spells out
    for i, line in enumerate(window):
        text = line.strip(" ,")
        joined = None
        # Sidebar layouts set first and last name on separate lines.
        nxt = window[i + 1].strip() if i + 1 < len(window) else ""
        if _fold(text) in NOT_NAMES or _heading_kind(text) or place_like(text):
            nxt = ""  # "Lebenslauf" / "Jannik Thorwede", "Contact", "Graz": a title, a heading, a place
        if nxt and _heading_kind(nxt):
            nxt = ""  # "Geologist" / "PROFILE": the section's heading under the title, never a surname
        if nxt and re.fullmatch(r"[^\W\d_][\w'’\-]+", text, re.UNICODE) and text[0].isupper():
            if re.fullmatch(r"[^\W\d_][\w'’\- ]+", nxt, re.UNICODE) and len(nxt.split()) <= 2:
                joined = f"{text} {nxt}"
                if len(nxt.split()) == 2 and local and _spelled(nxt, local) and not _spelled(text, local):
                    joined = None  # "Graz" / "Hans Gruber" and hans.gruber@…: the name is the next line
        elif (
            nxt
            and text.isupper()
            and nxt.isupper()
            and len(text.split()) + len(nxt.split()) <= 4
            and re.fullmatch(r"[^\W\d_'’\- ]+", nxt, re.UNICODE)
            and not _heading_kind(nxt)
        ):
            joined = f"{text} {nxt}"  # "ANA BEATRIZ" / "SOUZA"
        elif nxt and local and _surname_below(text, nxt, local):
            joined = f"{text} {nxt}"  # "Ana Beatriz" / "Souza" and ana.souza@…
        text = _drop_heading_tail(_drop_document_title(text))
        segments = [seg.strip(" ,") for seg in SEPARATORS_RE.split(text)]
        for cand in filter(None, [joined, text, *segments]):
            cand = _strip_postnominals(cand)
            if _looks_like_name(cand):
                score = float(i)
                if local:
                    folded = re.sub(r"[^a-z]", "", _fold(cand))
                    parts = [re.sub(r"[^a-z]", "", _fold(p)) for p in cand.split()]
                    if any(len(p) > 2 and p in local for p in parts) or folded in local:
                        score -= 10
                        spelled = True
                candidates.append((score, cand))
                break
    if fallback and not spelled:
        return _smart_case(fallback)
    if not spelled and local:
        # A name set below a sidebar or a contact table ("CONTACT ... SKILLS ... JOSE B. SANTOS"):
        # further down, only a name-shaped line that the e-mail address spells out.
        deep = _named_by_email(lines[len(window) : 60], local)
        if deep:
            return _smart_case(deep)
    if not candidates:
        return None
    return _smart_case(min(candidates)[1])


_CONNECTORS = {"of", "von", "de", "di", "da", "del", "van", "du"}


def _drop_document_title(line: str) -> str:
    """ "CV – Ana Lima", "Lebenslauf von Ana Lima", "Curriculum Vitae: Ana Lima": a document's title
    set before the name on its line, and the word or mark joining them."""
    tokens = line.split()
    for k in (2, 1):
        head = " ".join(tokens[:k]).strip(" :–—-|")
        if len(tokens) > k + 1 and (_fold(head) in NOT_NAMES or head.lower() in NOT_NAMES):
            rest = tokens[k:]
            while rest and rest[0] in {"–", "—", "-", ":", "|"}:
                rest = rest[1:]
            if len(rest) > 2 and rest[0].lower() in _CONNECTORS and rest[1][:1].isupper():
                rest = rest[1:]
            return " ".join(rest) if rest else line
    return line


_SLUG_RE = re.compile(r"linkedin\.com/in/([\w%\-]+)", re.IGNORECASE)
_HEADLINE_SPLIT_RE = re.compile(r"\s*(?:,|\s[|·•–—-]\s|\t)\s*")


def _surname_below(text: str, nxt: str, local: str) -> bool:
    """ "Marcus Benedict" / "Ramasamy": first names on one line, one word under them that the
    e-mail address spells and they do not all spell (a sidebar's two lines of one name)."""
    words = text.split()
    return (
        2 <= len(words) <= 3
        and all(w[:1].isupper() for w in words)
        and re.fullmatch(r"[^\W\d_][\w'’\-]+", nxt, re.UNICODE) is not None
        and nxt[0].isupper()
        and _spelled(nxt, local)
        and not _heading_kind(nxt)
    )


def _headline_parts(headline: str) -> list[str]:
    parts = [p for p in _HEADLINE_SPLIT_RE.split(headline) if p.strip()]
    return [headline] + (parts if len(parts) > 1 else [])


def _spelled_part(headline: str, local: str) -> list[str]:
    """ "Ana Lima, Sykepleier": a headline of parts where the e-mail address spells one part of two
    words or more and not another; that part is the name, the other a title in a language no list
    of ours knows."""
    parts = _headline_parts(headline)[1:]
    if not local or not parts:
        return []
    spelled = [p for p in parts if _spelled(p, local)]
    if len(spelled) == 1 and len(spelled[0].split()) >= 2 and len(spelled) < len(parts):
        return spelled
    return []


def _name_before_title(headline: str, spells: str | None, lines: list[str]) -> list[str]:
    """ "SELMA VRANEŠ DATA PLATFORM ENGINEER": the name and the title set in one line of the same
    type, nothing between them (the run's colour alone told them apart). The name is the words up
    to the last one the e-mail address spells, where the words after it spell none of it and the
    résumé says them again at the start of a line ("Data Platform Engineer with 10 years …",
    "Data Platform Engineer, Employer"): the title it repeats. A capitals word that opens with a spelled part and
    runs on ("JEONGSITE") is cut there: the text layer lost the gap between the two runs."""
    if not spells:
        return []
    parts = [p for p in re.split(r"[^a-z]+", _fold(spells.split("@")[0])) if len(p) >= 3]
    words: list[str] = []
    for word in headline.split():
        folded = _fold(word)
        cut = next(
            (
                len(p)
                for p in parts
                if word.isupper()
                and word.isalpha()
                and len(folded) == len(word)
                and folded.startswith(p)
                and len(word) - len(p) >= 3
            ),
            0,
        )
        words += [word[:cut], word[cut:]] if cut else [word]
    spelled = [i for i, w in enumerate(words) if _spelled(w, "".join(parts))]
    if not spelled or not 2 <= spelled[-1] + 1 < len(words):
        return []
    name, rest = " ".join(words[: spelled[-1] + 1]), " ".join(words[spelled[-1] + 1 :])
    # Said again with more after it: a summary's opening, an entry's "Title, Employer". A line that
    # is those words alone may be the name's own second line ("Ana Beatriz" / "Souza").
    said = re.compile(rf"{re.escape(_fold(rest))}(?:\s*[,|–—\t]|\s+\w)")
    repeated = any(said.match(_fold(line.strip())) for line in lines)
    return [name] if repeated and _looks_like_name(name) else []


def _spelled_letter_for_letter(cand: str, email: str | None) -> bool:
    """ "Sunniva Mikkelsen á Rógvu" and sunnivamikkelsenarogvu@…: the page's biggest type, which the
    e-mail address spells letter for letter, is the name, with whatever lower-case particle joins
    its words (one no list of ours knows). Only a few name-shaped words, capitalised first and last."""
    tokens = cand.split()
    if not email or not 3 <= len(tokens) <= 6 or _heading_kind(cand) or _title_strength(cand):
        return False
    if not all(NAME_TOKEN_RE.match(t) for t in tokens) or not (
        tokens[0][0].isupper() and tokens[-1][0].isupper()
    ):
        return False
    letters = re.sub(r"[^a-z]", "", _fold(cand))
    return len(letters) >= 8 and letters == re.sub(r"[^a-z]", "", _fold(email.split("@")[0]))


def _spelled(cand: str, local: str) -> bool:
    parts = [re.sub(r"[^a-z]", "", _fold(p)) for p in cand.split()]
    return any(len(p) > 2 and p in local for p in parts) or re.sub(r"[^a-z]", "", _fold(cand)) in local


def _drop_heading_tail(line: str) -> str:
    """ "Lucas Moreira CONTACT": a sidebar's heading in capitals run onto the name's line; and the
    other way round, "INFORMAZIONI PERSONALI Giulia Romano" (Europass sets its heading beside the name)."""
    head, _, last = line.rpartition(" ")
    if head and last.isupper() and len(last) > 3 and not head.isupper() and _heading_kind(last):
        return head
    words = line.split()
    caps = 0
    while caps < len(words) and words[caps].isupper() and len(words[caps]) > 1:
        caps += 1
    if 0 < caps < len(words) and _heading_kind(" ".join(words[:caps])):
        return " ".join(words[caps:])
    return line


def _named_by_email(lines: list[str], local: str) -> str | None:
    for line in lines:
        if _heading_kind(line) == "references":
            break  # referees' names follow
        cand = _strip_postnominals(_HONORIFIC_RE.sub("", line.strip(" ,")))
        if not _looks_like_name(cand):
            continue
        parts = [re.sub(r"[^a-z]", "", _fold(p)) for p in cand.split()]
        if sum(len(p) > 2 and p in local for p in parts) >= 1 and len(parts) >= 2:
            return cand
    return None
