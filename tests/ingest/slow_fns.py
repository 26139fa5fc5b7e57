"""Stand-ins for core.extract that misbehave, run inside ExtractionPool workers by the pool tests.

They burn CPU rather than sleep: that is what a pathological file does to a reader, and it is the
work the pool's time limits exist to stop."""

from __future__ import annotations

import signal
import time

from milobot.ingest import extract


def _spin(seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        pass


def sleepy_extract(filename, data, *, limits):
    """Slow pure-Python work: the worker's soft time limit (SIGALRM) should stop it."""
    if filename.startswith("slow"):
        _spin(60)
    return extract(filename, data, limits=limits)


def stuck_extract(filename, data, *, limits):
    """Stuck where no signal helps (think: a C extension spinning): only killing the worker ends it."""
    if filename.startswith("stuck"):
        signal.signal(signal.SIGALRM, signal.SIG_IGN)
        _spin(60)
    return extract(filename, data, limits=limits)
