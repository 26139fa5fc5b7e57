"""Issue 8, items 5 and 9: the manifest asks only for scopes something uses, `doctor` and the OAuth
flow read the same list, and `doctor` points out scopes an older install still holds."""

from __future__ import annotations

from dataclasses import replace

from milobot.config import load_settings
from milobot.doctor import run_doctor
from milobot.manifest import FALLBACK_SCOPES, bot_scopes

SENSITIVE_AND_UNUSED = {"chat:write.public", "users:read.email", "team:read", "reactions:write"}


def test_the_manifest_drops_unused_sensitive_scopes_and_keeps_what_features_need():
    scopes = set(bot_scopes())
    assert not scopes & SENSITIVE_AND_UNUSED
    # Reaction ratings, conversations.info, uploads, time zones, digests joining public channels.
    assert {
        "reactions:read",
        "channels:read",
        "groups:read",
        "files:write",
        "users:read",
        "channels:join",
    } <= scopes
    assert list(FALLBACK_SCOPES) == bot_scopes()


async def test_doctor_checks_the_new_list_and_names_leftover_scopes(slack, tmp_path, database_url, capsys):
    settings = replace(
        load_settings({"MILOBOT_DATA_DIR": str(tmp_path)}, env_file=None),
        slack_bot_token=slack.bot_token,
        slack_signing_secret="s",
        slack_api_url=slack.url,
        database_url=database_url,
        public_url="https://milobot.example.com",
    )
    slack.set_scopes(slack.team_id, bot_scopes() + ["chat:write.public", "users:read.email"])
    assert await run_doctor(settings) == 0
    out = capsys.readouterr().out
    assert "granted beyond manifest.yml" in out and "chat:write.public, users:read.email" in out
    slack.set_scopes(slack.team_id, [s for s in bot_scopes() if s != "channels:join"])
    assert await run_doctor(settings) == 1
    assert "scopes missing against manifest.yml: channels:join" in capsys.readouterr().out
