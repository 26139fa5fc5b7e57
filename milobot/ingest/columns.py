"""Two-column pages: find a vertical gutter from glyph positions and read each column on its own.

pypdf emits text in content-stream order. A two-column résumé (a "Deedy" layout, a sidebar)
often draws the sidebar, then the main column's right-aligned dates, then the main column, so
the plain text interleaves a school with an employer and a city with a title. When the page
looks multi-column (pypdf's order jumps back up the page), we look for a gutter: an x where a
column of text starts on many rows, that no line to its left runs across, and that has a
section heading on both sides. Rows that do cross it (the name, a contact line across the top)
are kept in place; between them, the narrower column (sidebar: contact, skills) is read first,
then the wider one, each row of it joined left to right with a TAB at a wide gap.
"""

from __future__ import annotations

from dataclasses import dataclass

# Under-estimate a run's width here (a run that seems to cross the gutter keeps its row whole).
_EM_PER_CHAR = 0.45
_GAP_EMS = 2.0
# Lower-case text's width, a little more than the under-estimate above: where a gap is judged in
# the smaller type's ems, only a real gap may count.
_EM_PER_LOWER = 0.5


@dataclass
class Piece:
    order: int
    x: float
    y: float
    size: float
    text: str
    sep_before: str  # the whitespace pypdf put between the previous visible piece and this one

    @property
    def end(self) -> float:
        return self.x + len(self.text) * _EM_PER_CHAR * self.size


def looks_multicolumn(pieces: list[Piece]) -> bool:
    """Cheap test: does the emission order climb back up the page after having come down?"""
    low = None
    jumps = 0
    for p in pieces:
        if low is not None and p.y > low + 4 * p.size:
            jumps += 1
            low = p.y
        low = p.y if low is None else min(low, p.y)
    return jumps >= 1


def _rows(pieces: list[Piece]) -> list[list[Piece]]:
    rows: list[list[Piece]] = []
    for p in sorted(pieces, key=lambda p: (-p.y, p.x)):
        if rows and abs(rows[-1][0].y - p.y) < 0.35 * max(p.size, rows[-1][0].size):
            rows[-1].append(p)
        else:
            rows.append([p])
    return rows


def value_column_edges(rows: list[list[Piece]]) -> frozenset[int]:
    """The x where at least four pieces that follow another on their row start: the edge of a
    value column beside a label column ("Address   Ulica 5, Pécs" / "Phone   +36 …"), the same
    signal the plain reading takes (pdftext._value_column), for rows rebuilt from positions."""
    counts: dict[int, int] = {}
    for row in rows:
        for p in sorted(row, key=lambda p: p.x)[1:]:
            counts[round(p.x)] = counts.get(round(p.x), 0) + 1
    return frozenset(x for x, n in counts.items() if n >= 4)


def _row_text(row: list[Piece], edges: frozenset[int] = frozenset()) -> str:
    row = sorted(row, key=lambda p: p.x)
    out = ""
    for i, p in enumerate(row):
        if i:
            prev = row[i - 1]
            if round(p.x) in edges and (p.text[:1].isspace() or bool(p.sep_before)):
                # A value column's edge, where a word gap stands: a field boundary however narrow.
                out = out.rstrip(" ") + "\t"
                p = Piece(p.order, p.x, p.y, p.size, p.text.lstrip(" "), "")
            elif p.order == prev.order + 1 and "\n" not in p.sep_before:
                out += p.sep_before
            elif p.x - prev.end > _GAP_EMS * max(p.size, prev.size) or _apart_in_size(prev, p):
                out += "\t"
            elif not out.endswith((" ", "\t")) and not p.text.startswith((" ", "\t")):
                out += " "
        out += p.text
    return out.strip()


