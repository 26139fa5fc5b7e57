"""The report page under readers: milobot as its own process (`milobot serve`), 20 candidates each with a
10-question, ~2,000-word interview and a video, and --readers concurrent readers, each opening its own
candidate's /r/<token> page over and over: first as a closed loop (a reader asks again the moment it
has its answer: the server's saturation, where latency is readers / throughput), then with each reader
pausing ~--think-ms between pages. Prints p50 / p99 (target p99 < 50 ms at 20 readers) and milobot's CPU
per page, then the same readers seeking through the videos with 1 MB Range requests (every answer
checked to be a 206 of the right length). The load generator shares the machine's cores with milobot.

    .venv/bin/python bench/report_page.py [--readers 20] [--requests 3000] [--think-ms 100]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import _report_setup as setup  # noqa: I001 (puts the checkout on sys.path first)
import aiohttp
import psutil

from milobot.db.engine import make_engine
from milobot.services.report_links import LinkClaims, sign
from tests.fakes.slack_api import FakeSlack

VIDEO_BYTES = 8 * 1024 * 1024


async def workspace_id(data_dir: Path) -> int:
    from sqlalchemy import text

    engine = make_engine(f"sqlite+aiosqlite:///{data_dir / 'milobot.sqlite3'}")
    async with engine.connect() as conn:
        value = (await conn.execute(text("SELECT id FROM workspaces"))).scalar_one()
    await engine.dispose()
    return value


async def closed_loop(
    http, urls: list[str], total: int, headers=None, check=None, think: float = 0.0
) -> tuple[list[float], float]:
    latencies: list[float] = []
    left = [total]

    async def reader(i: int) -> None:
        rng = random.Random(i)
        while left[0] > 0:
            left[0] -= 1
            url = urls[i % len(urls)]
            h = headers(rng) if headers else None
            t0 = time.perf_counter()
            async with http.get(url, headers=h) as resp:
                body = await resp.read()
            latencies.append((time.perf_counter() - t0) * 1000)
            if check:
                check(resp, body, h)
            elif resp.status != 200:
                raise RuntimeError(f"{url}: {resp.status}")
            if think:
                await asyncio.sleep(rng.uniform(0, 2 * think))  # a reader reading, not a wait for work

    t0 = time.perf_counter()
    await asyncio.gather(*(reader(i) for i in range(len(urls))))
    return latencies, time.perf_counter() - t0


async def main(readers: int, requests: int, think: float) -> None:
    async with FakeSlack() as slack:
        data_dir = Path(tempfile.mkdtemp(prefix="milobot-bench-page-"))
        ids = await setup.seed(data_dir, slack.team_id, candidates=readers, recordings={"video": VIDEO_BYTES})
        ws = await workspace_id(data_dir)
        expires = datetime.now(UTC) + timedelta(days=1)
        tokens = [sign(setup.KEY, LinkClaims(ws, cid, 0, expires)) for cid in ids]
        port = setup.free_port()
        proc = setup.start_milobot(setup.env_for(slack, data_dir), port, data_dir / "milobot.log")
        base = f"http://127.0.0.1:{port}"
        try:
            await setup.wait_healthy(f"{base}/healthz")
            connector = aiohttp.TCPConnector(limit=readers * 2)
            async with aiohttp.ClientSession(connector=connector) as http:
                pages = [f"{base}/r/{t}" for t in tokens]
                async with http.get(pages[0]) as resp:
                    html = await resp.text()
                    assert resp.status == 200 and "Zoë Nguyễn" in html and "<video" in html, resp.status
                    size_kb = len(html.encode()) // 1024
                await closed_loop(http, pages, readers * 5)  # warm-up
                server = psutil.Process(proc.pid)
                cpu0 = sum(server.cpu_times()[:2])
                ms, took = await closed_loop(http, pages, requests)
                cpu = (sum(server.cpu_times()[:2]) - cpu0) * 1000 / len(ms)
                print(
                    setup.line(f"report page ({size_kb} KB), {readers} concurrent readers", ms)
                    + f", {len(ms) / took:.0f} pages/s, milobot CPU {cpu:.2f} ms a page (target p99 < 50 ms)"
                )
                ms, took = await closed_loop(http, pages, requests, think=think)
                print(
                    setup.line(
                        f"report page, {readers} readers each opening a page every ~{think * 1000:.0f} ms", ms
                    )
                    + f", {len(ms) / took:.0f} pages/s"
                )

                video = [f"{base}/r/{t}/recording/{i + 1}" for i, t in enumerate(tokens)]

                def seek(rng: random.Random) -> dict:
                    start = rng.randrange(0, VIDEO_BYTES - (1 << 20))
                    return {"Range": f"bytes={start}-{start + (1 << 20) - 1}"}

                def check(resp, body, headers) -> None:
                    if resp.status != 206 or len(body) != 1 << 20 or "Content-Range" not in resp.headers:
                        raise RuntimeError(f"range answered {resp.status} with {len(body)} bytes")

                ms, took = await closed_loop(http, video, requests // 2, headers=seek, check=check)
                print(
                    setup.line(f"video Range requests of 1 MB, {readers} concurrent readers", ms)
                    + f", {len(ms) / took * 1.048576:.0f} MB/s, every answer a 206"
                )
        finally:
            setup.stop(proc)
            print(f"logs: {data_dir}/milobot.log")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--readers", type=int, default=20)
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--think-ms", type=float, default=100)
    args = parser.parse_args()
    asyncio.run(main(args.readers, args.requests, args.think_ms / 1000))
