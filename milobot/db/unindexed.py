"""`unindexed(column)`: the column, kept from using an index on SQLite.

SQLite's planner has no statistics unless someone runs ANALYZE, and with none it guesses: on a list of
100,000 candidates it would walk a score index and sort 20,000 rows where reading the date index in
order stops after a page, or the other way round. SQLite's documented way to steer it is the unary plus
("+column" disqualifies a term from driving an index, https://sqlite.org/optoverview.html): the query
says which index may drive and the result is the same. PostgreSQL keeps statistics and plans well by
itself, so there the column renders plain."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.expression import ColumnElement
from sqlalchemy.sql.visitors import InternalTraversal


class unindexed(ColumnElement[Any]):  # noqa: N801 (used like a SQL function)
    inherit_cache = True
    _traverse_internals = [("column", InternalTraversal.dp_clauseelement)]

    def __init__(self, column: ColumnElement[Any]):
        self.column = column
        self.type = column.type


@compiles(unindexed)
def _plain(element: unindexed, compiler: SQLCompiler, **kw: Any) -> str:
    return str(compiler.process(element.column, **kw))


@compiles(unindexed, "sqlite")
def _unary_plus(element: unindexed, compiler: SQLCompiler, **kw: Any) -> str:
    return "+" + str(compiler.process(element.column, **kw))
