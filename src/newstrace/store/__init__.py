"""Storage: one interface (base.Store), SQLite by default, PostgreSQL when asked."""

from newstrace.store.base import Store

__all__ = ["Store"]
