"""IncrementalClusterer on real ECB+ reports, through a real SQLite store."""

from __future__ import annotations

import random
from dataclasses import replace
from itertools import combinations

from newstrace.cluster import IncrementalClusterer, recluster
from newstrace.model import Article, Assignment
from newstrace.settings import Settings
from newstrace.store import Store

from .conftest import gold_event

LEXICAL = Settings.lexical()


def _feed(store: Store, articles: list[Article]) -> IncrementalClusterer:
    clusterer = IncrementalClusterer(store, LEXICAL)
    for article in articles:
        store.add_article(article)
        clusterer.add(article)
    return clusterer


def _add(store: Store, clusterer: IncrementalClusterer, article: Article) -> Assignment:
    store.add_article(article)
    return clusterer.add(article)


def _events(store: Store) -> dict[str, str]:
    return {a.article: a.event for a in store.assignments()}


def _pair_agreement(a: dict[str, str], b: dict[str, str]) -> float:
    """Share of document pairs on which two partitions agree (same / not same cluster)."""
    ids = sorted(a)
    pairs = list(combinations(ids, 2))
    same = sum((a[x] == a[y]) == (b[x] == b[y]) for x, y in pairs)
    return same / len(pairs)


def test_report_of_the_same_event_joins_it(store: Store, ecb: dict[str, Article]) -> None:
    first = [ecb[f"19_{n}ecb"] for n in (1, 2, 3, 4)]
    clusterer = _feed(store, first)
    assignment = _add(store, clusterer, ecb["19_5ecb"])
    events = _events(store)
    assert len({events[a.id] for a in first}) == 1
    assert assignment.event == events["19_1ecb"]


def test_unrelated_report_founds_a_new_story(store: Store, ecb: dict[str, Article]) -> None:
    clusterer = _feed(store, [ecb[f"19_{n}ecb"] for n in (1, 2, 3, 4)])
    riots = store.assignments()[0]
    unrelated = _add(store, clusterer, ecb["31_1ecb"])  # a basketball scoring record
    assert unrelated.story != riots.story
    assert unrelated.event != riots.event


def test_later_development_founds_an_event_in_the_same_story(
    store: Store, ecb: dict[str, Article]
) -> None:
    early = [replace(ecb[f"19_{n}ecb"], published="2008-12-08T12:00:00Z") for n in (1, 2, 3)]
    clusterer = _feed(store, early)
    later = replace(ecb["19_4ecb"], published="2008-12-20T09:00:00Z")
    assignment = _add(store, clusterer, later)
    first = store.assignments()[0]
    assert assignment.story == first.story
    assert assignment.event != first.event
    story = next(s for s in clusterer.stories() if s.id == first.story)
    assert len(story.events) == 2
    assert all(event.title for event in story.events)


def test_unknown_dates_do_not_split_an_event(store: Store, ecb: dict[str, Article]) -> None:
    dated = replace(ecb["19_1ecb"], published="2008-12-08T12:00:00Z")
    undated = [ecb[f"19_{n}ecb"] for n in (2, 3, 4)]
    clusterer = _feed(store, [dated, *undated])
    assert len({a.event for a in store.assignments()}) == 1
    assert len(clusterer.stories()) == 1


def test_events_do_not_depend_on_arrival_order(tmp_path, ecb: dict[str, Article]) -> None:  # type: ignore[no-untyped-def]
    from newstrace.store import SQLiteStore

    docs = sorted(ecb.values(), key=lambda a: a.id)
    partitions = []
    for seed in range(3):
        shuffled = docs[:]
        random.Random(seed).shuffle(shuffled)
        store = SQLiteStore(tmp_path / f"order{seed}.db")
        _feed(store, shuffled)
        partitions.append(_events(store))
        store.close()
    gold = {d.id: gold_event(d.id) for d in docs}
    for partition in partitions:
        assert _pair_agreement(partition, gold) >= 0.97
    assert _pair_agreement(partitions[0], partitions[1]) >= 0.97
    assert _pair_agreement(partitions[0], partitions[2]) >= 0.97


