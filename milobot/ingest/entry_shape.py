"""The shape a résumé gives all its job entries, learnt from the entries themselves.

A template prints every entry the same way: "Title at Employer", or "Employer, Title", or "Title,
Employer, City". Which words are a title and which an employer is often unknowable from the words
(a Norwegian title no list holds, an employer with no legal form), but the order is the same in
every entry, and some entry usually shows it (a title we do know, a legal form). So the shape is
read from all the entries of the résumé, and the current entry is read through it.
"""

from __future__ import annotations

import re

from .lexicon import LEGAL_FORMS
from .pieces import DOTTED_FORM_RE, _is_body_line
from .places import place_like
from .text import BULLET_RE, DATE_RANGE_RE, _company_strength, _title_strength

# "Røktar at Kelpmoor", "Ingénieure chez Valdoré SA". Not "en", "na", "em", "w": those are
# also the prepositions inside a title ("Ingeniera en sistemas").
_AT_RE = re.compile(r"^([^\W\d_][^,|@]{0,60}?)\s+(?:at|@|chez|bei|bij|hos|på|presso)\s+(\S.{0,80})$")
# A description run on after the entry's head in one paragraph ("…, Lindesnes. Fed the salmon …").
_SENTENCE_START_RE = re.compile(r"(?<=[^\W\d_]{3})\.\s+(?=[A-Z])")


_PART_SEP_RE = re.compile(r",\s+|\s+[—–|·•]\s+")


_NO_WORD_RE = re.compile(r"[\W\d]+")


def _cells(line: str) -> list[str]:
    """A line's cells with the dates taken out and any bullet dropped."""
    m = DATE_RANGE_RE.search(line)
    if m:
        line = f"{line[: m.start()]}\t{line[m.end() :]}"
    cells = []
    for cell in line.split("\t"):
        cell = BULLET_RE.sub("", cell.strip()).strip(" ,|·•–—-:")
        if cell and not _NO_WORD_RE.fullmatch(cell):
            cells.append(cell)
    return cells


def _head_line_stop(line: str) -> bool:
    """Where an entry's head ends: a sentence about the work, another entry's dates, a label."""
    return _is_body_line(line) or bool(DATE_RANGE_RE.search(line)) or ":" in line


def head_depth(section: list[str], dates: list[int]) -> int:
    """How many lines under its dates an entry's head may run to: two (a title and an employer),
    unless every entry, two at least, sets the same three or four short lines between its dates
    and its first sentence about the work. A grid that puts the dates and the place in one column
    and the title and employer in the next is read column by column ("2022 – now" / "Tarnby" /
    "Title" / "Employer"): its heads are three lines deep, the place first, in every entry."""
    if len(dates) < 2:
        return 2
    depths = set()
    for k, idx in enumerate(dates):
        stop = dates[k + 1] if k + 1 < len(dates) else len(section)
        n = 0
        for j in range(idx + 1, min(stop, idx + 6)):
            if _head_line_stop(section[j]):
                break
            n += 1
        depths.add(n)
        if len(depths) > 1:
            return 2
    depth = depths.pop()
    return depth if 3 <= depth <= 4 else 2


def entry_cells(
    section: list[str], idx: int, prev_limit: int, stop: int, side: str | None = None, depth: int = 2
) -> list[str]:
    """The cells of an entry's head: its dated line, then the lines just over it (nearest first)
    and just under it (only the side the résumé's other entries use, when they show one; `depth`
    lines at most, head_depth), up to a sentence about the work or another entry's dates."""
    above = range(idx - 1, max(prev_limit, idx - 3) - 1, -1) if side != "below" else range(0)
    below = range(idx + 1, min(stop, idx + 1 + depth)) if side != "above" else range(0)
    taken: dict[str, list[int]] = {"above": [], "below": []}
    for name, way in (("above", above), ("below", below)):
        for j in way:
            if _head_line_stop(section[j]):
                break
            taken[name].append(j)
    order = [*reversed(taken["above"]), idx, *taken["below"]]
    lines = _with_at_lines(_with_wrapped_legal_forms([_cells(section[j]) for j in order]))
    cells = dict(zip(order, lines, strict=True))
    return [c for j in [idx, *taken["above"], *taken["below"]] for c in cells[j]]


