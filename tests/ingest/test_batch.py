"""Ingest into a store: idempotent re-runs, copies kept, errors change nothing stored."""

from __future__ import annotations

import shutil
from pathlib import Path

from newstrace.ingest import ingest_into
from newstrace.store import SQLiteStore


def _snapshot(store: SQLiteStore) -> list[tuple[str, str, str | None, str | None]]:
    return [(a.id, a.hash, a.title, a.published) for a in store.articles(with_analysis=False)]


def test_reingest_is_idempotent(samples: Path, tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "news.db")
    first = ingest_into(store, [samples])
    assert len(first.added) == 10 and not first.errors
    before = _snapshot(store)
    again = ingest_into(store, [samples])
    assert again.added == [] and len(again.duplicates) == 10
    assert _snapshot(store) == before
    store.close()


def test_same_text_under_another_name_is_another_article(samples: Path, tmp_path: Path) -> None:
    # another outlet printing the same text is a verbatim copy to record, not a duplicate
    copy = tmp_path / "copied_story.txt"
    shutil.copy(samples / "harbour_fire.txt", copy)
    store = SQLiteStore(tmp_path / "news.db")
    report = ingest_into(store, [samples / "harbour_fire.txt", copy])
    assert report.added == ["harbour_fire", "copied_story"]
    copied = store.get_article("copied_story")
    assert copied is not None and copied.text == store.get_article("harbour_fire").text  # type: ignore[union-attr]
    again = ingest_into(store, [samples / "harbour_fire.txt", copy])
    assert again.added == [] and again.duplicates == ["harbour_fire", "copied_story"]
    store.close()


def test_bad_inputs_leave_stored_articles_unchanged(
    samples: Path, bad_inputs: Path, tmp_path: Path
) -> None:
    store = SQLiteStore(tmp_path / "news.db")
    ingest_into(store, [samples])
    before = _snapshot(store)
    report = ingest_into(store, [bad_inputs])
    assert report.errors
    assert sorted(report.added) == ["broken", "ok-1", "ok-2", "ok-4"]
    after = _snapshot(store)
    assert after[: len(before)] == before
    assert store.integrity_check() == "ok"
    store.close()
