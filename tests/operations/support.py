"""Real `milobot serve` processes for the operations tests: started on a port of their own, stopped with
a signal, their stderr kept apart so a test can look for tracebacks."""

from __future__ import annotations

import asyncio
import copy
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import aiohttp
from aiohttp import web

from tests.conftest import ADMIN
from tests.fakes.slack_api import FakeSlack
from tests.harness import SECRET_KEY, SIGNING_SECRET
from tests.processes import start_listening


async def until(condition, timeout: float = 20.0, what: str = "condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = await condition()
        if result:
            return result
        await asyncio.sleep(0.05)  # polling another process, bounded by the deadline
    raise AssertionError(f"{what} not met within {timeout}s")


def serve_env(tmp_path: Path, slack: FakeSlack, database_url: str, **extra: str) -> dict[str, str]:
    return {
        **os.environ,
        "SLACK_BOT_TOKEN": slack.bot_token,
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_API_URL": slack.url,
        "DATABASE_URL": database_url,
        "MILOBOT_DATA_DIR": str(tmp_path / "data"),
        "MILOBOT_ADMINS": ADMIN,
        "MILOBOT_PUBLIC_URL": "http://milobot.test",
        "MILOBOT_SECRET_KEY": SECRET_KEY,
        "MILOBOT_EXTRACTION_PROCESSES": "1",
        **extra,
    }


class ServeProcess:
    def __init__(self, env: dict[str, str], log_dir: Path, name: str = "serve", *, command: str = "serve"):
        self.port: int | None = None  # chosen by start()
        self.env, self.name, self.command = env, name, command
        self.stdout_path = log_dir / f"{name}.out"
        self.stderr_path = log_dir / f"{name}.err"
        self.proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def start(self, *, timeout: float = 30.0) -> None:
        def spawn(port: int) -> subprocess.Popen:
            return subprocess.Popen(
                [sys.executable, "-m", "milobot", self.command, "--host", "127.0.0.1", "--port", str(port)],
                env=self.env,
                stdout=open(self.stdout_path, "ab"),  # noqa: SIM115 (lives as long as the process)
                stderr=open(self.stderr_path, "ab"),  # noqa: SIM115
            )

        self.proc, self.port = await start_listening(spawn, self.stderr_path, timeout=timeout, what=self.name)

        async def healthy():
            if self.proc.poll() is not None:
                raise AssertionError(f"{self.name} exited with {self.proc.returncode}:\n{self.stderr()}")
            try:
                async with aiohttp.ClientSession() as http, http.get(f"{self.url}/healthz") as resp:
                    return resp.status == 200
            except aiohttp.ClientError:
                return False

        await until(healthy, timeout=timeout, what=f"{self.name} healthy")

    def stderr(self) -> str:
        return self.stderr_path.read_text(errors="replace") if self.stderr_path.exists() else ""

    def signal(self, signum: int) -> None:
        self.proc.send_signal(signum)

    async def exited(self, timeout: float = 30.0) -> int:
        async def gone():
            return self.proc.poll() is not None

        await until(gone, timeout=timeout, what=f"{self.name} to exit")
        return self.proc.returncode

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=10)

    async def stop(self) -> None:
        """SIGTERM, and wait for the exit on a thread: the fake Slack (or ATS) the process may still be
        calling runs on this event loop, and a loop blocked in wait() left those calls unanswered until
        the process's shutdown grace ran out (20 s a stop)."""
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                await asyncio.to_thread(self.proc.wait, 30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                await asyncio.to_thread(self.proc.wait, 10)


HELD_PARSE = web.RequestKey("held_parse", tuple)


class HeldSlack(FakeSlack):
    """The fake Slack Web API, where calls to chosen methods wait at a gate before they are carried out
    and answered: a slow Slack, for as long as a test needs one to keep a delivery in flight. A held call
    whose caller died meanwhile (its connection is gone when the gate opens) is not carried out, as a
    request that never reached Slack."""

    def __init__(self, **kw) -> None:
        super().__init__(**kw)
        self.gates: dict[str, tuple[asyncio.Event, object]] = {}
        self.arrived: dict[str, asyncio.Event] = {}
        self.dropped: list[tuple[str, dict]] = []
        self.waiting: list = []  # requests held at a gate right now

    def hold(self, method: str, predicate=None) -> asyncio.Event:
        gate = asyncio.Event()
        self.gates[method] = (gate, predicate)
        self.arrived[method] = asyncio.Event()
        return gate

    async def _parse(self, request):
        # A body is read once; the handling after the gate gets what was parsed before it.
        if HELD_PARSE not in request:
            request[HELD_PARSE] = await super()._parse(request)
        args, files = request[HELD_PARSE]
        return copy.deepcopy(args), files

    async def _handle_api(self, request):
        method = request.match_info["method"]
        held = self.gates.get(method)
        if held is not None and not held[0].is_set():
            gate, predicate = held
            args, _ = await self._parse(request)
            if predicate is None or predicate(args):
                self.arrived[method].set()
                self.waiting.append(request)
                try:
                    await gate.wait()
                finally:
                    self.waiting.remove(request)
                if request.transport is None or request.transport.is_closing():
                    self.dropped.append((method, args))
                    return web.Response(status=499)
        return await super()._handle_api(request)

    def callers_gone(self) -> int:
        """Held requests whose caller has hung up (its process died)."""
        return sum(1 for r in self.waiting if r.transport is None or r.transport.is_closing())
