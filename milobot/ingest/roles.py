"""Work history: date ranges, the current role (title, company), years of experience."""

from __future__ import annotations

import re
import unicodedata

from .dates import (  # noqa: F401
    _date_only,
    _ranges,
    _year_month,
    _years_from_ranges,
    find_stated_years,
    lone_starts,
    stacked_years,
    without_durations,
    worded_ends,
)
from .entry_shape import (
    _employer_evidence,
    at_shape,
    carries_place,
    comma_shape,
    employer_before_place,
    employer_before_shared_place,
    entry_cells,
    head_depth,
    join_connector_wraps,
    known_places,
    place_tail,
    rejoin_wrapped_heads,
    without_place,
)
from .headline_title import headline_title
from .labels import is_label
from .lexicon import LEGAL_FORMS, MONTH_WORDS
from .pieces import (  # noqa: F401
    _capitalised_fields,
    _drop_place_tail,
    _ends_org,
    _is_body_line,
    _sentence_shape,
    _split_pieces,
    starts_with_verb,
)
from .places import place_like
from .text import (  # noqa: F401
    _HEADING_OF,
    _HEADING_UNACCENTED,
    BULLET_RE,
    DATE_RANGE_RE,
    YEARS_RE,
    _clean,
    _company_strength,
    _fold,
    _heading_kind,
    _sections,
    _title_strength,
    _words,
    heading_word,
    is_present,
    lower_key,
)

# ---------------------------------------------------------------- experience


def _entry_pieces(
    section: list[str], date_idx: int, prev_limit: int, side: str | None = None, depth: int = 2
) -> list[str]:
    line = section[date_idx]
    m = DATE_RANGE_RE.search(line)
    before, after = (line[: m.start()], line[m.end() :]) if m else (line, "")
    first_below = date_idx + 1
    if (
        after.strip()
        and first_below < len(section)
        and (_wraps_onto(after, section[first_below]) or _title_wraps_onto(after, section[first_below]))
    ):
        after, first_below = (
            f"{after} {section[first_below]}",
            first_below + 1,
        )  # "..., Great Lakes State" / "University"
    pieces: list[str] = []
    pieces += _split_pieces(before)
    # "dates, City" / "dates · City": what follows a separator after the dates is a place.
    if after.strip() and not re.match(r"^\s*[,|·•(]", after):
        pieces += _split_pieces(after)
    elif (
        len(tail := _split_pieces(after)) >= 2
        and not any(":" in p for p in tail)
        and any(_title_strength(p) for p in tail)
    ):
        pieces += tail  # "desde 2019 · Enfermeira · Hospital da Boavista": title and employer after the dates
    pieces = _keep(pieces)
    if len(pieces) >= 2 and any(_title_strength(p) for p in pieces):
        return pieces  # "Title, Company, dates" on one line: the lines around belong to other things
    above: list[str] = []
    for j in range(date_idx - 1, max(prev_limit, date_idx - 3) - 1, -1):
        if _is_body_line(section[j]) or DATE_RANGE_RE.search(section[j]):
            break
        above.insert(0, section[j])
    below: list[str] = []
    # A value right over the dates: the entry's head opens there. Not under a run of three short
    # lines (a table's header row, "Dates" / "Role" / "Employer", read a cell a line).
    held_above = 0 < len(above) < 3 and bool(_keep(_split_pieces(above[-1])))
    for j in range(first_below, min(len(section), first_below + depth)):
        if _is_body_line(section[j]) or DATE_RANGE_RE.search(section[j]):
            break
        if held_above and _opens_next_entry(section, j):
            break
        below.append(section[j])
    # The other entries show on which side of its dates an entry's lines sit.
    for fragment in reversed(_unwrap(above)) if side != "below" or not below else []:
        pieces += _split_pieces(fragment)
    for fragment in _unwrap(below) if side != "above" or not above else []:
        pieces += _split_pieces(fragment)
    return _keep(pieces)


def _opens_next_entry(section: list[str], j: int) -> bool:
    """Line j stands right over the next entry's dates, alone on its line. Where the entry at hand
    also has a line over its dates (its employer, "Employer" / dates / "Title"), that line is the
    next entry's own, not this one's second line."""
    nxt = section[j + 1] if j + 1 < len(section) else ""
    m = DATE_RANGE_RE.search(nxt)
    return bool(m) and m.start() == 0 and len(nxt) - m.end() <= 2


