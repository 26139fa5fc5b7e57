"""(stub: the candidate interview pages at /i/<token>)"""

from __future__ import annotations

from aiohttp import web


def add_routes(app: web.Application, container) -> None:
    pass
