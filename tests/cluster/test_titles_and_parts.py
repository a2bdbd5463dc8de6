"""Event/story titles read like headlines."""

from __future__ import annotations

from collections import Counter

from newstrace.cluster.titles import best_headline, story_title
from newstrace.index import HashedTfidf
from newstrace.model import Article
from newstrace.store import Store

HEADLINES = [
    "Police clash with protesters in Athens after teenager's shooting",
    "Weather: sunny spells expected across the region this weekend",
    "Athens riots spread as students protest police shooting of teenager",
]


def _model() -> HashedTfidf:
    model = HashedTfidf(1 << 16)
    for text in [*HEADLINES, "Markets rallied on Friday as oil prices fell", "Rain in Athens"]:
        model.fit_transform(text)
    return model


def test_the_headline_closest_to_the_centroid_titles_the_event() -> None:
    model = _model()
    centroid = model.transform(HEADLINES[0] + " " + HEADLINES[2] + " riots police teenager")
    assert best_headline(HEADLINES, centroid, model) in (HEADLINES[0], HEADLINES[2])


def test_story_title_prefers_a_representative_event() -> None:
    model = _model()
    centroid = model.transform("riots police shooting teenager Athens protest students")
    title = story_title([(HEADLINES[1], 3), (HEADLINES[2], 5)], centroid, Counter(), model)
    assert title == HEADLINES[2]


def test_titles_drop_the_dateline_and_the_closing_attribution() -> None:
    from newstrace.cluster.titles import readable_title

    assert (
        readable_title(
            "GREYWICK, May 11 (Northline) - Thousands of dead fish were found along the River "
            "Osk on Sunday after ammonia solution leaked from a storage tank at the Osk Valley "
            "Chemicals fertiliser plant outside Greywick, environmental officials said."
        )
        == "Thousands of dead fish were found along the River Osk on Sunday"
    )
    assert (
        readable_title("Heavy rain flooded 212 homes in Brindlemoor on Monday, the council said.")
        == "Heavy rain flooded 212 homes in Brindlemoor on Monday"
    )
    long_lead = (
        "KYIV, Ukraine — President Volodymyr Zelensky shared that he has continued discussions "
        "with his French counterpart on a plan for a force to be deployed after a ceasefire."
    )
    title = readable_title(long_lead)
    assert len(title) <= 80 and title.startswith("President Volodymyr Zelensky shared")
    assert title.endswith("…") and not title.startswith("KYIV")


def test_story_and_event_titles_of_real_reports_read_as_headlines(
    ecb: dict[str, Article], store: Store
) -> None:
    """Real ECB+ reports carry no headline: the titles come from their leads. Each is at most
    80 characters, starts a sentence, and names the happening (read and checked by hand:
    the riots, the trial, the scoring record)."""
    from newstrace.cluster import IncrementalClusterer
    from newstrace.settings import Settings

    clusterer = IncrementalClusterer(store, Settings.lexical())
    for doc in ecb.values():
        store.add_article(doc)
        clusterer.add(doc)
    stories = clusterer.stories()
    titles = [s.title for s in stories] + [e.title for s in stories for e in s.events]
    assert titles and all(0 < len(t) <= 80 for t in titles), [t for t in titles if len(t) > 80]
    assert all(t[:1].isupper() or t[:1].isdigit() or t[:1] in "\"“'‘" for t in titles)
    biggest = max(stories, key=lambda s: len(s.articles))
    words = {w.strip(".,").lower() for s in stories for w in s.title.split()}
    assert words & {"riots", "rioting", "riot", "police", "athens", "greece", "protesters"}
    assert biggest.title and "http" not in biggest.title