def _head_before_trailing_dates(section: list[str], dates: list[int], k: int) -> list[str] | None:
    """A date column set beside the entries, its top level with each entry's title, is read after
    the entry's lines: employer, place, title, the sentences about the work, then the dates. Every
    entry shows it the same way: each date line stands alone after a sentence, the section opens
    with an entry's lines rather than dates, and only sentences follow the last dates. Then the
    k-th entry's lines are the short ones that open it (after the previous dates), not the next
    entry's lines that follow its dates. None when the section is not set so."""
    if len(dates) < 2 or dates[0] == 0:
        return None
    if not all(_date_only(section[i]) and _is_body_line(section[i - 1]) for i in dates):
        return None
    if not all(_is_body_line(line) for line in section[dates[-1] + 1 :]):
        return None
    head: list[str] = []
    for line in section[dates[k - 1] + 1 if k else 0 : dates[k]]:
        if _is_body_line(line):
            break
        head.append(line)
    # One line is a whole head when it holds the fields between commas ("Title, Employer, City.").
    return head if 2 <= len(head) <= 4 or (len(head) == 1 and _capitalised_fields(head[0])) else None


def _entry_side(section: list[str], dates: list[int], current: int) -> str | None:
    """ "below" when the other entries keep their title/employer under the dates, "above" when over them."""

    def holds(j: int) -> bool:
        return 0 <= j < len(section) and j not in dates and not _is_body_line(section[j])

    others = [i for i in dates if i != current]
    up = any(holds(i - 1) for i in others)
    down = any(holds(i + 1) for i in others)
    return "below" if down and not up else "above" if up and not down else None


_OTHER_LABEL_RE = re.compile(r"^[^\W\d_][\w ]{1,25}:\s")


def _keep(pieces: list[str]) -> list[str]:
    return [
        p
        for p in pieces
        if not re.fullmatch(r"[\W\d]+", p)
        and not starts_with_verb(p)
        and not _sentence_shape(p)
        and len(p) <= 80
        and not (_OTHER_LABEL_RE.match(p) and not (_TITLE_LABEL_RE.match(p) or _COMPANY_LABEL_RE.match(p)))
        and not _names_a_field(p)
    ]


_MONTH_ONLY_RE = re.compile(rf"(?:{MONTH_WORDS})\.?", re.IGNORECASE)


def _names_a_field(piece: str) -> bool:
    """ "Email", "SUMMARY", "aujourd'hui", "Septembre": a label, a heading, a month or a present
    marker is never a title or an employer."""
    return bool(
        is_label(piece)
        or _HEADING_OF.get(lower_key(piece))
        # A heading we know written in capitals without its accents ("EXPERIENCES PROFESSIONNELLES").
        or (piece.isupper() and _HEADING_UNACCENTED.get(_fold(piece)))
        or is_present(piece)
        or _MONTH_ONLY_RE.fullmatch(piece)
        or heading_word(piece)
    )


def _aside(line: str) -> bool:
    label = line.split(":", 1)[0]
    return bool(
        _OTHER_LABEL_RE.match(line)
        and not (_TITLE_LABEL_RE.match(line) or _COMPANY_LABEL_RE.match(line))
        and not _title_strength(label)
        and not DATE_RANGE_RE.search(label)
    )


def _wraps_onto(text: str, nxt: str) -> bool:
    """Does a job line cut by a narrow column continue on the next line ("..., Cascade Institute of" /
    "Technology", "..., Great Lakes State" / "University")?"""
    words = nxt.split()
    if not 1 <= len(words) <= 2 or not nxt[:1].isupper() or re.search(r"[\d,.;:!?()\t]", nxt) or "\t" in text:
        return False
    if re.search(r"\b(?:of|and|for|de|der|für|des|du|&)$", text.strip()):
        return True
    return ", " in text and len(words) == 1 and _ends_org(nxt) and not re.search(r"[,.;:!?)]$", text.strip())


