"""Report PDFs are drawn in worker processes (house rule 8): reportlab is pure Python, so in a thread it
would still hold the GIL against the event loop that acknowledges Slack. A small pool, started on the
first PDF and kept warm; at most two jobs per process are in flight, the rest wait here."""

from __future__ import annotations

import asyncio
import multiprocessing
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from milobot.worker_processes import ReportedPids, exit_with_parent, report_pid

IN_FLIGHT_PER_PROCESS = 2
HARD_TIMEOUT = 120.0  # a report of 20 questions of 20,000 characters each takes a few seconds


def _init_worker(cjk_font: str, pids=None) -> None:
    # Tell the parent who we are first: it kills a stuck worker by this pid (RenderPool._discard).
    report_pid(pids)
    exit_with_parent()
    # Register the fonts and import the layout engine now, not in the middle of someone's first PDF.
    from milobot.render.report_fonts import fonts

    fonts(cjk_font)
    import milobot.render.report_pdf  # noqa: F401


def _render(data, cjk_font: str) -> bytes:
    from milobot.render.report_pdf import report_pdf

    return report_pdf(data, cjk_font=cjk_font)


class RenderPool:
    def __init__(
        self,
        *,
        processes: int = 1,
        cjk_font: str = "auto",
        hard_timeout: float = HARD_TIMEOUT,
        render_fn: Callable[[Any, str], bytes] | None = None,
    ):
        """render_fn replaces the report renderer in the workers (a picklable module-level function;
        tests use it to get a worker stuck)."""
        self.processes = max(1, processes)
        self.cjk_font = cjk_font
        self.hard_timeout = hard_timeout
        self._render_fn = render_fn or _render
        self._executor: ProcessPoolExecutor | None = None
        self._pids: ReportedPids | None = None
        self._slots: asyncio.Semaphore | None = None
        self.killed: list[int] = []  # workers killed because they were stuck (for tests and logs)

    def _pool(self) -> ProcessPoolExecutor:
        if self._executor is None:
            # spawn, not fork: the parent is an asyncio app with threads and sockets it must not clone.
            context = multiprocessing.get_context("spawn")
            self._pids = ReportedPids(context)
            self._executor = ProcessPoolExecutor(
                max_workers=self.processes,
                initializer=_init_worker,
                initargs=(self.cjk_font, self._pids.queue),
                mp_context=context,
            )
        return self._executor

    def worker_pids(self) -> list[int]:
        """Pids of the current workers that have started (a worker reports itself as it starts)."""
        return self._pids.current() if self._executor is not None and self._pids else []

    async def report_pdf(self, data) -> bytes:
        if self._slots is None:
            self._slots = asyncio.Semaphore(self.processes * IN_FLIGHT_PER_PROCESS)
        async with self._slots:
            for attempt in range(2):
                executor, pids = self._pool(), self._pids
                future = asyncio.get_running_loop().run_in_executor(
                    executor, self._render_fn, data, self.cjk_font
                )
                try:
                    return await asyncio.wait_for(future, self.hard_timeout)
                except TimeoutError:
                    self._discard(executor, pids)  # the stuck worker can only be killed
                    raise
                except BrokenProcessPool:
                    # Another job's worker died and took the pool with it; ours was collateral: once more.
                    self._discard(executor, pids)
                    if attempt:
                        raise
        raise AssertionError("unreachable")

    def _discard(self, executor: ProcessPoolExecutor, pids: ReportedPids | None) -> None:
        if self._executor is executor:
            self._executor, self._pids = None, None
        executor.shutdown(wait=False, cancel_futures=True)
        if pids is not None:
            self.killed += pids.kill_all()

    async def close(self) -> None:
        executor, self._executor, self._pids = self._executor, None, None
        if executor is not None:
            await asyncio.to_thread(executor.shutdown, wait=True, cancel_futures=True)
