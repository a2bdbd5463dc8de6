"""Which of two related articles is the source? Evidence first, guesses last, always said.

In order: one cites the other's outlet; publication times; containment (the derived article
holds the source's sentences plus additions); headline duplication; else the longer article
is taken as derived and the evidence says so.
"""

from __future__ import annotations

from dataclasses import dataclass

from dateutil import parser as dateparser

from newstrace.align.lexical import content_words
from newstrace.model import Article
from newstrace.provenance.derivation import PairEvidence

# how much more of one article the other restates before containment decides
CONTAINMENT_MARGIN = 0.15


@dataclass
class Direction:
    source: str
    derived: str
    evidence: str


def _timestamp(article: Article) -> float | None:
    if not article.published:
        return None
    try:
        return float(dateparser.isoparse(article.published).timestamp())
    except (ValueError, OverflowError):
        try:
            return float(dateparser.parse(article.published).timestamp())
        except (ValueError, OverflowError):
            return None


def _cites(citing: Article, cited: Article) -> bool:
    if not cited.outlet:
        return False
    outlet = cited.outlet.lower()
    return any(outlet == c.lower() or outlet in c.lower() for c in citing.cited_sources)


def _holds_title(article: Article, other: Article) -> bool:
    """`article` repeats the other's headline in its body."""
    if not other.title:
        return False
    title = " ".join(content_words(other.title))
    return len(title) > 10 and title in " ".join(content_words(article.text))


def decide(a: Article, b: Article, evidence: PairEvidence) -> Direction:
    """Direction between a and b, given b aligned onto a."""
    if _cites(b, a) and not _cites(a, b):
        return Direction(a.id, b.id, f"cites {a.outlet}")
    if _cites(a, b) and not _cites(b, a):
        return Direction(b.id, a.id, f"cites {b.outlet}")
    ta, tb = _timestamp(a), _timestamp(b)
    if ta is not None and tb is not None and ta != tb:
        return (
            Direction(a.id, b.id, "published earlier")
            if ta < tb
            else Direction(b.id, a.id, "published earlier")
        )
    if evidence.covered_a >= evidence.covered_b + CONTAINMENT_MARGIN:
        return Direction(
            a.id,
            b.id,
            f"containment: {evidence.covered_a:.0%} of the source restated, plus additions",
        )
    if evidence.covered_b >= evidence.covered_a + CONTAINMENT_MARGIN:
        return Direction(
            b.id,
            a.id,
            f"containment: {evidence.covered_b:.0%} of the source restated, plus additions",
        )
    if _holds_title(b, a) and not _holds_title(a, b):
        return Direction(a.id, b.id, "headline duplication")
    if _holds_title(a, b) and not _holds_title(b, a):
        return Direction(b.id, a.id, "headline duplication")
    if len(b.text) >= len(a.text):
        return Direction(a.id, b.id, "undetermined: the longer article is taken as derived")
    return Direction(b.id, a.id, "undetermined: the longer article is taken as derived")
