"""The single entry point: bytes in, FileResults out, never an exception."""

from __future__ import annotations

import contextlib
import logging
import signal
import threading

from .sniff import extension, sniff
from .types import FileResult, Limits, human_size

log = logging.getLogger(__name__)


class _FileTimeout(Exception):
    pass


_ALARM_AGAIN_SECONDS = 0.25
# Set when the file's alarm has gone off, even if whoever it interrupted swallowed the exception
# (see time_is_up). One file is read at a time per process, on its main thread.
_time_up = threading.Event()


def time_is_up() -> bool:
    """Whether the current file's time limit has passed: code that catches broad exceptions
    around pypdf calls can check this and stop rather than read on."""
    return _time_up.is_set()


@contextlib.contextmanager
def _time_limit(seconds: float | None):
    # SIGALRM interrupts pure-Python parsing (pypdf is pure Python), which is where a hostile
    # PDF spends its time. Only usable on a main thread; elsewhere the caller's own timeout applies.
    if (
        not seconds
        or threading.current_thread() is not threading.main_thread()
        or not hasattr(signal, "setitimer")
    ):
        yield
        return

    def _raise(signum, frame):
        _time_up.set()
        raise _FileTimeout()

    _time_up.clear()
    previous = signal.signal(signal.SIGALRM, _raise)
    # Fires again every quarter second once the time is up: pypdf catches Exception in places
    # (a dictionary whose value fails to read comes back partial), so one alarm can be swallowed;
    # the next one lands elsewhere and the file still stops.
    signal.setitimer(signal.ITIMER_REAL, seconds, _ALARM_AGAIN_SECONDS)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        _time_up.clear()


def timeout_result(filename: str, seconds: float) -> FileResult:
    return FileResult(
        filename,
        "timeout",
        f"Reading this file took longer than {seconds:g} seconds, so we stopped; it may be damaged or unusually complex.",
    )


DEFAULT_LIMITS = Limits()


def extract(filename: str, data: bytes, *, limits: Limits = DEFAULT_LIMITS) -> list[FileResult]:
    """Extract candidate profiles from one uploaded file. Pure and synchronous; never raises on bad input."""
    try:
        data = bytes(data or b"")
        if not data:
            return [FileResult(filename, "empty", "This file is empty (0 bytes).")]
        if len(data) > limits.max_file_bytes:
            return [
                FileResult(
                    filename,
                    "too_large",
                    f"This file is {human_size(len(data))}; the limit is {human_size(limits.max_file_bytes)}.",
                )
            ]
        kind, _ = sniff(filename, data)
        if kind == "zip":
            return extract_zip(filename, data, limits)
        return [extract_single(filename, data, limits)]
    except Exception as exc:  # noqa: BLE001 - a bug must cost one file, never the batch
        return [
            FileResult(
                filename, "corrupt", f"We couldn't read this file ({type(exc).__name__}); it may be damaged."
            )
        ]


def extract_zip(filename: str, data: bytes, limits: Limits) -> list[FileResult]:
    from .zip import unpack

    whole, items = unpack(filename, data, limits)
    if whole is not None:
        return [whole]
    return [
        item
        if isinstance(item, FileResult)
        else extract_single(item.name, item.data, limits, in_archive=True)
        for item in items
    ]


def extract_single(filename: str, data: bytes, limits: Limits, *, in_archive: bool = False) -> FileResult:
    try:
        with _time_limit(limits.per_file_seconds):
            return _dispatch(filename, data, limits, in_archive)
    except _FileTimeout:
        return timeout_result(filename, limits.per_file_seconds or 0)
    except RecursionError:
        return FileResult(
            filename, "corrupt", "This file is nested too deeply to read; it may be damaged or malicious."
        )
    except MemoryError:
        return FileResult(filename, "too_large", "This file needs too much memory to read.")
    except Exception as exc:
        log.exception("extractor bug on %s", filename)
        return FileResult(
            filename, "corrupt", f"We couldn't read this file ({type(exc).__name__}); it may be damaged."
        )


def _dispatch(filename: str, data: bytes, limits: Limits, in_archive: bool) -> FileResult:
    if not data:
        return FileResult(filename, "empty", "This file is empty (0 bytes).")
    if len(data) > limits.max_file_bytes:
        return FileResult(
            filename,
            "too_large",
            f"This file is {human_size(len(data))}; the limit is {human_size(limits.max_file_bytes)}.",
        )
    kind, desc = sniff(filename, data)
    ext = extension(filename)
    if kind == "pdf":
        from .pdf import extract_pdf

        return extract_pdf(filename, data, limits)
    if kind == "docx":
        from .docx import extract_docx

        return extract_docx(filename, data, limits)
    if kind == "csv":
        from .csv import extract_csv

        result = extract_csv(filename, data, limits)
        if result.outcome == "no_profiles" and ext in {".txt", ""}:
            return _plain_text_resume(filename, data, result, limits)
        return result
    if kind == "text" and ext in {".txt", ".md"}:
        return _plain_text_resume(filename, data, None, limits)
    if kind in {"zip", "archive"}:
        return FileResult(
            filename,
            "unsafe",
            "Archives inside archives are not opened; unzip it and send the files directly.",
        )
    if kind == "html":
        if ext == ".pdf":
            return FileResult(
                filename,
                "unsupported",
                "This file is named .pdf but is really an HTML web page; open it in a browser and use Print → Save as PDF.",
            )
        return FileResult(
            filename, "unsupported", "HTML pages aren't supported; save the page as a PDF and send that."
        )
    if kind == "ole" and ext in {".docx", ".xlsx", ".pptx"}:
        # Office wraps password-protected OOXML files in an OLE container.
        return FileResult(
            filename,
            "encrypted",
            "This Office document is password-protected; remove the password and send it again.",
        )
    misnamed = (
        f" (it is named {ext}, but that's not what's inside)" if ext in {".pdf", ".docx", ".csv"} else ""
    )
    if kind == "ole":
        return FileResult(
            filename, "unsupported", f"This is a {desc}{misnamed}; save it as .docx or PDF and send it again."
        )
    if kind in {"image", "rtf", "office", "text"}:
        return FileResult(
            filename,
            "unsupported",
            f"This is a {desc}{misnamed}, which we can't read; send PDF, DOCX, CSV or ZIP files.",
        )
    if misnamed:
        return FileResult(
            filename,
            "corrupt",
            f"This file is named {ext} but its contents are not a valid {ext[1:].upper()}; it may be damaged.",
        )
    return FileResult(
        filename, "unsupported", f"This is a {desc}, which we can't read; send PDF, DOCX, CSV or ZIP files."
    )


def _plain_text_resume(
    filename: str, data: bytes, csv_result: FileResult | None, limits: Limits
) -> FileResult:
    from .csv import decode
    from .parse import parse_resume

    text = decode(data)
    profile = parse_resume(text, filename)
    if profile.is_empty():
        return csv_result or FileResult(
            filename, "no_profiles", "We found no name, e-mail or phone number in this text file."
        )
    evidence = {"text": text, "headline": None, "links": []} if limits.keep_evidence else None
    return FileResult(filename, "ok", "Extracted 1 candidate.", [profile], evidence)