def _title_wraps_onto(text: str, nxt: str) -> bool:
    """Does the title ending a job line run on to the next line, the line cut at the column's edge
    ("01.2021 – present<TAB>Acme Ltd, Gulu — Monitoring and Evaluation" / "Officer")? The last field
    of two or more words names no role, and with the word or two below it does, which no field above
    shows to be a title of its own."""
    words = nxt.split()
    if not 1 <= len(words) <= 2 or not nxt[:1].isupper() or re.search(r"[\d,.;:!?()\t]", nxt):
        return False
    if "\t" in text.strip():
        return False
    pieces = _split_pieces(text)
    last = pieces[-1] if pieces else ""
    return (
        len(last.split()) >= 2
        and text.rstrip().endswith(last)
        and not _title_strength(last)
        and not place_like(last)
        and not _ends_org(last)
        and bool(_title_strength(f"{last} {nxt.strip()}"))
    )


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
            and not place_like(line)
            and (_ends_org(line) or not _ends_org(out[-1]))
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


def _legal_tail(company: str) -> str | None:
    """ "Table Bay Logistics (Pty) Ltd Cape Town", "X S.A. de C.V. Guadalajara": the company up to
    its legal form, when one to three capitalised words after it read as a place."""
    words = company.split()
    for k in range(1, min(4, len(words) - 1)):
        head, tail = words[:-k], " ".join(words[-k:])
        if (
            head[-1].lower().strip(",") not in LEGAL_FORMS
            and head[-1].lower().rstrip(".,") not in LEGAL_FORMS
            and not _dotted_legal_form(head)
        ):
            continue
        if not all(w[:1].isupper() or w in {"de", "do", "da", "del", "am", "an", "upon"} for w in words[-k:]):
            return None
        if place_like(tail) or (
            all(w[1:].islower() for w in re.split(r"[ \-]", tail) if w[:1].isupper())
            and not _company_strength(tail)
            and not _title_strength(tail)
        ):
            return " ".join(head).rstrip(",")
        return None
    return None


_DOTTED_CAPITALS_RE = re.compile(r"(?:[A-Z]\.){3,},?")


def _dotted_legal_form(head: list[str]) -> bool:
    """Three or more capitals each with its full stop closing an employer's name ("Acme Group
    K.S.C.C.", "Acme W.L.L."): a legal form by its shape, whichever country's it is. Not the
    name's first word ("A.B.C. Tarrago" may be the whole name)."""
    return len(head) >= 2 and bool(_DOTTED_CAPITALS_RE.fullmatch(head[-1]))


def _tidy_company(company: str | None) -> str | None:
    if company:
        # "Leeside Pharma Ltd, Ringaskiddy, Co. Cork": after a legal or sector word, short
        # capitalised parts that are not themselves a legal form are the employer's place.
        parts = company.split(", ")
        for i in range(1, len(parts)):
            tail = parts[i:]
            if _ends_org(", ".join(parts[:i])) and all(
                len(t.split()) <= 3
                and t[:1].isupper()
                and not any(c.isdigit() for c in t)
                and not _ends_org(t)
                and not _title_strength(t)
                for t in tail
            ):
                company = ", ".join(parts[:i])
                break
        # "Table Bay Logistics (Pty) Ltd Cape Town": a place run on after the legal form.
        company = _legal_tail(company) or company
        # "Acme (London)" / "Acme (remote": the parenthesis is a place or a note, not the name.
        company = re.sub(r"\s*\([^)]*\)?\s*$", "", company).strip(" ,")
        # "Acme Ltd, London." / "Fernwerk GmbH, Berlin": the place after the comma is not the name.
        parts = company.split(", ")
        for i in range(1, len(parts)):
            if place_like(", ".join(parts[i:])):
                company = ", ".join(parts[:i])
                break
    return company or None


def _address_tail(value: str) -> str:
    """A form's "Name and address of employer: Lantern Bay, Aalborg": the last part is the address
    when it is one to three capitalised words with no digit and nothing of a company about it."""
    head, sep, tail = value.rpartition(", ")
    if (
        sep
        and head.strip()
        and 1 <= len(tail.split()) <= 3
        and all(w[:1].isupper() for w in tail.split())
        and not re.search(r"\d", tail)
        and not _company_strength(tail)
        and not _ends_org(tail)
    ):
        return head
    return value


