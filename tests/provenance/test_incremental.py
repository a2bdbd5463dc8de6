"""A stored story takes a new article: only the new one is placed; what was stored stays."""

from __future__ import annotations

from newstrace.analyze import Analyzer
from newstrace.model import Article
from newstrace.provenance import analyze_story, placed_articles
from newstrace.settings import Settings
from tests.provenance.stories_llm import (
    FIRE_LOCAL,
    FIRE_NATIONAL,
    FIRE_WIRE,
    article,
    fire_copies,
)

LEXICAL = Settings.lexical()


def _story(analyzer: Analyzer, count: int) -> list[Article]:
    wire = article("wire", FIRE_WIRE, "2026-03-02T06:05:00Z", "Northgate Press")
    local = article("local", FIRE_LOCAL, "2026-03-02T09:00:00Z", "Ashgrove Echo")
    national = article("national", FIRE_NATIONAL, "2026-03-02T11:00:00Z", "The Ledger")
    copies = [
        article(f"paper{i:02d}", text, f"2026-03-02T{7 + i:02d}:30:00Z", f"Paper {i}")
        for i, text in enumerate(fire_copies(count))
    ]
    articles = [wire, local, national, *copies]
    analyzer.analyze(articles)
    return articles


def test_a_new_copy_joins_the_stored_group_and_the_rest_is_kept(
    lexical_analyzer: Analyzer,
) -> None:
    articles = _story(lexical_analyzer, 7)
    stored = analyze_story(articles[:-1], [], LEXICAL)
    assert placed_articles(stored) >= {"wire", "paper00", "paper05"}
    new = articles[-1]
    updated = analyze_story(articles, [], LEXICAL, previous=stored, new_ids={new.id})
    # the new copy is derived from the full wire text, in the wire's syndication group
    [link] = [d for d in updated.derivations if d.derived == new.id]
    assert (link.source, link.strength) == ("wire", "derived")
    assert link.group == "wire"
    # every stored link is still there, unchanged; the independent reports stay unlinked
    before = {(d.source, d.derived, d.score, d.group) for d in stored.derivations}
    after = {(d.source, d.derived, d.score, d.group) for d in updated.derivations}
    assert before <= after and len(after - before) == 1
    assert not [d for d in updated.derivations if {"local", "national"} & {d.source, d.derived}]


def test_adding_one_article_gives_what_placing_all_of_them_gives(
    lexical_analyzer: Analyzer,
) -> None:
    articles = _story(lexical_analyzer, 5)
    stored = analyze_story(articles[:-1], [], LEXICAL)
    updated = analyze_story(articles, [], LEXICAL, previous=stored, new_ids={articles[-1].id})
    whole = analyze_story(articles, [], LEXICAL)
    links = {(d.source, d.derived, d.strength, d.group) for d in whole.derivations}
    assert {(d.source, d.derived, d.strength, d.group) for d in updated.derivations} == links
    flagged = {(f.article, f.kind, f.text) for f in whole.flags}
    assert {(f.article, f.kind, f.text) for f in updated.flags} == flagged
