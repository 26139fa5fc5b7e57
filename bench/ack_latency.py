"""Ack latency of milobot's slash commands under load, against a bare Bolt app as the floor.

Both apps run as separate processes on loopback, each answering signed `/milo` commands sent at
concurrency 50 by this process; a fake Slack Web API (tests/fakes) answers auth.test and receives the
response_url replies. Prints p50 / p99 / max for each and the ratio of the p99s.
Target (issue 2): milobot's p99 within 2x the floor's p99 in the same run.

    .venv/bin/python bench/ack_latency.py [--requests 500] [--concurrency 50]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import aiohttp

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.fakes import signing  # noqa: E402
from tests.fakes.slack_api import FakeSlack  # noqa: E402

SECRET = "bench-signing-secret"
ADMIN = "UBENCHADM1"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def wait_healthy(url: str, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    async with aiohttp.ClientSession() as http:
        while time.monotonic() < deadline:
            try:
                async with http.get(url) as resp:
                    if resp.status == 200:
                        return
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.1)  # polling a starting server, bounded by the deadline
    raise RuntimeError(f"{url} did not become healthy")


def start(cmd: list[str], env: dict[str, str], log_path: str) -> subprocess.Popen:
    log = open(log_path, "wb")  # noqa: SIM115 (closed with the process)
    return subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)


async def drive(
    url: str, slack: FakeSlack, *, requests: int, concurrency: int, texts: list[str]
) -> list[float]:
    latencies: list[float] = []
    sem = asyncio.Semaphore(concurrency)
    connector = aiohttp.TCPConnector(limit=concurrency)
    async with aiohttp.ClientSession(connector=connector) as http:

        async def one(i: int) -> None:
            async with sem:
                body = signing.command_body(
                    team_id=slack.team_id,
                    user_id=ADMIN,
                    text=texts[i % len(texts)],
                    channel_id="C0BENCH001",
                    response_url=slack.new_response_url(slack.team_id),
                )
                headers = signing.signed_headers(body, SECRET, content_type=signing.FORM)
                t0 = time.perf_counter()
                async with http.post(url, data=body, headers=headers) as resp:
                    await resp.read()
                    if resp.status != 200:
                        raise RuntimeError(f"status {resp.status}")
                latencies.append((time.perf_counter() - t0) * 1000)

        await asyncio.gather(*(one(i) for i in range(requests)))
    return latencies


def summary(name: str, ms: list[float]) -> dict[str, float]:
    ms = sorted(ms)
    p99 = ms[min(len(ms) - 1, int(round(0.99 * len(ms))) - 1)]
    row = {"p50": statistics.median(ms), "p99": p99, "max": ms[-1]}
    print(
        f"{name:<10} n={len(ms):<5} p50={row['p50']:7.1f} ms   p99={row['p99']:7.1f} ms   max={row['max']:7.1f} ms"
    )
    return row


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=500)
    parser.add_argument("--concurrency", type=int, default=50)
    args = parser.parse_args()

    async with FakeSlack() as slack:
        data_dir = tempfile.mkdtemp(prefix="milobot-bench-")
        env = {
            **os.environ,
            "SLACK_BOT_TOKEN": slack.bot_token,
            "SLACK_SIGNING_SECRET": SECRET,
            "SLACK_API_URL": slack.url,
            "MILOBOT_DATA_DIR": data_dir,
            "MILOBOT_ADMINS": ADMIN,
            "MILOBOT_PUBLIC_URL": "https://milobot.bench",
        }
        floor_port, milo_port = free_port(), free_port()
        floor = start([sys.executable, "bench/_floor_app.py", str(floor_port)], env, f"{data_dir}/floor.log")
        milo = start(
            [sys.executable, "-m", "milobot", "serve", "--host", "127.0.0.1", "--port", str(milo_port)],
            env,
            f"{data_dir}/milobot.log",
        )
        try:
            await wait_healthy(f"http://127.0.0.1:{floor_port}/healthz")
            await wait_healthy(f"http://127.0.0.1:{milo_port}/healthz")
            results = {}
            # Real commands that read the database after the ack and reply through response_url.
            milo_texts = ["help", "team"]
            for name, port, texts in (("floor", floor_port, ["help"]), ("milobot", milo_port, milo_texts)):
                url = f"http://127.0.0.1:{port}/slack/events"
                await drive(url, slack, requests=50, concurrency=args.concurrency, texts=texts)  # warm-up
                ms = await drive(
                    url, slack, requests=args.requests, concurrency=args.concurrency, texts=texts
                )
                results[name] = summary(name, ms)
            ratio = results["milobot"]["p99"] / results["floor"]["p99"]
            print(f"ratio      milobot p99 / floor p99 = {ratio:.2f}  (target <= 2.0)")
            # The work behind each ack (database reads, the reply) must finish too, not just the ack.
            expected = 50 + args.requests
            t0 = time.perf_counter()
            await slack.wait_for("response_url", count=expected, timeout=120)
            print(
                f"replies    all {expected} milobot replies delivered {time.perf_counter() - t0:.1f} s after the last ack"
            )
        finally:
            for proc in (floor, milo):
                proc.terminate()
                try:
                    proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    proc.kill()
            print(f"logs: {data_dir}/milobot.log")


if __name__ == "__main__":
    asyncio.run(main())
