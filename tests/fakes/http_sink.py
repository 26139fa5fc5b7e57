"""A real HTTP server that records every request and answers as scripted per path.

For webhook receivers and ATS APIs (Greenhouse Harvest, Lever):

    async with HttpSink() as sink:
        sink.respond_sequence("/hooks/milo", [500, 500, 200])       # fail twice, then succeed
        sink.respond("/v1/candidates/*", json={"id": 42}, status=201)
        ...
        requests = await sink.wait_for("/hooks/milo", count=3)
        assert requests[-1].json["event"] == "candidate.rated"
"""

from __future__ import annotations

import asyncio
import fnmatch
import json as jsonlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Self

from aiohttp import web


@dataclass
class SinkRequest:
    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: bytes
    json: Any = None  # the parsed body when it is JSON, else None
    arrived: float = field(default_factory=time.monotonic)  # when the request reached the sink

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")


@dataclass
class Reply:
    status: int = 200
    json: Any = None
    body: bytes | str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds the server waits before answering (for client timeout tests)

    def to_response(self) -> web.Response:
        if self.json is not None:
            return web.json_response(self.json, status=self.status, headers=self.headers)
        if self.body is not None:
            body = self.body.encode() if isinstance(self.body, str) else self.body
            return web.Response(status=self.status, body=body, headers=self.headers)
        default = {"ok": 200 <= self.status < 300}
        return web.json_response(default, status=self.status, headers=self.headers)


@dataclass
class _Script:
    pattern: str
    method: str | None
    queued: list[Reply]
    default: Reply | None

    def matches(self, method: str, path: str) -> bool:
        if self.method is not None and self.method.upper() != method:
            return False
        return fnmatch.fnmatchcase(path, self.pattern) if "*" in self.pattern else path == self.pattern


class HttpSink:
    def __init__(self, *, default: Reply | None = None, host: str = "127.0.0.1") -> None:
        self._host = host
        self.port: int | None = None
        self._runner: web.AppRunner | None = None
        self._default = default or Reply()
        self._scripts: list[_Script] = []
        self.requests: list[SinkRequest] = []
        self._cond = asyncio.Condition()

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    async def start(self) -> None:
        self._cond = asyncio.Condition()  # bound to the loop the sink serves in
        app = web.Application(client_max_size=100 * 1024 * 1024)
        app.router.add_route("*", "/{tail:.*}", self._handle)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self._host, 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    @property
    def url(self) -> str:
        """Base url without a trailing slash: ``f"{sink.url}/hooks/x"``."""
        return f"http://{self._host}:{self.port}"

    def url_for(self, path: str) -> str:
        return self.url + (path if path.startswith("/") else "/" + path)

    def reset(self) -> None:
        self.requests.clear()
        self._scripts.clear()

    # ------------------------------------------------------------ scripting

    def _script(self, path: str, method: str | None) -> _Script:
        for script in self._scripts:
            if script.pattern == path and script.method == method:
                return script
        script = _Script(pattern=path, method=method, queued=[], default=None)
        self._scripts.append(script)
        return script

    def respond(
        self,
        path: str,
        status: int = 200,
        *,
        json: Any = None,
        body: bytes | str | None = None,
        headers: dict[str, str] | None = None,
        method: str | None = None,
        times: int | None = None,
        delay: float = 0.0,
    ) -> None:
        """Answer requests to ``path`` (exact, or a glob with ``*``) like this. With ``times`` the reply
        is used that many times before whatever comes next; without, it is the lasting answer."""
        reply = Reply(status=status, json=json, body=body, headers=dict(headers or {}), delay=delay)
        script = self._script(path, method)
        if times is None:
            script.default = reply
        else:
            script.queued.extend([reply] * times)

    def respond_sequence(self, path: str, statuses: list[int | Reply], *, method: str | None = None) -> None:
        """One reply per request in order; the last one repeats (``[500, 500, 200]``)."""
        replies = [s if isinstance(s, Reply) else Reply(status=s) for s in statuses]
        script = self._script(path, method)
        script.queued.extend(replies[:-1])
        script.default = replies[-1]

    def _reply_for(self, method: str, path: str) -> Reply:
        for script in self._scripts:
            if script.matches(method, path):
                if script.queued:
                    return script.queued.pop(0)
                if script.default is not None:
                    return script.default
        return self._default

    # ------------------------------------------------------------ recording

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        body = await request.read()
        parsed = None
        if body:
            try:
                parsed = jsonlib.loads(body)
            except ValueError:
                parsed = None
        self.requests.append(
            SinkRequest(
                method=request.method,
                path=request.path,
                query=dict(request.query),
                headers=dict(request.headers),
                body=body,
                json=parsed,
            )
        )
        reply = self._reply_for(request.method, request.path)
        async with self._cond:
            self._cond.notify_all()
        if reply.delay:
            await asyncio.sleep(reply.delay)  # server-side latency, on purpose
        return reply.to_response()

    def requests_to(self, path: str, method: str | None = None) -> list[SinkRequest]:
        return [
            r for r in self.requests if _path_matches(path, r.path) and (method is None or r.method == method)
        ]

    async def wait_for(
        self,
        path: str,
        count: int = 1,
        timeout: float = 5,
        *,
        method: str | None = None,
        predicate: Callable[[SinkRequest], bool] | None = None,
    ) -> SinkRequest | list[SinkRequest]:
        """Wait for ``count`` requests to ``path``; return the first (count == 1) or the first ``count``."""

        def matching() -> list[SinkRequest]:
            return [r for r in self.requests_to(path, method) if _matches(predicate, r)]

        try:
            async with self._cond:
                await asyncio.wait_for(self._cond.wait_for(lambda: len(matching()) >= count), timeout)
        except TimeoutError:
            seen = [f"{r.method} {r.path}" for r in self.requests]
            raise AssertionError(
                f"timed out after {timeout}s waiting for {count} request(s) to {path}"
                f" (matching: {len(matching())}); requests so far: {seen}"
            ) from None
        found = matching()[:count]
        return found[0] if count == 1 else found


def _matches(predicate: Callable[[SinkRequest], bool] | None, item: SinkRequest) -> bool:
    if predicate is None:
        return True
    try:
        return bool(predicate(item))
    except (KeyError, IndexError, TypeError, AttributeError):
        return False


def _path_matches(pattern: str, path: str) -> bool:
    return fnmatch.fnmatchcase(path, pattern) if "*" in pattern else path == pattern
