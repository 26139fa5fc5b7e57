"""Reading manifest.yml: the scopes OAuth asks for and `doctor` checks come from the same file."""

from __future__ import annotations

from pathlib import Path

import yaml

MANIFEST_PATH = Path(__file__).resolve().parent.parent / "manifest.yml"


def load_manifest(path: Path = MANIFEST_PATH) -> dict:
    with open(path, encoding="utf-8") as f:
        return yaml.safe_load(f)


def bot_scopes(path: Path = MANIFEST_PATH) -> list[str]:
    try:
        return list(load_manifest(path)["oauth_config"]["scopes"]["bot"])
    except FileNotFoundError:
        return list(FALLBACK_SCOPES)


# Kept in step with manifest.yml (a test checks), for installs from a wheel where the file isn't beside us.
FALLBACK_SCOPES = (
    "commands chat:write im:history im:read im:write files:read files:write reactions:read users:read "
    "channels:read groups:read channels:join channels:history groups:history"
).split()
