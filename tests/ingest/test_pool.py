"""ExtractionPool: work runs in other processes, ZIPs fan out across them, stuck files time out."""

from __future__ import annotations

import asyncio
import io
import os
import zipfile

from milobot.ingest import ExtractionPool, extract
from milobot.ingest.pool import MAX_BYTES_IN_FLIGHT
from milobot.worker_processes import alive

from .corpus import CORPUS
from .slow_fns import sleepy_extract, stuck_extract

PDFS = sorted((CORPUS / "resumes").glob("*.pdf"))[:6]


async def test_concurrent_files_match_in_process_results():
    pool = ExtractionPool(processes=2, timeout_per_file=30)
    try:
        files = [(p.name, p.read_bytes()) for p in PDFS]
        results = await asyncio.gather(*(pool.extract(name, data) for name, data in files))
        assert [r.to_dict() for rs in results for r in rs] == [
            r.to_dict() for n, d in files for r in extract(n, d)
        ]
        pids = pool.worker_pids()
        assert pids and os.getpid() not in pids  # parsing happened elsewhere
    finally:
        await pool.close()


async def test_zip_entries_fan_out_in_order():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for i, p in enumerate(PDFS):
            zf.write(p, f"batch/{i}_{p.name}")
        zf.writestr("batch/../escape.pdf", b"%PDF")
    pool = ExtractionPool(processes=2)
    try:
        results = await pool.extract("batch.zip", buf.getvalue())
    finally:
        await pool.close()
    assert [r.file for r in results] == [f"batch/{i}_{p.name}" for i, p in enumerate(PDFS)] + [
        "batch/../escape.pdf"
    ]
    assert [r.outcome for r in results] == ["ok"] * len(PDFS) + ["unsafe"]
    assert results[0].profiles[0].source_file == f"batch/0_{PDFS[0].name}"


async def test_soft_timeout_stops_a_slow_file_and_keeps_the_pool():
    pool = ExtractionPool(processes=2, timeout_per_file=0.5, extract_fn=sleepy_extract)
    try:
        slow, fast = await asyncio.gather(
            pool.extract("slow.pdf", PDFS[0].read_bytes()), pool.extract("fast.pdf", PDFS[1].read_bytes())
        )
        assert slow[0].outcome == "timeout" and "0.5 seconds" in slow[0].reason
        assert fast[0].outcome == "ok"
        assert pool.recycled == 0
    finally:
        await pool.close()


