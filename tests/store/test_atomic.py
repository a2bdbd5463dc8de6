"""atomic(): many writes land together or not at all, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from newstrace.model import Article, Assignment
from newstrace.store.base import Store


def _article(n: int) -> Article:
    return Article(f"a{n}", "feed.jsonl", f"Ferry crossing number {n} was cancelled by the storm.")


def test_writes_inside_land_together(store: Store) -> None:
    with store.atomic():
        for n in range(3):
            store.add_article(_article(n))
        store.put_state("cluster", "meta", b"three")
        assert store.article_count() == 3  # visible inside the block already
    assert store.article_count() == 3
    assert store.get_state("cluster", "meta") == b"three"


def test_a_failure_inside_rolls_everything_back(store: Store) -> None:
    store.add_article(_article(0))
    with pytest.raises(RuntimeError), store.atomic():
        store.add_article(_article(1))
        store.save_assignment(Assignment("a0", "e1", "s1"))
        store.put_state("cluster", "meta", b"half")
        raise RuntimeError("killed half way")
    assert [a.id for a in store.articles()] == ["a0"]
    assert store.assignments() == []
    assert store.get_state("cluster", "meta") is None
    store.add_article(_article(1))  # the store takes writes again afterwards
    assert store.article_count() == 2
