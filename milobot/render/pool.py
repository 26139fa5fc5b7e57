"""Report PDFs are drawn in worker processes (house rule 8): reportlab is pure Python, so in a thread it
would still hold the GIL against the event loop that acknowledges Slack. A small pool, started on the
first PDF and kept warm; at most two jobs per process are in flight, the rest wait here."""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

IN_FLIGHT_PER_PROCESS = 2
HARD_TIMEOUT = 120.0  # a report of 20 questions of 20,000 characters each takes a few seconds


def _exit_with_parent() -> None:
    """A worker whose parent was killed has nobody to close its pipe: leave when the parent is gone."""
    parent = os.getppid()

    def watch() -> None:
        while True:
            time.sleep(1.0)
            if os.getppid() != parent:
                os._exit(0)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def _init_worker(cjk_font: str) -> None:
    _exit_with_parent()
    # Register the fonts and import the layout engine now, not in the middle of someone's first PDF.
    from milobot.render.report_fonts import fonts

    fonts(cjk_font)
    import milobot.render.report_pdf  # noqa: F401


def _render(data, cjk_font: str) -> bytes:
    from milobot.render.report_pdf import report_pdf

    return report_pdf(data, cjk_font=cjk_font)


class RenderPool:
    def __init__(self, *, processes: int = 1, cjk_font: str = "auto"):
        self.processes = max(1, processes)
        self.cjk_font = cjk_font
        self._executor: ProcessPoolExecutor | None = None
        self._slots: asyncio.Semaphore | None = None

    def _pool(self) -> ProcessPoolExecutor:
        if self._executor is None:
            # spawn, not fork: the parent is an asyncio app with threads and sockets it must not clone.
            self._executor = ProcessPoolExecutor(
                max_workers=self.processes,
                initializer=_init_worker,
                initargs=(self.cjk_font,),
                mp_context=multiprocessing.get_context("spawn"),
            )
        return self._executor

    async def report_pdf(self, data) -> bytes:
        if self._slots is None:
            self._slots = asyncio.Semaphore(self.processes * IN_FLIGHT_PER_PROCESS)
        async with self._slots:
            for attempt in range(2):
                executor = self._pool()
                future = asyncio.get_running_loop().run_in_executor(executor, _render, data, self.cjk_font)
                try:
                    return await asyncio.wait_for(future, HARD_TIMEOUT)
                except TimeoutError:
                    self._discard(executor)  # the stuck worker can only be killed
                    raise
                except BrokenProcessPool:
                    # Another job's worker died and took the pool with it; ours was collateral: once more.
                    self._discard(executor)
                    if attempt:
                        raise
        raise AssertionError("unreachable")

    def _discard(self, executor: ProcessPoolExecutor) -> None:
        if self._executor is executor:
            self._executor = None
        processes = list((getattr(executor, "_processes", None) or {}).values())
        executor.shutdown(wait=False, cancel_futures=True)
        for proc in processes:
            try:
                proc.kill()
            except (OSError, AttributeError):
                pass

    async def close(self) -> None:
        executor, self._executor = self._executor, None
        if executor is not None:
            await asyncio.to_thread(executor.shutdown, wait=True, cancel_futures=True)
