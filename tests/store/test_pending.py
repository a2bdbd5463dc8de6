"""The work left to a stage is found without reading the whole archive, and none is ever lost.

`unanalyzed_ids` and `unassigned_ids` remember (on SQLite) the arrival up to which every
article has its row, and scan only after it; an article left behind, one analysed out of turn,
one that arrives analysed, or a store reopened must still be found exactly as the plain
definition (every article without the row, in ingest order) finds it.
"""

from __future__ import annotations

from pathlib import Path

from newstrace.model import Article, Assignment
from newstrace.store import SQLiteStore, Store


def _add(store: Store, *ids: str, analysed: bool = False) -> None:
    for article_id in ids:
        article = Article(id=article_id, source="s", text=f"The council met about {article_id}.")
        article.analyzed_with = "rules+lexical" if analysed else ""
        store.add_article(article)


def _analyse(store: Store, *ids: str) -> None:
    for article_id in ids:
        article = store.get_article(article_id)
        assert article is not None
        article.analyzed_with = "rules+lexical"
        store.save_analysis(article)


def _expected(store: Store) -> tuple[list[str], list[str]]:
    """The plain definitions, article by article."""
    assigned = {a.article for a in store.assignments()}
    articles = list(store.articles())
    return (
        [a.id for a in articles if not a.analyzed],
        [a.id for a in articles if a.analyzed and a.id not in assigned],
    )


def _check(store: Store) -> None:
    assert (store.unanalyzed_ids(), store.unassigned_ids()) == _expected(store)


def test_pending_work_matches_the_definition_at_every_step(store: Store) -> None:
    _add(store, "a", "b", "c", "d")
    _check(store)
    _analyse(store, "a", "c")  # b left behind: the mark must stop before it
    _check(store)
    assert store.unanalyzed_ids() == ["b", "d"]
    store.save_assignment(Assignment("c", "e1", "s1"))
    _check(store)
    assert store.unassigned_ids() == ["a"]
    _analyse(store, "b", "d")
    _check(store)
    _add(store, "e", analysed=True)  # arrives with its layers
    _add(store, "f")
    _check(store)
    assert store.unanalyzed_ids() == ["f"]
    assert store.unassigned_ids() == ["a", "b", "d", "e"]
    for article_id in ("a", "b", "d", "e"):
        store.save_assignment(Assignment(article_id, "e1", "s1"))
    _check(store)
    assert store.unassigned_ids() == []
    _analyse(store, "f")
    assert store.unassigned_ids() == ["f"]
    _check(store)


def test_a_reopened_store_finds_the_same_work(tmp_path: Path) -> None:
    path = tmp_path / "pending.db"
    with SQLiteStore(path) as store:
        _add(store, *(f"a{n:03d}" for n in range(300)))
        _analyse(store, *(f"a{n:03d}" for n in range(0, 300, 2)))
        first = store.unanalyzed_ids()
        assert first == [f"a{n:03d}" for n in range(1, 300, 2)]
        _analyse(store, *(f"a{n:03d}" for n in range(1, 100, 2)))
    with SQLiteStore(path) as store:
        assert store.unanalyzed_ids() == [f"a{n:03d}" for n in range(101, 300, 2)]
        _check(store)
