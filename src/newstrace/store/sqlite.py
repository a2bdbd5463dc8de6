"""SQLite backend: one file, WAL, foreign keys, FTS5 search, `PRAGMA user_version` migrations.

Every write runs in one `BEGIN IMMEDIATE ... COMMIT`, so a process killed at any moment leaves
the file sound (SQLite's journal rolls back the unfinished transaction on the next open).
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from newstrace.store.query import to_fts5
from newstrace.store.schema import extra_column_statements, schema_statements
from newstrace.store.sql import Cursor, Executor, SqlStore

DEFAULT_PATH = "newstrace.db"
_BUSY_TIMEOUT_MS = 30_000
TITLE_WEIGHT = 2.0  # a match in the title counts twice a match in the text


def _v1(execute: Executor) -> None:
    for statement in schema_statements(
        blob="BLOB", serial="INTEGER PRIMARY KEY AUTOINCREMENT", real="REAL"
    ):
        execute(statement)
    execute(
        "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles',"
        " content_rowid='seq', tokenize='porter unicode61')"
    )
    execute(
        "CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN"
        " INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text); END"
    )
    execute(
        "CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN"
        " INSERT INTO articles_fts(articles_fts, rowid, title, text)"
        " VALUES ('delete', old.seq, old.title, old.text); END"
    )


# MIGRATIONS[n] brings a store from schema version n to n + 1.
def _v2(execute: Executor) -> None:
    for statement in extra_column_statements():
        execute(statement)


MIGRATIONS: list[Callable[[Executor], None]] = [_v1, _v2]
SCHEMA_VERSION = len(MIGRATIONS)


class SQLiteStore(SqlStore):
    """newstrace.store.base.Store on one SQLite file (`:memory:` works for tests)."""

    # every write is one BEGIN IMMEDIATE transaction: arrivals commit in their order
    _SEQ_IN_COMMIT_ORDER = True

    def __init__(self, path: str | Path = DEFAULT_PATH) -> None:
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        # One connection may serve the threads of a web server: a lock serialises its use.
        self._lock = threading.RLock()
        self._depth = 0  # open atomic() blocks on this connection
        self._conn = sqlite3.connect(
            self.path,
            isolation_level=None,
            timeout=_BUSY_TIMEOUT_MS / 1000,
            check_same_thread=False,
        )
        self._conn.execute(f"PRAGMA busy_timeout = {_BUSY_TIMEOUT_MS}")
        self._conn.execute("PRAGMA journal_mode = WAL")
        self._conn.execute("PRAGMA synchronous = NORMAL")
        self._conn.execute("PRAGMA foreign_keys = ON")
        self._migrate()

    # --- schema ------------------------------------------------------------
    def schema_version(self) -> int:
        return int(self._query("PRAGMA user_version")[0][0])

    def _migrate(self) -> None:
        if self.schema_version() == SCHEMA_VERSION:
            return
        with self._transaction() as execute:
            version = int(execute("PRAGMA user_version").fetchone()[0])
            if version > SCHEMA_VERSION:
                raise RuntimeError(
                    f"{self.path}: store schema version {version} is newer than this newstrace"
                    f" understands ({SCHEMA_VERSION}); upgrade newstrace"
                )
            for step in MIGRATIONS[version:]:
                step(execute)
            execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    # --- backend hooks -------------------------------------------------------
    @contextmanager
    def atomic(self) -> Iterator[None]:
        with self._lock, self._transaction():
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1

    @contextmanager
    def _transaction(self) -> Iterator[Executor]:
        conn = self._conn
        with self._lock:
            if self._depth:  # inside atomic(): part of the enclosing transaction
                yield _executor(conn)
                return
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield _executor(conn)
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    def _query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            return list(self._conn.execute(sql, tuple(params)).fetchall())

    def search(self, query: str, limit: int = 50) -> list[str]:
        match = to_fts5(query)
        if match is None:
            return []
        rows = self._query(
            "SELECT a.id FROM articles_fts f JOIN articles a ON a.seq = f.rowid"
            " WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts, ?, 1.0), a.seq LIMIT ?",
            (match, TITLE_WEIGHT, limit),
        )
        return [r[0] for r in rows]

    def integrity_check(self) -> str:
        """`ok` when the file is sound (PRAGMA integrity_check)."""
        return str(self._query("PRAGMA integrity_check")[0][0])

    def close(self) -> None:
        self._conn.close()


def _executor(conn: sqlite3.Connection) -> Executor:
    def execute(sql: str, params: Sequence[Any] = ()) -> Cursor:
        return conn.execute(sql, tuple(params))

    return execute
