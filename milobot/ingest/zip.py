"""ZIP bundles: refuse what is dangerous, stream-decompress the rest under hard limits.

Header sizes are attacker-controlled, so every limit is enforced on the bytes we actually
inflate, while inflating, and we stop the moment one is crossed.

The archive's table of contents (the central directory) is sized before it is parsed: zipfile reads
every record of it, in pure Python, whatever the entry count claims, so an 18 MB ZIP of 225,000 empty
entries cost 2.8 s of CPU. The end-of-central-directory record (and its ZIP64 twin) states both the entry
count and the directory's size in bytes; both are checked first, in a few microseconds.
"""

from __future__ import annotations

import io
import posixpath
import stat
import struct
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass

from .sniff import sniff
from .types import FileResult, Limits, human_size

CHUNK = 64 * 1024
# A directory record is 46 bytes plus its name, extra field and comment; real ones stay well under this.
MAX_DIRECTORY_BYTES_PER_ENTRY = 2048
_EOCD = b"PK\x05\x06"
_EOCD_SIZE = 22
_EOCD64_LOCATOR = b"PK\x06\x07"
_EOCD64 = b"PK\x06\x06"
_EOCD64_SIZE = 56
_ARCHIVE_EXTS = (".zip", ".rar", ".7z", ".tar", ".gz", ".tgz", ".bz2", ".xz", ".jar", ".war", ".cab")


@dataclass
class Entry:
    name: str
    data: bytes


@dataclass(frozen=True)
class Directory:
    """What the end-of-central-directory record says about the table of contents."""

    entries: int
    size: int  # bytes


def directory_of(data: bytes) -> Directory | None:
    """Read the end-of-central-directory record (ZIP64 too) without touching the directory itself;
    None when there is none (not a ZIP, or cut short). Found the way zipfile finds it (the last
    signature in the final 64 KB + 22 bytes), so both read the same record."""
    at = data.rfind(_EOCD, max(0, len(data) - _EOCD_SIZE - 65535))
    if at < 0 or at + _EOCD_SIZE > len(data):
        return None
    fields = struct.unpack("<4s4H2LH", data[at : at + _EOCD_SIZE])
    entries, size, offset = fields[4], fields[5], fields[6]
    if entries == 0xFFFF or size == 0xFFFFFFFF or offset == 0xFFFFFFFF:
        locator = at - 20
        record = locator - _EOCD64_SIZE
        if (
            record >= 0
            and data[locator : locator + 4] == _EOCD64_LOCATOR
            and data[record : record + 4] == _EOCD64
        ):
            big = struct.unpack("<4sQ2H2L4Q", data[record : record + _EOCD64_SIZE])
            entries, size = big[7], big[8]
    return Directory(entries=entries, size=size)


def too_big_a_directory(filename: str, data: bytes, limits: Limits) -> FileResult | None:
    """The refusal for an archive whose table of contents is too big to read, or None."""
    directory = directory_of(data)
    if directory is None:
        return None  # zipfile will say what is wrong with it
    if directory.entries > limits.max_zip_entries:
        return FileResult(
            filename,
            "too_large",
            f"This ZIP has {directory.entries} entries; the limit is {limits.max_zip_entries}. Split it into smaller ZIPs.",
        )
    if directory.size > limits.max_zip_entries * MAX_DIRECTORY_BYTES_PER_ENTRY:
        return FileResult(
            filename,
            "too_large",
            f"This ZIP's list of contents is {human_size(directory.size)}, far more than {limits.max_zip_entries} "
            "files need (it may be crafted to stall the reader). Split it into smaller ZIPs.",
        )
    return None


def _unsafe_name(name: str) -> str | None:
    normalised = name.replace("\\", "/")
    if normalised.startswith("/") or (len(normalised) > 1 and normalised[1] == ":"):
        return "it has an absolute path"
    if ".." in normalised.split("/"):
        return "its path points outside the archive (../)"
    if "\x00" in name:
        return "its name contains a NUL byte"
    return None


def _skipped_quietly(name: str) -> bool:
    parts = [p for p in name.replace("\\", "/").split("/") if p]
    return not parts or parts[0] == "__MACOSX" or any(p.startswith(".") for p in parts) or name.endswith("/")


class ArchiveRefused(Exception):
    """The archive as a whole can't be used; raised by entries() before it yields anything."""

    def __init__(self, result: FileResult):
        super().__init__(result.reason)
        self.result = result


def unpack(filename: str, data: bytes, limits: Limits) -> tuple[FileResult | None, list[FileResult | Entry]]:
    """Return (a result for the archive itself if it is unusable as a whole, per-entry items in order)."""
    try:
        return None, list(entries(filename, data, limits))
    except ArchiveRefused as refused:
        return refused.result, []


