"""(stub: filled in by its feature)"""

from __future__ import annotations


def install(worker, clients, container) -> None:
    """Register this feature's outbox deliverers on `worker`."""
