"""Run extraction in worker processes so PDF parsing never blocks the event loop (house rule 8).

A ZIP is unpacked here (in a thread; the limits hold while it streams) and its entries fanned
out across the pool, so a 200-resume bundle uses every process. Each file gets a soft time limit
inside the worker (SIGALRM, which interrupts pure-Python parsing) and a hard one here; a worker
that blows the hard limit is killed and the pool replaced, because a running task cannot be
cancelled any other way.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace
from typing import Self

from milobot.worker_processes import alive, kill

from . import worker
from .core import DEFAULT_LIMITS, timeout_result
from .types import FileResult, Limits

# Grace on top of the soft limit before we kill the worker: the soft limit normally wins.
HARD_TIMEOUT_FACTOR = 1.5
HARD_TIMEOUT_GRACE = 2.0
IN_FLIGHT_PER_PROCESS = 2
# Inflated ZIP entries handed to the pool and not yet read, at most (each worker may always have one,
# whatever its size: _ByteBudget). Enough to keep every worker's next files ready, résumés being tens
# or hundreds of KB; at 32 MB the unzip thread ran ahead of the workers and held a whole 200-résumé ZIP
# inflated in the server, on top of the ZIP itself.
MAX_BYTES_IN_FLIGHT = 8 * 1024 * 1024


class ExtractionPool:
    def __init__(
        self,
        *,
        processes: int = 2,
        timeout_per_file: float = 30.0,
        limits: Limits = DEFAULT_LIMITS,
        extract_fn: Callable[..., list[FileResult]] | None = None,
    ) -> None:
        """extract_fn replaces core.extract in the workers (a picklable module-level function; tests use it)."""
        self.processes = max(1, processes)
        self.timeout_per_file = timeout_per_file
        self.limits = replace(limits, per_file_seconds=timeout_per_file)
        self._extract_fn = extract_fn
        self._executor: ProcessPoolExecutor | None = None
        self._slots: asyncio.Semaphore | None = None
        self._prestarted: ProcessPoolExecutor | None = None
        # Each executor's workers report their pid from the initializer: the pool owns what it must
        # kill without reaching into ProcessPoolExecutor's private process table.
        self._pid_queues: dict[int, object] = {}
        self._pids: dict[int, set[int]] = {}
        self.recycled = 0  # how many times a stuck worker forced a new pool (for tests and metrics)
        self.max_bytes_in_flight = MAX_BYTES_IN_FLIGHT
        self.last_budget: _ByteBudget | None = None  # the last ZIP's, for tests and metrics

    # ---------------------------------------------------------------- pool lifecycle

    def _pool(self) -> ProcessPoolExecutor:
        if self._executor is None:
            # spawn, not fork: the parent is an asyncio app with threads and sockets we must not clone.
            context = multiprocessing.get_context("spawn")
            pids = context.SimpleQueue()
            self._executor = ProcessPoolExecutor(
                max_workers=self.processes,
                initializer=worker.init_worker,
                initargs=(pids,),
                mp_context=context,
            )
            self._pid_queues[id(self._executor)] = pids
            self._pids[id(self._executor)] = set()
        return self._executor

    def _pids_of(self, executor: ProcessPoolExecutor, *, forget: bool = False) -> list[int]:
        """The pids the executor's workers have reported so far."""
        key = id(executor)
        queue, known = self._pid_queues.get(key), self._pids.get(key, set())
        while queue is not None and not queue.empty():
            known.add(queue.get())
        if forget:
            self._pid_queues.pop(key, None)
            self._pids.pop(key, None)
        return sorted(known)

    def prestart(self) -> None:
        """Start every worker now. The executor starts one per job otherwise, so the second worker of
        a fresh pool would spend the first big import's opening half second importing pypdf. Called
        when files arrive, so the start overlaps their download; a no-op once the workers are up."""
        executor = self._pool()
        if self._prestarted is executor:
            return
        self._prestarted = executor
        for _ in range(self.processes):
            executor.submit(worker.started)

    def _recycle(self, executor: ProcessPoolExecutor) -> None:
        if self._executor is executor:
            self._executor = None
            self.recycled += 1
        pids = self._pids_of(executor, forget=True)
        executor.shutdown(wait=False, cancel_futures=True)
        for pid in pids:
            kill(pid)

    def worker_pids(self) -> list[int]:
        """Pids of the current workers that have started (a worker reports itself as it starts)."""
        executor = self._executor
        return self._pids_of(executor) if executor else []

    async def close(self, *, grace: float = 5.0) -> None:
        """Stop the workers: let running jobs finish for up to `grace` seconds, then kill them."""
        executor, self._executor = self._executor, None
        if executor is None:
            return
        executor.shutdown(wait=False, cancel_futures=True)

        def _reap() -> None:
            pids = self._pids_of(executor, forget=True)
            deadline = time.monotonic() + grace
            while any(map(alive, pids)) and time.monotonic() < deadline:
                time.sleep(0.02)  # polling the workers' exit, bounded by the grace period
            for pid in filter(alive, pids):
                kill(pid)

        await asyncio.to_thread(_reap)

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc) -> None:
        await self.close()

    # ---------------------------------------------------------------- running work

    async def _run(self, label: str, func: Callable, *args):
        """Run func in a worker under the hard timeout; returns the value, or a FileResult on failure."""
        if self._slots is None:
            # Two jobs per process in flight keeps every worker busy (no idle round trip between
            # jobs) while bounding the queue, so a job waits behind at most one job per worker.
            self._slots = asyncio.Semaphore(self.processes * IN_FLIGHT_PER_PROCESS)
        # The clock starts at submission: allow for one job ahead of this one, plus this one.
        hard = IN_FLIGHT_PER_PROCESS * self.timeout_per_file * HARD_TIMEOUT_FACTOR + HARD_TIMEOUT_GRACE
        async with self._slots:
            for attempt in range(2):
                executor = self._pool()
                loop = asyncio.get_running_loop()
                try:
                    future = loop.run_in_executor(executor, func, *args)
                    return await asyncio.wait_for(future, hard)
                except TimeoutError:
                    self._recycle(executor)
                    return timeout_result(label, self.timeout_per_file)
                except BrokenProcessPool:
                    # Another job's worker was killed or crashed; ours was collateral: retry once.
                    self._recycle(executor)
                    if attempt:
                        return FileResult(
                            label,
                            "corrupt",
                            "Reading this file crashed the reader; it may be damaged or malicious.",
                        )
        raise AssertionError("unreachable")

    async def extract(self, filename: str, data: bytes) -> list[FileResult]:
        if self._extract_fn is not None:
            first = await self._run(
                filename, worker.extract_custom, self._extract_fn, filename, data, self.limits
            )
        elif data[:2] == b"PK" and await asyncio.to_thread(_is_zip, filename, data, self.limits):
            # Sniffing a ZIP reads its table of contents: never on the event loop.
            return await self._extract_zip(filename, data)
        else:
            first = await self._run(filename, worker.extract_whole, filename, data, self.limits)
        if isinstance(first, FileResult):
            return [first]
        return first[1]

    async def _extract_zip(self, filename: str, data: bytes) -> list[FileResult]:
        """Unpack here, in a thread, handing each entry to the workers the moment it is inflated.

        Sending the archive to a worker only to have every entry sent back cost two trips of the
        whole ZIP through a pipe while the other workers idled; unpacking all of it before the first
        job (30 ms for 200 résumés) idled every worker. zlib releases the GIL, and entries() enforces
        the entry, size and ratio limits as it streams, so a bomb stops after a few megabytes."""
        from .zip import ArchiveRefused, Entry, entries

        loop = asyncio.get_running_loop()
        arrived: asyncio.Queue = asyncio.Queue()
        budget = _ByteBudget(self.max_bytes_in_flight, entries_always=self.processes)
        self.last_budget = budget

        def hand_over(items: list) -> None:
            try:
                loop.call_soon_threadsafe(arrived.put_nowait, items)
            except RuntimeError:  # the loop closed under us (shutdown mid-import): nobody is waiting
                pass

        def unpack() -> None:
            # Entries go over in batches of 1, 2, 4, 8…: the first at once, so the workers start,
            # then fewer and fewer wake-ups of the event loop (one per entry cost ~0.2 ms each).
            # An inflated entry waits here while the bytes handed over and not yet read reach the
            # budget, so a ZIP of entries that inflate 99× can't pile up hundreds of MB in this process.
            batch: list = []
            size = 1
            try:
                for item in entries(filename, data, self.limits):
                    if isinstance(item, Entry) and not budget.try_take(len(item.data)):
                        if batch:
                            hand_over(batch)  # what is held here must reach the workers to free room
                            batch, size = [], 1
                        if not budget.take(len(item.data)):
                            return  # the import was abandoned
                    batch.append(item)
                    if len(batch) >= size:
                        hand_over(batch)
                        batch, size = [], size * 2
            except ArchiveRefused as refused:
                batch += [refused.result, _WHOLE]
            except Exception:  # entries() reports bad archives as outcomes; this is the belt to its braces
                batch += [FileResult(filename, "corrupt", "This ZIP is damaged and can't be opened."), _WHOLE]
            finally:
                hand_over([*batch, _END])

        async def read(entry: Entry) -> FileResult:
            try:
                return await self._run(entry.name, worker.extract_entry, entry.name, entry.data, self.limits)
            finally:
                budget.give(len(entry.data))

        unpacking = asyncio.ensure_future(asyncio.to_thread(unpack))
        jobs: list[asyncio.Future] = []
        try:
            done = False
            while not done:
                for item in await arrived.get():
                    if item is _END:
                        done = True
                    elif item is _WHOLE:  # the archive itself was refused: only its own outcome counts
                        for job in jobs[:-1]:
                            job.cancel()
                        jobs = jobs[-1:]
                    elif isinstance(item, FileResult):
                        jobs.append(_done(item))
                    else:
                        jobs.append(asyncio.ensure_future(read(item)))
            await unpacking
            return list(await asyncio.gather(*jobs))
        except BaseException:
            budget.close()  # a thread waiting for room stops instead
            unpacking.cancel()  # the thread itself runs to its end; only its result is dropped
            for job in jobs:
                job.cancel()
            raise


