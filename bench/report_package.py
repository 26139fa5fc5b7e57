"""Package ZIP with 500 MB of recordings: built at disk speed, in bounded memory.

1. The builder alone (milobot.render.report_zip.build_zip, as the package worker runs it in a thread):
   a candidate's 400 MB video and 100 MB audio plus a report and transcripts into one ZIP, against the
   floor of copying the same bytes into one file with plain 1 MB reads and writes; both end with an
   fsync, so each has written to disk; --rounds pairs, the floor right after each build. Prints MB/s of both, the ratio, and this process's extra peak RSS.
2. End to end: milobot as its own process, Package ZIP asked for by a signed modal submission; the ZIP
   is built and streamed to the fake Slack's upload URL. Prints the time to the upload and milobot's peak
   RSS above its RSS before the request (target < 100 MB), sampled every 20 ms.

The recordings are written for real (not sparse) just before, so reads likely come from the page cache;
writes go to disk (fsync). A ZIP needs a CRC-32 of every byte (~1 GB/s a core here), which is the
builder's own cost over the floor.

    .venv/bin/python bench/report_package.py [--mb 500] [--rounds 3]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import tempfile
import threading
import time
from pathlib import Path

import _report_setup as setup  # noqa: I001 (puts the checkout on sys.path first)
import aiohttp
import psutil
from aiohttp import web

from milobot.ids import ReportView
from milobot.metadata import PackageTarget, encode
from milobot.render.report_zip import Entry, build_zip
from tests.fakes import payloads, signing
from tests.fakes.slack_api import FakeSlack

MB = 1_000_000


class StreamingSlack(FakeSlack):
    """The fake Slack Web API, counting the bytes of an upload instead of keeping them (so a 500 MB
    upload neither hits the fake's request size limit nor fills this process's memory)."""

    streamed: dict[str, int] = {}

    async def _handle_upload(self, request: web.Request) -> web.Response:
        pending = self._pending_uploads.get(request.match_info["upload_id"])
        if pending is None:
            return web.Response(status=404, text="Not Found")
        n = 0
        async for chunk in request.content.iter_chunked(1 << 20):
            n += len(chunk)
        pending["content"] = b""
        self.streamed[pending["filename"]] = n
        return web.Response(status=200, text=f"OK - {n}")


class PeakRss:
    """Samples the RSS of a process and its children every 20 ms in a thread; `extra` is the peak
    above the first sample."""

    def __init__(self, pid: int | None = None):
        self.proc = psutil.Process(pid)
        self.base = self.rss()
        self.peak = self.base
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def rss(self) -> int:
        total = self.proc.memory_info().rss
        for child in self.proc.children(recursive=True):
            try:
                total += child.memory_info().rss
            except psutil.Error:
                pass
        return total

    def _run(self) -> None:
        while not self._stop.wait(0.02):
            try:
                self.peak = max(self.peak, self.rss())
            except psutil.Error:
                return

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()

    @property
    def extra_mb(self) -> float:
        return (self.peak - self.base) / MB


def floor_copy(sources: list[Path], dest: Path) -> None:
    with open(dest, "wb") as out:
        for src in sources:
            with open(src, "rb") as f:
                while chunk := f.read(1 << 20):
                    out.write(chunk)
        out.flush()
        os.fsync(out.fileno())


def synced(path: Path) -> None:
    with open(path, "rb+") as f:
        os.fsync(f.fileno())


def builder(data_dir: Path, video: Path, audio: Path, rounds: int) -> None:
    total = video.stat().st_size + audio.stat().st_size
    entries = [
        Entry("contents.txt", data=b"contents"),
        Entry("report.pdf", data=os.urandom(60_000)),
        Entry("video.webm", path=str(video)),
        Entry("audio.webm", path=str(audio)),
        Entry("transcript.txt", data=b"transcript " * 2000),
        Entry("transcript.json", data=b'{"x": 1}' * 2000),
    ]
    zips, floors, extra = [], [], []
    floor_copy([video, audio], data_dir / "floor.bin")  # warm-up: both read the recordings from cache
    (data_dir / "floor.bin").unlink()
    for _ in range(rounds):
        dest = data_dir / "bench.zip"
        with PeakRss() as rss:
            t0 = time.perf_counter()
            build_zip(str(dest), entries)
            synced(dest)  # on disk, as the floor's copy is
            zips.append(time.perf_counter() - t0)
        extra.append(rss.extra_mb)
        dest.unlink()
        t0 = time.perf_counter()
        floor_copy([video, audio], data_dir / "floor.bin")
        floors.append(time.perf_counter() - t0)
        (data_dir / "floor.bin").unlink()
    ratios = [f / z for z, f in zip(zips, floors)]
    print(
        f"builder: {total / MB:.0f} MB of recordings into a ZIP at "
        + ", ".join(f"{total / MB / z:.0f}" for z in zips)
        + " MB/s; plain copy (floor) "
        + ", ".join(f"{total / MB / f:.0f}" for f in floors)
        + f" MB/s; median {statistics.median(ratios) * 100:.0f}% of the floor; extra RSS "
        + ", ".join(f"{x:.1f}" for x in extra)
        + " MB"
    )


async def end_to_end(data_dir: Path, mb: int) -> None:
    async with StreamingSlack() as slack:
        ids = await setup.seed(
            data_dir,
            slack.team_id,
            candidates=1,
            recordings={"video": mb * 4 // 5 * MB, "audio": mb // 5 * MB},
        )
        port = setup.free_port()
        proc = setup.start_milobot(setup.env_for(slack, data_dir), port, data_dir / "milobot.log")
        try:
            await setup.wait_healthy(f"http://127.0.0.1:{port}/healthz")
            url = f"http://127.0.0.1:{port}/slack/events"

            async def ask(items: list[str]) -> None:
                state = {ReportView.ITEMS: {"value": payloads.checkboxes_state(items)}}
                target = encode(PackageTarget(candidate_id=ids[0]))
                body = signing.interactive_body(
                    payloads.view_submission(slack.team_id, setup.ADMIN, ReportView.PACKAGE, state, target)
                )
                headers = signing.signed_headers(body, setup.SECRET, content_type=signing.FORM)
                async with aiohttp.ClientSession() as http:
                    async with http.post(url, data=body, headers=headers) as resp:
                        assert resp.status == 200, await resp.text()

            # A small package first: it starts the PDF worker process, a standing cost of the pool
            # rather than of any one package.
            await ask(["report_pdf", "transcript_txt"])
            await slack.wait_for(
                "chat.update", lambda c: "is ready" in str(c.args.get("blocks")), timeout=120
            )
            await asyncio.sleep(1.0)  # let the first package's buffers settle before the baseline
            mark = slack.mark()
            with PeakRss(proc.pid) as rss:
                t0 = time.perf_counter()
                await ask(["report_pdf", "video", "audio", "transcript_txt"])
                await slack.wait_for("files.completeUploadExternal", since=mark, timeout=600)
                took = time.perf_counter() - t0
            size = max(slack.streamed.values())
            print(
                f"end to end: Package ZIP of {size / MB:.0f} MB built and streamed to Slack's upload URL in {took:.1f} s; "
                f"milobot's peak RSS (with its worker process) {rss.extra_mb:.1f} MB above its {rss.base / MB:.0f} MB before "
                "(target < 100 MB)"
            )
        finally:
            setup.stop(proc)
            print(f"logs: {data_dir}/milobot.log")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    data_dir = Path(tempfile.mkdtemp(prefix="milobot-bench-package-"))
    try:
        video, audio = data_dir / "video.webm", data_dir / "audio.webm"
        setup.write_file(video, args.mb * 4 // 5 * MB)
        setup.write_file(audio, args.mb // 5 * MB)
        builder(data_dir, video, audio, args.rounds)
        video.unlink()
        audio.unlink()
        asyncio.run(end_to_end(data_dir / "e2e", args.mb))
    finally:
        for path in sorted(data_dir.rglob("*"), reverse=True):
            if path.is_file() and path.suffix in (".webm", ".zip", ".bin"):
                path.unlink()


if __name__ == "__main__":
    main()
