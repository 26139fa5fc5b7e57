"""Download PDF: CPU per report, and acknowledgements while PDFs are being made.

1. The renderer alone, in this process: a report of a 10-question interview with a ~2,000-word transcript,
   drawn --renders times after a warm-up; CPU time per PDF (target < 150 ms).
2. milobot as its own process (`milobot serve`) with the fake Slack Web API: `/milo help` at --rate a second
   for a baseline, then again while --pdfs Download PDF clicks (20 candidates) are made and uploaded; ack
   p99 of the commands during that window (target < 100 ms), the worker processes' CPU per PDF, and the
   time until every PDF reached Slack.

    .venv/bin/python bench/report_pdf.py [--renders 30] [--pdfs 20] [--rate 20] [--rounds 3]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import _report_setup as setup  # noqa: I001 (puts the checkout on sys.path first)
import aiohttp
import psutil

from milobot.ids import ReportAction
from milobot.metadata import ReportChoice, encode
from milobot.render.report_pdf import report_pdf
from milobot.services.report_data import InterviewReport, QuestionReport, ReportData
from tests.fakes import payloads, signing
from tests.fakes.slack_api import FakeSlack


def sample_report() -> ReportData:
    qs = setup.questions()
    questions = tuple(
        QuestionReport(
            i,
            q["text"],
            q["anchor_1"],
            q["anchor_5"],
            float(q["weight"]),
            setup.answer_text(200, i),
            1 + i % 5,
            1 + i % 5,
            i == 3,
            (setup.answer_text(200, i)[:120],),
            "Specific example with a measured result.",
            60_000,
        )
        for i, q in enumerate(qs)
    )
    now = datetime.now(UTC)
    iv = InterviewReport(
        1,
        "completed",
        "web",
        now,
        now,
        74.0,
        "rubric",
        1,
        setup.UA,
        questions,
        ("Pasted text once in question 3",),
        (),
    )
    return ReportData(
        1,
        1,
        "Zoë Nguyễn",
        "z@example.com",
        None,
        "Hà Nội",
        None,
        None,
        "completed",
        "shortlisted",
        None,
        "Backend Engineer",
        "Senior",
        now,
        (iv,),
    )


def renderer_cpu(renders: int) -> None:
    data = sample_report()
    words = sum(len(q.answer.split()) for q in data.interviews[0].questions)
    report_pdf(data)  # fonts, imports
    cpu = []
    for _ in range(renders):
        t0 = time.process_time()
        pdf = report_pdf(data)
        cpu.append((time.process_time() - t0) * 1000)
    print(
        f"renderer: {words} words, 10 questions, {len(pdf) // 1024} KB PDF: CPU per PDF mean {statistics.mean(cpu):.1f} ms, "
        f"p95 {setup.pct(cpu, 0.95):.1f} ms (target < 150 ms)"
    )


async def commands(http, url: str, slack, rate: float, stop: asyncio.Event) -> list[float]:
    acks: list[float] = []
    tasks = []

    async def one() -> None:
        body = signing.command_body(
            team_id=slack.team_id,
            user_id=setup.ADMIN,
            text="help",
            channel_id="C0BENCH001",
            response_url=slack.new_response_url(slack.team_id),
        )
        headers = signing.signed_headers(body, setup.SECRET, content_type=signing.FORM)
        t0 = time.perf_counter()
        async with http.post(url, data=body, headers=headers) as resp:
            await resp.read()
        acks.append((time.perf_counter() - t0) * 1000)

    while not stop.is_set():
        tasks.append(asyncio.ensure_future(one()))
        await asyncio.sleep(1 / rate)  # the arrival rate, not a wait for work
    await asyncio.gather(*tasks)
    return acks


async def click_pdf(http, url: str, slack, candidate_id: int) -> None:
    value = encode(ReportChoice(action="pdf", candidate_id=candidate_id), limit=150)
    payload = payloads.overflow_action(
        slack.team_id,
        setup.ADMIN,
        ReportAction.MENU,
        value,
        response_url=slack.new_response_url(slack.team_id),
    )
    body = signing.interactive_body(payload)
    headers = signing.signed_headers(body, setup.SECRET, content_type=signing.FORM)
    async with http.post(url, data=body, headers=headers) as resp:
        await resp.read()


async def under_load(pdfs: int, rate: float, rounds: int) -> None:
    async with FakeSlack() as slack:
        data_dir = Path(tempfile.mkdtemp(prefix="milobot-bench-pdf-"))
        ids = await setup.seed(data_dir, slack.team_id, candidates=pdfs)
        port = setup.free_port()
        proc = setup.start_milobot(setup.env_for(slack, data_dir), port, data_dir / "milobot.log")
        url = f"http://127.0.0.1:{port}/slack/events"
        try:
            await setup.wait_healthy(f"http://127.0.0.1:{port}/healthz")
            async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=100)) as http:
                # Warm-up: one PDF starts the worker process, so the measured ones don't pay for it.
                await click_pdf(http, url, slack, ids[0])
                await slack.wait_for("files.completeUploadExternal", timeout=60)
                stop = asyncio.Event()
                driver = asyncio.ensure_future(commands(http, url, slack, rate, stop))
                await asyncio.sleep(3)  # baseline window
                stop.set()
                baseline = await driver
                print(setup.line(f"ack, /milo help at {rate:.0f}/s, idle", baseline))

                workers = psutil.Process(proc.pid).children(recursive=True)
                loaded, times, cpu = [], [], []
                for _ in range(rounds):
                    cpu0 = sum(w.cpu_times().user + w.cpu_times().system for w in workers)
                    mark = slack.mark()
                    stop = asyncio.Event()
                    driver = asyncio.ensure_future(commands(http, url, slack, rate, stop))
                    t0 = time.perf_counter()
                    await asyncio.gather(*(click_pdf(http, url, slack, cid) for cid in ids[:pdfs]))
                    await slack.wait_for("files.completeUploadExternal", count=pdfs, since=mark, timeout=300)
                    times.append(time.perf_counter() - t0)
                    stop.set()
                    loaded += await driver
                    cpu1 = sum(w.cpu_times().user + w.cpu_times().system for w in workers)
                    cpu.append((cpu1 - cpu0) * 1000 / pdfs)
                print(
                    setup.line(
                        f"ack, /milo help at {rate:.0f}/s, while {pdfs} PDFs are made ({rounds} rounds)",
                        loaded,
                    )
                    + " (target p99 < 100 ms)"
                )
                print(
                    f"{pdfs} PDFs made off the event loop and uploaded to DMs in "
                    + ", ".join(f"{t:.1f}" for t in times)
                    + " s; worker process CPU per PDF "
                    + ", ".join(f"{c:.0f}" for c in cpu)
                    + " ms"
                )
        finally:
            setup.stop(proc)
            print(f"logs: {data_dir}/milobot.log")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--renders", type=int, default=30)
    parser.add_argument("--pdfs", type=int, default=20)
    parser.add_argument("--rate", type=float, default=20)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    renderer_cpu(args.renders)
    asyncio.run(under_load(args.pdfs, args.rate, args.rounds))


if __name__ == "__main__":
    main()
