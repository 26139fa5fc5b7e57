"""Give memory freed by a finished import back to the operating system (glibc only; a no-op elsewhere).

An import passes megabytes through short-lived buffers: the downloaded ZIP, its inflated entries, each
PDF's decompressed streams. CPython returns those to the C allocator, and glibc keeps most of them
mapped: a buffer freed from a thread's arena, or below the top of the heap, stays in the process's
resident set. The milobot server grew by ~45 MB over its first imports and stayed there, and each
extraction worker by ~12 MB, which is memory a 300 MB budget cannot spare. malloc_trim(0) hands the
free pages of every arena back; it costs well under a millisecond, so it runs once per import in the
server and once per file in a worker, never in a loop.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
from collections.abc import Callable

_trim: Callable[[int], int] | None = None
_looked = False


def _malloc_trim() -> Callable[[int], int] | None:
    global _trim, _looked
    if not _looked:
        _looked = True
        if sys.platform.startswith("linux"):
            try:
                libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
                _trim = libc.malloc_trim  # absent from musl: AttributeError
                _trim.argtypes = [ctypes.c_size_t]
                _trim.restype = ctypes.c_int
            except (OSError, AttributeError):
                _trim = None
    return _trim


def give_back_free_memory() -> bool:
    """Return free heap pages to the OS; True when the C library could (glibc), False otherwise."""
    trim = _malloc_trim()
    if trim is None:
        return False
    trim(0)
    return True