def _with_wrapped_legal_forms(lines: list[list[str]]) -> list[list[str]]:
    """A narrow column wraps "Cost Accountant at Tafelberg Quarry Holdings (Pty)" / "Ltd": a
    line that starts with only a legal form ends the employer in the first cell of the line before
    it (the column that wrapped), and is no cell of its own."""
    out: list[list[str]] = []
    for cells in lines:
        if out and out[-1] and cells and _legal_form_only(cells[0]):
            out[-1] = [f"{out[-1][0]} {cells[0]}", *out[-1][1:]]
            out.append(cells[1:])
        else:
            out.append(cells)
    return out


_AT_LINE_RE = re.compile(r"^(?:at|@|chez|bei|bij|hos|på|presso)\s+(?=[^\W_])")


def _with_at_lines(lines: list[list[str]]) -> list[list[str]]:
    """ "Buyer<TAB>2019 – 2022" / "at Fenwick Orchards, Tarrow": the word "at" opening a line goes on
    from the line before it (the title, its dates set beside it in another cell); the two read as
    one "Title at Employer" cell, and the line the employer stood on keeps its other cells."""
    out: list[list[str]] = []
    for cells in lines:
        prev = next((c for c in reversed(out) if c), None)
        if prev and cells and _AT_LINE_RE.match(cells[0]) and not _AT_RE.match(prev[0]):
            prev[0] = f"{prev[0]} {cells[0]}"
            out.append(cells[1:])
        else:
            out.append(list(cells))
    return out


def _at_pair(cell: str) -> tuple[str, str] | None:
    m = _AT_RE.match(cell)
    if not m or len(cell.split()) > 10:
        return None
    left, right = m.group(1).strip(), m.group(2).strip()
    if not (right[:1].isupper() or right[:1].isdigit()) or not left[:1].isupper():
        return None
    return left, right


def at_shape(entries: list[list[str]], current: list[str]) -> tuple[str, str] | None:
    """(title, employer) of the current entry when the résumé writes its entries "Title at
    Employer": two entries that do, or one whose words show a title or an employer."""
    pairs = [next(filter(None, map(_at_pair, cells)), None) for cells in entries]
    mine = next(filter(None, map(_at_pair, current)), None)
    if mine is None:
        return None
    known = any(p and (_title_strength(p[0]) or _company_strength(p[1])) for p in pairs)
    if sum(1 for p in pairs if p) >= 2 or known:
        return mine[0], _without_shared_tail(mine[1], [p[1] for p in pairs if p])
    return None


def _without_shared_tail(employer: str, employers: list[str]) -> str:
    """ "Fenwick Orchards, Tarrow" -> "Fenwick Orchards" when every entry of the résumé (two at
    least) prints its employer so, with a short capitalised part after a comma: that part is where
    the job was, not the employer's name, whether or not any list knows the place."""
    tails = [place_tail(e) for e in employers]
    if (
        len(employers) >= 2
        and all(t and t[2] == 2 and "," in e and not _legal_form_only(t[1]) for t, e in zip(tails, employers))
        and (mine := place_tail(employer))
    ):
        return mine[0]
    return employer


def _comma_parts(cells: list[str]) -> list[str] | None:
    """The first cell of an entry's head that is a list of two to four short parts, split at commas
    and at the dashes, bars and dots between fields."""
    for cell in cells:
        cell = _SENTENCE_START_RE.split(cell, maxsplit=1)[0]
        parts = [p.strip() for p in _PART_SEP_RE.split(cell)]
        if len(parts) == 1 and cell.count(" / ") == 1:
            # "Quarry Foreman / Breckon Stoneworks": a spaced slash between two fields, where
            # nothing else separates them; the entries' vote says which is which.
            parts = [p.strip() for p in cell.split(" / ")]
        if ":" in cell:
            continue  # a form's labelled field ("Company: Acme Co., Ltd."): its label says what it is
        if 2 <= len(parts) <= 4 and all(p and len(p.split()) <= 6 and not _legal_form_only(p) for p in parts):
            return parts
    return None


