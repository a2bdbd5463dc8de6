"""Sentence alignment across two articles: shared, reworded and altered pairs."""

from __future__ import annotations

from newstrace.align import align_articles
from newstrace.analyze import Analyzer
from newstrace.model import Article
from newstrace.settings import Settings

SOURCE = (
    "Dock workers across Port Marrow stopped work on Friday in a dispute over night-shift pay. "
    "The dockers' union said 5,000 workers had joined the stoppage at the port's three terminals. "
    "Cargo handling at the container terminal came to a standstill by mid-morning."
)
DERIVED = (
    "Dock workers across Port Marrow stopped work on Friday in a dispute over night-shift pay. "
    "According to the dockers' union, 50,000 workers had joined the stoppage at the port's three terminals. "
    "By mid-morning, cargo handling at the container terminal had come to a standstill. "
    "The mayor urged both sides to settle quickly."
)


def test_pairs_say_how_each_sentence_relates() -> None:
    articles = [Article("src", "src", SOURCE), Article("der", "der", DERIVED)]
    Analyzer(Settings.lexical()).analyze(articles)
    pairs = align_articles(articles[0], articles[1], Settings.lexical())
    relations = [(p.derived_sentence, p.source_sentence, p.relation) for p in pairs]
    assert relations == [(0, 0, "shared"), (1, 1, "altered"), (2, 2, "reworded")]
    assert all(p.source == "src" and p.derived == "der" for p in pairs)
    assert pairs[0].similarity == 1.0


def test_unanalysed_articles_fall_back_to_a_regex_split() -> None:
    pairs = align_articles(Article("src", "src", SOURCE), Article("der", "der", DERIVED))
    assert [p.relation for p in pairs] == ["shared", "altered", "reworded"]
