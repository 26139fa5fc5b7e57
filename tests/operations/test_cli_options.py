"""`milobot ingest` takes its options before or after the files, and --help, as every other command does."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

PDF = Path(__file__).resolve().parents[1] / "data" / "ingest" / "resumes" / "00_classic.pdf"


def milobot(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "milobot", *args], capture_output=True, text=True, timeout=120
    )


def test_ingest_help():
    result = milobot("ingest", "--help")
    assert result.returncode == 0, result.stderr
    assert (
        "usage: milobot ingest" in result.stdout
        and "--json" in result.stdout
        and "--timeout" in result.stdout
    )


@pytest.mark.parametrize(
    "args",
    [("--json", str(PDF)), (str(PDF), "--json"), ("--timeout", "20", "--json", str(PDF))],
    ids=["options-first", "options-last", "two-options-first"],
)
def test_ingest_json_with_options_anywhere(args):
    result = milobot("ingest", *args)
    assert result.returncode == 0, result.stderr
    (line,) = result.stdout.splitlines()
    found = json.loads(line)
    assert found["file"] == "00_classic.pdf" and found["outcome"] == "ok" and found["profiles"][0]["email"]


def test_ingest_without_files_or_with_an_unknown_option_says_so():
    missing = milobot("ingest", "--json")
    assert missing.returncode == 2 and "FILE" in missing.stderr
    unknown = milobot("ingest", "--jsonn", str(PDF))
    assert unknown.returncode == 2 and "unrecognized arguments: --jsonn" in unknown.stderr


@pytest.mark.parametrize("command", ["serve", "socket", "migrate", "doctor", "ingest"])
def test_every_command_has_help(command):
    result = milobot(command, "--help")
    assert result.returncode == 0, result.stderr
    assert f"usage: milobot {command}" in result.stdout