def _employer_evidence(part: str) -> int:
    """How much a part reads like an employer: its words, or a legal form's abbreviation closing it
    (dotted, "d.o.o.", or one short lower-case word with a full stop, "ehf.", whether or not any
    list knows the form)."""
    part = part.strip()
    return _company_strength(part) + (2 if DOTTED_FORM_RE.search(part) or _lower_form_closes(part) else 0)


def _lower_form_closes(part: str) -> bool:
    """ "Brakevik ehf.", "Tollund hf.": capitalised words, then one of one to four lower-case
    letters and a full stop. A title never ends so; a sentence's last word is longer."""
    words = part.split()
    last = words[-1] if words else ""
    return (
        2 <= len(words) <= 6
        and bool(re.fullmatch(r"[^\W\d_]{1,4}\.", last))
        and last[:-1].islower()
        and words[0][:1].isupper()
        and all(w[:1].isupper() for w in words[:-1] if len(w) > 3)
    )


def _employer_by_order(titles: list[int], candidates: list[int]) -> int | None:
    """No part shows an employer's words, but one shows a title's: of three parts, the one after the
    title that does not close the list ("Title, Employer, City": a place comes last)."""
    if len(titles) != 3 or len(candidates) != 3:
        return None
    t = max(candidates, key=lambda i: titles[i])
    if titles[t] <= 0 or sorted(titles)[-2] >= titles[t] or t == 2:
        return None
    return 1 if t == 0 else 0


def _legal_form_only(part: str) -> bool:
    """ "Ltd.", "S.A.": the tail of an employer's name ("Acme Co., Ltd."), never a part of its own."""
    words = part.lower().split()
    return bool(words) and all(w in LEGAL_FORMS or w.strip("().,") in LEGAL_FORMS for w in words)


def comma_shape(entries: list[list[str]], current: list[str]) -> tuple[str, str, bool] | None:
    """(title, employer, whether some entry's words showed the title's place) of the current entry when the résumé writes its entries as comma-separated
    parts in one order ("Employer, Title", "Title, Employer, City"): each part's place is voted on
    by the words of every entry with as many parts, so that an entry whose own words say nothing
    is read like its neighbours."""
    mine = _comma_parts(current)
    if mine is None:
        return None
    shapes = [p for cells in entries if (p := _comma_parts(cells)) and len(p) == len(mine)]
    if len(shapes) < 2:
        return None
    n = len(mine)
    titles = [sum(_title_strength(s[i]) - _employer_evidence(s[i]) for s in shapes) for i in range(n)]
    places = [sum(1 for s in shapes if place_like(s[i])) * 2 > len(shapes) for i in range(n)]
    employers = [-t for t in titles]
    candidates = [i for i in range(n) if not places[i]]
    if len(candidates) < 2:
        return None
    c = max(candidates, key=lambda i: employers[i])
    others = [i for i in candidates if i != c]
    if employers[c] <= 0 or any(employers[i] >= employers[c] for i in others):
        c = _employer_by_order(titles, candidates)
        if c is None:
            return None
        others = [i for i in candidates if i != c]
    t = max(others, key=lambda i: titles[i])
    if len(others) > 1 and sorted(titles[i] for i in others)[-2] >= titles[t]:
        # A place no list knows and a title no list knows: of three parts, the place is the one
        # that closes the list ("Title, Employer, City", "Employer, Title, City").
        if n != 3 or len(others) != 2 or c == 2:
            return None
        t = others[0]
    return mine[t], mine[c], titles[t] > 0


