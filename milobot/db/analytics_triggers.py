"""Keeping the analytics day rollup (`analytics_days`) true, whoever writes: a write to a candidate, an
interview or a link visit deletes the rolled-up days its times fall in (before and after the change), so
the next read recomputes those days from the rows. Database triggers rather than ORM hooks because
interviews, candidates and visits are written from many places (the interview pages, the inbound API,
imports, ATS sync, bulk SQL) and a forgotten hook would leave a wrong number forever.

Most writes are stamped "now", in today, which is never rolled up: their DELETE finds nothing."""

from __future__ import annotations

from sqlalchemy import Connection, text

# table -> (its timestamp columns that place it in a day, the columns an UPDATE must touch to matter)
WATCHED = {
    "candidates": (
        ("created_at", "decided_at"),
        "workspace_id, agent_id, created_at, decided_at, decision, source, source_tag",
    ),
    "interviews": (
        ("started_at", "completed_at"),
        "workspace_id, agent_id, started_at, completed_at, status, overall_score",
    ),
    "link_visits": (("at",), "workspace_id, agent_id, at, source_tag"),
}


def _delete(row: str, columns: tuple[str, ...]) -> str:
    hits = " OR ".join(f"(starts_at <= {row}.{c} AND ends_at > {row}.{c})" for c in columns)
    return f"DELETE FROM analytics_days WHERE workspace_id = {row}.workspace_id AND ({hits});"


def _sqlite_statements() -> list[str]:
    out = []
    for table, (columns, touched) in WATCHED.items():
        for name, when, rows in (
            ("ins", f"AFTER INSERT ON {table}", ("NEW",)),
            ("upd", f"AFTER UPDATE OF {touched} ON {table}", ("NEW", "OLD")),
            ("del", f"AFTER DELETE ON {table}", ("OLD",)),
        ):
            body = " ".join(_delete(r, columns) for r in rows)
            out.append(f"CREATE TRIGGER IF NOT EXISTS milobot_an_{table}_{name} {when} BEGIN {body} END")
    return out


def _pg_function(table: str, columns: tuple[str, ...]) -> str:
    return f"""
CREATE OR REPLACE FUNCTION milobot_an_{table}_fn() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    {_delete("NEW", columns)}
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    {_delete("OLD", columns)}
  END IF;
  RETURN NULL;
END
$fn$"""


def install(conn: Connection) -> None:
    """Create the triggers that are missing (again after a migration that rebuilt a table on SQLite)."""
    if conn.dialect.name != "postgresql":
        for statement in _sqlite_statements():
            conn.execute(text(statement))
        return
    for table, (columns, touched) in WATCHED.items():
        conn.execute(text(_pg_function(table, columns)))
        trigger = f"milobot_an_{table}"
        exists = conn.execute(
            text(
                "SELECT 1 FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                "WHERE t.tgname = :trigger AND c.relname = :table AND NOT t.tgisinternal"
            ),
            {"trigger": trigger, "table": table},
        ).first()
        if exists is None:
            conn.execute(
                text(
                    f"CREATE TRIGGER {trigger} AFTER INSERT OR DELETE OR UPDATE OF {touched} ON {table} "
                    f"FOR EACH ROW EXECUTE FUNCTION milobot_an_{table}_fn()"
                )
            )


def uninstall(conn: Connection) -> None:
    for table in WATCHED:
        if conn.dialect.name == "postgresql":
            conn.execute(text(f"DROP TRIGGER IF EXISTS milobot_an_{table} ON {table}"))
            conn.execute(text(f"DROP FUNCTION IF EXISTS milobot_an_{table}_fn()"))
        else:
            for name in ("ins", "upd", "del"):
                conn.execute(text(f"DROP TRIGGER IF EXISTS milobot_an_{table}_{name}"))
