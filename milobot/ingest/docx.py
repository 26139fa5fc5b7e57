"""DOCX resumes via python-docx: page headers and footers, then body paragraphs and tables in document
order."""

from __future__ import annotations

import io
import zipfile

from .labels import is_label
from .parse import parse_resume
from .types import FileResult, Limits


def _docx_text(document) -> str:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    lines: list[str] = []
    # Many templates put the name and contact line in the page header, in paragraphs, a table or
    # a text box; others set the name in the header and the address, phone and e-mail in the page
    # footer. Both belong to the person, read before the body, the header first: a footer's
    # contact line there sits where a contact block does, near the name.
    headers, footers = _page_margins(document)
    for part in headers + footers:
        for text in _all_paragraphs(part):
            if text not in lines:
                lines.append(text)
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(_paragraph_text(Paragraph(child, document)))
            lines += _all_paragraphs(child, only_boxes=True)
        elif tag == "tbl":
            lines += _table_lines(Table(child, document))
    return "\n".join(lines)


def _page_margins(document) -> tuple[list, list]:
    """The XML of every page header, and of every page footer, of every section: first-page and
    even-page variants included (a template may keep its contact line only on page one), each
    stored part once (a section linked to the one before it shares that one's part)."""
    headers: list = []
    footers: list = []
    seen: set[int] = set()
    even_pages = document.settings.odd_and_even_pages_header_footer
    for section in document.sections:
        # A variant Word does not show (its switch is off) may hold a template's leftovers.
        variants = ["first_page_"] if section.different_first_page_header_footer else []
        variants += [""] + (["even_page_"] if even_pages else [])
        for parts, margin_kind in ((headers, "header"), (footers, "footer")):
            for variant in variants:
                margin = getattr(section, variant + margin_kind)
                if margin.is_linked_to_previous:
                    continue  # none of its own: the previous section's, read already (or none)
                element = margin._element
                if id(element) not in seen:
                    seen.add(id(element))
                    parts.append(element)
    return headers, footers


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_PIECE = {f"{_W}br": "\n", f"{_W}cr": "\n", f"{_W}tab": "\t"}
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def _all_paragraphs(element, *, only_boxes: bool = False) -> list[str]:
    """Text of every paragraph under element (table cells and text boxes included); with
    only_boxes, just those inside text boxes (a floating contact block in the body)."""
    roots = list(element.iter(f"{_W}txbxContent")) if only_boxes else [element]
    out: list[str] = []
    for root in roots:
        for p in root.iter(f"{_W}p"):
            if any(a.tag == _FALLBACK for a in p.iterancestors()):
                continue  # the VML copy of a text box already read from its DrawingML twin
            own = [
                _PIECE.get(e.tag, e.text or "")
                for e in p.iter(f"{_W}t", f"{_W}br", f"{_W}cr", f"{_W}tab")
                if next(e.iterancestors(f"{_W}p")) is p
            ]
            for text in "".join(own).split("\n"):
                text = text.strip()
                if text and text not in out:
                    out.append(text)
    return out