def place_tail(cell: str) -> tuple[str, str, int] | None:
    """ "Tallowfen Biotech · Ourém" -> ("Tallowfen Biotech", "Ourém", 2): the last part after a
    separator when it is one to three capitalised words with no digit and nothing of a title or
    an employer, the part before it, and how many parts the cell has."""
    parts = [p.strip() for p in _PART_SEP_RE.split(cell)]
    if len(parts) < 2:
        return None
    head, last = parts[-2], parts[-1]
    words = last.split()
    if (
        not head
        or not 1 <= len(words) <= 3
        or not all(w[:1].isupper() for w in words)
        or re.search(r"\d", last)
        or _company_strength(last)
        or _title_strength(last)
    ):
        return None
    return head, last, len(parts)


def known_places(heads: list[list[str]], home: str | None) -> set[str]:
    """Places this résumé names: the person's own city, and what follows a separator after a
    piece in some entry's head ("Acme · Ourém") when it is a place or names one twice."""
    seen: dict[str, int] = {}
    for cells in heads:
        for cell in cells:
            # Only the third of three parts or more ("Title, Employer, City") can be a place no
            # list knows: the second of two may be the employer, named again in the next entry.
            if (tail := place_tail(cell)) and tail[2] >= 3:
                seen[tail[1]] = seen.get(tail[1], 0) + 1
            elif tail and place_like(tail[1]):
                seen[tail[1]] = 2
    places = {p for p, n in seen.items() if n >= 2 or place_like(p)}
    if home:
        places.add(home.split(",")[0].strip())
    return {p for p in places if p}


def without_place(company: str | None, places: set[str], separated: set[str]) -> str | None:
    """ "Brindlemoor Labs Kestrelford" -> "Brindlemoor Labs": a city run on after an employer with no
    separator (a cell gap the text lost), when the résumé prints that city apart after another
    employer (`separated`), or names it (the person's city) and what stands before it reads as an
    employer on its own. "Stadtwerke München" for someone in München keeps its name."""
    if not company:
        return company
    for place in sorted(places, key=len, reverse=True):
        if company.endswith(" " + place) and len(company) > len(place) + 2:
            head = company[: -len(place)].rstrip(" ,")
            if (
                head
                and not head.endswith((" of", " de", " du", " da", " di", " für", " and", " &"))
                and (place in separated or _employer_evidence(head) > 0)
            ):
                return head
    return company


def carries_place(cells: list[str], piece: str, places: set[str]) -> bool:
    """Does an entry print this piece with a place after it ("Tallowfen Biotech · Ourém")? An
    employer is given its city; a title seldom is."""
    for cell in cells:
        tail = place_tail(cell)
        if tail and tail[0] == piece and (tail[1] in places or place_like(tail[1])):
            return True
    return False


_FIELD_SEP_RE = re.compile(r"\s[|·•—–@]\s|,\s|\sat\s")


def rejoin_wrapped_heads(section: list[str], dated: list[int]) -> list[str]:
    """ "Kestrel Ferries Oy | Harbour" / "Manager" / dates: a head line a narrow column
    wrapped. Where the other entries keep their "A | B" line right over their dates, an entry
    whose "A | B" line stands one short line higher had its last word or two wrapped onto a line
    of their own; they are put back."""

    def head_over(d: int) -> bool:
        return d >= 1 and bool(_FIELD_SEP_RE.search(section[d - 1])) and not _is_body_line(section[d - 1])

    if sum(1 for d in dated if head_over(d)) < 1:
        return section
    drop: set[int] = set()
    joined = list(section)
    for d in dated:
        a, b = d - 1, d - 2
        if head_over(d) or b < 0 or a in dated or b in dated:
            continue
        short = section[a].strip()
        words = short.split()
        if (
            1 <= len(words) <= 2
            and short[:1].isupper()
            and not re.search(r"[\d|·•—–@,:]", short)
            and not _is_body_line(section[a])
            and _FIELD_SEP_RE.search(section[b])
            and not _is_body_line(section[b])
            and not DATE_RANGE_RE.search(section[b])
        ):
            joined[b] = f"{section[b]} {short}"
            drop.add(a)
    return [line for i, line in enumerate(joined) if i not in drop] if drop else section


