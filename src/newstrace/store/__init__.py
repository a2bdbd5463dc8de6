"""Storage: one interface (base.Store), SQLite by default, PostgreSQL when asked."""

from __future__ import annotations

from pathlib import Path

from newstrace.store.base import Store
from newstrace.store.sqlite import DEFAULT_PATH, SQLiteStore

__all__ = ["DEFAULT_PATH", "SQLiteStore", "Store", "open_store"]

_POSTGRES_SCHEMES = ("postgresql://", "postgres://")


def open_store(target: str | Path | None = None) -> Store:
    """None or a path -> SQLite file (default `newstrace.db`); `postgresql://...` -> PostgreSQL."""
    if target is None:
        return SQLiteStore(DEFAULT_PATH)
    if isinstance(target, str) and target.startswith(_POSTGRES_SCHEMES):
        from newstrace.store.postgres import PostgresStore

        return PostgresStore(target)
    return SQLiteStore(target)
