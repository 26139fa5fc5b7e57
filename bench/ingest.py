"""Ingestion end to end: DM a running milobot a ZIP of 200 résumés, and measure

  * résumés/second of the whole import (event → download → extraction in the app's pool → drafts
    persisted → review message posted), against the bare-pypdf floor with the same processes, same run;
  * ack latency p50/p99 of signed `/milo help` commands sent at a steady rate during the import;
  * peak RSS of the milobot process tree (server plus extraction workers), sampled with psutil.

    .venv/bin/python bench/ingest.py [--resumes 200] [--rate 20] [--rounds 5] [--corpus templates|cv|onepage]

The default corpus is the template corpus (tests/data/ingest_templates): résumés made from public
templates, where the second (layout-mode) pass runs as often as such files need it; its share and the
CPU of each pass are printed at the end.

milobot runs as its own process (`python -m milobot serve`, SQLite in a temp folder) so this process,
which plays Slack (tests/fakes FakeSlack) and sends the load, does not share its event loop.
Targets: ≥ 80% of the floor's throughput, ack p99 < 100 ms, peak RSS < 300 MB.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import json
import os
import statistics
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import aiohttp

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from ack_latency import free_port, start, wait_healthy
from ingest_extract import (
    CORPORA,
    DEFAULT_CORPUS,
    PeakRSS,
    build_resume_zip,
    corpus_pdfs,
    cpu_seconds,
    pass_profile,
    print_passes,
    run_extraction_bench_async,
)

from milobot.config import Settings
from tests.fakes import payloads, signing
from tests.fakes.slack_api import FakeSlack

SECRET = "bench-signing-secret"
ADMIN = "UBENCHADM1"
DM = "D0BENCHDM1"


async def post_event(http, url: str, envelope: dict) -> None:
    body = json.dumps(envelope).encode()
    headers = signing.signed_headers(body, SECRET, content_type="application/json")
    async with http.post(url, data=body, headers=headers) as resp:
        await resp.read()
        assert resp.status == 200, resp.status


async def commands_at_rate(http, url: str, slack: FakeSlack, rate: float, stop: asyncio.Event) -> list[float]:
    """Send `/milo help` every 1/rate seconds (not waiting for the previous one) until `stop`."""
    latencies: list[float] = []

    async def one() -> None:
        body = signing.command_body(
            team_id=slack.team_id,
            user_id=ADMIN,
            text="help",
            channel_id="C0BENCH001",
            response_url=slack.new_response_url(slack.team_id),
        )
        headers = signing.signed_headers(body, SECRET, content_type=signing.FORM)
        t0 = time.perf_counter()
        async with http.post(url, data=body, headers=headers) as resp:
            await resp.read()
        latencies.append((time.perf_counter() - t0) * 1000)

    tasks = []
    loop = asyncio.get_running_loop()
    next_at = loop.time()
    while not stop.is_set():
        tasks.append(asyncio.ensure_future(one()))
        next_at += 1 / rate
        try:
            await asyncio.wait_for(stop.wait(), timeout=max(0.0, next_at - loop.time()))
        except TimeoutError:
            pass
    await asyncio.gather(*tasks)
    return latencies


def renamed(zip_bytes: bytes, prefix: str) -> bytes:
    """The same résumés under other names: new bytes, so the app doesn't see the ZIP as a re-upload."""
    src = zipfile.ZipFile(io.BytesIO(zip_bytes))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for info in src.infolist():
            zf.writestr(f"{prefix}/{info.filename}", src.read(info))
    return out.getvalue()


def pct(ms: list[float], q: float) -> float:
    ms = sorted(ms)
    return ms[min(len(ms) - 1, max(0, round(q * len(ms)) - 1))]