def _unwrap_all_content_controls(document) -> None:
    """Content controls unwrapped in the body and in every page header and footer the document
    defines (read through its relationships, so that no header is created by asking for one)."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    _unwrap_content_controls(document.element.body)
    for rel in document.part.rels.values():
        if rel.reltype in (RT.HEADER, RT.FOOTER) and not rel.is_external:
            _unwrap_content_controls(rel.target_part.element)


def _unwrap_content_controls(root) -> None:
    """Replace each content control (w:sdt) under root by what it holds, in place.

    Office's own templates keep the name, the contact line and every job in content controls:
    at body level around paragraphs and tables, inside a paragraph around runs, inside a table
    around rows or cells. python-docx reads none of them (a paragraph's text is its direct runs, a
    table's rows its direct w:tr), so unwrapped once, they read like any other paragraph, row or
    cell, in document order. A control still showing its placeholder prompt holds no content."""
    for sdt in list(root.iter(f"{_W}sdt")):
        parent = sdt.getparent()
        if parent is None:
            continue
        content = sdt.find(f"{_W}sdtContent")
        properties = sdt.find(f"{_W}sdtPr")
        if properties is not None and properties.find(f"{_W}showingPlcHdr") is not None:
            content = None
        at = parent.index(sdt)
        for offset, child in enumerate(list(content) if content is not None else []):
            parent.insert(at + offset, child)
        parent.remove(sdt)


def _paragraph_text(paragraph) -> str:
    """A paragraph's text, with a label its runs set apart kept apart: "Address  Serowe" whose
    "Address" is set bold (or in another colour or size) and the value plain reads
    "Address<TAB>Serowe", as the same two in two table cells do, so the label never runs into the
    value it names. Only a lead that is a field label counts: a bold job title before a plain
    " – Employer" stays one line."""
    text = paragraph.text
    runs = paragraph.runs
    lead = ""
    for k, run in enumerate(runs[:-1]):
        lead += run.text
        label = lead.strip()
        if len(label) > 40:
            break
        # Words first (a set lookup), the runs' look (their styles) only for a label's words.
        if not is_label(label) or label.endswith((":", "：")) or not text.startswith(lead):
            continue
        value = text[len(lead) :].strip()
        style_font = paragraph.style.font if paragraph.style is not None else None
        first = _run_look(runs[0], style_font)
        if value and all(_run_look(r, style_font) == first for r in runs[1 : k + 1]):
            if _run_look(runs[k + 1], style_font) != first:
                return f"{label}\t{value}"
        break
    return text


def _run_look(run, style_font) -> tuple:
    """What sets a run apart to the eye: weight, slant, colour and size (the paragraph style's
    weight and slant where the run sets none)."""
    bold = run.bold if run.bold is not None else bool(style_font and style_font.bold)
    italic = run.italic if run.italic is not None else bool(style_font and style_font.italic)
    colour = run.font.color.rgb if run.font.color is not None and run.font.color.type is not None else None
    return bold, italic, colour, run.font.size


def _headline(document) -> str | None:
    """The name as the document sets it: the paragraphs at the top in the largest type, when that
    is larger than the body's. A sidebar cell often sets the first names and the surname as two
    paragraphs ("Ana Beatriz" / "Souza"); read together they are the whole name, as a PDF's largest
    type near the top is."""
    from docx.text.paragraph import Paragraph

    from .text import NOT_NAMES, _fold, _heading_kind

    sized: list[tuple[float, str]] = []
    roots = _page_margins(document)[0] + [document.element.body]
    for root in roots:
        for p in root.iter(f"{_W}p"):
            paragraph = Paragraph(p, document)
            text = paragraph.text.strip()
            if text and len(sized) < 40:
                # "CURRICULUM VITAE" set as large as the name above it is not a part of it.
                title_word = _fold(text) in NOT_NAMES or _heading_kind(text)
                sized.append((-1.0 if title_word else _type_size(paragraph), text))
    if not sized:
        return None
    largest = max(size for size, _ in sized[:12])
    sizes = [size for size, _ in sized]
    body = max(set(sizes), key=sizes.count)
    if largest <= body:
        return None
    start = next(i for i, (size, _) in enumerate(sized) if size == largest)
    parts = []
    for size, text in sized[start : start + 3]:
        if size != largest:
            break
        parts.append(text)
    headline = " ".join(parts)
    return headline if len(headline.split()) <= 6 else None


def _type_size(paragraph) -> float:
    """The largest type of a paragraph's runs, from the run or else its paragraph's style chain;
    0 where neither says (the document's default)."""
    style_size = 0.0
    style = paragraph.style
    while style is not None and not style_size:
        style_size = style.font.size.pt if style.font.size else 0.0
        style = style.base_style
    return max((run.font.size.pt if run.font.size else style_size for run in paragraph.runs), default=0.0)


def _cell_text(cell, depth: int) -> str:
    """A cell's paragraphs and, in place, the tables nested in it (a sidebar layout's job grid)."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    out: list[str] = []
    for child in cell._tc.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            out.append(_paragraph_text(Paragraph(child, cell)))
        elif tag == "tbl" and depth < 3:
            out += _table_lines(Table(child, cell), depth + 1)
    return "\n".join(out).strip()


def _table_lines(table, depth: int = 0) -> list[str]:
    """Cells in reading order, keeping what the table's shape says: a "Label | value" row becomes
    "Label<TAB>value", and rows under a header of field names become "Header: cell" lines."""
    rows: list[list[str]] = []
    for row in table.rows:
        seen = set()
        cells = []
        for cell in row.cells:
            if id(cell._tc) in seen:  # merged cells repeat
                continue
            seen.add(id(cell._tc))
            cells.append(_cell_text(cell, depth))
        rows.append(cells)
    lines: list[str] = []
    header: list[str] | None = None
    form_labels = _form_label_column(rows)
    for cells in rows:
        filled = [c for c in cells if c]
        if len(filled) >= 2 and all(is_label(c) for c in filled) and sum(is_label(c) for c in cells) >= 2:
            header = cells  # "Period | Company | Position"
            continue
        if header and len(cells) == len(header):
            lines += [f"{h.rstrip(':')}: {c}" if h and c else c for h, c in zip(header, cells)]
            continue
        header = None
        if len(filled) == 2 and (is_label(filled[0]) or filled[0] in form_labels) and not is_label(filled[1]):
            lines.append(f"{filled[0]}\t{filled[1]}")
            continue
        lines += cells
    return lines


def _form_label_column(rows: list[list[str]]) -> set[str]:
    """The left cells of a form's label column, known words or not.

    A form (Europass's "Dates | Employer | Position" per job, in any language) sets a narrow
    column of labels beside the values. Where the left column already holds two field labels
    we know, and nearly every other left cell beside a value is as short, word-like text, those
    cells are labels too ("Datas", "Empregador"): read as labels, they never pass for a job title.
    A job grid's left column (employers beside dates, dates beside titles) holds no two labels."""
    pairs = [(cells[0], cells[1]) for cells in rows if len(cells) == 2 and cells[0] and cells[1]]
    if sum(is_label(left) for left, _ in pairs) < 2:
        return set()
    short = [left for left, _ in pairs if _label_like(left)]
    if len(short) < 0.8 * len(pairs):
        return set()
    return set(short)


def _label_like(text: str) -> bool:
    """Short word-like text, as a label is: a few words, no digits, no address or link."""
    return len(text) <= 40 and len(text.split()) <= 4 and not any(c.isdigit() or c in "@/\n" for c in text)


def extract_docx(filename: str, data: bytes, limits: Limits) -> FileResult:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
        _unwrap_all_content_controls(document)
        text = _docx_text(document)
        headline = _headline(document)
    except (
        PackageNotFoundError,
        zipfile.BadZipFile,
        KeyError,
        ValueError,
        AttributeError,
        TypeError,
        OSError,
    ) as exc:
        return FileResult(
            filename, "corrupt", f"This Word document is damaged and can't be read ({type(exc).__name__})."
        )
    except Exception as exc:  # noqa: BLE001 - lxml raises its own family for malformed XML
        return FileResult(
            filename, "corrupt", f"This Word document is damaged and can't be read ({type(exc).__name__})."
        )
    if len(text.strip()) < 20:
        return FileResult(filename, "no_text", "This Word document has no text in it.")
    profile = parse_resume(text, filename, headline=headline)
    if profile.is_empty():
        return FileResult(
            filename,
            "no_profiles",
            "We read this document but found no name, e-mail or phone number in it; is it a resume?",
        )
    evidence = {"text": text, "headline": headline, "links": []} if limits.keep_evidence else None
    return FileResult(filename, "ok", "Extracted 1 candidate.", [profile], evidence)
