"""Issue 8, item 8: one secret key for every replica, and API keys that outlive a change of it.

On PostgreSQL (where replicas share the data) milobot refuses to start without MILOBOT_SECRET_KEY,
instead of each replica generating a key of its own. API keys are stored as a plain SHA-256 of a
240-bit random key, which needs no secret: rotating the secret key leaves every API key working, and
keys stored the old way (an HMAC keyed with the secret) still work and are re-stored on first use."""

from __future__ import annotations

import hashlib
import hmac
import subprocess
import sys
from dataclasses import replace

import pytest
from sqlalchemy import select

from milobot.config import ConfigError, load_settings
from milobot.db.models import ApiKey
from milobot.runtime import Runtime
from tests.interview_web.helpers import make_agent
from tests.interview_web.test_inbound_api import body, new_key, post
from tests.security.support import clean_env

PG = "postgresql://nobody@127.0.0.1:9/milobot"


def test_serve_and_socket_refuse_to_start_on_postgresql_without_a_secret_key(tmp_path):
    env = clean_env(DATABASE_URL=PG, MILOBOT_DATA_DIR=str(tmp_path / "data"))
    for command in ("serve", "socket"):
        extra = {"SLACK_BOT_TOKEN": "xoxb-x", "SLACK_APP_TOKEN": "xapp-x"} if command == "socket" else {}
        run = subprocess.run(
            [sys.executable, "-m", "milobot", command, "--port", "9"],
            cwd=tmp_path,
            env={**env, **extra},
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert run.returncode == 2, (command, run.stderr)
        assert "MILOBOT_SECRET_KEY is not set" in run.stderr and "same key" in run.stderr


def test_the_runtime_refuses_postgresql_without_a_key_and_accepts_it_with_one(tmp_path):
    settings = load_settings({"DATABASE_URL": PG, "MILOBOT_DATA_DIR": str(tmp_path)}, env_file=None)
    with pytest.raises(ConfigError, match="MILOBOT_SECRET_KEY"):
        Runtime(settings)
    keyed = load_settings(
        {"DATABASE_URL": PG, "MILOBOT_DATA_DIR": str(tmp_path), "MILOBOT_SECRET_KEY": "k" * 40}, env_file=None
    )
    assert keyed.refusals() == []
    # SQLite (one process, one data folder) still generates its key when none is set.
    local = load_settings({"MILOBOT_DATA_DIR": str(tmp_path / "local")}, env_file=None)
    assert local.refusals() == [] and len(local.secret_key) >= 32


async def test_api_keys_keep_working_after_the_secret_key_is_rotated(milo, slack):
    await make_agent(milo)
    key = await new_key(milo)
    async with milo.container.db.unit_of_work() as s:
        row = await s.scalar(select(ApiKey))
    assert row.key_hash == hashlib.sha256(key.encode()).hexdigest()

    milo.settings = replace(milo.settings, secret_key="a-completely-different-secret-key-0987654321")
    await milo.restart()
    status, answer = await post(milo, body(), key)
    assert status == 201, answer


async def test_keys_stored_the_old_way_still_work_and_are_restored_to_outlive_rotation(milo, slack):
    await make_agent(milo)
    key = await new_key(milo)
    legacy = hmac.new(milo.settings.secret_key.encode(), key.encode(), hashlib.sha256).hexdigest()
    async with milo.container.db.unit_of_work() as s:
        (await s.scalar(select(ApiKey))).key_hash = legacy  # as a key made by the previous release

    status, _ = await post(milo, body(), key)
    assert status == 201
    async with milo.container.db.unit_of_work() as s:
        assert (await s.scalar(select(ApiKey))).key_hash == hashlib.sha256(key.encode()).hexdigest()

    milo.settings = replace(milo.settings, secret_key="rotated-secret-key-0123456789abcdefghij")
    await milo.restart()
    status, _ = await post(milo, body(external_id="engine-run-2"), key)
    assert status == 201
