"""Bytes in, candidate profiles out. No Slack, no database: see ARCHITECTURE.md ("ingest/")."""

from .core import extract
from .csvsafe import csv_safe
from .types import OUTCOMES, FileResult, Limits, Profile

__all__ = ["OUTCOMES", "ExtractionPool", "FileResult", "Limits", "Profile", "csv_safe", "extract", "run_cli"]


def __getattr__(name: str):
    # Imported lazily so worker processes and the CLI don't pay for asyncio/argparse they never use.
    if name == "ExtractionPool":
        from .pool import ExtractionPool

        return ExtractionPool
    if name == "run_cli":
        from .cli import run_cli

        return run_cli
    raise AttributeError(name)