def test_a_new_process_continues_where_the_last_stopped(tmp_path, ecb: dict[str, Article]) -> None:  # type: ignore[no-untyped-def]
    from newstrace.store import SQLiteStore

    docs = [ecb[k] for k in sorted(ecb) if k.startswith(("19_", "31_"))]
    random.Random(7).shuffle(docs)
    whole = SQLiteStore(tmp_path / "whole.db")
    _feed(whole, docs)
    uninterrupted = _events(whole)
    whole.close()

    path = tmp_path / "resume.db"
    store = SQLiteStore(path)
    _feed(store, docs[:20])  # no flush, no close: as if the process were killed
    resumed_store = SQLiteStore(path)
    resumed = IncrementalClusterer(resumed_store, LEXICAL)
    assert resumed.active_articles == 20
    for article in docs[20:]:
        _add(resumed_store, resumed, article)
    after = _events(resumed_store)
    assert set(after) == {d.id for d in docs}
    assert _pair_agreement(after, uninterrupted) == 1.0
    stories = resumed.stories()
    assert sorted(a for s in stories for a in s.articles) == sorted(d.id for d in docs)
    resumed_store.close()
    store.close()


def test_recluster_rebuilds_the_same_events(store: Store, ecb: dict[str, Article]) -> None:
    docs = [ecb[k] for k in sorted(ecb) if k.startswith(("19_", "22_"))]
    _feed(store, docs)
    incremental = _events(store)
    stories = recluster(store, LEXICAL)
    rebuilt = _events(store)
    assert sorted(a for s in stories for a in s.articles) == sorted(incremental)
    assert _pair_agreement(incremental, rebuilt) >= 0.98
    assert {s.id for s in store.stories()} == {s.id for s in stories}


def test_lexical_path_and_vectors_both_work(store: Store, ecb: dict[str, Article]) -> None:
    import numpy as np

    rng = np.random.default_rng(0)
    topic_direction = {t: rng.normal(size=32) for t in ("19", "31")}
    docs = []
    for key in ("19_1ecb", "19_2ecb", "19_3ecb", "31_1ecb", "31_2ecb", "31_3ecb"):
        vector = topic_direction[key[:2]] + 0.3 * rng.normal(size=32)
        docs.append(replace(ecb[key], vector=(vector / np.linalg.norm(vector)).astype(np.float32)))
    _feed(store, docs)
    events = _events(store)
    assert events["19_1ecb"] == events["19_2ecb"] == events["19_3ecb"]
    assert events["31_1ecb"] == events["31_2ecb"] == events["31_3ecb"]
    assert events["19_1ecb"] != events["31_1ecb"]


def _reprint(article: Article, number: int, published: str) -> Article:
    """Another outlet's copy of a report: a new id, one of its last sentences dropped."""
    lines = article.text.split("\n")
    lines.pop(-1 - number // 2)
    text = "\n".join(lines)
    copy_id = f"{article.id}-copy{number}"
    return replace(article, id=copy_id, source=copy_id, text=text, hash="", published=published)


def test_a_story_goes_dormant_and_stops_growing_after_its_window(
    store: Store, ecb: dict[str, Article]
) -> None:
    """The same riots reported again after weeks of silence, or copies chained past the
    story's span, make a new story: a story is a developing topic, not a sink."""
    early = [replace(ecb[f"19_{n}ecb"], published="2008-12-08T12:00:00Z") for n in (1, 2)]
    clusterer = _feed(store, early)
    first = store.assignments()[0].story
    back = _add(store, clusterer, _reprint(ecb["19_1ecb"], 0, "2009-01-20T12:00:00Z"))
    assert back.story != first  # 43 quiet days: the first story went dormant
    # copies every 15 days keep one story going until it would span more than 60 days
    chained = [
        _add(store, clusterer, _reprint(ecb[f"19_{n}ecb"], k, day))
        for k, (n, day) in enumerate(
            [
                (2, "2009-02-04T12:00:00Z"),
                (1, "2009-02-19T12:00:00Z"),
                (2, "2009-03-06T12:00:00Z"),
                (1, "2009-03-25T12:00:00Z"),
            ],
            start=1,
        )
    ]
    assert {a.story for a in chained[:3]} == {back.story}
    assert chained[3].story != back.story


def test_stories_merge_only_while_small_and_within_the_window(store: Store) -> None:
    """A bridging article merges two young stories, never two sprawling or far-apart ones."""
    from newstrace.cluster.state import StoryState

    clusterer = IncrementalClusterer(store, LEXICAL)

    def story(name: str, events: int, first: float, last: float) -> StoryState:
        state = StoryState(id=name, events=[f"{name}-e{k}" for k in range(events)])
        state.first_day, state.last_day = first, last
        return state

    assert clusterer._may_merge(story("a", 2, 100, 110), story("b", 3, 105, 120))
    assert not clusterer._may_merge(story("a", 5, 100, 110), story("b", 4, 105, 120))
    assert not clusterer._may_merge(story("a", 2, 100, 130), story("b", 2, 150, 170))