async def _pids(pool: ExtractionPool, n: int) -> list[int]:
    """The workers' pids once n have reported (they report as they start), polled with a deadline."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 20
    while len(pids := pool.worker_pids()) < n:
        assert loop.time() < deadline, f"only {pids} of {n} workers reported"
        await asyncio.sleep(0.01)  # poll interval, bounded by the deadline above
    return pids


async def test_hard_timeout_kills_a_stuck_worker_and_recycles_the_pool():
    pool = ExtractionPool(processes=1, timeout_per_file=0.3, extract_fn=stuck_extract)
    try:
        pool.prestart()
        (worker,) = await _pids(pool, 1)
        (stuck,) = await pool.extract("stuck.pdf", PDFS[0].read_bytes())
        assert stuck.outcome == "timeout"
        assert pool.recycled == 1
        # The stuck worker spins for 60 s with SIGALRM ignored: only the pool's kill ends it early.
        loop = asyncio.get_running_loop()
        deadline = loop.time() + 10
        while alive(worker):
            assert loop.time() < deadline, f"the stuck worker {worker} is still running"
            await asyncio.sleep(0.02)  # poll interval, bounded by the deadline above
        assert worker not in pool.worker_pids()
        # The replacement pool works.
        (after,) = await pool.extract("after.pdf", PDFS[1].read_bytes())
        assert after.outcome == "ok"
    finally:
        await pool.close()


async def test_a_zip_refused_as_a_whole_gives_one_outcome_for_the_archive():
    only_folders = io.BytesIO()
    with zipfile.ZipFile(only_folders, "w") as zf:
        zf.writestr("empty/", b"")
        zf.writestr("__MACOSX/._cv.pdf", b"junk")
    cut_off = io.BytesIO()
    with zipfile.ZipFile(cut_off, "w") as zf:
        zf.write(PDFS[0], "cv.pdf")
    pool = ExtractionPool(processes=1)
    try:
        empty = await pool.extract("folders.zip", only_folders.getvalue())
        broken = await pool.extract("broken.zip", cut_off.getvalue()[: len(cut_off.getvalue()) // 2])
    finally:
        await pool.close()
    assert [(r.file, r.outcome) for r in empty] == [("folders.zip", "empty")]
    assert len(broken) == 1 and broken[0].file == "broken.zip" and broken[0].outcome == "corrupt"


async def test_prestart_starts_every_worker_before_the_first_job():
    pool = ExtractionPool(processes=2)
    try:
        assert pool.worker_pids() == []
        pool.prestart()
        pool.prestart()  # once per pool: no more workers than processes
        started = await _pids(pool, 2)
        (result,) = await pool.extract(PDFS[0].name, PDFS[0].read_bytes())
        assert result.outcome == "ok"
        assert pool.worker_pids() == started
    finally:
        await pool.close()


def test_the_warm_up_resume_ships_with_the_package_and_reads():
    """Workers read it before their first job (worker.warm_up); a broken or missing file would only
    make every first import slower, silently, so check it here."""
    from pathlib import Path

    import milobot.ingest.pool as pool_module

    data = (Path(pool_module.__file__).parent / "warmup.pdf").read_bytes()
    (result,) = extract("warmup.pdf", data)
    assert result.outcome == "ok"
    assert result.profiles[0].email == "sample.candidate@example.com"


async def test_an_import_cancelled_while_unzipping_stops_cleanly_and_the_pool_goes_on():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for i in range(120):
            zf.write(PDFS[i % len(PDFS)], f"many/{i:03d}.pdf")
    pool = ExtractionPool(processes=1)
    loop = asyncio.get_running_loop()
    unhandled: list[dict] = []
    loop.set_exception_handler(lambda _loop, context: unhandled.append(context))
    try:
        task = asyncio.ensure_future(pool.extract("many.zip", buf.getvalue()))
        deadline = loop.time() + 10
        while not pool.worker_pids():  # until the first entries reached the pool
            assert loop.time() < deadline, "the pool never started a worker"
            await asyncio.sleep(0.01)  # poll interval, bounded by the deadline above
        task.cancel()
        try:
            await task
        except asyncio.CancelledError:
            pass
        (after,) = await pool.extract(PDFS[0].name, PDFS[0].read_bytes())
        assert after.outcome == "ok"
    finally:
        await pool.close()
        loop.set_exception_handler(None)
    assert unhandled == []


async def test_a_big_zip_is_inflated_only_a_few_megabytes_ahead_of_the_workers():
    # 48 entries of 256 KB (12 MB): more than the budget, so the unzip thread must wait for the workers
    # instead of holding the whole archive inflated in the server.
    filler = bytes(range(256)) * 1024
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for i in range(48):
            zf.writestr(f"notes/{i:02d}.bin", filler)
    async with ExtractionPool(processes=1, timeout_per_file=30) as pool:
        results = await pool.extract("notes.zip", buf.getvalue())
    assert len(results) == 48 and {r.outcome for r in results} == {"unsupported"}
    assert 0 < pool.last_budget.peak <= MAX_BYTES_IN_FLIGHT < 48 * len(filler)
    assert pool.last_budget.in_flight == 0


def test_each_worker_may_have_one_entry_whatever_its_size():
    from milobot.ingest.pool import _ByteBudget

    budget = _ByteBudget(8, entries_always=2)
    assert budget.try_take(20) and budget.try_take(20)  # one big entry for each of two workers
    assert not budget.try_take(1)  # a third waits: 40 bytes in flight against a budget of 8
    budget.give(20)
    budget.give(20)
    assert budget.try_take(5) and budget.try_take(2)  # two go always
    assert budget.try_take(1)  # a third because 8 bytes fit the budget
    assert not budget.try_take(1) and budget.in_flight == 8 and budget.peak == 40
