"""What the fake Greenhouse and Lever servers share: a real aiohttp server on an ephemeral port, Basic
auth with the API key as user name, every request recorded, and faults injected per route (a status,
a Retry-After, or "do it, then answer 500" for an answer lost after the vendor saved the change)."""

from __future__ import annotations

import asyncio
import base64
import fnmatch
import json
import time
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web


@dataclass
class Recorded:
    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    json: Any
    at: float = field(default_factory=time.monotonic)
    raw: bytes = b""  # the body as sent (a multipart upload has no JSON)


@dataclass
class Fault:
    method: str
    pattern: str
    status: int
    times: int
    body: Any
    headers: dict[str, str] = field(default_factory=dict)
    after: bool = False  # perform the request, then answer with the fault anyway


class FakeVendor:
    error_key = "message"

    def __init__(self, api_key: str) -> None:
        self.api_key = api_key
        self.requests: list[Recorded] = []
        self.faults: list[Fault] = []
        self._runner: web.AppRunner | None = None
        self.port: int | None = None
        self.next_id = 1000

    def new_id(self) -> int:
        self.next_id += 1
        return self.next_id

    async def __aenter__(self):
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", self._handle)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        return self

    async def __aexit__(self, *exc) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def fail(
        self, method: str, pattern: str, status: int, *, times: int = 1, body=None, headers=None, after=False
    ):
        self.faults.append(Fault(method.upper(), pattern, status, times, body, dict(headers or {}), after))

    def calls(self, method: str, pattern: str) -> list[Recorded]:
        return [
            r for r in self.requests if r.method == method.upper() and fnmatch.fnmatchcase(r.path, pattern)
        ]

    async def wait_for(
        self, method: str, pattern: str, count: int = 1, timeout: float = 5.0
    ) -> list[Recorded]:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while len(self.calls(method, pattern)) < count:
            if loop.time() > deadline:
                seen = [f"{r.method} {r.path}" for r in self.requests]
                raise AssertionError(f"timed out waiting for {count} {method} {pattern}; saw {seen}")
            await asyncio.sleep(0.02)  # polling the recorded requests, bounded by the deadline
        return self.calls(method, pattern)

    def error(self, status: int, message: str, **extra: Any) -> web.Response:
        return web.json_response(
            {self.error_key: message, **extra}, status=status, headers=self.rate_headers()
        )

    def rate_headers(self) -> dict[str, str]:
        return {}

    def authorised(self, request: web.Request) -> bool:
        auth = request.headers.get("Authorization", "")
        if not auth.startswith("Basic "):
            return False
        try:
            user, _, _ = base64.b64decode(auth[6:]).decode().partition(":")
        except ValueError:
            return False
        return user == self.api_key

    def _fault(self, method: str, path: str) -> Fault | None:
        for fault in self.faults:
            if fault.times > 0 and fault.method == method and fnmatch.fnmatchcase(path, fault.pattern):
                fault.times -= 1
                return fault
        return None

    def _fault_response(self, fault: Fault) -> web.Response:
        body = fault.body if fault.body is not None else {self.error_key: f"injected {fault.status}"}
        return web.json_response(body, status=fault.status, headers={**self.rate_headers(), **fault.headers})

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        raw = await request.read()
        try:
            data = json.loads(raw) if raw else None
        except ValueError:
            data = None
        path = request.path
        self.requests.append(
            Recorded(request.method, path, dict(request.query), dict(request.headers), data, raw=raw)
        )
        fault = self._fault(request.method, path)
        if fault is not None and not fault.after:
            return self._fault_response(fault)
        if not self.authorised(request):
            return self.unauthorised()
        response = await self.route(request, path.removeprefix("/v1"), data)
        return self._fault_response(fault) if fault is not None else response

    def unauthorised(self) -> web.Response:
        return self.error(401, "Invalid Basic Auth credentials")

    async def route(self, request: web.Request, path: str, data: Any) -> web.Response:
        raise NotImplementedError