def _pick_title_company(pieces: list[str]) -> tuple[str | None, str | None]:
    # "Organization: Designation": a table's header row, the labels of its columns, not a value.
    pieces = [p for p in pieces if not all(is_label(c) for c in re.split(r"\s*[:\t]\s*", p) if c)]
    labelled_title = next((m.group(1) for p in pieces if (m := _TITLE_LABEL_RE.match(p))), None)
    labelled_company = next((m.group(1) for p in pieces if (m := _COMPANY_LABEL_RE.match(p))), None)
    if labelled_title or labelled_company:
        rest = [p for p in pieces if not _TITLE_LABEL_RE.match(p) and not _COMPANY_LABEL_RE.match(p)]
        title, company = _pick_title_company_unlabelled(rest) if rest else (None, None)
        if labelled_company:
            labelled_company = _address_tail(labelled_company)
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


def _voted(
    pieces: list[str], section: list[str], ranges: list, jobs: list, current, depth: int = 2
) -> tuple[str, str] | None:
    """The entries of one résumé share a layout: the title sits on the same line of every entry,
    set the same way. When at least two entries break into as many pieces as the current one, the
    words of all of them vote on which place holds the title and which the employer, so that an
    entry whose own words say nothing ("Harbour Pilot" / "Tromvik") is read like its neighbours.
    Returns the current entry's (title, company) when the vote is clear, else None."""
    if (
        len(pieces) < 2
        or len(jobs) < 2
        or any(_TITLE_LABEL_RE.match(p) or _COMPANY_LABEL_RE.match(p) for p in pieces)
    ):
        return None  # a form's labelled fields say which is which
    shapes = []
    dates_lines = []
    side = _entry_side(section, [q[0] for q in ranges], current[0])
    for r in jobs:
        k = ranges.index(r)
        limit = ranges[k - 1][0] + 1 if k else 0
        # Read every entry the way the current one was read, or, where the lines around it gave no
        # side, from the side that gives it the current entry's shape.
        for way in [side] if side else ["below", "above", None]:
            other = pieces if r is current else _entry_pieces(section, r[0], limit, way, depth)
            if len(other) == len(pieces):
                shapes.append(other)
                dates_lines.append(section[r[0]])
                break
    if len(shapes) < 2:
        return None
    titles = [
        sum(_title_strength(e[i]) - _employer_evidence(e[i]) for e in shapes) for i in range(len(pieces))
    ]
    t = max(range(len(pieces)), key=lambda i: (titles[i], -i))
    # The title's place must win in more entries than the one being read, and outright.
    if sorted(titles)[-2] >= titles[t] or any(_is_label_piece(e[t]) for e in shapes):
        return None
    rest = [i for i in range(len(pieces)) if i != t]
    places = [i for i in rest if sum(1 for e in shapes if place_like(e[i])) * 2 > len(shapes)]
    places += [
        i
        for i in rest
        if i not in places
        and (
            _placed_beside_dates(i, shapes, dates_lines)
            or _alone_beside_dates(i, t, shapes, dates_lines, section)
        )
    ]
    rest = [i for i in rest if i not in places] or rest
    # Employers differ from entry to entry more often than the cities they are in do. Where the
    # words say no more, a piece set beside the dates while the others have lines of their own is
    # the place ("EMPLOYER" / "Title" / "Town | 2021-03-01 – now").
    beside = _beside_dates(section, current[0], pieces) if len(pieces) >= 3 else set()
    c = max(
        rest,
        key=lambda i: (
            sum(_employer_evidence(e[i]) - _title_strength(e[i]) for e in shapes),
            len({e[i] for e in shapes}),
            pieces[i] not in beside,
            -i,
        ),
    )
    return pieces[t], pieces[c]


def _placed_beside_dates(i: int, shapes: list[list[str]], dates_lines: list[str]) -> bool:
    """Every entry prints its i-th piece on its dates line with a comma after it: "04/2024 – atual
    <TAB> Tete, Moçambique", "Bukhara, 2021/11 – 2025/05". The dates and the place are an entry's
    side line, the title and the employer its head; so that piece is the place, whether or not
    any list knows the town, and the employer is among the others."""
    return all(re.search(rf"(?<!\w){re.escape(e[i])},\s", line) for e, line in zip(shapes, dates_lines))


