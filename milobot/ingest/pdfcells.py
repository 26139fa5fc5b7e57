"""A short field set flush against the right end of a row, in a text object of its own: the town
after an employer in a flexbox row ("Caskadel Clinical Research" … "Gjakovë"), drawn as two boxes
that a long name can push together until they touch ("…SARLAtakpamé"). Nothing in the text tells
the two apart; the PDF does: the second box is a text object of its own, in the same font and size,
the last thing on its row, after one other piece that ends in a letter, in the body's type size."""

from __future__ import annotations

import re

from .columns import Piece

# One to three capitalised words, no digit: a town, a region ("Gjakovë", "San Miguel").
_SHORT_FIELD_RE = re.compile(r"\s*[^\W\d_][^\W\d]*(?:[ -][^\W\d_][^\W\d]*){0,2}\s*")


def split_right_cells(parts: list[str], placed: list[Piece], cells: list[tuple[int, int]]) -> None:
    """TAB before each candidate (index in parts, index in placed) that closes its row and holds
    a short capitalised field: a cell boundary, however narrow the gap before it. Candidates are the
    pieces read_page saw start a new text object in the font and size of the one piece before them
    on their row."""
    if not cells:
        return
    sizes = sorted(p.size for p in placed)
    body = sizes[len(sizes) // 2]
    for i, j in cells:
        piece = placed[j]
        before = parts[i - 1].rstrip("\n") if i else ""
        if piece.size > 1.15 * body or not (before[-1:].isalnum() or before.endswith(".")):
            # A name set big ("Fatima" "Khattak" in two colours), or a piece that ends in a word
            # space or a comma of its own ("Name, " "Title"): one field, or fields already apart.
            continue
        following = placed[j + 1] if j + 1 < len(placed) else None
        closes_row = following is None or abs(following.y - piece.y) >= 0.35 * max(piece.size, following.size)
        text = piece.text.strip()
        if (
            closes_row
            and _SHORT_FIELD_RE.fullmatch(text)
            and text[:1].isupper()
            and parts[i].strip() == text
            and "\n" not in parts[i]
        ):
            parts[i] = "\t" + text + parts[i][len(parts[i].rstrip()) :]
            placed[j] = Piece(piece.order, piece.x, piece.y, piece.size, "\t" + text, "")
