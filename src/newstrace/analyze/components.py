"""The analyze stage's components: each reads the layers earlier ones set and adds its own.

As in a spaCy pipeline, `Analyzer` runs a declared list of named components over a batch of
articles (see `Analyzer.components`); each component here is a function
`component(articles) -> None` that fills one layer of every article. Entity finding and
vectors need loaded models, so those two are methods of the Analyzer that holds them.
"""

from __future__ import annotations

from collections.abc import Sequence

from newstrace.analyze.negation import find_negations
from newstrace.analyze.ownership import owned_figures
from newstrace.analyze.quotes import extract_quotes
from newstrace.analyze.sentences import split_sentences
from newstrace.analyze.sources import cited_sources
from newstrace.model import Article


def sentences(articles: Sequence[Article]) -> None:
    """text -> sentences (with paragraph numbers)."""
    for article in articles:
        article.sentences = split_sentences(article.text)


def quotes(articles: Sequence[Article]) -> None:
    """sentences + mentions -> quotes (direct and indirect, speakers resolved)."""
    for article in articles:
        article.quotes = extract_quotes(article.text, article.sentences, article.mentions)


def sources(articles: Sequence[Article]) -> None:
    """sentences + mentions + quotes (+ dateline, byline) -> cited_sources."""
    for article in articles:
        article.cited_sources = cited_sources(
            article.sentences,
            article.mentions,
            article.quotes,
            text=article.text,
            author=article.author,
            outlet=article.outlet,
        )


def figures(articles: Sequence[Article]) -> None:
    """sentences + quotes + cited_sources -> quantities, each with its owner."""
    for article in articles:
        article.quantities = owned_figures(article)


def negations(articles: Sequence[Article]) -> None:
    """sentences -> negations (negated predicates, for the support checker and flags)."""
    for article in articles:
        article.negations = find_negations(article)
