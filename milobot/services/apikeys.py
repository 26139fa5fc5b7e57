"""(stub: filled in by its feature)"""

from __future__ import annotations

from milobot.services.base import Service


class ApiKeyService(Service):
    pass
