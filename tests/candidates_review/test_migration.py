"""Migration 0004 on a database that already holds ratings under the old rule (one per person per kind):
where someone gave both stars and thumbs, the one given last stays, and from then on the database
itself allows one rating per person per candidate."""

from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from milobot.db.engine import make_engine
from milobot.db.migrate import alembic_config


async def migrate(engine, revision: str) -> None:
    def run(sync_conn):
        cfg = alembic_config(str(engine.url))
        cfg.attributes["connection"] = sync_conn
        command.upgrade(cfg, revision)

    async with engine.begin() as conn:
        await conn.run_sync(run)


async def test_the_latest_of_two_kinds_stays_and_the_new_rule_holds(tmp_path):
    engine = make_engine(f"sqlite+aiosqlite:///{tmp_path / 'old.sqlite3'}")
    await migrate(engine, "0001")
    async with engine.begin() as conn:
        await conn.execute(
            text(
                "INSERT INTO workspaces (id, team_id, time_zone, settings, created_at) VALUES (1, 'T1', 'UTC', '{}', '2026-01-01')"
            )
        )
        await conn.execute(
            text(
                "INSERT INTO agents (id, workspace_id, name, status, share_token, current_version, created_at) "
                "VALUES (1, 1, 'A', 'active', 's', 1, '2026-01-01')"
            )
        )
        await conn.execute(
            text(
                "INSERT INTO candidates (id, workspace_id, agent_id, name, links, skills, education, source, token, "
                "status, decision, nudge_count, created_at, updated_at) "
                "VALUES (1, 1, 1, 'C', '[]', '[]', '[]', 'manual', 't', 'invited', 'none', 0, '2026-01-01', '2026-01-01')"
            )
        )
        for row in (
            (1, "U1", "stars", 4, "2026-01-01 10:00:00"),
            (2, "U1", "thumbs", -1, "2026-01-02 10:00:00"),  # U1's latest
            (3, "U2", "thumbs", 1, "2026-01-01 10:00:00"),
            (4, "U3", "stars", 2, "2026-01-03 10:00:00"),  # U3's latest
            (5, "U3", "thumbs", 1, "2026-01-01 10:00:00"),
        ):
            await conn.execute(
                text(
                    "INSERT INTO ratings (id, workspace_id, candidate_id, slack_user_id, kind, value, source, "
                    "created_at, updated_at) VALUES (:id, 1, 1, :user, :kind, :value, 'button', :at, :at)"
                ),
                {"id": row[0], "user": row[1], "kind": row[2], "value": row[3], "at": row[4]},
            )
    await migrate(engine, "head")
    async with engine.begin() as conn:
        rows = (
            await conn.execute(text("SELECT slack_user_id, kind, value FROM ratings ORDER BY slack_user_id"))
        ).all()
    assert [tuple(r) for r in rows] == [("U1", "thumbs", -1), ("U2", "thumbs", 1), ("U3", "stars", 2)]
    with pytest.raises(IntegrityError):
        async with engine.begin() as conn:
            await conn.execute(
                text(
                    "INSERT INTO ratings (workspace_id, candidate_id, slack_user_id, kind, value, source, created_at, "
                    "updated_at) VALUES (1, 1, 'U2', 'stars', 5, 'button', '2026-02-01', '2026-02-01')"
                )
            )
    await engine.dispose()
