"""Stories, events, assignments and opaque stage state."""

from __future__ import annotations

from newstrace.model import Article, Assignment, Event, Story
from newstrace.store import Store


def _add(store: Store, *ids: str) -> None:
    for article_id in ids:
        store.add_article(
            Article(id=article_id, source="s", text=f"Text of {article_id} about the port.")
        )


def _analyse(store: Store, *ids: str) -> None:
    for article_id in ids:
        article = store.get_article(article_id)
        assert article is not None
        article.analyzed_with = "rules+lexical"
        store.save_analysis(article)


def test_assignments_replace_and_follow_ingest_order(store: Store) -> None:
    _add(store, "a", "b", "c")
    _analyse(store, "a", "b", "c")
    assert store.unassigned_ids() == ["a", "b", "c"]
    store.save_assignment(Assignment("c", "e2", "s1"))
    store.save_assignment(Assignment("a", "e1", "s1"))
    store.save_assignment(Assignment("a", "e3", "s2"))  # re-clustered
    assert store.assignments() == [Assignment("a", "e3", "s2"), Assignment("c", "e2", "s1")]
    assert store.unassigned_ids() == ["b"]


def test_stories_and_events_round_trip_and_replace(store: Store) -> None:
    fire = Story(
        "s1",
        "Eastport depot fire",
        ["a", "b", "c"],
        [Event("e1", "Fire and evacuation", ["a", "b"]), Event("e2", "Inquiry opened", ["c"])],
    )
    ferry = Story("s2", "Ferry strike", ["d"], [Event("e3", "Strike called", ["d"])])
    store.save_stories([fire, ferry])
    assert store.stories() == [fire, ferry]
    assert store.get_story("s1") == fire
    assert store.get_event("e2") == Event("e2", "Inquiry opened", ["c"])
    assert store.get_story("nope") is None and store.get_event("nope") is None

    updated = Story(
        "s1",
        "Eastport depot fire and inquiry",
        ["a", "b", "c", "e"],
        [Event("e2", "Inquiry opened", ["c", "e"]), Event("e4", "Residents return", ["a"])],
    )
    store.save_stories([updated])
    assert store.get_story("s1") == updated
    assert store.get_event("e1") is None  # replaced, not kept
    assert store.stories() == [updated, ferry]  # order of first creation is kept


def test_event_moving_to_another_story(store: Store) -> None:
    store.save_stories([Story("s1", "One", ["a"], [Event("e1", "E", ["a"])])])
    store.save_stories(
        [Story("s2", "Two", ["a"], [Event("e1", "E", ["a"])]), Story("s1", "One", [], [])]
    )
    assert store.get_story("s1") == Story("s1", "One", [], [])
    assert store.get_story("s2") == Story("s2", "Two", ["a"], [Event("e1", "E", ["a"])])


def test_state_namespace(store: Store) -> None:
    blob = bytes(range(256)) * 4
    store.put_state("cluster", "centroid:s1", blob)
    store.put_state("cluster", "centroid:s0", b"\x00\x01")
    store.put_state("other", "centroid:s1", b"x")
    assert store.get_state("cluster", "centroid:s1") == blob
    assert list(store.iter_state("cluster")) == [
        ("centroid:s0", b"\x00\x01"),
        ("centroid:s1", blob),
    ]
    store.put_state("cluster", "centroid:s0", b"new")
    assert store.get_state("cluster", "centroid:s0") == b"new"
    store.delete_state("cluster", "centroid:s0")
    assert store.get_state("cluster", "centroid:s0") is None
    assert store.get_state("other", "centroid:s1") == b"x"
    store.delete_state("cluster", "never-there")  # no error