def _beside_dates(section: list[str], idx: int, pieces: list[str]) -> set[str]:
    """The one piece the dated line holds, when the entry's other pieces stand on lines of their
    own over it: the dates and their place close the entry's head. (An employer set beside the
    dates opens it, its place and title under it.)"""
    dated = section[idx]
    m = DATE_RANGE_RE.search(dated)
    if not m:
        return set()
    own = set(_keep(_split_pieces(dated[: m.start()]) + _split_pieces(dated[m.end() :])))
    over = {p for line in section[max(0, idx - 2) : idx] for p in _split_pieces(line)}
    others = [p for p in pieces if p not in own]
    return own if len(own) == 1 and len(others) >= 2 and all(p in over for p in others) else set()


def _alone_beside_dates(
    i: int, t: int, shapes: list[list[str]], dates_lines: list[str], section: list[str]
) -> bool:
    """Every entry prints its i-th piece alone beside its dates, and its title with another piece
    as its head: joined in one cell ("Analyst, Brakevik" / "Tarrago · Feb 2022 to May 2025"), or
    on the lines right above the dates ("Analyst" / "Brakevik" / "Tarrago · Feb 2022 to May 2025").
    The title and the employer are the entry's head, the dates and the place its side line; so
    the i-th piece is the place, whether or not any list knows the town. Not where it shows
    anything of an employer ("Brakevik Ltd · 2019 – 2022"), nor where the title stands alone under
    it ("Brakevik · 2019 – 2022" / "Analyst" / "Highlights") or apart from the other piece across a
    column gap ("Brakevik <TAB> 2019 – 2022" / "Analyst <TAB> Tarrago": the town set at the right
    margin under the dates)."""
    return all(
        _names_piece(line, e[i])
        and not _employer_evidence(e[i])
        and not any(_names_piece(line, p) for k, p in enumerate(e) if k != i)
        and (_head_in_a_cell(e, i, t, section) or _head_above(e, i, t, section, line))
        for e, line in zip(shapes, dates_lines)
    )


def _head_in_a_cell(e: list[str], i: int, t: int, section: list[str]) -> bool:
    return any(
        _names_piece(cell, e[t]) and any(_names_piece(cell, p) for k, p in enumerate(e) if k not in (i, t))
        for head in section
        if e[t] in head
        for cell in head.split("\t")
    )


def _head_above(e: list[str], i: int, t: int, section: list[str], dates_line: str) -> bool:
    """The title and another piece on the (up to three) lines right above the dates line."""
    if dates_line not in section:
        return False
    at = section.index(dates_line)
    above = section[max(0, at - 3) : at]
    return any(_names_piece(line, e[t]) for line in above) and any(
        _names_piece(line, p) for line in above for k, p in enumerate(e) if k not in (i, t)
    )


def _names_piece(line: str, piece: str) -> bool:
    return bool(re.search(rf"(?<!\w){re.escape(piece)}(?!\w)", line))


def _is_label_piece(piece: str) -> bool:
    return bool(_TITLE_LABEL_RE.match(piece) or _COMPANY_LABEL_RE.match(piece) or ":" in piece)


def _through_shape(
    section: list[str], ranges: list, jobs: list, current, title, company, home=None, depth: int = 2
):
    """The current entry read through the shape all entries share (entry_shape.py), where the
    entry's own words left the title or the employer out or ran the two together; and the places
    the résumé names elsewhere taken off the employer's name."""
    heads, title, company = _shaped(section, ranges, jobs, current, title, company, depth)
    separated = known_places(heads, None)
    places = known_places(heads, home)
    mine = heads[jobs.index(current)]
    if (
        title
        and company
        and carries_place(mine, title, places)
        and not carries_place(mine, company, places)
        and not _title_strength(title)
        and not _company_strength(company)
    ):
        title, company = company, title  # the piece printed with its city is the employer
    if company in places:
        # "Panglao Harbour Provisions — Tagbilaran City": a place the résumé names (here, where the person
        # lives) is not the employer; the piece printed before it is.
        company = next(
            (tail[0] for cell in mine if (tail := place_tail(cell)) and tail[1] == company),
            _lone_other_cell(mine, title, places) or company,
        )
    return title, without_place(company, places, separated)