def employer_before_place(cells: list[str], title: str | None) -> str | None:
    """ "Harrowgate Freight, Singapore" under "Title<TAB>dates": the whole cell reads as a place
    ("X, Singapore" has a place's shape), so no employer was found; the part before a place that
    closes the cell, itself no place and not the title, is the employer."""
    for cell in cells:
        head, sep, last = cell.rpartition(", ")
        head = head.strip()
        if (
            sep
            and head
            and head != title
            and (title is None or title not in cell)
            and "," not in head
            and head[:1].isupper()
            and len(head.split()) <= 6
            and place_like(last)
            and not place_like(head)
            and not _title_strength(head)
        ):
            return head
    return None


def _employer_place_cell(cells: list[str], title: str | None) -> tuple[str, str] | None:
    """(employer, place) of the first cell of a head set as "Employer, Town" beside the title
    ("Tallowfen Biotech, Ourém" over "Title"): two parts, the last one to three capitalised words
    with nothing of a title or an employer, the first no title and no place."""
    for cell in cells:
        head, sep, last = (part.strip() for part in cell.rpartition(", "))
        words = last.split()
        if (
            sep
            and head
            and head[:1].isupper()
            and "," not in head
            and len(head.split()) <= 6
            and (title is None or title not in cell)
            and 1 <= len(words) <= 3
            and all(w[:1].isupper() for w in words)
            and not re.search(r"\d", last)
            and not _company_strength(last)
            and not _title_strength(last)
            and not _title_strength(head)
            and not place_like(head)
        ):
            return head, last
    return None


def employer_before_shared_place(
    heads: list[list[str]], mine: list[str], title: str | None, home: str | None
) -> str | None:
    """ "Oct 2023 – present | Lumenbrook Microfinance, Khujand" over "Grants Manager": no list knows
    the town, so the cell read as a place and no employer was found. When the entries share that
    shape ("X, Y" beside a title of its own), the closing part is a place in all of them once one
    entry shows it is (a town a list knows, the person's own, or one town after different
    employers); the part before it in the current entry is the employer."""
    pairs = [
        pair for cells in heads if (pair := _employer_place_cell(cells, title if cells is mine else None))
    ]
    own = _employer_place_cell(mine, title)
    if own is None or len(pairs) < 2:
        return None
    home_town = (home or "").split(",")[0].strip()
    towns = [last for _, last in pairs]
    shown = any(place_like(t) or t == home_town for t in towns) or any(
        len({head for head, last in pairs if last == t}) >= 2 for t in towns
    )
    return own[0] if shown else None


# A word that cannot end a name or a title: the line that ends in it goes on below.
_CONNECTOR_END_RE = re.compile(
    r"\s(?:and|of|for|&|de|der|des|du|di|da|do|für|und|et|y|e|van|von)$", re.IGNORECASE
)


def join_connector_wraps(section: list[str]) -> list[str]:
    """ "2021–present<TAB>Quarry Foreman, Breckon Stoneworks and" / "Aggregates, Tarrow.": a head
    line a narrow column cut after "and", "of", "für"… goes on on the next line, whatever that line
    holds after its first words (a comma, a place, a full stop); the two are one line again."""
    out: list[str] = []
    skip = False
    for i, line in enumerate(section):
        if skip:
            skip = False
            continue
        nxt = section[i + 1].strip() if i + 1 < len(section) else ""
        if (
            _CONNECTOR_END_RE.search(line.rstrip())
            and not _is_body_line(line)
            and nxt[:1].isupper()
            and len(nxt.split()) <= 6
            and "\t" not in nxt
            and not DATE_RANGE_RE.search(nxt)
            and not _is_body_line(nxt)
        ):
            out.append(f"{line.rstrip()} {nxt}")
            skip = True
        else:
            out.append(line)
    return out if len(out) != len(section) else section  # unchanged: the caller need not read it again
