"""The command line, configuration, manifest and the layering rules."""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

from milobot.config import load_settings
from milobot.doctor import run_doctor
from milobot.manifest import FALLBACK_SCOPES, bot_scopes, load_manifest

ROOT = Path(__file__).resolve().parents[2]


def test_settings_from_env_file_and_environment(tmp_path):
    env = tmp_path / ".env"
    env.write_text(
        "SLACK_BOT_TOKEN=xoxb-from-file\nSLACK_API_URL=http://127.0.0.1:9/api\nMILOBOT_ADMINS=U1, U2\n"
    )
    settings = load_settings(
        {"MILOBOT_DATA_DIR": str(tmp_path / "d"), "DATABASE_URL": "postgres://u@h/db"}, env_file=env
    )
    assert settings.slack_bot_token == "xoxb-from-file"
    assert settings.slack_api_url == "http://127.0.0.1:9/api/"
    assert settings.admins == frozenset({"U1", "U2"})
    assert settings.database_url == "postgresql+asyncpg://u@h/db"
    # The environment wins over the file; a generated secret key is stable across loads.
    again = load_settings(
        {"MILOBOT_DATA_DIR": str(tmp_path / "d"), "SLACK_BOT_TOKEN": "xoxb-env"}, env_file=env
    )
    assert again.slack_bot_token == "xoxb-env"
    assert again.secret_key == settings.secret_key and len(settings.secret_key) >= 32
    assert again.database_url.startswith("sqlite+aiosqlite:///")


def test_manifest_is_complete():
    manifest = load_manifest()
    assert [c["command"] for c in manifest["features"]["slash_commands"]] == ["/milo"]
    assert manifest["features"]["app_home"]["home_tab_enabled"] is True
    assert manifest["settings"]["interactivity"]["is_enabled"] is True
    events = set(manifest["settings"]["event_subscriptions"]["bot_events"])
    assert {"app_home_opened", "message.im", "file_shared", "reaction_added", "reaction_removed"} <= events
    assert {"app_uninstalled", "tokens_revoked"} <= events  # tokens deleted at once (handlers/installs.py)
    scopes = set(bot_scopes())
    assert {
        "commands",
        "chat:write",
        "im:history",
        "files:read",
        "files:write",
        "reactions:read",
        "users:read",
    } <= scopes
    assert list(FALLBACK_SCOPES) == bot_scopes()


async def test_doctor_passes_with_every_scope_and_fails_without(slack, tmp_path, database_url, capsys):
    settings = replace(
        load_settings({"MILOBOT_DATA_DIR": str(tmp_path)}, env_file=None),
        slack_bot_token=slack.bot_token,
        slack_signing_secret="s",
        slack_api_url=slack.url,
        database_url=database_url,
        public_url="https://milobot.example.com",
    )
    slack.set_scopes(slack.team_id, bot_scopes())
    assert await run_doctor(settings) == 0
    slack.set_scopes(slack.team_id, [s for s in bot_scopes() if s != "files:read"])
    assert await run_doctor(settings) == 1
    out = capsys.readouterr().out
    assert "scopes missing against manifest.yml: files:read" in out
    assert (
        await run_doctor(replace(settings, public_url="http://localhost:3000", slack_bot_token="xoxb-nope"))
        == 1
    )
    out = capsys.readouterr().out
    assert "auth.test failed" in out and "Public URL" in out


def test_cli_help_lists_the_commands():
    out = subprocess.run(
        [sys.executable, "-m", "milobot", "--help"], capture_output=True, text=True, check=True
    ).stdout
    for word in ("serve", "socket", "migrate", "doctor", "ingest"):
        assert word in out


def test_layers_hold():
    """Services and ingest never import Slack; builders never touch the database."""
    offenders = []
    for folder, pattern in (
        ("services", r"^\s*(from|import)\s+slack_(bolt|sdk)"),
        ("ingest", r"^\s*(from|import)\s+slack_(bolt|sdk)"),
        ("blocks", r"^\s*(from|import)\s+(sqlalchemy|milobot\.db)"),
    ):
        for path in (ROOT / "milobot" / folder).rglob("*.py"):
            for line in path.read_text().splitlines():
                if re.match(pattern, line):
                    offenders.append(f"{path.relative_to(ROOT)}: {line.strip()}")
    assert offenders == []
