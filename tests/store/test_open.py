"""Choosing a backend and versioning the schema."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from newstrace.model import Article
from newstrace.store import SQLiteStore, open_store
from newstrace.store import sqlite as sqlite_backend


def test_default_is_newstrace_db_in_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    store = open_store(None)
    assert isinstance(store, SQLiteStore)
    store.close()
    assert (tmp_path / "newstrace.db").is_file()


def test_path_opens_sqlite_with_wal_and_foreign_keys(tmp_path: Path) -> None:
    store = open_store(tmp_path / "sub" / "news.db")
    assert isinstance(store, SQLiteStore)
    assert store.schema_version() == sqlite_backend.SCHEMA_VERSION
    store.close()
    conn = sqlite3.connect(tmp_path / "sub" / "news.db")
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA user_version").fetchone()[0] == sqlite_backend.SCHEMA_VERSION
    conn.close()


def test_reopening_keeps_data(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    with SQLiteStore(path) as store:
        store.add_article(Article(id="a", source="s", text="Harbour reopened on Friday."))
    with SQLiteStore(path) as store:
        assert store.article_count() == 1
        assert store.search("harbour") == ["a"]


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    SQLiteStore(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {sqlite_backend.SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(RuntimeError, match="newer than this newstrace"):
        SQLiteStore(path)


def test_migration_hook_runs_pending_steps(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "news.db"
    with SQLiteStore(path) as store:
        store.add_article(Article(id="a", source="s", text="Harbour reopened on Friday."))

    def add_notes(execute: sqlite_backend.Executor) -> None:
        execute("CREATE TABLE notes (article_id TEXT REFERENCES articles(id), note TEXT)")

    current = sqlite_backend.SCHEMA_VERSION
    monkeypatch.setattr(sqlite_backend, "MIGRATIONS", [*sqlite_backend.MIGRATIONS, add_notes])
    monkeypatch.setattr(sqlite_backend, "SCHEMA_VERSION", len(sqlite_backend.MIGRATIONS))
    with SQLiteStore(path) as store:
        assert store.schema_version() == current + 1
        assert store.article_count() == 1
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT COUNT(*) FROM notes").fetchone()[0] == 0
    conn.close()


def test_version_1_file_is_upgraded_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.db"
    full = sqlite_backend.MIGRATIONS
    monkeypatch.setattr(sqlite_backend, "MIGRATIONS", full[:1])
    monkeypatch.setattr(sqlite_backend, "SCHEMA_VERSION", 1)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 0")
    conn.close()
    SQLiteStore(path).close()
    conn = sqlite3.connect(path)  # a version-1 file, as written before the `extra` columns
    conn.execute(
        "INSERT INTO articles (id, hash, source, text, format) VALUES ('old', 'h', 's', 'Old text.', 'text')"
    )
    conn.commit()
    conn.close()
    monkeypatch.setattr(sqlite_backend, "MIGRATIONS", full)
    monkeypatch.setattr(sqlite_backend, "SCHEMA_VERSION", len(full))
    with SQLiteStore(path) as store:
        assert store.schema_version() == len(full)
        old = store.get_article("old")
        assert old is not None and old.text == "Old text."
        assert store.add_article(Article(id="new", source="s", text="New text."))


@pytest.mark.postgres
def test_postgres_url_opens_postgres(postgres_url: str) -> None:
    from newstrace.store.postgres import SCHEMA_VERSION, PostgresStore

    store = open_store(postgres_url)
    assert isinstance(store, PostgresStore)
    assert store.schema_version() == SCHEMA_VERSION
    store.add_article(Article(id="a", source="s", text="Harbour reopened on Friday."))
    store.close()
    again = open_store(postgres_url)  # second open: schema already there
    assert again.article_count() == 1
    again.close()


def test_one_sqlite_store_shared_by_threads(tmp_path: Path) -> None:
    from concurrent.futures import ThreadPoolExecutor

    store = SQLiteStore(tmp_path / "news.db")

    def add(n: int) -> bool:
        added = store.add_article(Article(id=f"t{n}", source="s", text=f"Thread report {n}."))
        return added and store.get_article(f"t{n}") is not None

    with ThreadPoolExecutor(max_workers=4) as pool:
        assert all(pool.map(add, range(200)))
    assert store.article_count() == 200
    store.close()


@pytest.mark.postgres
def test_postgres_tables_live_in_their_own_schema(postgres_url: str) -> None:
    import psycopg

    from newstrace.store.postgres import PostgresStore

    with psycopg.connect(postgres_url, autocommit=True) as conn:  # another application's table
        conn.execute("CREATE TABLE public.articles (sku TEXT PRIMARY KEY, price INTEGER)")
    store = PostgresStore(postgres_url)
    store.add_article(Article(id="a", source="s", text="Harbour reopened on Friday."))
    other = PostgresStore(postgres_url, schema="archive_2025")
    assert other.article_count() == 0
    other.close()
    assert store.article_count() == 1
    store.close()
    with psycopg.connect(postgres_url) as conn:
        assert conn.execute("SELECT COUNT(*) FROM public.articles").fetchone() == (0,)
    with pytest.raises(ValueError, match="schema name"):
        PostgresStore(postgres_url, schema="x; DROP TABLE y")


def test_missing_psycopg_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "psycopg", None)  # as if the extra were not installed
    with pytest.raises(ImportError, match=r"pip install 'newstrace\[postgres\]'"):
        open_store("postgresql://postgres@/news?host=/nonexistent")


def test_reading_a_store_that_does_not_exist_names_it_and_creates_nothing(
    tmp_path: Path,
) -> None:
    from newstrace.store import StoreNotFound

    path = tmp_path / "typo.db"
    with pytest.raises(StoreNotFound, match=r"no store at .*typo\.db"):
        open_store(path, must_exist=True)
    assert not path.exists()
    open_store(path).close()  # writing (ingest) still creates it
    open_store(path, must_exist=True).close()
