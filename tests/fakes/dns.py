"""A DNS that answers from a table, for the SSRF guard's tests: no query leaves this machine, and a name
can answer differently each time it is asked (DNS rebinding). Installed into a running milobot as the
resolver that milobot's guard wraps."""

from __future__ import annotations

import socket

from aiohttp.abc import AbstractResolver


class FakeDNS(AbstractResolver):
    def __init__(self) -> None:
        self.answers: dict[str, list[list[str]]] = {}
        self.queries: list[str] = []

    def set(self, name: str, *answers: list[str]) -> None:
        """Each argument is one answer (a list of addresses), given in turn; the last one repeats."""
        self.answers[name.lower()] = [list(a) for a in answers]

    async def resolve(self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET):
        self.queries.append(host)
        queue = self.answers.get(host.lower().rstrip("."))
        if not queue:
            raise OSError(None, f"{host}: Name or service not known")
        addresses = queue.pop(0) if len(queue) > 1 else queue[0]
        return [
            {
                "hostname": host,
                "host": addr,
                "port": port,
                "family": socket.AF_INET6 if ":" in addr else socket.AF_INET,
                "proto": 0,
                "flags": socket.AI_NUMERICHOST,
            }
            for addr in addresses
        ]

    async def close(self) -> None:
        return None
