"""Decide what a file really is: magic bytes first, the extension only as a tie-breaker.

Users rename files, Slack strips types, and exporters lie ("resume.pdf" that is a
saved web page), so the name is the weakest evidence we have.
"""

from __future__ import annotations

import io
import os
import zipfile

# (prefix, kind, human name) checked against the start of the file.
_MAGIC: list[tuple[bytes, str, str]] = [
    (b"\x89PNG\r\n\x1a\n", "image", "PNG image"),
    (b"\xff\xd8\xff", "image", "JPEG image"),
    (b"GIF87a", "image", "GIF image"),
    (b"GIF89a", "image", "GIF image"),
    (b"II*\x00", "image", "TIFF image"),
    (b"MM\x00*", "image", "TIFF image"),
    (b"BM", "image?", "BMP image"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole", "legacy Microsoft Office file (.doc/.xls)"),
    (b"{\\rtf", "rtf", "RTF document"),
    (b"Rar!\x1a\x07", "archive", "RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "archive", "7-Zip archive"),
    (b"\x1f\x8b", "archive", "gzip archive"),
    (b"BZh", "archive?", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "archive", "xz archive"),
]

_ARCHIVE_EXTS = {".zip", ".rar", ".7z", ".tar", ".gz", ".tgz", ".bz2", ".xz", ".jar"}
_TEXT_EXTS = {".csv", ".tsv", ".txt"}
_EXT_NAMES = {
    ".doc": "legacy Word document (.doc)",
    ".xls": "Excel workbook (.xls)",
    ".xlsx": "Excel workbook (.xlsx)",
    ".pptx": "PowerPoint presentation (.pptx)",
    ".odt": "OpenDocument text (.odt)",
    ".pages": "Apple Pages document",
    ".png": "PNG image",
    ".jpg": "JPEG image",
    ".jpeg": "JPEG image",
    ".heic": "HEIC image",
    ".rtf": "RTF document",
    ".html": "HTML page",
    ".htm": "HTML page",
}


def extension(filename: str) -> str:
    return os.path.splitext(filename.lower())[1]


def _looks_like_html(head: bytes) -> bool:
    sample = head[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return sample.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<?xml")) and (
        b"<html" in sample or b"<!doctype html" in sample or b"<body" in sample
    )


# Office documents hold tens of parts; a directory bigger than this is not one, and parsing it would
# cost real time (zipfile reads every record), so it is called a ZIP and left to the ZIP limits.
_OFFICE_MAX_ENTRIES = 2000
_OFFICE_MAX_DIRECTORY = 2 * 1024 * 1024


def _zip_kind(data: bytes) -> tuple[str, str]:
    """A ZIP container may be an Office document; look inside, cheaply (central directory only)."""
    from .zip import directory_of

    directory = directory_of(data)
    if directory is None or directory.entries > _OFFICE_MAX_ENTRIES or directory.size > _OFFICE_MAX_DIRECTORY:
        return "zip", "ZIP archive"
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist()[:2000])
    except Exception:  # noqa: BLE001 - any failure here just means "not an Office file"
        return "zip", "ZIP archive"
    if "word/document.xml" in names:
        return "docx", "Word document (.docx)"
    if "xl/workbook.xml" in names:
        return "office", "Excel workbook (.xlsx)"
    if "ppt/presentation.xml" in names:
        return "office", "PowerPoint presentation (.pptx)"
    if "mimetype" in names and "content.xml" in names:
        return "office", "OpenDocument file"
    return "zip", "ZIP archive"


def _is_text(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        return True
    sample = head[:4096]
    if not sample:
        return False
    # UTF-16 without a BOM: every other byte is NUL.
    if sample.count(b"\x00") > len(sample) // 3:
        for zeros, chars in ((sample[1::2], sample[0::2]), (sample[0::2], sample[1::2])):
            if (
                zeros.count(0) > len(zeros) * 0.9
                and sum(1 for b in chars if 32 <= b < 127 or b in b"\t\r\n") > len(chars) * 0.8
            ):
                return True
        return False
    if b"\x00" in sample:
        return False
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return controls <= len(sample) // 100


def sniff(filename: str, data: bytes) -> tuple[str, str]:
    """Return (kind, human description). kind is one of:
    pdf, docx, zip, csv, html, image, ole, rtf, archive, office, unknown.
    """
    head = data[:8192]
    ext = extension(filename)
    # ZIP first: a stored (uncompressed) ZIP of PDFs has "%PDF-" within its first KB too.
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")):
        return _zip_kind(data)
    # PDF readers accept the header anywhere in the first KB (some generators prepend junk).
    if b"%PDF-" in data[:1024]:
        return "pdf", "PDF document"
    for prefix, kind, desc in _MAGIC:
        if head.startswith(prefix):
            if kind.endswith("?"):
                # Weak two/three-byte magic: trust it only if the extension agrees.
                if ext in {".bmp", ".bz2"}:
                    return kind.rstrip("?"), desc
                continue
            return kind, desc
    if _looks_like_html(head):
        return "html", "HTML page"
    if _is_text(head):
        if ext in _TEXT_EXTS or ext == "":
            return "csv", "CSV file"
        if ext in _ARCHIVE_EXTS:
            return "unknown", f"file named {ext} that is really plain text"
        return "text", "plain-text file"
    if ext in _ARCHIVE_EXTS:
        return "archive", f"{ext} archive"
    if ext in _EXT_NAMES:
        return "unknown", _EXT_NAMES[ext]
    return "unknown", f"{ext or 'extension-less'} file of unknown type"
