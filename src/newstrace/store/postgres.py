"""PostgreSQL backend (psycopg 3): the same Store on a server, full-text search via tsvector.

Needs the `postgres` extra (`pip install 'newstrace[postgres]'`). Tables live in their own
PostgreSQL schema (`newstrace` unless told otherwise), so they never collide with another
application's `articles` table in the same database. The schema version lives in
`newstrace_meta`; migrations run under an advisory lock so concurrent openers do not race.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from newstrace.store.query import to_fts5
from newstrace.store.schema import extra_column_statements, schema_statements
from newstrace.store.sql import Cursor, Executor, SqlStore

_PLACEHOLDER = re.compile(r"\?")
_IDENTIFIER = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")
DEFAULT_SCHEMA = "newstrace"


def _v1(execute: Executor) -> None:
    for statement in schema_statements(
        blob="BYTEA", serial="BIGSERIAL PRIMARY KEY", real="DOUBLE PRECISION"
    ):
        execute(statement)
    execute(
        "ALTER TABLE articles ADD COLUMN tsv tsvector GENERATED ALWAYS AS"
        " (setweight(to_tsvector('english', coalesce(title, '')), 'A')"
        " || setweight(to_tsvector('english', text), 'B')) STORED"
    )
    execute("CREATE INDEX articles_tsv ON articles USING GIN (tsv)")


def _v2(execute: Executor) -> None:
    for statement in extra_column_statements():
        execute(statement)


MIGRATIONS: list[Callable[[Executor], None]] = [_v1, _v2]
SCHEMA_VERSION = len(MIGRATIONS)


def _connect(url: str) -> Any:
    try:
        import psycopg
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError(
            "PostgreSQL storage needs psycopg: pip install 'newstrace[postgres]'"
        ) from exc
    return psycopg.connect(url, autocommit=True)


class PostgresStore(SqlStore):
    """newstrace.store.base.Store on a PostgreSQL database given by a `postgresql://` URL."""

    def __init__(self, url: str, schema: str = DEFAULT_SCHEMA) -> None:
        if not _IDENTIFIER.match(schema):
            raise ValueError(f"schema name {schema!r}: use lower-case letters, digits and _")
        self.url = url
        self.schema = schema
        self._conn = _connect(url)
        self._conn.execute(f"CREATE SCHEMA IF NOT EXISTS {schema}")
        self._conn.execute(f"SET search_path TO {schema}")
        self._migrate()

    def schema_version(self) -> int:
        rows = self._query(
            "SELECT value FROM newstrace_meta WHERE key = 'schema_version'"
            if self._has_meta()
            else "SELECT '0'"
        )
        return int(rows[0][0]) if rows else 0

    def _has_meta(self) -> bool:
        return bool(self._query("SELECT to_regclass('newstrace_meta') IS NOT NULL")[0][0])

    def _migrate(self) -> None:
        if self._has_meta() and self.schema_version() == SCHEMA_VERSION:
            return
        with self._transaction() as execute:
            execute("SELECT pg_advisory_xact_lock(hashtext(?))", (f"newstrace:{self.schema}",))
            execute(
                "CREATE TABLE IF NOT EXISTS newstrace_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"
            )
            row = execute(
                "SELECT value FROM newstrace_meta WHERE key = 'schema_version'"
            ).fetchone()
            version = int(row[0]) if row else 0
            if version > SCHEMA_VERSION:
                raise RuntimeError(
                    f"store schema version {version} is newer than this newstrace understands"
                    f" ({SCHEMA_VERSION}); upgrade newstrace"
                )
            for step in MIGRATIONS[version:]:
                step(execute)
            execute(
                "INSERT INTO newstrace_meta (key, value) VALUES ('schema_version', ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (str(SCHEMA_VERSION),),
            )

    @contextmanager
    def atomic(self) -> Iterator[None]:
        with self._conn.transaction():  # writes inside become savepoints of this one
            yield

    @contextmanager
    def _transaction(self) -> Iterator[Executor]:
        with self._conn.transaction(), self._conn.cursor() as cursor:

            def execute(sql: str, params: Sequence[Any] = ()) -> Cursor:
                cursor.execute(_PLACEHOLDER.sub("%s", sql), tuple(params))
                return cursor  # type: ignore[no-any-return]

            yield execute

    def _query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with self._conn.cursor() as cursor:
            cursor.execute(_PLACEHOLDER.sub("%s", sql), tuple(params))
            return list(cursor.fetchall())

    def search(self, query: str, limit: int = 50) -> list[str]:
        if to_fts5(query) is None:  # no word to look for (the same rule as SQLite)
            return []
        rows = self._query(
            "SELECT id FROM articles, websearch_to_tsquery('english', ?) q WHERE tsv @@ q"
            " ORDER BY ts_rank(tsv, q) DESC, seq LIMIT ?",
            (query, limit),
        )
        return [r[0] for r in rows]

    def close(self) -> None:
        self._conn.close()
