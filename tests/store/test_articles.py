"""Articles and analysis layers: idempotent insert, ingest order, exact round trips."""

from __future__ import annotations

import numpy as np
import pytest

from newstrace.model import Article, EntityMention, Quantity, Quote, Sentence
from newstrace.store import Store

BODY = (
    "More than 2,000 residents were evacuated on Tuesday after a fire at a chemical depot. "
    '"Stay indoors," fire chief Daniel Okafor said.'
)


def _article(article_id: str = "gazette-1", text: str = BODY) -> Article:
    return Article(
        id=article_id,
        source=f"corpus/{article_id}.txt",
        text=text,
        title="Depot fire forces evacuation",
        outlet="Eastport Gazette",
        published="2026-03-04T15:00:00Z",
        author="Helen Marsh",
        url=f"https://eastportgazette.example/{article_id}",
        format="text",
    )


def _analysed(article: Article) -> Article:
    first_end = article.text.index("depot.") + len("depot.")
    article.sentences = [
        Sentence(0, article.text[:first_end], 0, first_end, 0),
        Sentence(1, article.text[first_end + 1 :], first_end + 1, len(article.text), 0),
    ]
    article.mentions = [
        EntityMention(
            "Daniel Okafor",
            "PERSON",
            1,
            article.text.index("Daniel"),
            article.text.index(" said"),
            "Daniel Okafor",
        ),
        EntityMention("Tuesday", "DATE", 0, 42, 49),
    ]
    article.quotes = [
        Quote("Stay indoors,", "Daniel Okafor", 1, "direct", "said", "fire chief Daniel Okafor")
    ]
    article.quantities = [
        Quantity(
            2000.0,
            "residents",
            "more_than",
            0,
            article.sentences[0].text,
            "More than 2,000 residents",
        ),
        Quantity(1.5, "km", "range", 0, "x", "1.5-2.25 km", upper=2.25, attributed_to="officials"),
    ]
    article.cited_sources = ["Reuters"]
    rng = np.random.default_rng(4)
    vectors = rng.standard_normal((2, 384)).astype(np.float32)
    article.sentence_vectors = vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
    article.vector = article.sentence_vectors.mean(axis=0).astype(np.float32)
    article.analyzed_with = "spacy+minilm-onnx"
    return article


def test_add_and_get(store: Store) -> None:
    article = _article()
    assert store.add_article(article)
    loaded = store.get_article("gazette-1")
    assert loaded == article
    assert store.has_hash(article.hash)
    assert not store.has_hash("0" * 64)
    assert store.get_article("missing") is None
    assert store.article_count() == 1


def test_add_is_idempotent_by_id_and_keeps_copies_under_other_ids(store: Store) -> None:
    original = _article()
    assert store.add_article(original)
    same_id = _article(text="A different text under the same id.")
    same_text = _article(
        "herald-9",
        text="  more than 2,000 residents   were evacuated on Tuesday after a fire at a chemical depot. "
        '"Stay indoors," fire chief Daniel Okafor said.',
    )
    assert not store.add_article(same_id)
    assert store.add_article(same_text)  # another outlet's verbatim copy: kept
    assert not store.add_article(same_text)
    assert store.article_count() == 2
    assert store.get_article("gazette-1") == original
    assert store.get_article("herald-9") == same_text


def test_ingest_order_and_subsets(store: Store) -> None:
    ids = [f"a{n:03d}" for n in range(450)]  # more than one page of the iterator
    for article_id in ids:
        assert store.add_article(
            _article(article_id, text=f"Report number {article_id} on the depot fire.")
        )
    assert [a.id for a in store.articles(with_analysis=False)] == ids
    wanted = ["a300", "a002", "a123", "nope", "a002"]
    assert [a.id for a in store.articles(wanted)] == ["a002", "a123", "a300"]
    assert store.article_count() == 450


def test_analysis_round_trip_is_exact(store: Store) -> None:
    article = _article()
    store.add_article(article)
    assert store.unanalyzed_ids() == ["gazette-1"]
    analysed = _analysed(_article())
    store.save_analysis(analysed)
    loaded = store.get_article("gazette-1")
    assert loaded is not None
    assert loaded.sentences == analysed.sentences
    assert loaded.mentions == analysed.mentions
    assert loaded.quotes == analysed.quotes
    assert loaded.quantities == analysed.quantities
    assert loaded.cited_sources == ["Reuters"]
    assert loaded.analyzed_with == "spacy+minilm-onnx"
    assert loaded.sentence_vectors is not None and loaded.vector is not None
    assert analysed.sentence_vectors is not None and analysed.vector is not None
    assert loaded.sentence_vectors.dtype == np.float32 and loaded.sentence_vectors.shape == (2, 384)
    assert np.array_equal(loaded.sentence_vectors, analysed.sentence_vectors)
    assert np.array_equal(loaded.vector, analysed.vector)
    assert store.unanalyzed_ids() == []
    plain = store.get_article("gazette-1", with_analysis=False)
    assert plain is not None and plain.sentences == [] and not plain.analyzed


def test_analysis_is_replaced_not_appended(store: Store) -> None:
    store.add_article(_analysed(_article()))  # an analysed article is stored with its layers
    replacement = _article()
    replacement.sentences = [Sentence(0, replacement.text, 0, len(replacement.text))]
    replacement.analyzed_with = "rules+lexical"
    store.save_analysis(replacement)
    loaded = store.get_article("gazette-1")
    assert loaded is not None
    assert len(loaded.sentences) == 1 and loaded.mentions == []
    assert loaded.vector is None and loaded.sentence_vectors is None
    assert loaded.analyzed_with == "rules+lexical"


def test_analysis_of_unknown_article_is_refused(store: Store) -> None:
    with pytest.raises(KeyError, match="not stored"):
        store.save_analysis(_analysed(_article("ghost")))
    assert store.article_count() == 0


def test_full_text_search(store: Store) -> None:
    fire = _article("fire", text="Residents were evacuated after a fire at a chemical depot.")
    ferry = _article("ferry", text="Ferry services to Harlow Island resumed on Thursday.")
    ferry.title = "Ferries back after the depot closure"
    fire.title = "Chemical fire"
    store.add_article(fire)
    store.add_article(ferry)
    assert store.search("evacuation") == ["fire"]  # stemmed
    assert store.search("ferry Harlow") == ["ferry"]
    assert store.search("ferries closure") == ["ferry"]  # title is searched too
    assert set(store.search("depot")) == {"fire", "ferry"}
    assert store.search('"unbalanced AND ( quote') == []
    assert set(store.search("evacuated OR Harlow")) == {"fire", "ferry"}
    assert store.search("depot -ferry") == ["fire"]
    assert store.search('"chemical depot"') == ["fire"]
    assert store.search('"depot chemical"') == []  # a phrase keeps its word order
    assert store.search("-depot") == []
    assert store.search("   ") == []
    assert store.search("depot", limit=1) in (["fire"], ["ferry"])


def test_title_match_ranks_first(store: Store) -> None:
    text_only = _article("text-only", text="Inspectors visited the harbour depot, then the quay.")
    text_only.title = "Inspection day"
    in_title = _article("in-title", text="Inspectors visited the site on Monday and the quay.")
    in_title.title = "Harbour depot inspected"
    store.add_article(text_only)
    store.add_article(in_title)
    assert store.search("harbour depot") == ["in-title", "text-only"]
