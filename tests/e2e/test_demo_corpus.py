"""The demo corpus says what demo/README.md claims (guards the ground truth against edits)."""

from __future__ import annotations

import re

import pytest

from newstrace.ingest import read_paths
from newstrace.model import Article
from tests.e2e import ground_truth as gt
from tests.e2e.conftest import DEMO_CORPUS

SENTENCE_END = re.compile(r"(?<=[.!?\"])\s+(?=[\"A-Z])")


@pytest.fixture(scope="module")
def corpus() -> dict[str, Article]:
    articles = [a for a in read_paths([DEMO_CORPUS]) if isinstance(a, Article)]
    ids = gt.resolve_ids([a.id for a in articles])
    by_id = {a.id: a for a in articles}
    return {key: by_id[aid] for key, aid in ids.items()}


def _paragraphs(article: Article) -> list[str]:
    return [p.strip() for p in article.text.split("\n\n") if p.strip()]


def _sentences(article: Article) -> list[str]:
    return [s for p in _paragraphs(article) for s in SENTENCE_END.split(p)]


def test_every_format_and_article_is_there(corpus: dict[str, Article]) -> None:
    assert sorted(corpus) == sorted(t.key for t in gt.ARTICLES)
    assert {a.format for a in corpus.values()} == {"text", "html", "jsonl", "feed", "warc"}
    for article in corpus.values():
        words = len(article.text.split())
        assert 250 <= words <= 600, f"{article.id}: {words} words"


def test_verbatim_copy_is_the_wire_plus_a_credit(corpus: dict[str, Article]) -> None:
    wire, copy = _paragraphs(corpus[gt.WIRE]), _paragraphs(corpus[gt.VERBATIM_COPY])
    assert copy[: len(wire)] == wire
    assert copy[len(wire) :] == ["(MPA)"]
    assert corpus[gt.VERBATIM_COPY].title != corpus[gt.WIRE].title


def test_trimmed_syndication_keeps_seven_wire_paragraphs_and_adds_its_own(
    corpus: dict[str, Article],
) -> None:
    wire = _paragraphs(corpus[gt.WIRE])
    valley = _paragraphs(corpus[gt.TRIMMED_SYNDICATION])
    kept = [p for p in wire if p in valley]
    added = [p for p in valley if p not in wire]
    assert len(kept) == 7 and len(wire) == 10
    assert len(added) == 4  # Elmbrook line, Derrey's quote, Valley Coaches, the credit line


def test_rewrite_rewords_every_sentence_invents_a_quote_and_flips_a_figure(
    corpus: dict[str, Article],
) -> None:
    wire_text = corpus[gt.WIRE].text
    rewrite = corpus[gt.REWRITE]
    assert not [s for s in _sentences(rewrite) if s in wire_text]
    assert gt.INVENTED_QUOTE in rewrite.text
    earlier = [a for a in corpus.values() if (a.published or "") < (rewrite.published or "")]
    assert all(gt.INVENTED_QUOTE not in a.text for a in earlier)
    assert gt.FLIPPED_SENTENCE in rewrite.text and gt.FLIP_SOURCE_SENTENCE in wire_text
    assert "4 percent" not in rewrite.text


def test_the_conflicting_figures_are_stated_by_the_reporters(corpus: dict[str, Article]) -> None:
    assert gt.CONFLICT_WIRE_SENTENCE in corpus[gt.WIRE].text
    assert gt.CONFLICT_OBSERVER_SENTENCE in corpus[gt.OBSERVER].text
    assert "1,400" not in corpus[gt.OBSERVER].text


def test_independent_reports_share_no_sentence_with_the_wire(corpus: dict[str, Article]) -> None:
    wire_sentences = set(_sentences(corpus[gt.WIRE]))
    for key in gt.INDEPENDENT[1:]:
        shared = wire_sentences & set(_sentences(corpus[key]))
        assert not shared, f"{key} shares {shared}"
