"""What the process pools (résumé extraction, report PDFs) need to own their workers through public
API only: each worker reports its pid as it starts, so a stuck one can be killed by pid instead of by
reaching into ProcessPoolExecutor's private process table; and a worker leaves when its parent dies."""

from __future__ import annotations

import os
import signal
import threading
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # annotations only: a worker imports this module first thing
    from multiprocessing.context import BaseContext
    from multiprocessing.queues import SimpleQueue


def exit_with_parent(poll_seconds: float = 1.0) -> None:
    """A worker outlives a parent that was killed (SIGKILL, OOM): nothing closes its pipe, and it
    would sit idle holding memory forever. Watch the parent and leave when it is gone."""
    parent = os.getppid()

    def watch() -> None:
        while True:
            time.sleep(poll_seconds)
            if os.getppid() != parent:
                os._exit(0)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def alive(pid: int) -> bool:
    """Is the process running (a zombie, dead but not yet reaped by its parent, is not)?"""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            return stat.read().rsplit(b")", 1)[1].split()[0] != b"Z"
    except (OSError, IndexError):
        return True  # no /proc here: a pid that answers signals is alive


def kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


class ReportedPids:
    """The pids one executor's workers reported from their initializer (`report_pid`)."""

    def __init__(self, context: BaseContext) -> None:
        self.queue: SimpleQueue[int] = context.SimpleQueue()
        self._known: set[int] = set()

    def current(self) -> list[int]:
        while not self.queue.empty():
            self._known.add(self.queue.get())
        return sorted(self._known)

    def kill_all(self) -> list[int]:
        pids = self.current()
        for pid in pids:
            kill(pid)
        return pids


def report_pid(queue: SimpleQueue[int] | None) -> None:
    """Called first thing in a worker's initializer."""
    if queue is not None:
        queue.put(os.getpid())
