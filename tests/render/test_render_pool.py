"""A stuck report worker is killed by the pid it reported, and the next report gets a fresh worker."""

import pytest

from milobot.render.pool import RenderPool
from milobot.worker_processes import alive
from tests.operations.support import until
from tests.render.stuck_render import render_or_hang


async def test_a_stuck_worker_is_killed_and_the_next_report_uses_a_new_one():
    # The first job starts the worker (a new interpreter importing the renderer: over 3 s once on a
    # loaded machine), so it gets a generous limit; the stuck job then gets the short one.
    pool = RenderPool(processes=1, hard_timeout=60.0, render_fn=render_or_hang)
    try:
        # The first job starts the worker; its answer is the pid it runs in.
        first = int(await pool.report_pdf("ok"))
        assert pool.worker_pids() == [first]
        pool.hard_timeout = 3.0

        with pytest.raises(TimeoutError):
            await pool.report_pdf("hang")

        assert pool.killed == [first]

        async def gone() -> bool:
            return not alive(first)

        await until(gone, timeout=10, what="the stuck worker's exit")

        pool.hard_timeout = 60.0  # a new worker starts again
        second = int(await pool.report_pdf("ok"))
        assert second != first
        assert alive(second)
    finally:
        await pool.close()
