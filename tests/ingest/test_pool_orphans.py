"""Extraction workers leave when their parent is killed, instead of idling forever as orphans."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

CHILD = textwrap.dedent(
    """
    import asyncio, sys
    from milobot.ingest.pool import ExtractionPool

    async def main():
        pool = ExtractionPool(processes=2)
        await pool.extract("a.csv", b"name,email\\nAda Lovelace,ada@example.com\\n")
        print(" ".join(str(p) for p in pool.worker_pids()), flush=True)
        await asyncio.Event().wait()  # until killed

    asyncio.run(main())
    """
)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie still answers kill(0); it has exited all the same.
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(") ")[1][0] != "Z"
    except FileNotFoundError:
        return False


def test_workers_exit_after_their_parent_is_sigkilled():
    parent = subprocess.Popen([sys.executable, "-c", CHILD], stdout=subprocess.PIPE, text=True)
    try:
        pids = [int(p) for p in parent.stdout.readline().split()]
        assert pids and all(_alive(p) for p in pids)
        parent.send_signal(signal.SIGKILL)
        parent.wait(timeout=10)
        deadline = time.monotonic() + 10
        while any(_alive(p) for p in pids) and time.monotonic() < deadline:
            time.sleep(0.1)  # polling other processes, bounded by the deadline
        assert not [p for p in pids if _alive(p)], "orphaned extraction workers are still running"
    finally:
        if parent.poll() is None:
            parent.kill()


async def test_a_zip_bomb_sent_to_the_pool_is_refused_while_unpacking_in_the_parent():
    """ZIPs are unpacked in a thread of the server process before fan-out; the streaming limits
    must hold there too, so a bomb costs a few megabytes and a moment, never a gigabyte."""
    import io
    import zipfile

    from milobot.ingest.pool import ExtractionPool

    buf = io.BytesIO()
    chunk = b"\x00" * (1024 * 1024)
    with (
        zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf,
        zf.open("candidates.csv", "w", force_zip64=True) as entry,
    ):
        for _ in range(1024):
            entry.write(chunk)
    async with ExtractionPool(processes=1) as pool:
        start = time.perf_counter()
        results = await pool.extract("bomb.zip", buf.getvalue())
        assert time.perf_counter() - start < 3
    assert [(r.file, r.outcome) for r in results] == [("candidates.csv", "unsafe")]
    assert "ZIP bomb" in results[0].reason
