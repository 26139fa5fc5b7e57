"""The current title the résumé says twice: once in its current entry, once at its head.

People print their current job title under their name ("Netagerðarmeistari") or open their
summary with it ("Netagerðarmeistari with 9 years of experience"). Where the entry's own words
cannot tell the title from the employer (a title and an employer no list knows), the part of the
current entry the head of the résumé repeats is the title; the employer is then the other part.
"""

from __future__ import annotations

import re

from .entry_shape import _PART_SEP_RE
from .pieces import _is_body_line
from .places import place_like
from .text import _company_strength, _title_strength, lower_key


def _said(part: str, head: list[str], places: set[str]) -> bool:
    """Does a line of the résumé's head print this part alone, or open a sentence with it?"""
    key = lower_key(part.strip())
    if (
        len(key) < 4
        or len(key.split()) > 5
        or re.search(r"\d", key)
        or not part[:1].isupper()
        or place_like(part)
        or _is_body_line(part)
        or key.strip(".") in places
    ):
        return False  # a title is a few words, never a place or a sentence about the work
    for line in head:
        low = lower_key(line.strip())
        # "Tollvörður with 9 years …" opens a sentence; "Great Lakes State University" names more.
        if low == key or (low.startswith(key + " ") and _next_word_lower(line.strip(), len(part.strip()))):
            return True
    return False


def _next_word_lower(line: str, at: int) -> bool:
    rest = line[at:].split()
    return bool(rest) and rest[0][:1].islower()


def headline_title(
    cells: list[str],
    pieces: list[str],
    title: str | None,
    company: str | None,
    head: list[str],
    home: str | None = None,
    other_heads: list[list[str]] | None = None,
) -> tuple[str | None, str | None]:
    """(title, company) of the current entry, its cells and pieces read against the résumé's head
    lines (what stands before the first section and the summary); home, the person's own place,
    printed at the head too, is never the title. A part the other entries' heads (other_heads)
    print too is left alone: a department or an employer kept from job to job, named at the head
    as an address."""
    parts: list[tuple[str, list[str]]] = []  # (part, the other parts of its cell)
    for cell in cells:
        split = [p.strip() for p in _PART_SEP_RE.split(cell) if p.strip()]
        parts += [(p, [q for q in split if q != p]) for p in split]
    parts += [(p, []) for p in pieces]
    places = {lower_key(home.split(",")[0].strip())} if home else set()
    said = {p for p, _ in parts if _said(p, head, places)}
    if len(said) != 1:
        return title, company
    (mine,) = said
    elsewhere = {p.strip() for cells in other_heads or [] for cell in cells for p in _PART_SEP_RE.split(cell)}
    if mine in elsewhere:
        return title, company
    if mine == title or _company_strength(mine) > _title_strength(mine):
        return title, company  # the employer's name at the head: an address, a letterhead
    others = [o for p, rest in parts if p == mine for o in rest if not place_like(o)]
    if mine == company:
        return mine, title or (others[0] if others else None)
    if company is None:
        company = others[0] if len(others) == 1 else company
    return mine, company
