"""Database triggers that keep the candidate list's read model on `candidates` right.

The list filters and sorts 100,000 candidates by score, completion date and rating within a few
milliseconds only if those values sit on the candidate row, indexed. They are derived from `interviews`
and `ratings`, which several features write (the interview page, the inbound API, score overrides,
buttons, reactions, erasure). Triggers keep them right for every writer, including bulk UPDATE and DELETE
statements that ORM hooks never see, in the same transaction as the change.

- `score`, `completed_at`: the latest completed interview's overall score and completion time.
- `rating_count`: how many people rated; `rating_avg`: the mean of each person's latest rating in
  `rating_scale.rating_points` terms (thumbs up 5, thumbs down 1, stars 1..5), so a person with both a
  thumbs and a stars row still counts once, as "one rating per person, the latest wins" says.

- SQLite only, `candidate_search`: an FTS5 table with the trigram tokenizer holding each candidate's
  folded search text (rowid = candidate id), kept by triggers on `candidates`. "Name or e-mail contains
  x" then reads the few candidates whose text has x's trigrams instead of scanning every candidate of
  the agent with LIKE '%x%' (PostgreSQL gets the same from the pg_trgm index of migration 0003). It keeps
  its own copy of the text (not external content), so a stale row can never corrupt it.

`install` is idempotent: migrations 0003 and 0014 call it, and `milobot.db.migrate.upgrade_to_head` calls it again
after every upgrade, because a later migration that rebuilds `ratings` or `interviews` on SQLite (alembic's
batch mode copies the table) drops the triggers with the old table."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.engine import Connection

# SQLite: scalar max()/min(); PostgreSQL: GREATEST/LEAST. Mirrors rating_scale.rating_points (a test holds
# the two together).
_POINTS = {
    "sqlite": "CASE WHEN r.kind = 'thumbs' THEN (CASE WHEN r.value > 0 THEN 5.0 ELSE 1.0 END) "
    "ELSE max(1.0, min(5.0, r.value * 1.0)) END",
    "postgresql": "CASE WHEN r.kind = 'thumbs' THEN (CASE WHEN r.value > 0 THEN 5.0 ELSE 1.0 END) "
    "ELSE GREATEST(1.0, LEAST(5.0, r.value * 1.0)) END",
}

_LATEST_PER_PERSON = (
    "NOT EXISTS (SELECT 1 FROM ratings n WHERE n.candidate_id = r.candidate_id "
    "AND n.slack_user_id = r.slack_user_id "
    "AND (n.updated_at > r.updated_at OR (n.updated_at = r.updated_at AND n.id > r.id)))"
)


def _rating_set(dialect: str) -> str:
    return (
        "rating_count = (SELECT count(DISTINCT r.slack_user_id) FROM ratings r "
        "WHERE r.candidate_id = candidates.id), "
        f"rating_avg = (SELECT avg({_POINTS[dialect]}) FROM ratings r "
        f"WHERE r.candidate_id = candidates.id AND {_LATEST_PER_PERSON})"
    )


_INTERVIEW_SET = (
    "score = (SELECT i.overall_score FROM interviews i WHERE i.candidate_id = candidates.id "
    "AND i.status = 'completed' ORDER BY i.completed_at DESC NULLS LAST, i.id DESC LIMIT 1), "
    "completed_at = (SELECT max(i.completed_at) FROM interviews i WHERE i.candidate_id = candidates.id "
    "AND i.status = 'completed')"
)

_INTERVIEW_COLUMNS = "status, overall_score, completed_at, candidate_id"


def _sqlite_statements() -> list[str]:
    ratings = _rating_set("sqlite")
    out = []
    for name, when, ids in (
        ("ins", "AFTER INSERT ON ratings", "NEW.candidate_id"),
        ("upd", "AFTER UPDATE ON ratings", "NEW.candidate_id, OLD.candidate_id"),
        ("del", "AFTER DELETE ON ratings", "OLD.candidate_id"),
    ):
        out.append(
            f"CREATE TRIGGER IF NOT EXISTS milobot_list_ratings_{name} {when} BEGIN "
            f"UPDATE candidates SET {ratings} WHERE id IN ({ids}); END"
        )
    for name, when, ids in (
        ("ins", "AFTER INSERT ON interviews", "NEW.candidate_id"),
        (
            "upd",
            f"AFTER UPDATE OF {_INTERVIEW_COLUMNS} ON interviews",
            "NEW.candidate_id, OLD.candidate_id",
        ),
        ("del", "AFTER DELETE ON interviews", "OLD.candidate_id"),
    ):
        out.append(
            f"CREATE TRIGGER IF NOT EXISTS milobot_list_interviews_{name} {when} BEGIN "
            f"UPDATE candidates SET {_INTERVIEW_SET} WHERE id IN ({ids}); END"
        )
    return out


SEARCH_TABLE = "candidate_search"
# case_sensitive 1: the text and the query are both folded already (search_text.fold), so the match is
# the exact substring test LIKE '%x%' made on the folded text.
_SEARCH_DDL = (
    f"CREATE VIRTUAL TABLE {SEARCH_TABLE} USING fts5(search_text, tokenize='trigram case_sensitive 1')"
)
_SEARCH_TRIGGERS = (
    "CREATE TRIGGER IF NOT EXISTS milobot_search_ins AFTER INSERT ON candidates BEGIN "
    f"INSERT INTO {SEARCH_TABLE}(rowid, search_text) VALUES (NEW.id, NEW.search_text); END",
    "CREATE TRIGGER IF NOT EXISTS milobot_search_upd AFTER UPDATE OF id, search_text ON candidates BEGIN "
    f"DELETE FROM {SEARCH_TABLE} WHERE rowid = OLD.id; "
    f"INSERT INTO {SEARCH_TABLE}(rowid, search_text) VALUES (NEW.id, NEW.search_text); END",
    "CREATE TRIGGER IF NOT EXISTS milobot_search_del AFTER DELETE ON candidates BEGIN "
    f"DELETE FROM {SEARCH_TABLE} WHERE rowid = OLD.id; END",
)


def _sqlite_search_install(conn: Connection) -> None:
    """The FTS5 search table and its triggers; filled from `candidates` when it is new, and refilled
    when the triggers were missing (a migration rebuilt `candidates` and may have changed it meanwhile)."""
    exists = conn.execute(
        text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = :name"), {"name": SEARCH_TABLE}
    ).first()
    triggers = conn.execute(
        text("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'milobot_search_%'")
    ).scalar()
    if exists is None:
        conn.execute(text(_SEARCH_DDL))
    if exists is None or triggers != len(_SEARCH_TRIGGERS):
        conn.execute(text(f"DELETE FROM {SEARCH_TABLE}"))
        conn.execute(
            text(
                f"INSERT INTO {SEARCH_TABLE}(rowid, search_text) "
                "SELECT id, search_text FROM candidates WHERE search_text IS NOT NULL"
            )
        )
    for statement in _SEARCH_TRIGGERS:
        conn.execute(text(statement))


def _sqlite_search_uninstall(conn: Connection) -> None:
    for name in ("ins", "upd", "del"):
        conn.execute(text(f"DROP TRIGGER IF EXISTS milobot_search_{name}"))
    conn.execute(text(f"DROP TABLE IF EXISTS {SEARCH_TABLE}"))


def _pg_function(name: str, assignments: str) -> str:
    return f"""
CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'DELETE' THEN
    UPDATE candidates SET {assignments} WHERE id = OLD.candidate_id;
  ELSIF TG_OP = 'UPDATE' THEN
    UPDATE candidates SET {assignments} WHERE id IN (NEW.candidate_id, OLD.candidate_id);
  ELSE
    UPDATE candidates SET {assignments} WHERE id = NEW.candidate_id;
  END IF;
  RETURN NULL;
END
$fn$"""


_PG_TRIGGERS = {
    "milobot_list_ratings": ("ratings", "AFTER INSERT OR UPDATE OR DELETE", "milobot_list_ratings_fn"),
    "milobot_list_interviews": (
        "interviews",
        f"AFTER INSERT OR DELETE OR UPDATE OF {_INTERVIEW_COLUMNS}",
        "milobot_list_interviews_fn",
    ),
}


def _postgres_install(conn: Connection) -> None:
    conn.execute(text(_pg_function("milobot_list_ratings_fn", _rating_set("postgresql"))))
    conn.execute(text(_pg_function("milobot_list_interviews_fn", _INTERVIEW_SET)))
    for trigger, (table, when, fn) in _PG_TRIGGERS.items():
        exists = conn.execute(
            text(
                "SELECT 1 FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                "WHERE t.tgname = :trigger AND c.relname = :table AND NOT t.tgisinternal"
            ),
            {"trigger": trigger, "table": table},
        ).first()
        if exists is None:
            conn.execute(
                text(f"CREATE TRIGGER {trigger} {when} ON {table} FOR EACH ROW EXECUTE FUNCTION {fn}()")
            )


def install(conn: Connection) -> None:
    """Create the triggers that are missing (and on PostgreSQL refresh their functions)."""
    if conn.dialect.name == "postgresql":
        _postgres_install(conn)
        return
    for statement in _sqlite_statements():
        conn.execute(text(statement))
    if _has_table(conn, "candidates"):
        _sqlite_search_install(conn)


def _has_table(conn: Connection, name: str) -> bool:
    found = conn.execute(
        text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = :name"), {"name": name}
    ).first()
    return found is not None


def uninstall_search(conn: Connection) -> None:
    """Migration 0014's downgrade: the search table goes, the other triggers stay."""
    if conn.dialect.name == "sqlite":
        _sqlite_search_uninstall(conn)


def uninstall(conn: Connection) -> None:
    if conn.dialect.name == "postgresql":
        for trigger, (table, _, fn) in _PG_TRIGGERS.items():
            conn.execute(text(f"DROP TRIGGER IF EXISTS {trigger} ON {table}"))
            conn.execute(text(f"DROP FUNCTION IF EXISTS {fn}()"))
        return
    for table in ("ratings", "interviews"):
        for name in ("ins", "upd", "del"):
            conn.execute(text(f"DROP TRIGGER IF EXISTS milobot_list_{table}_{name}"))
    _sqlite_search_uninstall(conn)


def backfill(conn: Connection) -> None:
    """Recompute every candidate's read model (once, when the columns arrive)."""
    dialect = "postgresql" if conn.dialect.name == "postgresql" else "sqlite"
    conn.execute(text(f"UPDATE candidates SET {_rating_set(dialect)}, {_INTERVIEW_SET}"))
