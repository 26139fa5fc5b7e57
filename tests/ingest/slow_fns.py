"""Stand-ins for core.extract that misbehave, run inside ExtractionPool workers by the pool tests."""

from __future__ import annotations

import signal
import time

from milobot.ingest import extract


def sleepy_extract(filename, data, *, limits):
    """Slow but interruptible: the worker's soft time limit (SIGALRM) should stop it."""
    if filename.startswith("slow"):
        time.sleep(60)
    return extract(filename, data, limits=limits)


def stuck_extract(filename, data, *, limits):
    """Stuck where no signal helps (think: a C extension spinning): only killing the worker ends it."""
    if filename.startswith("stuck"):
        signal.signal(signal.SIGALRM, signal.SIG_IGN)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            time.sleep(0.05)
    return extract(filename, data, limits=limits)