async def import_once(
    http, url: str, slack: FakeSlack, name: str, data: bytes, mimetype: str, number: int
) -> float:
    """DM one file and wait for the review of import #`number`; returns seconds from DM to review."""
    file = slack.register_file(slack.team_id, f"F0BENCH{number:04d}", name, data, mimetype, user_id=ADMIN)
    mark = slack.mark()
    t0 = time.perf_counter()
    await post_event(http, url, payloads.message_im_with_files(slack.team_id, ADMIN, DM, [file]))
    await slack.wait_for(
        "chat.update",
        lambda c: f"Review import #{number}" in json.dumps(c.args.get("blocks")),
        timeout=600,
        since=mark,
    )
    return time.perf_counter() - t0


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--resumes", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=5, help="N rounds, app and floor alternating")
    parser.add_argument(
        "--rate", type=float, default=20.0, help="slash commands per second during the import"
    )
    parser.add_argument(
        "--corpus",
        choices=sorted(CORPORA),
        default=DEFAULT_CORPUS,
        help="templates: public résumé templates (default); cv: 2-3 page CVs; onepage: test corpus",
    )
    args = parser.parse_args()
    zip_bytes = build_resume_zip(args.resumes, args.corpus)
    processes = Settings().extraction_processes  # what the served app uses; the floor gets the same

    async with FakeSlack() as slack:
        data_dir = tempfile.mkdtemp(prefix="milobot-bench-ingest-")
        env = {
            **os.environ,
            "SLACK_BOT_TOKEN": slack.bot_token,
            "SLACK_SIGNING_SECRET": SECRET,
            "SLACK_API_URL": slack.url,
            "MILOBOT_DATA_DIR": data_dir,
            "MILOBOT_ADMINS": ADMIN,
            "MILOBOT_PUBLIC_URL": "https://milobot.bench",
        }
        port = free_port()
        server = start(
            [sys.executable, "-m", "milobot", "serve", "--host", "127.0.0.1", "--port", str(port)],
            env,
            f"{data_dir}/milobot.log",
        )
        url = f"http://127.0.0.1:{port}/slack/events"
        try:
            await wait_healthy(f"http://127.0.0.1:{port}/healthz")
            async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=100)) as http:
                # Warm up as a running service would be: commands answered, pool workers started.
                stop = asyncio.Event()
                warm = asyncio.ensure_future(commands_at_rate(http, url, slack, 50, stop))
                await import_once(
                    http, url, slack, "warm.csv", b"Name,Email\nAda Lovelace,ada@example.com\n", "text/csv", 1
                )
                stop.set()
                await warm

                # Rounds alternate the app and the floor, so load from elsewhere on the machine hits both
                # alike; the best round of each is compared.
                seconds, floor, ms, peak, paired = float("inf"), None, [], 0, []
                cpu_paired: list[tuple[float, float, float]] = []  # (server, workers, floor) ms a résumé
                for round_no in range(args.rounds):
                    bundle = renamed(
                        zip_bytes, f"round-{round_no}"
                    )  # before the load starts: it takes CPU here
                    stop = asyncio.Event()
                    load = asyncio.ensure_future(commands_at_rate(http, url, slack, args.rate, stop))
                    cpu_before, me_before = cpu_seconds(server.pid), time.process_time()
                    with PeakRSS(server.pid) as rss:
                        took = await import_once(
                            http,
                            url,
                            slack,
                            f"resumes-{round_no}.zip",
                            bundle,
                            "application/zip",
                            round_no + 2,
                        )
                    cpu_after, me_after = cpu_seconds(server.pid), time.process_time()
                    stop.set()
                    ms += await load
                    if took < seconds:
                        cpu = (
                            cpu_after[0] - cpu_before[0],
                            cpu_after[1] - cpu_before[1],
                            me_after - me_before,
                        )
                    seconds, peak = min(seconds, took), max(peak, rss.peak)
                    measured = await run_extraction_bench_async(zip_bytes, processes, rounds=1)
                    paired.append((args.resumes / took) / measured["floor"]["resumes_per_s"])
                    cpu_paired.append(
                        (
                            (cpu_after[0] - cpu_before[0]) / args.resumes * 1000,
                            (cpu_after[1] - cpu_before[1]) / args.resumes * 1000,
                            measured["floor"]["worker_cpu_ms_per_resume"],
                        )
                    )
                    if floor is None or measured["floor"]["resumes_per_s"] > floor["floor"]["resumes_per_s"]:
                        floor = measured
        finally:
            server.terminate()
            server.wait(timeout=20)

    rate = args.resumes / seconds
    best_ratio = rate / floor["floor"]["resumes_per_s"]
    # The machine's speed drifts between rounds (the floor alone varies by ±5% here); a round's import
    # against the floor measured right after it cancels most of that, so the median of those pairs is
    # the figure the target is judged on.
    ratio = statistics.median(paired)
    p50, p99 = statistics.median(ms), pct(ms, 0.99)
    peak_mb = peak / 2**20
    print(
        f"ZIP of {args.resumes} résumés from the {args.corpus!r} corpus ({len(zip_bytes) / 2**20:.1f} MB), "
        f"{processes} extraction processes"
    )
    print(f"  milobot whole import:   {rate:6.1f} résumés/s  ({seconds:.2f} s from DM to review message)")
    print(
        f"  bare pool extraction:   {floor['milobot']['resumes_per_s']:6.1f} résumés/s  (ExtractionPool alone)"
    )
    print(f"  floor (bare pypdf):     {floor['floor']['resumes_per_s']:6.1f} résumés/s")
    print(
        f"  ratio whole/floor:      {ratio:.1%} median of {len(paired)} rounds, each against the floor run right after it (target ≥ 80%)"
    )
    print(
        f"                          rounds: {', '.join(f'{r:.1%}' for r in paired)}; best against best: {best_ratio:.1%}"
    )
    print(
        f"  ack latency during it:  p50 {p50:.1f} ms  p99 {pct(ms, 0.99):.1f} ms  max {max(ms):.1f} ms  "
        f"(n={len(ms)} at {args.rate:g}/s; target p99 < 100 ms)"
    )
    print(f"  peak RSS (tree):        {peak_mb:.0f} MB  (target < 300 MB)")
    print(
        f"  CPU during best import: server {cpu[0]:.2f} s, extraction workers {cpu[1]:.2f} s, "
        f"this load generator and fake Slack {cpu[2]:.2f} s"
    )
    # On a busy 2-core machine the wall clock mostly measures the neighbours; CPU time does not. The
    # whole import's CPU (server, including the commands it answered meanwhile, plus workers) against
    # the floor's workers on the same files, per round, is the steadier figure of the same ratio.
    cpu_ratios = [f / (s + w) for s, w, f in cpu_paired]
    by_ratio = sorted(range(len(cpu_ratios)), key=cpu_ratios.__getitem__)
    s_ms, w_ms, f_ms = cpu_paired[by_ratio[(len(by_ratio) - 1) // 2]]  # the median round (lower middle)
    print(
        f"  CPU ratio floor/whole:  {statistics.median(cpu_ratios):.1%} median of {len(cpu_ratios)} rounds "
        f"({', '.join(f'{r:.1%}' for r in cpu_ratios)}); that round: server {s_ms:.1f} + workers {w_ms:.1f} ms "
        f"a résumé against the floor's {f_ms:.1f} ms"
    )
    print(
        f"  machine load average:   {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs (other work skews both sides)"
    )
    print_passes(pass_profile([p.read_bytes() for p in corpus_pdfs(args.corpus)]))
    print(f"  log: {data_dir}/milobot.log")
    met = ratio >= 0.8 and p99 < 100 and peak_mb < 300
    print("  targets:", "met" if met else "MISSED")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
