"""Store fixtures: every store test runs on SQLite and on a throwaway PostgreSQL server.

The server is started once per session with the distribution's initdb/pg_ctl on a temporary
directory (unix socket only, no TCP); as root it runs as the `postgres` user. Without a server
installed, or without psycopg, the PostgreSQL half skips and says why.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from newstrace.store import SQLiteStore, Store
from tests.store.pgserver import Unavailable, create_database, throwaway_postgres

_COUNTER = itertools.count()


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """URL template (`{db}` left open) of a private PostgreSQL server for this test session."""
    try:
        with throwaway_postgres() as url:
            yield url
    except Unavailable as exc:
        pytest.skip(str(exc))


@pytest.fixture
def postgres_url(postgres_server: str) -> str:
    """A fresh, empty database on the session's server."""
    return create_database(postgres_server, f"t{os.getpid()}_{next(_COUNTER)}")


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """An empty store of each backend."""
    if request.param == "sqlite":
        opened: Store = SQLiteStore(tmp_path / "store.db")
    else:
        from newstrace.store.postgres import PostgresStore

        opened = PostgresStore(request.getfixturevalue("postgres_url"))
    yield opened
    opened.close()
