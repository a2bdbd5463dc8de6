"""Storage: one interface (base.Store), SQLite by default, PostgreSQL when asked."""

from __future__ import annotations

from pathlib import Path

from newstrace.store.base import Store
from newstrace.store.sqlite import DEFAULT_PATH, SQLiteStore

__all__ = ["DEFAULT_PATH", "SQLiteStore", "Store", "StoreNotFound", "open_store"]

_POSTGRES_SCHEMES = ("postgresql://", "postgres://")


class StoreNotFound(FileNotFoundError):
    """A store to be read does not exist (a mistyped --db must not become an empty store)."""

    def __init__(self, path: str) -> None:
        super().__init__(
            f"no store at {path} (nothing was created); build one with `newstrace ingest FILES --db {path}`"
        )
        self.path = path


def open_store(target: str | Path | None = None, must_exist: bool = False) -> Store:
    """None or a path -> SQLite file (default `newstrace.db`); `postgresql://...` -> PostgreSQL.

    With `must_exist`, a SQLite file that is not there raises StoreNotFound and nothing is
    created: reading a store is never the way one comes into being."""
    if isinstance(target, str) and target.startswith(_POSTGRES_SCHEMES):
        from newstrace.store.postgres import PostgresStore

        return PostgresStore(target)
    path = DEFAULT_PATH if target is None else target
    if must_exist and str(path) != ":memory:" and not Path(path).is_file():
        raise StoreNotFound(str(path))
    return SQLiteStore(path)
