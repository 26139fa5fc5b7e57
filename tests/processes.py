"""Real `milobot serve` / `milobot socket` processes on a port of their own.

A port found free (bound to port 0, then closed) is only free at that moment: until the child has
imported milobot and bound it, a second or more on a loaded machine, any socket on the machine may take
it, the outgoing connections of the other test pass that CI runs alongside included (an established
connection on the port makes the child's bind fail with "address already in use"). So a child is
known to be ours only once it logs that it is listening; one that found its port taken is started
again on another."""

from __future__ import annotations

import asyncio
import os
import re
import socket
import subprocess
from collections.abc import Callable
from pathlib import Path

ATTEMPTS = 5
TAKEN = "address already in use"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _listening(port: int) -> re.Pattern[str]:
    # What `milobot serve` and `milobot socket` log once their port is bound (milobot/cli.py).
    return re.compile(rf"serving on http://127\.0\.0\.1:{port}\b|candidate pages on port {port}\b")


async def start_listening(
    spawn: Callable[[int], subprocess.Popen], log_path: Path, *, timeout: float, what: str
) -> tuple[subprocess.Popen, int]:
    """`spawn(port)` starts the child, its log (stderr) appended to `log_path`. Returns the child and
    its port once the child itself says it listens there. An attempt that lost its port is cut from
    the log, so a test that looks for tracebacks there sees only the child that runs."""
    loop = asyncio.get_running_loop()
    for _ in range(ATTEMPTS):
        port = free_port()
        start = log_path.stat().st_size if log_path.exists() else 0
        proc = spawn(port)
        listening = _listening(port)
        deadline = loop.time() + timeout
        while True:
            exited = proc.poll() is not None
            with open(log_path, "rb") as f:
                f.seek(start)
                log = f.read().decode(errors="replace")
            if listening.search(log):
                return proc, port
            if exited:
                break
            if loop.time() > deadline:
                proc.kill()
                proc.wait()
                raise AssertionError(f"{what} did not listen on port {port} within {timeout}s:\n{log}")
            await asyncio.sleep(0.05)  # polling another process, bounded by the deadline
        if TAKEN not in log.lower():
            raise AssertionError(f"{what} exited with {proc.returncode}:\n{log}")
        os.truncate(log_path, start)
    raise AssertionError(f"{what}: the port was taken before the process bound it, {ATTEMPTS} times")
