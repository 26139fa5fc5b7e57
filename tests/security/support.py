"""A real `milobot serve` / `milobot socket` process for the security tests: the attacks go to the
same command line a deployment runs, and the server's memory is measured from outside."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import threading
from contextlib import asynccontextmanager
from pathlib import Path

import aiohttp
import psutil

from tests.processes import start_listening

ROOT = Path(__file__).resolve().parents[2]
SECRET_KEY = "security-tests-secret-key-0123456789"


def clean_env(**values: str) -> dict[str, str]:
    """The parent's environment without anything that configures milobot or Slack, plus `values`."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("SLACK_", "MILOBOT_", "LLM_", "SMTP_", "DATABASE_URL", "PORT"))
    }
    env.update(values)
    env["PYTHONPATH"] = str(ROOT)
    return env


class Served:
    def __init__(self, process: subprocess.Popen, base_url: str, log_path: Path):
        self.process = process
        self.base_url = base_url
        self.log_path = log_path

    @property
    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def rss(self) -> int:
        return psutil.Process(self.process.pid).memory_info().rss


@asynccontextmanager
async def milobot_process(command: str, tmp_path: Path, env: dict[str, str], *, timeout: float = 60.0):
    """`milobot <command>` on a free port (tests/processes.py), run from an empty folder (no .env), until
    /healthz answers."""
    workdir = tmp_path / f"run-{command}"
    workdir.mkdir(exist_ok=True)
    log_path = workdir / "stderr.log"
    log_path.write_bytes(b"")

    def spawn(port: int) -> subprocess.Popen:
        with open(log_path, "ab") as log:
            return subprocess.Popen(
                [sys.executable, "-m", "milobot", command, "--host", "127.0.0.1", "--port", str(port)],
                cwd=workdir,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )

    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    process, port = await start_listening(spawn, log_path, timeout=timeout, what=f"milobot {command}")
    served = Served(process, f"http://127.0.0.1:{port}", log_path)
    try:
        async with aiohttp.ClientSession() as http:
            while True:
                if process.poll() is not None:
                    raise AssertionError(f"milobot {command} exited {process.returncode}:\n{served.log}")
                try:
                    async with http.get(f"{served.base_url}/healthz") as resp:
                        if resp.status == 200:
                            break
                except aiohttp.ClientError:
                    pass
                if loop.time() > deadline:
                    raise AssertionError(f"milobot {command} did not answer /healthz:\n{served.log}")
                await asyncio.sleep(0.1)  # poll interval, bounded by the deadline above
        yield served
    finally:
        process.terminate()
        try:
            await asyncio.to_thread(process.wait, 15)
        except subprocess.TimeoutExpired:
            process.kill()
            await asyncio.to_thread(process.wait)


class PeakRss:
    """Samples a process's resident memory every few milliseconds on a thread, to catch the peak of a
    burst that is freed again right afterwards."""

    def __init__(self, pid: int, interval: float = 0.002):
        self._process = psutil.Process(pid)
        self._interval = interval
        self._stop = threading.Event()
        self.baseline = self._process.memory_info().rss
        self.peak = self.baseline
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self._process.memory_info().rss)
            self._stop.wait(self._interval)

    def __enter__(self) -> PeakRss:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self._process.memory_info().rss)

    @property
    def growth_mb(self) -> float:
        return (self.peak - self.baseline) / (1024 * 1024)
