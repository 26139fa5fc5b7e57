"""ZIP bundles: refuse what is dangerous, stream-decompress the rest under hard limits.

Header sizes are attacker-controlled, so every limit is enforced on the bytes we actually
inflate, while inflating, and we stop the moment one is crossed.
"""

from __future__ import annotations

import io
import posixpath
import stat
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass

from .sniff import sniff
from .types import FileResult, Limits, human_size

CHUNK = 64 * 1024
_ARCHIVE_EXTS = (".zip", ".rar", ".7z", ".tar", ".gz", ".tgz", ".bz2", ".xz", ".jar", ".war", ".cab")


@dataclass
class Entry:
    name: str
    data: bytes


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


def unpack(filename: str, data: bytes, limits: Limits) -> tuple[FileResult | None, list[FileResult | Entry]]:
    """Return (a result for the archive itself if it is unusable as a whole, per-entry items in order)."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as exc:
        return FileResult(filename, "corrupt", f"This ZIP file is damaged and can't be opened ({exc})."), []
    if len(infos) > limits.max_zip_entries:
        return FileResult(
            filename,
            "too_large",
            f"This ZIP has {len(infos)} entries; the limit is {limits.max_zip_entries}. Split it into smaller ZIPs.",
        ), []
    items: list[FileResult | Entry] = []
    total = 0
    budget_hit = False
    for info in infos:
        name = info.filename
        why = _unsafe_name(name)
        if why:  # before the dotfile rule: "../x" must be reported, not skipped as hidden
            items.append(FileResult(name, "unsafe", f"Refused this entry because {why}."))
            continue
        if _skipped_quietly(name):
            continue
        mode = info.external_attr >> 16
        if info.create_system == 3 and stat.S_ISLNK(mode):
            items.append(FileResult(name, "unsafe", "Refused this entry because it is a symbolic link."))
            continue
        if name.lower().endswith(_ARCHIVE_EXTS) and limits.max_nesting <= 0:
            items.append(
                FileResult(
                    name,
                    "unsafe",
                    "Archives inside archives are not opened; unzip it and send the files directly.",
                )
            )
            continue
        if info.flag_bits & 0x1:
            items.append(
                FileResult(
                    name,
                    "encrypted",
                    "This entry is password-protected inside the ZIP; send it without a password.",
                )
            )
            continue
        if budget_hit:
            items.append(
                FileResult(
                    name,
                    "too_large",
                    f"Not opened: the ZIP unpacks to more than {human_size(limits.max_total_unpacked_bytes)} in total.",
                )
            )
            continue
        result = _inflate(zf, info, limits, limits.max_total_unpacked_bytes - total)
        if isinstance(result, Entry):
            total += len(result.data)
            kind, desc = sniff(name, result.data)
            if kind in {"zip", "archive"}:
                result = FileResult(
                    name,
                    "unsafe",
                    f"Archives inside archives are not opened ({desc}); unzip it and send the files directly.",
                )
        elif result.outcome == "too_large" and "in total" in result.reason:
            budget_hit = True
        items.append(result)
    if not items:
        return FileResult(
            filename, "empty", "This ZIP has no files in it (only folders or hidden files)."
        ), []
    return None, items


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


def iter_entries(items: list[FileResult | Entry]) -> Iterator[FileResult | Entry]:
    yield from items


def basename(path: str) -> str:
    return posixpath.basename(path.replace("\\", "/"))