def _lone_other_cell(cells: list[str], title: str | None, places: set[str]) -> str | None:
    """ "EMPLOYER" / "Title" / "Town | 2021-03-01 – now": the place set as a cell of its own beside
    the dates is not the employer; the one cell of the head that is neither the title nor a place is."""
    others = [c for c in cells if c != title and c not in places and not place_like(c)]
    return others[0] if len(others) == 1 and not _sentence_shape(others[0]) else None


def _shaped(section: list[str], ranges: list, jobs: list, current, title, company, depth: int = 2):
    """(the heads of all entries, title, company) read through the entries' shared shape."""
    heads = []
    side = _entry_side(section, [r[0] for r in ranges], current[0])
    for r in jobs:
        k = ranges.index(r)
        limit = ranges[k - 1][0] + 1 if k else 0
        stop = ranges[k + 1][0] if k + 1 < len(ranges) else len(section)
        heads.append(entry_cells(section, r[0], limit, stop, side, depth))
    mine = heads[jobs.index(current)]
    pair = at_shape(heads, mine)
    if pair is not None:
        return heads, pair[0], _tidy_company(pair[1])
    shape = comma_shape(heads, mine)
    if shape is None:
        return heads, title, company
    shape_title, shape_company, title_known = shape
    shape_company = _tidy_company(shape_company) or shape_company
    if not title or not company or ", " in f"{title}{company}":
        # The words left a field out or ran the two together: the shape splits them, where it
        # agrees with what they did find.
        if not title or not company or shape_title in title or shape_title in company:
            return heads, shape_title, shape_company
        return heads, title, company
    if _title_as_employer(company, shape_title, title_known):
        return heads, shape_title, shape_company
    if title == shape_title and company not in shape_company and not _company_strength(company):
        return heads, title, shape_company  # "HIGHLIGHTS", "5 years" under the dates: nothing of an employer
    if company == shape_company and title != shape_title and title_known and not _title_strength(title):
        return heads, shape_title, company
    return heads, title, company


def _title_as_employer(company: str, shape_title: str, title_known: bool) -> bool:
    """The entry's own words took the piece its neighbours show to be the title for the employer
    ("Laboratory Technologist, Brakevik Mobile Money" with no word of either known, the town in its
    own cell read as the title): where the other entries' words show where the title stands, the
    shape they share reads this one."""
    return title_known and company == shape_title


def _cells_of(section: list[str], ranges: list, r, side: str | None, depth: int = 2) -> list[str]:
    k = ranges.index(r)
    limit = ranges[k - 1][0] + 1 if k else 0
    stop = ranges[k + 1][0] if k + 1 < len(ranges) else len(section)
    return entry_cells(section, r[0], limit, stop, side, depth)


def _head_lines(sections: dict[str, list[str]], lines: list[str], dated: str) -> list[str]:
    """The résumé's head: what stands before its first heading and in its summary, printed before
    the current entry's dated line (a résumé with no heading we know is all "_top", its entries too)."""
    try:
        before = set(lines[: lines.index(dated)])
    except ValueError:  # the dated line was rewritten (an open range): the heading alone says
        before = set(lines) if sections.get("experience") else set()
    return [line for line in (sections.get("_top") or []) + (sections.get("summary") or []) if line in before]


def _name_key(text: str) -> str:
    folded = unicodedata.normalize("NFKD", lower_key(text))
    return " ".join("".join(c for c in folded if not unicodedata.combining(c)).split())


def without_running_name(section: list[str], name: str | None) -> list[str]:
    """The person's name on a line of its own inside the work section: a page's running header or a
    sidebar drawn again on each page, read where the page breaks ("Title" / "Nərmin Rzalı" /
    "Employer"); it belongs to no entry. Spelled as the name was found, case and accents aside."""
    if not name or not section:
        return section
    key = _name_key(name)
    kept = [line for line in section if _name_key(line) != key]
    return kept if len(kept) < len(section) else section


def _not_the_entrys_own(head: list[str], lines: list[str], above: list[str]) -> list[str]:
    """The head less the lines the current entry reads as its own: a résumé with no work heading
    we know reads its first entry's head from the page's head ("SELMA OKAFOR DATA ENGINEER" over the
    contact row, over "Data Engineer, Acme  2021 – now"), and a line cannot repeat itself. A line
    printed twice (the title under the name, again over the dates) is still said twice."""
    if not head or not above:
        return head
    once = {line for line in above if lines.count(line) == 1}
    return [line for line in head if line not in once] if once & set(head) else head


