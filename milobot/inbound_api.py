"""(stub: POST /api/v1/interviews for external interview engines)"""

from __future__ import annotations

from aiohttp import web


def add_routes(app: web.Application, container) -> None:
    pass
