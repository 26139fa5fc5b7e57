"""(stub: filled in by its feature)"""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp

from milobot.container import Container


def register(app: AsyncApp, container: Container) -> None:
    pass