def find_experience(
    sections: dict[str, list[str]], lines: list[str], home: str | None = None, name: str | None = None
) -> tuple[str | None, str | None, float | None]:
    section = worded_ends(
        stacked_years(without_durations(without_running_name(sections.get("experience") or [], name)))
    )
    ranges = _ranges(section)
    if ranges:
        # Each returns the section itself when it changes nothing: the ranges are read again only
        # where a line did change.
        mended = lone_starts(section, ranges)
        if mended is not section:
            section, ranges = mended, _ranges(mended)
        mended = join_connector_wraps(rejoin_wrapped_heads(section, [r[0] for r in ranges]))
        if mended is not section:
            section, ranges = mended, _ranges(mended)
    if not ranges and not section:
        # No work heading we know: everything but the education section (a degree's dates
        # must not make the university the current employer).
        schooling = set(map(id, sections.get("education") or []))
        # Its dates read the way a work section's are ("May 2023 – dabar": the word says "now").
        section = lone_starts(
            worded_ends(stacked_years([line for line in lines if id(line) not in schooling]))
        )
        ranges = _ranges(section)
    title = company = None
    if ranges:
        # "Availability: 2 days/week from January 2025": a date in some other field is no job.
        jobs = [r for r in ranges if not _aside(section[r[0]])] or ranges
        current = next((r for r in jobs if r[3]), None)
        if current is None:  # nothing open-ended: the one that ended last
            current = max(jobs, key=lambda r: (r[2], -r[0]))
        idx = ranges.index(current)
        prev_limit = ranges[idx - 1][0] + 1 if idx else 0
        side = _entry_side(section, [r[0] for r in ranges], current[0])
        trailing = _head_before_trailing_dates(section, [r[0] for r in ranges], idx)
        if trailing and len(trailing) == 1:
            trailing = _split_pieces(trailing[0])  # "Title, Employer, City.": its fields
        depth = head_depth(section, [r[0] for r in ranges])
        pieces = _keep(trailing) if trailing else _entry_pieces(section, current[0], prev_limit, side, depth)
        # A form's entry ("Dates: …", "Title: …", activities, "Employer: …"): its labelled fields
        # anywhere before the next entry's dates, however far below.
        stop = next((r[0] for r in ranges if r[0] > current[0]), len(section))
        pieces += [
            line
            for line in section[current[0] + 1 : stop]
            if (_TITLE_LABEL_RE.match(line) or _COMPANY_LABEL_RE.match(line)) and line not in pieces
        ]
        voted = _voted(pieces, section, ranges, jobs, current, depth)
        title, company = (voted[0], _tidy_company(voted[1])) if voted else _pick_title_company(pieces)
        title, company = _through_shape(section, ranges, jobs, current, title, company, home, depth)
        cells = entry_cells(section, current[0], prev_limit, stop, side, depth)
        head = _head_lines(sections, lines, section[current[0]])
        head = _not_the_entrys_own(head, lines, section[max(prev_limit, current[0] - 3) : current[0]])
        others = (
            [_cells_of(section, ranges, r, side, depth) for r in jobs if r is not current] if head else []
        )
        title, company = headline_title(cells, pieces, title, company, head, home, others)
        if title and not company:
            company = employer_before_place(cells, title) or employer_before_shared_place(
                [cells if r is current else _cells_of(section, ranges, r, side, depth) for r in jobs],
                cells,
                title,
                home,
            )
    years = _years_from_ranges(ranges)
    return _tidy_title(title), company, years


def _tidy_title(title: str | None) -> str | None:
    """ "Head of Cartography (current)", "Nurse (Leeds)": a note or a place in brackets after the
    title goes; what else the brackets hold is part of it ("Senior Staff Nurse (Band 6)")."""
    m = re.fullmatch(r"(.+?)\s*\(([^()]*)\)", title or "")
    if m and (is_present(m.group(2)) or place_like(m.group(2)) or DATE_RANGE_RE.search(m.group(2))):
        return m.group(1)
    return title