def _apart_in_size(prev: Piece, p: Piece) -> bool:
    """Two pieces drawn apart (not one after the other) in type of clearly different sizes, with
    more than an em of the smaller type between them: a note set in the margin beside the body
    ("55325 Tarrago" right-aligned by a marginpar, the name in large type level with it), a
    heading beside an entry. Never one field, though the gap is narrow next to the large type."""
    small, large = sorted((prev.size, p.size))
    if p.order == prev.order + 1 or small <= 0 or large / small <= 1.25:
        return False
    narrow_end = prev.x + len(prev.text) * _EM_PER_LOWER * prev.size
    return p.x - narrow_end > small


def split_columns(pieces: list[Piece], is_heading) -> str | None:
    """The page's text read column by column, or None when there is no clear gutter."""
    pieces = [p for p in pieces if p.text.strip() and p.size > 0]
    if len(pieces) < 12:
        return None
    rows = _rows(pieces)
    left_margin = min(p.x for p in pieces)
    starts: dict[int, int] = {}
    for p in pieces:
        starts[round(p.x)] = starts.get(round(p.x), 0) + 1
    best = None
    for x0, count in starts.items():
        if count < 5 or x0 < left_margin + 60:
            continue
        gutter = x0 - 1.5
        spanning = 0
        sides = [0, 0]
        headings = [False, False]
        for row in rows:
            if _crosses(row, gutter):
                spanning += 1
                continue
            left = [p for p in row if p.x < gutter]
            right = [p for p in row if p.x >= gutter]
            for k, side in enumerate((left, right)):
                if side:
                    sides[k] += 1
                    headings[k] = headings[k] or bool(is_heading(_row_text(side)))
        if min(sides) < 5 or not all(headings) or spanning > 0.3 * len(rows):
            continue
        score = sides[0] + sides[1] - 3 * spanning
        if best is None or score > best[0]:
            best = (score, gutter)
    if best is None:
        return None
    return _read(rows, _widened(rows, pieces, best[1]), is_heading)


def _widened(rows: list[list[Piece]], pieces: list[Piece], gutter: float) -> float:
    """The gutter moved left to the first of the pieces that start a little left of it, when that
    crosses no more rows: a job title set a few points out of its column (hanging into the margin)
    belongs to the column, not across both."""
    near = [p.x for p in pieces if gutter - 10 <= p.x < gutter]
    if not near:
        return gutter
    moved = min(near) - 1.5
    crossing = sum(1 for row in rows if _crosses(row, gutter))
    return moved if sum(1 for row in rows if _crosses(row, moved)) <= crossing else gutter


def _crosses(row: list[Piece], gutter: float) -> bool:
    return any(p.x < gutter < p.end for p in row)


def _read(rows: list[list[Piece]], gutter: float, is_heading) -> str:
    out: list[str] = []
    band: list[list[Piece]] = []
    head = [True]

    def flush() -> None:
        # The page's head set in one column's width (name, title, contact line over the main
        # column, the other column starting lower): the page's first rows on one side, up to the
        # first row on the other side or a section heading, belong to neither column's sections;
        # they stay first.
        sides = {p.x < gutter for p in band[0]} if head[0] and band else set()
        while len(sides) == 1 and band and {p.x < gutter for p in band[0]} == sides:
            if is_heading(_row_text(band[0])):
                break
            out.append(_row_text(band.pop(0)))
        head[0] = head[0] and not band
        left = [r for row in band if (r := [p for p in row if p.x < gutter])]
        right = [r for row in band if (r := [p for p in row if p.x >= gutter])]
        if left and right:
            left_width = gutter - min(p.x for r in left for p in r)
            right_width = max(p.end for r in right for p in r) - gutter
            if right_width < left_width:
                left, right = right, left  # the narrower column (a sidebar) first
        out.extend(_row_text(r) for r in left + right)
        band.clear()

    for row in rows:
        if _crosses(row, gutter):
            flush()
            out.append(_row_text(row))  # a line across both columns: the name, a contact line
            head[0] = False  # the page's head is this line; what follows is the columns'
        else:
            band.append(row)
    flush()
    return "\n".join(line for line in out if line)
