"""Helpers the quote and attribution tests share: analyse one text on the lexical path (rule
NER, no vectors) and read its quotes."""

from __future__ import annotations

from newstrace.analyze import Analyzer
from newstrace.model import Article, Quote
from newstrace.settings import Settings


def analysed(text: str, article_id: str = "t") -> Article:
    """`text` as one article, analysed by the lexical analyzer (no vectors)."""
    article = Article(id=article_id, source="mem", text=text)
    Analyzer(Settings.lexical(), embed=False).analyze([article])
    return article


def quotes_of(text: str) -> list[Quote]:
    return analysed(text).quotes


def only_quote(text: str) -> Quote:
    """The one quote of `text` (fails when there are none or several)."""
    (quote,) = analysed(text).quotes
    return quote
