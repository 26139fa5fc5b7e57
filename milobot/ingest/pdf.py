"""PDF resumes: one text pass with pypdf; a second reading, rows rebuilt from the same glyph positions, only when the first reads poorly."""

from __future__ import annotations

import io
import logging
import time
import warnings

from .parse import parse_resume, profile_quality
from .pdflinks import PdfLink, page_links
from .pdftext import headline as big_line
from .pdftext import read_page, rows_text
from .text import DATE_RANGE_RE
from .types import FileResult, Limits

# pypdf logs every recoverable oddity; a hostile upload would flood the service log.
logging.getLogger("pypdf").setLevel(logging.ERROR)

MIN_TEXT_CHARS = 40


class PassStats:
    """How often the second (layout-mode) pass ran and the CPU each pass took, in this process.
    Read by the benches (bench/ingest_extract.py); two clock reads per file cost nothing measurable."""

    def __init__(self) -> None:
        self.files = self.second = self.taken = 0
        self.first_cpu = self.second_cpu = 0.0


stats = PassStats()


def _read_text(
    reader, max_pages: int, mode: str, rows: list | None = None, reordered: list | None = None
) -> tuple[str, str | None, list[PdfLink]]:
    """(text, headline, links): the text of the first max_pages pages, the first page's big-font
    line, and the link annotations with the text under them (plain mode only). In plain mode,
    `rows` (a list) receives each page's text rebuilt row by row from the glyph positions."""
    parts = []
    headline = None
    links: list[PdfLink] = []
    for i, page in enumerate(reader.pages[:max_pages]):
        if mode == "layout":
            parts.append(page.extract_text(extraction_mode="layout", layout_mode_space_vertically=False))
        else:
            page_text = read_page(page)
            parts.append(page_text.text)
            if rows is not None:
                rows.append(rows_text(page_text.pieces))
            if reordered is not None and page_text.reordered:
                reordered.append(i)
            if i == 0:
                headline = big_line(page_text.big)
            if i < 2:  # contact details sit on the first page, at worst the second
                links += page_links(page, page_text.pieces)
    return "\n".join(parts), headline, links


def _needs_second_pass(p) -> bool:
    """Plain order failed where layout order may not: no name or no e-mail address, or a work history
    whose current title and employer were both lost (dates read apart from their entries). A missing
    phone number or place alone is not a sign: many templates show neither."""
    return not (p.name and p.email) or not (p.current_title or p.current_company)


def _dates_apart(text: str) -> bool:
    """Two date ranges on lines of their own, one after the other: a date column emitted apart from
    the entries it belongs to, so plain order cannot say which date goes with which job."""
    previous = False
    for line in text.splitlines():
        line = line.strip()
        m = DATE_RANGE_RE.search(line) if line else None
        alone = bool(m) and m.start() == 0 and len(line) - m.end() <= 2
        if alone and previous:
            return True
        previous = alone
    return False


def _keep_contact(alt, first):
    """The second reading, taken for the order of its entries, with the contact details only the
    first one read whole: rows rebuilt across a grid of labelled cells can run a wrapped cell into
    its neighbour's row, losing the place under "Location" or the head of an address cut at its
    hyphen ("jana-" / "novak@…")."""
    if not alt.location and first.location:
        alt.location = first.location
    if alt.email and first.email and first.email != alt.email and first.email.endswith(alt.email):
        if first.email[: -len(alt.email)].endswith(("-", ".", "_")):
            alt.email = first.email
    return alt


def _core(p) -> int:
    return sum(1 for v in (p.name, p.email, p.phone) if v)


def extract_pdf(filename: str, data: bytes, limits: Limits) -> FileResult:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    tail = data[-2048:]
    if b"%%EOF" not in tail and b"startxref" not in tail:
        # pypdf can rebuild a cross-reference table from a cut-off file, but what it finds is
        # a fragment; tell the user to re-send rather than ingest half a resume.
        return FileResult(
            filename, "corrupt", "This PDF is incomplete (the file was cut off); please send it again."
        )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted:
                # An empty user password (permissions-only encryption) opens without asking anyone.
                try:
                    ok = reader.decrypt("")
                except (NotImplementedError, DependencyError):
                    return FileResult(
                        filename,
                        "encrypted",
                        "This PDF uses an encryption method we can't open; save it without protection and send it again.",
                    )
                if not ok:
                    return FileResult(
                        filename,
                        "encrypted",
                        "This PDF is password-protected; remove the password and send it again.",
                    )
            n_pages = len(reader.pages)
            if n_pages == 0:
                return FileResult(filename, "corrupt", "This PDF has no pages; it may be damaged.")
            t0 = time.process_time()
            rows: list[str] = []
            reordered: list[int] = []
            text, headline, links = _read_text(reader, limits.max_pdf_pages, "plain", rows, reordered)
            if len(text.strip()) < MIN_TEXT_CHARS:
                return FileResult(
                    filename,
                    "no_text",
                    "This PDF has no text layer (it looks like a scanned image); send a text-based PDF, or run OCR on it first.",
                )
            profile = parse_resume(text, filename, headline=headline, links=links)
            t1 = time.process_time()
            stats.files += 1
            stats.first_cpu += t1 - t0
            apart = _dates_apart(text)
            if apart or reordered or _needs_second_pass(profile):
                stats.second += 1
                # Plain order can scramble some PDFs (glyph-by-glyph output); layout mode keeps rows
                # together but also glues neighbouring columns into one line, so its reading is
                # only taken when it finds more of the name / e-mail / phone, not just more fields.
                alt = parse_resume("\n".join(rows), filename, headline=headline, links=links)
                if _core(alt) > _core(profile) or (
                    _core(alt) == _core(profile)
                    and (
                        profile_quality(alt) > profile_quality(profile) + 1
                        or (apart and alt.current_title)
                        or (reordered and alt.current_title and alt.current_company)
                    )
                ):
                    profile = _keep_contact(alt, profile)
                    stats.taken += 1
                stats.second_cpu += time.process_time() - t1
    except FileNotDecryptedError:
        return FileResult(
            filename, "encrypted", "This PDF is password-protected; remove the password and send it again."
        )
    except (
        PdfReadError,
        ValueError,
        KeyError,
        TypeError,
        AttributeError,
        IndexError,
        AssertionError,
        RecursionError,
        OSError,
        UnicodeError,
        ZeroDivisionError,
        OverflowError,
    ) as exc:
        return FileResult(
            filename,
            "corrupt",
            f"This PDF is damaged and can't be read ({type(exc).__name__}); try exporting it again.",
        )
    if profile.is_empty():
        return FileResult(
            filename,
            "no_profiles",
            "We read this PDF but found no name, e-mail or phone number in it; is it a resume?",
        )
    evidence = (
        {"text": text, "headline": headline, "links": [link.uri for link in links]}
        if limits.keep_evidence
        else None
    )
    return FileResult(filename, "ok", "Extracted 1 candidate.", [profile], evidence)
