"""Running extraction after the ack: download each file of a batch, keep the original bytes, extract in
the bounded process pool, persist, then open the batch for review.

One ExtractionPool per process, started and stopped with the app (container hooks). Durable: every
file's result is written in its own transaction. Shared by replicas: a process extracts an import only
while it holds the import's lease (services/extraction_claims.py), renewed as it works and given back
when it stops; every process looks for imports nobody holds (never started, or their holder died) on
start-up and every half lease after, and resumes them from the bytes kept on disk, downloading again
only what never arrived."""

from __future__ import annotations

import asyncio
import hashlib
import logging
import os
import socket
import time
import uuid
from collections.abc import Awaitable
from datetime import timedelta
from pathlib import Path

import aiohttp

from milobot.container import Container
from milobot.heap import give_back_free_memory
from milobot.ingest import FileResult, Limits
from milobot.ingest.llm import LlmExtractor
from milobot.ingest.pool import ExtractionPool
from milobot.services import extraction_claims
from milobot.services.ingestion import FileToFetch
from milobot.slack.files import DownloadError, download, file_info

log = logging.getLogger(__name__)

TIMEOUT_PER_FILE = 30.0
MAX_BATCHES_AT_ONCE = 4  # downloads and DB writes of more batches wait; CPU is bounded by the pool anyway
MAX_DOWNLOAD_BYTES = Limits().max_file_bytes
RETRY_AFTER = timedelta(minutes=5)  # an import whose extraction failed is tried again after this


def _store(root: Path, sha256: str, data: bytes) -> str:
    """Content-addressed: the same bytes land in the same file, written atomically."""
    root.mkdir(parents=True, exist_ok=True)
    path = root / sha256
    if not path.exists():
        tmp = root / f".{sha256}.{uuid.uuid4().hex}.tmp"
        tmp.write_bytes(data)
        os.replace(tmp, path)
    return str(path)


def _already_stored() -> asyncio.Future:
    done = asyncio.get_running_loop().create_future()
    done.set_result(None)
    return done


def _read(path: str) -> bytes | None:
    try:
        return Path(path).read_bytes()
    except OSError:
        return None


