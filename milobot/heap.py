"""Give memory freed by a finished import back to the operating system (glibc only; a no-op elsewhere),
and keep the objects alive since start-up out of the collector's full passes (freeze_startup_heap).

An import passes megabytes through short-lived buffers: the downloaded ZIP, its inflated entries, the
pickled jobs and results. CPython returns those to the C allocator, and glibc keeps much of it mapped:
a buffer freed in another thread's arena, or below the top of the heap, stays in the resident set. The
server grew from 119 to 165 MB over its first two 200-résumé imports and stayed there, memory the
300 MB budget for server plus workers cannot spare; with malloc_trim(0) after each import it settles
near 126-140 MB. The trim walks the heap once (a few milliseconds at most), once per import.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
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


def freeze_startup_heap() -> int:
    """Leave what is alive once the server has started (modules, the app, its container, templates,
    word lists) out of the cyclic collector's future passes; returns how many objects that is.

    A full collection walks every tracked object, and CPython runs one whenever enough objects
    survived younger passes: with ~170,000 objects alive after start-up that was ~100 ms of CPU on the
    event loop's thread, a stall of every request in flight (Slack wants its ack within 3 s, and the
    ack-latency target is far below that). Start-up objects live as long as the process, so there is
    nothing to find among them; gc.freeze() is the standard library's tool for exactly this."""
    gc.collect()
    gc.freeze()
    return gc.get_freeze_count()
