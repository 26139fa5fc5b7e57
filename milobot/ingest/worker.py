"""What runs inside an extraction worker process (milobot/ingest/pool.py starts them).

Its own module, apart from the pool, because a spawned worker imports the module of every function it
is handed: here that is this file, core and the readers, never asyncio or the pool's machinery. A worker
holds only what reading a file needs.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from pathlib import Path

from milobot.worker_processes import exit_with_parent, report_pid

from .core import DEFAULT_LIMITS, _FileTimeout, _time_limit, extract_single, timeout_result
from .types import FileResult, Limits

WORKER_ADDRESS_SPACE = 2 * 1024**3


def init_worker(pids=None) -> None:
    # Tell the parent who we are first: it kills a stuck worker by this pid (pool.ExtractionPool._recycle).
    report_pid(pids)
    exit_with_parent()
    # Read a small résumé now: a worker's first PDF otherwise takes ~150 ms more than the next ones
    # (pypdf, its fonts, crypto and image modules, phone metadata load on first use), paid in the
    # middle of someone's import. Then move everything loaded so far out of the collector's sight:
    # the full collections that parsing triggers scan only the objects of the file at hand.
    warm_up()
    gc.freeze()
    # A decompression bomb hidden inside a PDF stream should fail with MemoryError in this
    # worker, not take the host down with it.
    try:
        import resource

        _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard == resource.RLIM_INFINITY or hard > WORKER_ADDRESS_SPACE:
            resource.setrlimit(resource.RLIMIT_AS, (WORKER_ADDRESS_SPACE, hard))
    except (ImportError, ValueError, OSError):
        pass


def started() -> None:
    """A job that only makes the executor start a worker (pool.ExtractionPool.prestart)."""


def warm_up() -> None:
    try:
        data = (Path(__file__).parent / "warmup.pdf").read_bytes()
        extract_single("warmup.pdf", data, DEFAULT_LIMITS)
    except Exception:  # noqa: BLE001 - a worker that could not warm up still works, only its first file is slower
        pass


def extract_whole(filename: str, data: bytes, limits: Limits):
    """A file that is not a ZIP: extracted outright, in one job."""
    from .core import extract

    return "results", extract(filename, data, limits=limits)


def extract_entry(name: str, data: bytes, limits: Limits) -> FileResult:
    return extract_single(name, data, limits, in_archive=True)


def extract_custom(fn: Callable, filename: str, data: bytes, limits: Limits):
    try:
        with _time_limit(limits.per_file_seconds):
            return "results", fn(filename, data, limits=limits)
    except _FileTimeout:
        return "results", [timeout_result(filename, limits.per_file_seconds or 0)]
