"""The story list is counted in the database: order, counts, pages, on both backends."""

from __future__ import annotations

from newstrace.model import Article, Assignment, Derivation, Flag, Story, StoryProvenance
from newstrace.store.base import Store


def _story(store: Store, sid: str, day: int, outlets: list[str | None]) -> list[str]:
    ids = []
    for n, outlet in enumerate(outlets):
        aid = f"{sid}-{n}"
        store.add_article(
            Article(
                aid,
                "feed.jsonl",
                f"Report {n} on story {sid}: ferries to the islands stopped on day {day}.",
                outlet=outlet,
                published=f"2026-03-{day:02d}T{8 + n:02d}:00:00Z",
            )
        )
        store.save_assignment(Assignment(aid, f"{sid}-e", sid))
        ids.append(aid)
    store.save_stories([Story(sid, f"Story {sid}", ids, [])])
    return ids


def test_stories_are_counted_newest_first_and_paged(store: Store) -> None:
    _story(store, "old", 2, ["Harbour Courier", "Harbour Courier", None])
    new = _story(store, "new", 9, ["Valley Post", "Radio Halvard"])
    _story(store, "mid", 5, ["Meridian Press"])
    flag = Flag(new[1], "unsupported", "An invented sentence.", sentence=3, reason="quote")
    store.save_provenance(
        StoryProvenance(
            story="new",
            derivations=[Derivation(new[0], new[1], 0.9)],
            flags=[flag, flag],  # raised twice by two checks: one flag for a reader
        )
    )
    stats = store.story_stats()
    assert [s.id for s in stats] == ["new", "mid", "old"]
    newest, _, oldest = stats
    assert (newest.articles, newest.outlets, newest.flags, newest.derivations) == (2, 2, 1, 1)
    assert newest.first_seen == "2026-03-09T08:00:00Z"
    assert newest.last_seen == "2026-03-09T09:00:00Z"
    assert (oldest.articles, oldest.outlets, oldest.flags) == (3, 1, 0)
    assert [s.id for s in store.story_stats(limit=1, offset=1)] == ["mid"]
    assert store.story_stats(limit=5, offset=3) == []
    assert store.story_count() == 3


def test_stories_of_articles(store: Store) -> None:
    ids = _story(store, "harbour", 3, ["Harbour Courier", "Valley Post"])
    store.add_article(Article("loose", "x.txt", "An article no story holds yet."))
    assert store.stories_of([ids[1], "loose", "missing"]) == {ids[1]: ("harbour", "Story harbour")}
