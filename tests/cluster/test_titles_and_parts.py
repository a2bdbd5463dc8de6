"""Event/story titles read like headlines."""

from __future__ import annotations

from collections import Counter

from newstrace.cluster.titles import best_headline, story_title
from newstrace.index import HashedTfidf

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