class _ByteBudget:
    """Bytes inflated by the unzip thread and not yet read by a worker, bounded. The thread takes (and
    waits for room); the event loop gives back as each entry's job ends. Up to `entries_always` entries
    go whatever their size, so every worker can have one (a ZIP of 5 MB PDFs still keeps them all busy)
    and an entry larger than the budget is not stuck forever; beyond that, the bytes are bounded."""

    def __init__(self, limit: int, entries_always: int = 1):
        self.limit = limit
        self.entries_always = max(1, entries_always)
        self.in_flight = 0
        self.entries = 0
        self.peak = 0
        self._closed = False
        self._cond = threading.Condition()

    def _fits(self, n: int) -> bool:
        return self.entries < self.entries_always or self.in_flight + n <= self.limit

    def _add(self, n: int) -> None:
        self.in_flight += n
        self.entries += 1
        self.peak = max(self.peak, self.in_flight)

    def try_take(self, n: int) -> bool:
        with self._cond:
            if self._fits(n):
                self._add(n)
                return True
            return False

    def take(self, n: int) -> bool:
        """Wait for room; False when the budget was closed (the import is being abandoned)."""
        with self._cond:
            self._cond.wait_for(lambda: self._closed or self._fits(n))
            if self._closed:
                return False
            self._add(n)
            return True

    def give(self, n: int) -> None:
        with self._cond:
            self.in_flight -= n
            self.entries -= 1
            self._cond.notify_all()

    def close(self) -> None:
        with self._cond:
            self._closed = True
            self._cond.notify_all()


_END = object()  # the unpacking thread is done
_WHOLE = object()  # the FileResult just before this one is the archive's own outcome


def _is_zip(filename: str, data: bytes, limits: Limits) -> bool:
    from .sniff import sniff

    return bool(data) and len(data) <= limits.max_file_bytes and sniff(filename, data)[0] == "zip"


def _done(result: FileResult) -> asyncio.Future:
    future = asyncio.get_running_loop().create_future()
    future.set_result(result)
    return future


def default_processes() -> int:
    return max(1, min(4, (os.cpu_count() or 2) - 1))