class ExtractionJobs:
    def __init__(self, container: Container, clients):
        self.container = container
        self.clients = clients
        self.service = container.ingestion
        self.pool: ExtractionPool | None = None
        self.llm: LlmExtractor | None = None
        self._tasks: dict[int, asyncio.Task] = {}
        self._slots: asyncio.Semaphore | None = None
        self.holder = f"{socket.gethostname()}:{os.getpid()}:{id(self):x}"[:64]
        self.lease = timedelta(seconds=container.settings.extraction_lease_seconds)
        self._sweeper: asyncio.Task | None = None
        container.metrics.running_extractions = lambda: len(self._tasks)

    async def start(self) -> None:
        self.llm = LlmExtractor.from_settings(self.container.settings)
        self.pool = ExtractionPool(
            processes=self.container.settings.extraction_processes,
            timeout_per_file=TIMEOUT_PER_FILE,
            limits=Limits(keep_evidence=self.llm is not None),
        )
        self._slots = asyncio.Semaphore(MAX_BATCHES_AT_ONCE)
        await self.sweep()
        self._sweeper = asyncio.get_running_loop().create_task(self._sweep_forever(), name="extraction-sweep")

    async def sweep(self) -> int:
        """Take up imports nobody is extracting: left by a process that died, or never started."""
        found = 0
        for batch_id in await extraction_claims.claimable(self.container.db):
            if batch_id not in self._tasks:
                log.info("resuming extraction of import #%s", batch_id)
                self.submit(batch_id)
                found += 1
        return found

    async def _sweep_forever(self) -> None:
        while True:
            await asyncio.sleep(self.lease.total_seconds() / 2)  # the sweep's period, not a wait for work
            try:
                await self.sweep()
            except asyncio.CancelledError:
                raise
            except Exception:
                log.warning("looking for imports to resume failed", exc_info=True)

    async def stop(self) -> None:
        if self._sweeper is not None:
            self._sweeper.cancel()
            await asyncio.gather(self._sweeper, return_exceptions=True)
            self._sweeper = None
        tasks = list(self._tasks.values())
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        if self.pool is not None:
            await self.pool.close()
            self.pool = None

    def submit(self, batch_id: int) -> None:
        """Start extracting a batch in the background, unless it already is."""
        if batch_id in self._tasks or self.pool is None:
            return
        task = asyncio.get_running_loop().create_task(self._run(batch_id), name=f"extract-{batch_id}")
        self._tasks[batch_id] = task
        task.add_done_callback(lambda _t: self._tasks.pop(batch_id, None))

    async def wait_idle(self) -> None:
        while self._tasks:
            await asyncio.gather(*list(self._tasks.values()), return_exceptions=True)

    async def _run(self, batch_id: int) -> None:
        async with self._slots:
            db = self.container.db
            if not await extraction_claims.claim(db, batch_id=batch_id, holder=self.holder, lease=self.lease):
                log.debug("import #%s is being extracted elsewhere", batch_id)
                return
            keeper = asyncio.get_running_loop().create_task(self._keep_lease(batch_id))
            failed = False
            try:
                failed = not await self._extract_batch(batch_id)
            finally:
                keeper.cancel()
                await asyncio.gather(keeper, return_exceptions=True)
                if failed:  # kept a while, so a failing import is retried every few minutes, not at once
                    await extraction_claims.renew(
                        db, batch_id=batch_id, holder=self.holder, lease=RETRY_AFTER
                    )
                else:  # given back even when stopping mid-way: another replica resumes it at once
                    await asyncio.shield(self._release(batch_id))

    async def _keep_lease(self, batch_id: int) -> None:
        while True:
            await asyncio.sleep(self.lease.total_seconds() / 3)  # renew well before the lease runs out
            try:
                kept = await extraction_claims.renew(
                    self.container.db, batch_id=batch_id, holder=self.holder, lease=self.lease
                )
            except asyncio.CancelledError:
                raise
            except Exception:
                log.warning("import #%s: could not renew its lease", batch_id, exc_info=True)
                continue
            if not kept:
                log.warning("import #%s: lease lost; another process may take it over", batch_id)
                return

    async def _release(self, batch_id: int) -> None:
        try:
            await extraction_claims.release(self.container.db, batch_id=batch_id, holder=self.holder)
        except Exception:
            log.warning("import #%s: could not give its lease back; it runs out on its own", batch_id)

    async def _extract_batch(self, batch_id: int) -> bool:
        try:
            started = time.perf_counter()
            self.pool.prestart()
            files = await self.service.files_to_process(batch_id=batch_id)
            extracting: list[asyncio.Future] = []
            try:
                if files:
                    client = await self.clients.for_team(files[0].team_id)
                    timeout = aiohttp.ClientTimeout(total=120, sock_read=30)
                    async with aiohttp.ClientSession(timeout=timeout) as http:
                        # Downloads one after another, so "the same file twice in one import" is
                        # seen as such; each file is extracted as soon as it is in.
                        for f in files:
                            got = await self._fetch(f, client, http)
                            if got is not None:
                                extracting.append(asyncio.ensure_future(self._extract(f, *got)))
                fetched = time.perf_counter()
                await asyncio.gather(*extracting)
            except BaseException:
                for task in extracting:
                    task.cancel()
                raise
            extracted = time.perf_counter()
            await self.service.finish_extraction(batch_id=batch_id)
            log.info(
                "import #%s: %d file(s) fetched in %.0f ms, all extracted and recorded %.0f ms later, "
                "opened for review in %.0f ms",
                batch_id,
                len(extracting),
                (fetched - started) * 1000,
                (extracted - fetched) * 1000,
                (time.perf_counter() - extracted) * 1000,
            )
            # The import's buffers (the download, inflated entries, results) are free now; glibc
            # would otherwise keep their pages, and the next import would start that much higher.
            # In a thread: the trim walks the whole heap (ctypes lets go of the GIL meanwhile).
            await asyncio.to_thread(give_back_free_memory)
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("extraction of import #%s failed; it is tried again in a few minutes", batch_id)
            return False
        return True

    async def _fetch(self, f: FileToFetch, client, http) -> tuple[str, bytes, Awaitable] | None:
        """(filename, bytes, the write of the bytes to disk) to extract, or None when the file got its
        outcome already. The write goes on while the file is extracted: its results are recorded only
        once it is done, so a crash before that re-reads or re-downloads the file on start-up."""
        if f.stored_path:
            data = await asyncio.to_thread(_read, f.stored_path)
            if data is not None and hashlib.sha256(data).hexdigest() == f.sha256:
                return f.filename, data, _already_stored()
        try:
            info = await file_info(client, f.slack_file_id)
            got = await download(
                http,
                info,
                token=client.token,
                max_bytes=MAX_DOWNLOAD_BYTES,
                api_url=self.container.settings.slack_api_url,
            )
        except DownloadError as exc:
            await self.service.record_failure(file_id=f.id, outcome=exc.outcome, reason=exc.reason)
            return None
        root = self.container.settings.data_dir / str(f.workspace_id) / "uploads"
        stored = asyncio.ensure_future(asyncio.to_thread(_store, root, got.sha256, got.data))
        try:
            duplicate = await self.service.record_download(
                file_id=f.id, filename=info.name, sha256=got.sha256, stored_path=str(root / got.sha256)
            )
        except BaseException:
            await asyncio.gather(stored, return_exceptions=True)
            raise
        if duplicate:
            await stored
            return None
        return info.name, got.data, stored

    async def _extract(self, f: FileToFetch, name: str, data: bytes, stored: Awaitable) -> None:
        try:
            # Workers run at normal priority: lowering it (nice 10) kept ack p99 no better on this
            # 2-core machine (23 ms against 22 ms at 20 commands/s) but let any other busy process
            # starve extraction, which then ran at 73% of the bare-pypdf floor instead of 75-77%.
            results = await self.pool.extract(name, data)
            if self.llm is not None:  # optional: MILOBOT_LLM_EXTRACTION=on (ingest/llm.py)
                results = await self.llm.refine(results)
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("extraction of file %s (%s) crashed", f.id, name)
            results = [
                FileResult(name, "corrupt", "Reading this file failed unexpectedly; it may be damaged.")
            ]
        await stored
        t0 = time.perf_counter()
        count = await self.service.record_extraction(file_id=f.id, results=results)
        log.debug(
            "import file %s: %s drafts recorded in %.0f ms", f.id, count, (time.perf_counter() - t0) * 1000
        )