def entries(filename: str, data: bytes, limits: Limits) -> Iterator[FileResult | Entry]:
    """Each entry in order, as soon as it is inflated: its bytes, or its own outcome. Raises
    ArchiveRefused, before yielding anything, when the archive is unusable as a whole."""
    refused = too_big_a_directory(filename, data, limits)
    if refused is not None:
        raise ArchiveRefused(refused)
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as exc:
        raise ArchiveRefused(
            FileResult(filename, "corrupt", f"This ZIP file is damaged and can't be opened ({exc}).")
        ) from None
    if len(infos) > limits.max_zip_entries:
        raise ArchiveRefused(
            FileResult(
                filename,
                "too_large",
                f"This ZIP has {len(infos)} entries; the limit is {limits.max_zip_entries}. Split it into smaller ZIPs.",
            )
        )
    total = 0
    budget_hit = False
    yielded = False
    for info in infos:
        item = _refusal(info, limits, budget_hit)
        if item is _SKIP:
            continue
        if item is None:
            item = _inflate(zf, info, limits, limits.max_total_unpacked_bytes - total)
            if isinstance(item, Entry):
                total += len(item.data)
                kind, desc = sniff(item.name, item.data)
                if kind in {"zip", "archive"}:
                    item = FileResult(
                        item.name,
                        "unsafe",
                        f"Archives inside archives are not opened ({desc}); unzip it and send the files directly.",
                    )
            elif item.outcome == "too_large" and "in total" in item.reason:
                budget_hit = True
        yielded = True
        yield item
    if not yielded:
        raise ArchiveRefused(
            FileResult(filename, "empty", "This ZIP has no files in it (only folders or hidden files).")
        )


_SKIP = FileResult("", "empty", "")  # marker: an entry left out without a word (folders, __MACOSX, dotfiles)


def _refusal(info: zipfile.ZipInfo, limits: Limits, budget_hit: bool) -> FileResult | None:
    """The entry's outcome when it is not to be inflated at all, _SKIP to leave it out, else None."""
    name = info.filename
    why = _unsafe_name(name)
    if why:  # before the dotfile rule: "../x" must be reported, not skipped as hidden
        return FileResult(name, "unsafe", f"Refused this entry because {why}.")
    if _skipped_quietly(name):
        return _SKIP
    mode = info.external_attr >> 16
    if info.create_system == 3 and stat.S_ISLNK(mode):
        return FileResult(name, "unsafe", "Refused this entry because it is a symbolic link.")
    if name.lower().endswith(_ARCHIVE_EXTS) and limits.max_nesting <= 0:
        return FileResult(
            name, "unsafe", "Archives inside archives are not opened; unzip it and send the files directly."
        )
    if info.flag_bits & 0x1:
        return FileResult(
            name, "encrypted", "This entry is password-protected inside the ZIP; send it without a password."
        )
    if budget_hit:
        return FileResult(
            name,
            "too_large",
            f"Not opened: the ZIP unpacks to more than {human_size(limits.max_total_unpacked_bytes)} in total.",
        )
    return None


def _inflate(
    zf: zipfile.ZipFile, info: zipfile.ZipInfo, limits: Limits, remaining: int
) -> FileResult | Entry:
    name = info.filename
    out = io.BytesIO()
    size = 0
    try:
        with zf.open(info) as stream:
            while True:
                chunk = stream.read(CHUNK)
                if not chunk:
                    break
                size += len(chunk)
                if (
                    size > limits.ratio_check_after_bytes
                    and size / _consumed(stream, info) > limits.max_compression_ratio
                ):
                    return FileResult(
                        name,
                        "unsafe",
                        f"Refused: this entry inflates more than {limits.max_compression_ratio:.0f}× its compressed size (a ZIP bomb?).",
                    )
                if size > limits.max_file_bytes:
                    return FileResult(
                        name,
                        "too_large",
                        f"This file is larger than the {human_size(limits.max_file_bytes)} limit once unzipped.",
                    )
                if size > remaining:
                    return FileResult(
                        name,
                        "too_large",
                        f"Not opened: the ZIP unpacks to more than {human_size(limits.max_total_unpacked_bytes)} in total.",
                    )
                out.write(chunk)
    except NotImplementedError as exc:
        return FileResult(
            name, "unsupported", f"This entry uses a compression method we don't support ({exc})."
        )
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, RuntimeError) as exc:
        # zlib.error is a subclass of Exception only; catch it via its module below.
        return FileResult(name, "corrupt", f"This entry is damaged inside the ZIP ({exc}).")
    except Exception as exc:  # noqa: BLE001 - zlib.error, lzma.LZMAError, bz2 errors
        return FileResult(name, "corrupt", f"This entry is damaged inside the ZIP ({type(exc).__name__}).")
    return Entry(name, out.getvalue())


def _consumed(stream, info: zipfile.ZipInfo) -> int:
    """Compressed bytes actually read so far (the header's compress_size is only an upper bound)."""
    left = getattr(stream, "_compress_left", None)  # CPython's ZipExtFile; absent elsewhere
    if isinstance(left, int):
        return max(1, info.compress_size - left)
    return max(1, info.compress_size)


def basename(path: str) -> str:
    return posixpath.basename(path.replace("\\", "/"))
