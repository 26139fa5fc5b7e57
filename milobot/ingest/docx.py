"""DOCX resumes via python-docx: body paragraphs and tables in document order, plus header text."""

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
    for section in document.sections[:1]:
        # Many templates put the name and contact line in the page header.
        lines += [p.text for p in section.header.paragraphs if p.text.strip()]
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(child, document).text)
        elif tag == "tbl":
            lines += _table_lines(Table(child, document))
    return "\n".join(lines)


def _table_lines(table) -> list[str]:
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
            cells.append(cell.text.strip())
        rows.append(cells)
    lines: list[str] = []
    header: list[str] | None = None
    for cells in rows:
        filled = [c for c in cells if c]
        if len(filled) >= 2 and all(is_label(c) for c in filled) and sum(is_label(c) for c in cells) >= 2:
            header = cells  # "Period | Company | Position"
            continue
        if header and len(cells) == len(header):
            lines += [f"{h.rstrip(':')}: {c}" if h and c else c for h, c in zip(header, cells)]
            continue
        header = None
        if len(filled) == 2 and is_label(filled[0]) and not is_label(filled[1]):
            lines.append(f"{filled[0]}\t{filled[1]}")
            continue
        lines += cells
    return lines


def extract_docx(filename: str, data: bytes, limits: Limits) -> FileResult:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
        text = _docx_text(document)
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
    profile = parse_resume(text, filename)
    if profile.is_empty():
        return FileResult(
            filename,
            "no_profiles",
            "We read this document but found no name, e-mail or phone number in it; is it a resume?",
        )
    return FileResult(filename, "ok", "Extracted 1 candidate.", [profile])
