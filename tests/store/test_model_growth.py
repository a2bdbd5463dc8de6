"""A field added to a model dataclass later is stored and read back without a schema change."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pytest

from newstrace.model import Article, Evidence, Flag, Story, StoryProvenance
from newstrace.store import Store, codec


@dataclass
class FlagWithContext(Flag):
    """Flag as it might look after someone adds optional fields to model.py."""

    context: list[Evidence] = field(default_factory=list)
    checked_by: str | None = None


@dataclass
class ArticleWithLanguage(Article):
    language: str | None = None
    title_vector: np.ndarray | None = None


def test_new_provenance_field_round_trips(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    tables = tuple(
        (
            attr,
            codec.Table(t.name, FlagWithContext, t.columns, t.separate) if attr == "flags" else t,
        )
        for attr, t in codec.PROVENANCE
    )
    monkeypatch.setattr(codec, "PROVENANCE", tables)
    flag = FlagWithContext(
        "gazette-7",
        "altered",
        "Some 20,000 residents left.",
        [Evidence("wire", "2,000 left.")],
        context=[Evidence("wire", "Officials said 2,000.")],
        checked_by="numbers",
    )
    store.save_provenance(StoryProvenance("s1", flags=[flag]))
    loaded = store.get_provenance("s1")
    assert loaded is not None and loaded.flags == [flag]


def test_rows_with_unknown_fields_still_load(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    original = codec.PROVENANCE
    tables = tuple(
        (
            attr,
            codec.Table(t.name, FlagWithContext, t.columns, t.separate) if attr == "flags" else t,
        )
        for attr, t in original
    )
    monkeypatch.setattr(codec, "PROVENANCE", tables)
    store.save_provenance(
        StoryProvenance("s1", flags=[FlagWithContext("a", "unsupported", "t", checked_by="x")])
    )
    monkeypatch.setattr(codec, "PROVENANCE", original)  # a newstrace that no longer knows them
    loaded = store.get_provenance("s1")
    assert loaded is not None and loaded.flags == [Flag("a", "unsupported", "t")]


def test_new_article_fields_round_trip(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        codec,
        "ARTICLES",
        codec.Table(
            "articles", ArticleWithLanguage, codec.ARTICLES.columns, codec.ARTICLES.separate
        ),
    )
    article = ArticleWithLanguage(id="a", source="s", text="Ferries resumed.", language="en")
    store.add_article(article)
    loaded = store.get_article("a")
    assert isinstance(loaded, ArticleWithLanguage) and loaded.language == "en"
    article.analyzed_with = "rules"
    article.language = "en-GB"  # set by analysis: saved with the layers
    article.title_vector = np.arange(4, dtype=np.float32)
    store.save_analysis(article)
    loaded = store.get_article("a")
    assert isinstance(loaded, ArticleWithLanguage) and loaded.language == "en-GB"
    assert loaded.title_vector is not None
    assert np.array_equal(loaded.title_vector, np.arange(4, dtype=np.float32))


def test_story_extra_field(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    @dataclass
    class StoryWithSummary(Story):
        summary: str = ""

    monkeypatch.setattr(
        codec,
        "STORIES",
        codec.Table("stories", StoryWithSummary, ("id", "title", "articles"), ("events",)),
    )
    story = StoryWithSummary("s1", "Depot fire", ["a"], [], summary="A fire forced 2,000 out.")
    store.save_stories([story])
    assert store.get_story("s1") == story
