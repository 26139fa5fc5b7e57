"""Running `serve` and `socket` until SIGTERM or Ctrl-C, and stopping them cleanly.

On the first SIGTERM or SIGINT a process stops taking new work and lets work under way finish:
- HTTP: the port closes, requests in flight are answered (up to the grace period);
- Bolt listeners already acknowledged run to their end (their effects land in Slack or the outbox);
- the outbox claims nothing new, and deliveries under way finish;
- whatever is still running when the grace period (MILOBOT_SHUTDOWN_GRACE, 20 s) is over is cancelled
  and its claims are given back (outbox rows, imports being extracted), so another replica, or this one
  when it comes back, picks them up at once instead of when their leases run out.
Then the database is closed and the process exits with status 0, without a traceback. A second signal
while stopping exits at once (status 1); the leases then run out on their own."""

from __future__ import annotations

import asyncio
import logging
import os
import signal
from collections.abc import Awaitable, Callable
from typing import Any

from slack_bolt.listener.async_listener_start_handler import AsyncListenerStartHandler

log = logging.getLogger(__name__)


class ListenerTracker:
    """Bolt runs each listener in a task of its own once the request is acknowledged, and keeps no
    handle on it. A start handler (which Bolt calls inside that task) records it, so a stopping process
    can wait for those tasks before it closes the database under them."""

    def __init__(self) -> None:
        self.tasks: set[asyncio.Task[Any]] = set()

    def install(self, bolt: Any) -> None:
        runner = bolt.listener_runner
        tracker, inner = self, runner.listener_start_handler

        class TrackingStart(AsyncListenerStartHandler):
            async def handle(self, request, response) -> None:  # type: ignore[no-untyped-def]
                task = asyncio.current_task()
                if task is not None:
                    tracker.tasks.add(task)
                    task.add_done_callback(tracker.tasks.discard)
                await inner.handle(request=request, response=response)

        runner.listener_start_handler = TrackingStart()

    async def wait(self, timeout: float) -> int:
        """Wait up to `timeout` seconds for the listeners under way; returns how many are still running."""
        current = asyncio.current_task()
        pending = {t for t in self.tasks if t is not current and not t.done()}
        if pending and timeout > 0:
            log.info("waiting for %d listener(s) to finish", len(pending))
            _, pending = await asyncio.wait(pending, timeout=timeout)
        return len(pending)

    async def cancel(self) -> None:
        current = asyncio.current_task()
        pending = [t for t in self.tasks if t is not current and not t.done()]
        if pending:
            log.warning("cancelling %d listener(s) still running after the grace period", len(pending))
        for task in pending:
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)


def run_until_signalled(main: Callable[[asyncio.Event], Awaitable[None]]) -> int:
    """Run `main(stop)` in a fresh event loop; SIGTERM and SIGINT set `stop`, and `main` is expected to
    shut down in order and return. Returns the exit status: 0 after a clean stop."""

    async def runner() -> None:
        loop = asyncio.get_running_loop()
        stop = asyncio.Event()
        signals = 0

        def on_signal(signum: int) -> None:
            nonlocal signals
            signals += 1
            if signals == 1:
                log.info("%s received: stopping (again to stop at once)", signal.Signals(signum).name)
                stop.set()
            else:
                log.warning("second signal: exiting without waiting")
                os._exit(1)

        for signum in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(signum, on_signal, signum)
        try:
            await main(stop)
        finally:
            for signum in (signal.SIGTERM, signal.SIGINT):
                loop.remove_signal_handler(signum)
            await _cancel_leftovers()

    try:
        asyncio.run(runner())
    except KeyboardInterrupt:  # a signal before the loop took over (while importing or starting)
        return 0
    return 0


async def _cancel_leftovers() -> None:
    """Tasks a library left behind (a client session's closer, say): cancelled and awaited here, so
    asyncio.run has nothing left to cancel and report as an error at exit."""
    current = asyncio.current_task()
    leftovers = [t for t in asyncio.all_tasks() if t is not current and not t.done()]
    for task in leftovers:
        task.cancel()
    for result in await asyncio.gather(*leftovers, return_exceptions=True):
        if isinstance(result, Exception) and not isinstance(result, asyncio.CancelledError):
            log.debug("a task left running at exit ended with %r", result)


def interrupt_on_sigterm() -> None:
    """Until the event loop installs its own handlers: SIGTERM while starting up stops the process
    like Ctrl-C does (quietly, status 0), instead of killing it mid-way."""

    def handler(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, handler)
