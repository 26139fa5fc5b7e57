"""The harness of real `milobot serve` processes: a port that was free when chosen but is taken before
the child binds it (CI runs the two test passes side by side, and any outgoing connection on the
machine can land on it) costs a retry on another port, not a failed test."""

from __future__ import annotations

import socket

from tests import processes
from tests.operations.support import ServeProcess, serve_env


async def test_a_port_taken_before_the_child_binds_it_is_traded_for_another(
    slack, database_url, tmp_path, monkeypatch
):
    with socket.create_server(("127.0.0.1", 0)) as listener:
        # An established connection holds its local port: a server's bind() there is refused.
        holder = socket.create_connection(listener.getsockname())
        taken = holder.getsockname()[1]
        chosen = [taken]
        real = processes.free_port
        monkeypatch.setattr(processes, "free_port", lambda: chosen.pop() if chosen else real())
        serve = ServeProcess(serve_env(tmp_path, slack, database_url), tmp_path)
        try:
            await serve.start()
            assert not chosen, "the taken port was tried first"
            assert serve.port != taken and serve.proc.poll() is None
            # The attempt that lost its port is cut from the log: tests look there for tracebacks.
            assert "Traceback" not in serve.stderr() and "address already in use" not in serve.stderr()
        finally:
            await serve.stop()
            holder.close()
